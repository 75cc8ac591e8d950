package theta.train;

import java.util.List;

/**
 * Where a mini-batch run stopped: enough to continue it to the same final model, bit for bit.
 * Shuffles, dropout masks and augmentations are pure functions of (seed, epoch, batch), so no
 * random generator state needs saving.
 *
 * @param epoch 1-based epoch in progress
 * @param batch batches of that epoch already done
 * @param step updates done in all
 * @param epochLoss sum of the batch costs of the epoch so far (for its mean)
 * @param epochSeconds training seconds of the epoch so far
 * @param best parameters of the best validation epoch so far (null when none yet)
 * @param data what the run trained on ({@link Trainer#dataIdentity}); a resumed run must see the same
 * @param validation examples held out for validation, the default split of a resumed run
 */
public record Checkpoint(TrainConfig config, int epoch, int batch, long step, double[] params, long optimizerSteps,
                         List<double[]> optimizerState, double epochLoss, double epochSeconds, double[] best,
                         int bestEpoch, double bestAccuracy, List<EpochRecord> history, String data,
                         int validation) {}
