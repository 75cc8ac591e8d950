package theta.nn;

import java.util.random.RandomGenerator;

/**
 * Evaluation or training. Training turns on dropout and stochastic activations (RReLU), drawing
 * from {@code rng}; evaluation and gradient checks are deterministic.
 *
 * @param inputDropout probability of dropping an input pixel, in [0, 1)
 * @param hiddenDropout probability of dropping a hidden unit, in [0, 1)
 */
public record Mode(boolean training, RandomGenerator rng, double inputDropout, double hiddenDropout) {
    private static final Mode EVAL = new Mode(false, null, 0, 0);

    public Mode {
        if (!(inputDropout >= 0 && inputDropout < 1) || !(hiddenDropout >= 0 && hiddenDropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got input " + inputDropout
                    + ", hidden " + hiddenDropout);
        }
        if (training && rng == null) {
            throw new IllegalArgumentException("training mode needs a random generator");
        }
        if (!training && (inputDropout > 0 || hiddenDropout > 0)) {
            throw new IllegalArgumentException("dropout applies only when training");
        }
    }

    public static Mode eval() {
        return EVAL;
    }

    public static Mode train(RandomGenerator rng, double inputDropout, double hiddenDropout) {
        return new Mode(true, rng, inputDropout, hiddenDropout);
    }
}
