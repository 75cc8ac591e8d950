package theta.train;

/**
 * One line of the training history.
 *
 * @param trainLoss mean cost of the epoch's mini-batches (penalty included)
 * @param validationLoss mean data loss on the validation split (NaN without one)
 * @param validationAccuracy on the validation split (NaN without one)
 * @param learningRate the rate at the epoch's last update
 * @param seconds wall time of the epoch's training (validation excluded)
 */
public record EpochRecord(int epoch, double trainLoss, double validationLoss, double validationAccuracy,
                          double learningRate, double seconds) {}
