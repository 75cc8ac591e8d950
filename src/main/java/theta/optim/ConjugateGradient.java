package theta.optim;

import theta.math.DifferentiableFunction;

/**
 * Nonlinear conjugate gradient, Polak-Ribiere with restarts (PR+):
 * d_new = -g_new + beta d with beta = max(0, g_new.(g_new - g) / g.g); beta = 0 restarts from
 * steepest descent, as does any direction that is not downhill. Each iteration is one line search
 * (counted like fmincg's MaxIter), in the manner of fmincg: cubic extrapolation (at most 3 times
 * the step) and cubic/quadratic interpolation until the Wolfe-Powell conditions hold with
 * rho = 0.01 and sigma = 0.5, at most 20 evaluations per search. The first trial step of the
 * next search keeps the slope ratio: a0 = a * (g.d) / (g_new.d_new), at most 100 times a.
 */
public final class ConjugateGradient implements Minimizer {
    static final LineSearch.Params LINE_SEARCH = new LineSearch.Params(0.01, 0.5, 20, 3);
    private static final double MAX_STEP_RATIO = 100;

    @Override
    public Result minimize(DifferentiableFunction f, double[] x0, Options opts, Listener listener) {
        return DescentLoop.run(f, x0, opts, listener, LINE_SEARCH, new PolakRibiere());
    }

    private static final class PolakRibiere implements DescentLoop.Directions {
        @Override
        public void reset() {
            // Nothing is remembered between searches apart from d itself, which the loop resets.
        }

        @Override
        public double next(double[] x, double[] g, double[] xNew, double[] gNew, double[] d, double a) {
            double gg = Dense.dot(g, g);
            double slope = Dense.dot(g, d);
            double num = 0;
            for (int i = 0; i < g.length; i++) {
                num += gNew[i] * (gNew[i] - g[i]);
            }
            double beta = Math.max(0, num / gg);
            double newSlope = 0;
            for (int i = 0; i < d.length; i++) {
                d[i] = -gNew[i] + beta * d[i];
                newSlope += gNew[i] * d[i];
            }
            double ratio = newSlope < 0 ? slope / newSlope : 1;
            return a * Math.min(MAX_STEP_RATIO, ratio);
        }
    }
}
