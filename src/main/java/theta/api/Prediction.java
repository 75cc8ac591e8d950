package theta.api;

/**
 * What a network says about one image.
 *
 * @param digit the class with the largest probability
 * @param probabilities one per class (softmax outputs sum to 1; sigmoid outputs each in [0, 1])
 */
public record Prediction(int digit, double[] probabilities) {
    /** Copies the probabilities. */
    public Prediction {
        probabilities = probabilities.clone();
    }

    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }

    /** The probability of {@link #digit()}. */
    public double probability() {
        return probabilities[digit];
    }
}
