package theta.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import theta.activation.Verification.Check;
import theta.activation.Verification.Point;

class ActivationVerifierTest {

    /** A user activation from two lambdas, optionally with kinks and an overflow bound. */
    private record User(String spec, DoubleUnaryOperator value, DoubleBinaryOperator slope, double[] kinkList,
                        double maxInput) implements Activation {
        User(String spec, DoubleUnaryOperator value, DoubleBinaryOperator slope) {
            this(spec, value, slope, new double[0], Double.POSITIVE_INFINITY);
        }

        @Override public double f(double x) {
            return value.applyAsDouble(x);
        }

        @Override public double df(double x, double y) {
            return slope.applyAsDouble(x, y);
        }

        @Override public double[] kinks() {
            return kinkList.clone();
        }

        @Override public double maxFiniteInput() {
            return maxInput;
        }
    }

    @Test
    void acceptsEveryBuiltin() {
        List<String> refused = new ArrayList<>();
        for (Activation a : Activations.builtins()) {
            Verification v = ActivationVerifier.verify(a);
            assertEquals(v.ok(), v.offending().isEmpty());
            if (!v.ok()) {
                refused.add(v.summary());
            }
        }
        assertTrue(refused.isEmpty(), String.join("\n", refused));
        assertEquals("tanh: df agrees with f", ActivationVerifier.verify(Activations.parse("tanh")).summary());
    }

    @Test
    void acceptsBuiltinsWithOtherParameters() {
        for (String spec : List.of("elu:alpha=0.5", "elu:alpha=-0.3", "celu:alpha=0.1", "leaky_relu:slope=0.3",
                "prelu:a=-0.3", "rrelu:lower=0.01,upper=0.99", "thresholded_relu:theta=-2", "hard_tanh:min=-0.1,max=4",
                "softplus:beta=1000", "softplus:beta=0.01", "squareplus:b=0.01", "isru:alpha=50", "isrlu:alpha=0.02",
                "softshrink:lambda=2", "hardshrink:lambda=1e-3", "snake:a=5")) {
            Verification v = ActivationVerifier.verify(Activations.parse(spec));
            assertTrue(v.ok(), v.summary());
        }
    }

    @Test
    void refusesAWrongDerivativeAndListsTheOffendingPoints() {
        // df written in x where it should be in y: 1 - x^2 instead of 1 - y^2
        Activation wrong = new User("mytanh", Math::tanh, (x, y) -> 1 - x * x);
        Verification v = ActivationVerifier.verify(wrong);
        assertFalse(v.ok());
        assertTrue(v.offending().size() > 100, "offending: " + v.offending().size());
        Point half = v.offending().stream().filter(p -> p.x() == 0.5).findFirst().orElseThrow();
        assertEquals(0.75, half.analytical(), 1e-15);
        assertEquals(1 - Math.pow(Math.tanh(0.5), 2), half.numerical(), 1e-9);
        assertEquals(Check.DERIVATIVE, half.check());
        assertEquals(Math.abs(0.75 - half.numerical()) / half.numerical(), half.relativeError(), 1e-9);
        String summary = v.summary();
        assertTrue(summary.matches("mytanh: df disagrees with f at \\d+ points, e\\.g\\. x=\\S+: df=\\S+,"
                + " numerical=\\S+"), summary);
        for (int i = 1; i < v.offending().size(); i++) {
            assertTrue(v.offending().get(i - 1).x() < v.offending().get(i).x(), "sorted by x");
        }
    }

    @Test
    void aSlightlyWrongConstantIsCaught() {
        // sigmoid's derivative off by 1e-5 relative: far below what a plot would show
        Activation sigmoid = Activations.parse("sigmoid");
        Activation wrong = new User("sigmoid-ish", sigmoid::f, (x, y) -> sigmoid.df(x, y) * (1 + 1e-5));
        assertFalse(ActivationVerifier.verify(wrong).ok());
    }

    @Test
    void aWrongDerivativeAtAKinkIsCaught() {
        Activation relu = new User("myrelu", x -> Math.max(x, 0), (x, y) -> x > 0 ? 1 : x < 0 ? 0 : 0.5,
                new double[] {0}, Double.POSITIVE_INFINITY);
        Verification v = ActivationVerifier.verify(relu);
        assertFalse(v.ok());
        assertEquals(List.of(0.0), v.offending().stream().map(Point::x).toList());
        // either one-sided derivative is accepted at the kink
        Activation left = new User("left", x -> Math.max(x, 0), (x, y) -> x > 0 ? 1 : 0, new double[] {0},
                Double.POSITIVE_INFINITY);
        Activation right = new User("right", x -> Math.max(x, 0), (x, y) -> x >= 0 ? 1 : 0, new double[] {0},
                Double.POSITIVE_INFINITY);
        assertTrue(ActivationVerifier.verify(left).ok(), ActivationVerifier.verify(left).summary());
        assertTrue(ActivationVerifier.verify(right).ok(), ActivationVerifier.verify(right).summary());
    }

    @Test
    void nanIsRefused() {
        Activation log = new User("log", Math::log, (x, y) -> 1 / x);
        Verification v = ActivationVerifier.verify(log);
        assertFalse(v.ok());
        assertTrue(v.offending().stream().anyMatch(p -> p.check() == Check.FINITE && p.x() < 0));
        assertTrue(v.summary().contains("f or df is not finite at "), v.summary());
    }

    @Test
    void overflowIsAllowedOnlyWhereDeclared() {
        Activation undeclared = new User("myexp", Math::exp, (x, y) -> y);
        Verification v = ActivationVerifier.verify(undeclared);
        assertFalse(v.ok());
        assertTrue(v.offending().stream().allMatch(p -> p.check() == Check.FINITE && p.x() > 709), v.summary());
        Activation declared = new User("myexp", Math::exp, (x, y) -> y, new double[0], 709.78);
        assertTrue(ActivationVerifier.verify(declared).ok(), ActivationVerifier.verify(declared).summary());
        Activation nanBeyond = new User("nanexp", x -> x > 709.78 ? Double.NaN : Math.exp(x), (x, y) -> y,
                new double[0], 709.78);
        assertFalse(ActivationVerifier.verify(nanBeyond).ok(), "NaN is refused even beyond the bound");
    }

    @Test
    void aWrongLearnableDerivativeIsCaught() {
        Activation prelu = Activations.parse("prelu");
        Activation wrong = new Activation() {
            @Override public String spec() {
                return "badprelu";
            }

            @Override public double f(double x) {
                return prelu.f(x);
            }

            @Override public double df(double x, double y) {
                return prelu.df(x, y);
            }

            @Override public int learnableCount() {
                return 1;
            }

            @Override public double[] learnable() {
                return prelu.learnable();
            }

            @Override public Activation withLearnable(double[] values) {
                return prelu.withLearnable(values);
            }

            @Override public double dLearnable(int i, double x, double y) {
                return x < 0 ? -x : 0; // sign error
            }
        };
        Verification v = ActivationVerifier.verify(wrong);
        assertFalse(v.ok());
        assertTrue(v.offending().stream().allMatch(p -> p.check() == Check.LEARNABLE && p.x() < 0));
        assertTrue(v.summary().startsWith("badprelu: dLearnable disagrees with f at "), v.summary());
    }

    @Test
    void aStochasticDerivativeMustFollowTheDraw() {
        // draws a slope in training but differentiates as if the mean had been used
        Activation rrelu = Activations.parse("rrelu");
        Activation wrong = new Activation() {
            @Override public String spec() {
                return "badrrelu";
            }

            @Override public double f(double x) {
                return rrelu.f(x);
            }

            @Override public double df(double x, double y) {
                return x < 0 ? (1.0 / 8 + 1.0 / 3) / 2 : 1;
            }

            @Override public double[] kinks() {
                return rrelu.kinks();
            }

            @Override public double fTrain(double x, RandomGenerator rng) {
                return rrelu.fTrain(x, rng);
            }

            @Override public boolean stochastic() {
                return true;
            }
        };
        Verification v = ActivationVerifier.verify(wrong);
        assertFalse(v.ok());
        assertTrue(v.offending().stream().allMatch(p -> p.check() == Check.TRAINING), v.summary());
        assertTrue(v.summary().contains("df disagrees with fTrain"), v.summary());
    }

    @Test
    void pointsCoverTheRequiredInputs() {
        double[] xs = ActivationVerifier.points(Activations.parse("relu6"));
        List<Double> list = java.util.Arrays.stream(xs).boxed().toList();
        for (double x : new double[] {-10, -1e4, -1e3, -100, -1, -1e-3, 0, 1e-3, 1, 100, 1e3, 1e4, 6, 6 + 1e-3}) {
            assertTrue(list.contains(x), "missing " + x);
        }
        assertTrue(xs.length > 600, "points: " + xs.length);
    }

    @Test
    void summaryNumbersHaveSixSignificantDigits() {
        assertEquals("0.196612", Verification.number(0.19661193324148185));
        assertEquals("0.25", Verification.number(0.25));
        assertEquals("10000", Verification.number(1e4));
        assertEquals("1.5e-07", Verification.number(1.5e-7));
        assertEquals("0", Verification.number(0));
        assertEquals("NaN", Verification.number(Double.NaN));
    }

    @Test
    void verificationIsConsistent() {
        Activation tanh = Activations.parse("tanh");
        assertThrows(IllegalArgumentException.class, () -> new Verification(tanh, false, List.of()));
        Point p = new Point(1, 2, 3, 0.5, Check.DERIVATIVE);
        assertThrows(IllegalArgumentException.class, () -> new Verification(tanh, true, List.of(p)));
    }
}
