package theta.train;

import theta.activation.Activation;

/**
 * A mini-batch run's base learning rate: either fixed, or a recipe's rate that is multiplied by
 * the hidden activation's own factor ({@link Activation#learningRateScale()}), so that a recipe
 * trains cube or sine as well as ReLU without a table of rates per activation.
 *
 * @param base the rate, &gt; 0
 * @param byActivation true when the activation's factor applies
 */
public record LearningRate(double base, boolean byActivation) {
    /** Validates the rate. */
    public LearningRate {
        if (!(base > 0) || !Double.isFinite(base)) {
            throw new IllegalArgumentException("learning rate must be > 0, got " + base);
        }
    }

    /** Exactly {@code rate}, whatever the activation. */
    public static LearningRate fixed(double rate) {
        return new LearningRate(rate, false);
    }

    /** {@code rate} times the activation's factor. */
    public static LearningRate scaled(double rate) {
        return new LearningRate(rate, true);
    }

    /** The rate for hidden activation {@code a}. */
    public double of(Activation a) {
        return byActivation ? base * a.learningRateScale() : base;
    }
}
