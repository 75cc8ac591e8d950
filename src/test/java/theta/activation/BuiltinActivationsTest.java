package theta.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in activation: values against 60-digit references, f' against a plain
 * central-difference twin of the verifier (one-sided beside kinks), and no NaN for |x| <= 1e4.
 */
class BuiltinActivationsTest {

    static Stream<Activation> builtins() {
        return Activations.builtins().stream();
    }

    /** Inputs away from kinks, including +-1e-3 ... +-1e4, below the documented overflow. */
    private static List<Double> smoothPoints(Activation a) {
        List<Double> xs = new ArrayList<>();
        for (double x = -20; x <= 20; x += 0.125) {
            xs.add(x + 0.01);
        }
        for (double x : new double[] {1e-3, 0.5, 1, 7, 30, 100, 1e3, 1e4}) {
            xs.add(x);
            xs.add(-x);
        }
        xs.removeIf(x -> nearKink(a, x, 1e-3) || x + 1 > a.maxFiniteInput());
        return xs;
    }

    private static boolean nearKink(Activation a, double x, double distance) {
        for (double k : a.kinks()) {
            if (Math.abs(x - k) <= distance) {
                return true;
            }
        }
        return false;
    }

    /** (g(x+h) - g(x-h)) / 2h with h = 1e-6 max(1, min(|x|, 100)). */
    private static double central(DoubleUnaryOperator g, double x) {
        double h = 1e-6 * Math.max(1, Math.min(Math.abs(x), 100));
        return (g.applyAsDouble(x + h) - g.applyAsDouble(x - h)) / (2 * h);
    }

    /** (-3 g(x) + 4 g(x+s) - g(x+2s)) / 2s: one-sided, s &lt; 0 looks left. */
    private static double oneSided(DoubleUnaryOperator g, double x, double s) {
        return (-3 * g.applyAsDouble(x) + 4 * g.applyAsDouble(x + s) - g.applyAsDouble(x + 2 * s)) / (2 * s);
    }

    /** Relative 1e-6, plus the rounding of f divided by the step (f' tiny next to f). */
    private static boolean close(double analytical, double numerical, double fScale, double h) {
        double allowed = 1e-6 * Math.max(Math.abs(analytical), Math.abs(numerical))
                + 1e3 * Math.ulp(Math.abs(fScale)) / h + 1e-300;
        return Math.abs(analytical - numerical) <= allowed;
    }

    @ParameterizedTest
    @MethodSource("builtins")
    void derivativeMatchesCentralDifference(Activation a) {
        List<String> wrong = new ArrayList<>();
        for (double x : smoothPoints(a)) {
            double d = a.df(x, a.f(x));
            double n = central(a::f, x);
            double h = 1e-6 * Math.max(1, Math.min(Math.abs(x), 100));
            if (!close(d, n, a.f(x), h)) {
                // f'' may jump where f' does not (sqnl at +-2): then one side must agree
                double left = oneSided(a::f, x, -h / 16);
                double right = oneSided(a::f, x, h / 16);
                if (!close(d, left, a.f(x), h / 16) && !close(d, right, a.f(x), h / 16)) {
                    wrong.add("x=" + x + ": df=" + d + ", numerical=" + n);
                }
            }
        }
        assertTrue(wrong.isEmpty(), a.spec() + ": " + wrong.size() + " points, e.g. "
                + wrong.subList(0, Math.min(5, wrong.size())));
    }

    @ParameterizedTest
    @MethodSource("builtins")
    void derivativeBesideKinksIsOneSided(Activation a) {
        for (double k : a.kinks()) {
            double scale = Math.max(1, Math.abs(k));
            for (double delta : new double[] {1e-9 * scale, 1e-6 * scale, 1e-3}) {
                for (double x : new double[] {k + delta, k - delta}) {
                    double s = Math.copySign(1e-6 * scale, x - k); // pointing away from the kink
                    double d = a.df(x, a.f(x));
                    double n = oneSided(a::f, x, s);
                    assertTrue(close(d, n, a.f(x), Math.abs(s)), a.spec() + " at " + x + ": df=" + d
                            + ", one-sided=" + n);
                }
            }
            double d = a.df(k, a.f(k));
            double left = oneSided(a::f, k, -1e-6 * scale);
            double right = oneSided(a::f, k, 1e-6 * scale);
            assertTrue(close(d, left, a.f(k), 1e-6 * scale) || close(d, right, a.f(k), 1e-6 * scale),
                    a.spec() + " at kink " + k + ": df=" + d + ", left=" + left + ", right=" + right);
        }
    }

    @ParameterizedTest
    @MethodSource("builtins")
    void noNaNForInputsUpTo1e4(Activation a) {
        TreeSet<Double> xs = new TreeSet<>();
        for (int i = -20000; i <= 20000; i++) {
            xs.add(i * 0.5);
            xs.add(i * 1.5e-3);
        }
        for (double x : new double[] {0.0, Double.MIN_VALUE, Double.MIN_NORMAL, 1e-300, 1e-16, 708, 709.78,
            710, 745, 750, 1e4}) {
            xs.add(x);
            xs.add(-x);
        }
        SplittableRandom rng = new SplittableRandom(7);
        for (double x : xs) {
            double y = a.f(x);
            double d = a.df(x, y);
            double yTrain = a.fTrain(x, rng);
            double dTrain = a.df(x, yTrain);
            if (x <= a.maxFiniteInput()) {
                if (!(Double.isFinite(y) && Double.isFinite(d) && Double.isFinite(yTrain)
                        && Double.isFinite(dTrain))) {
                    fail(a.spec() + " at " + x + ": f=" + y + ", df=" + d + ", fTrain=" + yTrain);
                }
            } else {
                assertTrue(Double.isFinite(y) || y == Double.POSITIVE_INFINITY, a.spec() + " f at " + x);
                assertFalse(Double.isNaN(d) || Double.isNaN(dTrain), a.spec() + " df at " + x);
            }
        }
    }

    /** Values and derivatives against src/test/resources/theta/activation/activation_values.csv. */
    @Test
    void matchesReferenceValues() throws IOException {
        List<String[]> rows = readReference();
        TreeSet<String> covered = new TreeSet<>();
        List<String> wrong = new ArrayList<>();
        for (String[] row : rows) {
            Activation a = Activations.parse(row[0]);
            double x = Double.parseDouble(row[1]);
            double f = Double.parseDouble(row[2]);
            double df = Double.parseDouble(row[3]);
            covered.add(row[0]);
            double y = a.f(x);
            // 1e-13: the implementations reach a few ulps, the tails (gelu at -20) about 1e-14
            if (!agrees(f, y, 1e-13)) {
                wrong.add(row[0] + " f(" + x + ") = " + y + ", expected " + f);
            }
            if (!agrees(df, a.df(x, y), 1e-12)) {
                wrong.add(row[0] + " df(" + x + ") = " + a.df(x, y) + ", expected " + df);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertEquals(new TreeSet<>(Activations.names()), covered, "every builtin has reference values");
    }

    private static boolean agrees(double expected, double actual, double relative) {
        if (Double.isInfinite(expected)) {
            return expected == actual;
        }
        return Math.abs(actual - expected) <= relative * Math.abs(expected) + 1e-300;
    }

    private static List<String[]> readReference() throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                BuiltinActivationsTest.class.getResourceAsStream("activation_values.csv"),
                StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                rows.add(line.split(","));
            }
        }
        return rows;
    }
}
