package theta.math;

/**
 * A scalar function of a parameter vector together with its gradient: what a gradient checker
 * checks and what a full-batch minimiser (L-BFGS, conjugate gradient) minimises.
 */
@FunctionalInterface
public interface DifferentiableFunction {
    /** Returns f(x). When {@code grad} is not null, also writes the gradient of f at x into it. */
    double value(double[] x, double[] grad);
}
