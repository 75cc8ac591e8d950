package theta.activation;

import java.util.random.RandomGenerator;

import theta.math.Vec;

/**
 * A hidden-layer activation g: its value and its derivative, side by side.
 *
 * <p>Implementations are immutable. Built-in ones come from {@link Activations#parse(String)};
 * users may implement this interface themselves, and theta checks the derivative numerically
 * ({@link ActivationVerifier}) before training with it.
 */
public interface Activation {
    /** The spec that {@link Activations#parse(String)} turns back into this activation, e.g. {@code elu:alpha=0.5}. */
    String spec();

    /** g(x). */
    double f(double x);

    /**
     * g'(x). {@code y} is g(x) as computed by {@link #f} (or {@link #fTrain} during training), so
     * formulas such as sigmoid's {@code y(1-y)} need not recompute it.
     */
    double df(double x, double y);

    /**
     * g over a range of a layer: y[i] = g(x[i]) for i in [from, to), y in its own precision. The
     * network calls this rather than {@link #f}, so that a family can supply a loop the JIT
     * vectorises (ReLU does); it must give what {@link #f} gives, entry by entry, up to y's
     * rounding (for a NaN input it may give NaN).
     */
    default void f(Vec x, Vec y, int from, int to) {
        for (int i = from; i < to; i++) {
            y.set(i, f(x.get(i)));
        }
    }

    /**
     * g' over a range of a layer, times the gradient arriving there: d[i] *= g'(x[i], y[i]) for i
     * in [from, to). Like {@link #f(Vec, Vec, int, int)}, it must agree with {@link #df}.
     */
    default void dfTimes(Vec x, Vec y, Vec d, int from, int to) {
        for (int i = from; i < to; i++) {
            d.set(i, d.get(i) * df(x.get(i), y.get(i)));
        }
    }

    /**
     * Inputs where g' jumps (ReLU: 0). A gradient check cannot be trusted for inputs within its
     * step of a kink; the checker reports those apart.
     */
    default double[] kinks() {
        return new double[0];
    }

    /**
     * The largest input for which g and g' are finite doubles ({@code exponential}: 709.78, just
     * below ln(Double.MAX_VALUE)). Above it g may overflow to +Infinity (and g' with it), never to
     * NaN; the derivative checker compares no derivatives there.
     */
    default double maxFiniteInput() {
        return Double.POSITIVE_INFINITY;
    }

    /**
     * The factor theta applies to a recipe's learning rate when none is given. 1 for most
     * activations; less for those whose output or slope grows with |x| (cube, exponential, bent
     * identity), whose slope changes sign (sine, snake, gaussian), that are flat around 0
     * (softshrink), whose output starts far from 0 (squareplus), or that share one learnable slope
     * across the layer (prelu): they diverge or train poorly at rates that suit the others.
     * Measured, not derived: see the activation sweep in the README.
     */
    default double learningRateScale() {
        return 1;
    }

    /**
     * The weight initialisation theta uses with this activation unless told otherwise: He normal
     * for the ReLU family (relu, relu6, leaky, parametric and randomised ReLU, elu, celu, softplus,
     * silu, gelu, mish), whose units pass about half their input's variance; LeCun normal for selu,
     * whose self-normalisation assumes it; Glorot uniform for the rest (sigmoid, tanh, ...).
     */
    default Init defaultInit() {
        return Init.GLOROT_UNIFORM;
    }

    /** Number of learnable parameters (PReLU: its slope). They live in the network's parameter vector. */
    default int learnableCount() {
        return 0;
    }

    /** The current values of the learnable parameters (length {@link #learnableCount()}). */
    default double[] learnable() {
        return new double[0];
    }

    /** A copy of this activation with the learnable parameters set to {@code values}. */
    default Activation withLearnable(double[] values) {
        if (values.length != 0) {
            throw new IllegalArgumentException(spec() + " has no learnable parameters");
        }
        return this;
    }

    /** dg/dp_i at x, for learnable parameter i; y = g(x). */
    default double dLearnable(int i, double x, double y) {
        throw new IllegalArgumentException(spec() + " has no learnable parameters");
    }

    /**
     * g(x) while training. Equal to {@link #f} except for stochastic activations (RReLU draws a
     * random slope); {@link #df} must accept the y this returns.
     */
    default double fTrain(double x, RandomGenerator rng) {
        return f(x);
    }

    /** True when {@link #fTrain} differs from {@link #f}. */
    default boolean stochastic() {
        return false;
    }
}
