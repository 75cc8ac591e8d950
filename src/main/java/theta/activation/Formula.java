package theta.activation;

import java.util.List;
import java.util.random.RandomGenerator;

import theta.math.Vec;

/**
 * One built-in activation family: g and g' side by side, as functions of the input x and of the
 * family's parameter values p (in the order of {@link #params()}). The enums {@link Squash},
 * {@link Rectifier}, {@link SmoothRectifier} and {@link Curve} implement it, one constant per
 * family; {@link ParameterizedActivation} binds a family to its parameter values.
 */
interface Formula {
    double[] NONE = new double[0];

    /** The lower-case name used in specs, e.g. {@code leaky_relu}. */
    String specName();

    List<Param> params();

    double f(double x, double[] p);

    /** g'(x), given y = g(x) (or the y of {@link #fTrain}). */
    double df(double x, double y, double[] p);

    /** g over x[from..to) into y; override with a vectorisable loop that gives what {@link #f} gives. */
    default void f(Vec x, Vec y, int from, int to, double[] p) {
        for (int i = from; i < to; i++) {
            y.set(i, f(x.get(i), p));
        }
    }

    /** d[i] *= g'(x[i], y[i]) over [from, to); override as {@link #f(Vec, Vec, int, int, double[])}. */
    default void dfTimes(Vec x, Vec y, Vec d, int from, int to, double[] p) {
        for (int i = from; i < to; i++) {
            d.set(i, d.get(i) * df(x.get(i), y.get(i), p));
        }
    }

    /** Where g' (or g) jumps; at a kink {@link #df} is the one-sided derivative of the piece g uses there. */
    default double[] kinks(double[] p) {
        return NONE;
    }

    /** Checks constraints between parameters; throws IllegalArgumentException naming them. */
    default void validate(double[] p) {}

    /** See {@link Activation#learningRateScale()}. */
    default double learningRateScale(double[] p) {
        return 1;
    }

    /** See {@link Activation#defaultInit()}. */
    default Init defaultInit() {
        return Init.GLOROT_UNIFORM;
    }

    default double maxFiniteInput(double[] p) {
        return Double.POSITIVE_INFINITY;
    }

    /** The first learnableCount() parameters are learnable. */
    default int learnableCount() {
        return 0;
    }

    /** dg/dp_i at x, given y = g(x). */
    default double dLearnable(int i, double x, double y, double[] p) {
        throw new IllegalArgumentException(specName() + " has no learnable parameters");
    }

    default boolean stochastic(double[] p) {
        return false;
    }

    default double fTrain(double x, RandomGenerator rng, double[] p) {
        return f(x, p);
    }
}
