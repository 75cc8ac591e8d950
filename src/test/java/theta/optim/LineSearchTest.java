package theta.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import theta.math.DifferentiableFunction;

class LineSearchTest {
    @Test
    void cubicMinimiserIsExactForACubic() {
        // p(t) = t^3 - 3t, minimum at t = 1; p' = 3t^2 - 3.
        double a = -0.5, b = 3;
        double t = LineSearch.cubicMin(a, a * a * a - 3 * a, 3 * a * a - 3, b, b * b * b - 3 * b, 3 * b * b - 3);
        assertEquals(1.0, t, 1e-12);
        // Same cubic, ends given the other way round.
        t = LineSearch.cubicMin(b, b * b * b - 3 * b, 3 * b * b - 3, a, a * a * a - 3 * a, 3 * a * a - 3);
        assertEquals(1.0, t, 1e-12);
    }

    @Test
    void quadraticMinimiserIsExactForAParabola() {
        // q(t) = (t - 2)^2: q(0) = 4, q'(0) = -4, q(5) = 9.
        assertEquals(2.0, LineSearch.quadraticMin(0, 4, -4, 5, 9), 1e-12);
        assertTrue(Double.isNaN(LineSearch.quadraticMin(0, 0, -1, 1, -2)), "opens downward");
    }

    /** phi(a) = f(x + a d) along a 1-D function with a far-away minimum, so the search must extrapolate. */
    @Test
    void acceptedStepSatisfiesTheStrongWolfeConditions() {
        DifferentiableFunction f = (x, g) -> {
            double r = x[0] - 30;
            g[0] = 4 * r * r * r / 1e4 + 2 * r / 100;
            return r * r * r * r / 1e4 + r * r / 100;
        };
        double[] x = {0};
        double[] g = new double[1];
        double f0 = f.value(x, g);
        double[] d = {-g[0]};
        double slope0 = g[0] * d[0];
        for (LineSearch.Params p : new LineSearch.Params[] {Lbfgs.LINE_SEARCH, ConjugateGradient.LINE_SEARCH}) {
            double[] xb = new double[1];
            double[] gb = new double[1];
            LineSearch.Outcome o = new LineSearch(f, 1, p).search(x, f0, d, slope0, 1e-4, xb, gb);
            assertTrue(o.ok());
            assertEquals(x[0] + o.step() * d[0], xb[0], 1e-12);
            assertTrue(o.cost() <= f0 + p.c1() * o.step() * slope0, "sufficient decrease");
            assertTrue(Math.abs(gb[0] * d[0]) <= p.c2() * Math.abs(slope0), "curvature");
        }
    }

    @Test
    void ascentReportedAsDescentFails() {
        DifferentiableFunction f = (x, g) -> {
            g[0] = 2 * x[0];
            return x[0] * x[0];
        };
        double[] x = {1};
        double[] d = {1}; // uphill, but told the slope is -1
        LineSearch.Outcome o = new LineSearch(f, 1, Lbfgs.LINE_SEARCH).search(x, 1, d, -1, 1, new double[1], new double[1]);
        assertFalse(o.ok());
        assertEquals(0.0, o.step(), 0.0);
    }
}
