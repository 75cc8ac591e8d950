package theta.activation;

import java.util.List;
import java.util.random.RandomGenerator;

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

    /** Where g' (or g) jumps; at a kink {@link #df} is the one-sided derivative of the piece g uses there. */
    default double[] kinks(double[] p) {
        return NONE;
    }

    /** Checks constraints between parameters; throws IllegalArgumentException naming them. */
    default void validate(double[] p) {}

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
