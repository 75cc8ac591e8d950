package theta.train;

/**
 * How a model does on a labelled dataset, in the two figures training needs: the mean data loss
 * (no regularisation term) and the fraction classified correctly.
 *
 * @param loss mean data loss
 * @param accuracy fraction of the examples classified correctly, in [0, 1]
 */
public record Score(double loss, double accuracy) {
    /** No dataset to score: both NaN, as the history records an epoch without validation. */
    public static final Score NONE = new Score(Double.NaN, Double.NaN);
}
