package theta.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import theta.math.DifferentiableFunction;
import theta.optim.Minimizer.Options;
import theta.optim.Minimizer.Result;
import theta.optim.Minimizer.StopReason;

class MinimizerTest {
    /** f = (1 - x)^2 + 100 (y - x^2)^2, minimum 0 at (1, 1). */
    static final DifferentiableFunction ROSENBROCK = (x, g) -> {
        double a = 1 - x[0];
        double b = x[1] - x[0] * x[0];
        if (g != null) {
            g[0] = -2 * a - 400 * x[0] * b;
            g[1] = 200 * b;
        }
        return a * a + 100 * b * b;
    };

    static Stream<Minimizer> minimizers() {
        return Stream.of(new Lbfgs(), new ConjugateGradient());
    }

    private static double maxDistance(double[] x, double[] y) {
        double m = 0;
        for (int i = 0; i < x.length; i++) {
            m = Math.max(m, Math.abs(x[i] - y[i]));
        }
        return m;
    }

    @ParameterizedTest
    @MethodSource("minimizers")
    void rosenbrockFromTheClassicStart(Minimizer m) {
        Result r = m.minimize(ROSENBROCK, new double[] {-1.2, 1}, new Options(500, 1e-9));
        assertEquals(StopReason.CONVERGED, r.stopReason(), () -> r.stopReason() + " after " + r.iterations());
        assertTrue(maxDistance(r.x(), new double[] {1, 1}) < 1e-6, () -> java.util.Arrays.toString(r.x()));
        assertTrue(r.cost() < 1e-12, "cost " + r.cost());
    }

    @ParameterizedTest
    @MethodSource("minimizers")
    void illConditionedQuadratic(Minimizer m) {
        Quadratic q = Quadratic.wide(50);
        Result r = m.minimize(q, new double[q.dim()], new Options(1000, 1e-9));
        assertEquals(StopReason.CONVERGED, r.stopReason());
        assertTrue(maxDistance(r.x(), q.minimum()) < 1e-6, "distance " + maxDistance(r.x(), q.minimum()));
    }

    @ParameterizedTest
    @MethodSource("minimizers")
    void historyEvaluationsAndListenerAgree(Minimizer m) {
        int[] calls = {0};
        DifferentiableFunction counted = (x, g) -> {
            calls[0]++;
            return ROSENBROCK.value(x, g);
        };
        List<Double> seen = new ArrayList<>();
        double[] x0 = {-1.2, 1};
        Result r = m.minimize(counted, x0, new Options(500, 1e-9), (it, cost) -> {
            assertEquals(seen.size() + 1, it);
            seen.add(cost);
        });
        assertArrayEquals(new double[] {-1.2, 1}, x0, 0.0, "x0 is not modified");
        assertEquals(calls[0], r.evaluations());
        assertEquals(r.iterations() + 1, r.costHistory().length);
        assertEquals(r.iterations(), seen.size());
        assertEquals(ROSENBROCK.value(x0, null), r.costHistory()[0], 0.0);
        for (int i = 1; i < r.costHistory().length; i++) {
            assertEquals(seen.get(i - 1), r.costHistory()[i], 0.0);
            assertTrue(r.costHistory()[i] <= r.costHistory()[i - 1], "cost rose at iteration " + i);
        }
        assertEquals(r.cost(), r.costHistory()[r.iterations()], 0.0);
        assertEquals(ROSENBROCK.value(r.x(), null), r.cost(), 0.0);
    }

    @ParameterizedTest
    @MethodSource("minimizers")
    void stopsAtMaxIterations(Minimizer m) {
        Result r = m.minimize(ROSENBROCK, new double[] {-1.2, 1}, new Options(3, 1e-9));
        assertEquals(StopReason.MAX_ITERATIONS, r.stopReason());
        assertEquals(3, r.iterations());
        assertTrue(r.cost() < r.costHistory()[0]);
    }

    @ParameterizedTest
    @MethodSource("minimizers")
    void wrongGradientMakesTheLineSearchFail(Minimizer m) {
        Quadratic q = Quadratic.standard();
        DifferentiableFunction wrong = (x, g) -> {
            double f = q.value(x, g);
            for (int i = 0; i < g.length; i++) {
                g[i] = -g[i];
            }
            return f;
        };
        double[] x0 = new double[q.dim()];
        Result r = m.minimize(wrong, x0, new Options(100, 1e-9));
        assertEquals(StopReason.LINE_SEARCH_FAILED, r.stopReason());
        assertArrayEquals(x0, r.x(), 0.0);
        assertEquals(q.value(x0, null), r.cost(), 0.0);
        assertTrue(r.iterations() <= 2);
    }

    @ParameterizedTest
    @MethodSource("minimizers")
    void alreadyAtTheMinimumConvergesWithoutIterating(Minimizer m) {
        Result r = m.minimize(ROSENBROCK, new double[] {1, 1}, Options.of(10));
        assertEquals(StopReason.CONVERGED, r.stopReason());
        assertEquals(0, r.iterations());
        assertEquals(1, r.evaluations());
    }

    @ParameterizedTest
    @MethodSource("minimizers")
    void nonFiniteStartIsRejected(Minimizer m) {
        DifferentiableFunction nan = (x, g) -> Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> m.minimize(nan, new double[2], Options.of(10)));
    }

    @Test
    void costThatBlowsUpFarAwayIsHandled() {
        // f = x^2 for |x| < 2, +infinity outside: the first trial step overshoots into infinity.
        DifferentiableFunction walled = (x, g) -> {
            g[0] = 2 * (x[0] - 1.9);
            return Math.abs(x[0]) < 2 ? (x[0] - 1.9) * (x[0] - 1.9) : Double.POSITIVE_INFINITY;
        };
        for (Minimizer m : List.of(new Lbfgs(), new ConjugateGradient())) {
            Result r = m.minimize(walled, new double[] {-1.9}, Options.of(50));
            assertEquals(StopReason.CONVERGED, r.stopReason(), m.getClass().getSimpleName());
            assertEquals(1.9, r.x()[0], 1e-9);
        }
    }

    @Test
    void optionsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new Options(0, 1e-6));
        assertThrows(IllegalArgumentException.class, () -> new Options(10, -1));
        assertThrows(IllegalArgumentException.class, () -> new Options(10, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Lbfgs(0));
        assertEquals(10, new Lbfgs().history());
    }
}
