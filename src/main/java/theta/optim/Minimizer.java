package theta.optim;

import theta.math.DifferentiableFunction;

/**
 * A full-batch minimiser of a {@link DifferentiableFunction}: {@link Lbfgs} or {@link ConjugateGradient}.
 * Each iteration is one line search along a descent direction.
 */
public interface Minimizer {
    /**
     * Minimises {@code f} from {@code x0}, which is not modified. Stops when the largest gradient
     * component is at most {@code opts.gradientTolerance()} (CONVERGED), after
     * {@code opts.maxIterations()} line searches (MAX_ITERATIONS), or when two line searches in a
     * row fail to find a point satisfying the Wolfe conditions (LINE_SEARCH_FAILED: typically the
     * cost is flat to rounding, or the gradient is wrong). The result always holds the best point found.
     *
     * @throws IllegalArgumentException if the cost at {@code x0} is not finite
     */
    Result minimize(DifferentiableFunction f, double[] x0, Options opts, Listener listener);

    /** {@code minimize(f, x0, opts, Listener.NONE)}. */
    default Result minimize(DifferentiableFunction f, double[] x0, Options opts) {
        return minimize(f, x0, opts, Listener.NONE);
    }

    /**
     * @param maxIterations the most line searches to run (fmincg's MaxIter), &gt;= 1
     * @param gradientTolerance stop when max_i |df/dx_i| &lt;= this, &gt;= 0 (0: never, by gradient)
     */
    record Options(int maxIterations, double gradientTolerance) {
        public Options {
            if (maxIterations < 1) {
                throw new IllegalArgumentException("minimizer: max iterations " + maxIterations + " is out of range; allowed >= 1");
            }
            if (!(gradientTolerance >= 0) || Double.isInfinite(gradientTolerance)) {
                throw new IllegalArgumentException("minimizer: gradient tolerance " + gradientTolerance
                        + " is out of range; allowed >= 0 and finite");
            }
        }

        /** {@code maxIterations} line searches, gradient tolerance 1e-9. */
        public static Options of(int maxIterations) {
            return new Options(maxIterations, 1e-9);
        }
    }

    /** Progress: called after every iteration with the iteration number (from 1) and the cost then. */
    @FunctionalInterface
    interface Listener {
        Listener NONE = (iteration, cost) -> { };

        void iteration(int iteration, double cost);
    }

    /** Why the minimiser stopped. */
    enum StopReason { CONVERGED, MAX_ITERATIONS, LINE_SEARCH_FAILED }

    /**
     * @param x the best point found (a new array)
     * @param cost f(x)
     * @param iterations line searches run
     * @param evaluations calls of f, the one at x0 included
     * @param costHistory f(x0) then the cost after each iteration: {@code iterations + 1} entries,
     *     never increasing
     * @param stopReason why it stopped
     */
    record Result(double[] x, double cost, int iterations, int evaluations, double[] costHistory, StopReason stopReason) {
    }
}
