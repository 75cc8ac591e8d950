package theta.train;

/** Hears how training goes, so the CLI can draw progress while the library stays silent. */
public interface TrainListener {
    /** Before the first update; {@code startEpoch} > 1 when resuming. */
    default void onStart(int epochs, int batchesPerEpoch, int startEpoch) {}

    /** After each mini-batch update. */
    default void onBatch(int epoch, int batch, int batches, double loss) {}

    /** After each epoch, with its validation figures. */
    default void onEpoch(EpochRecord record) {}

    /** After each iteration of a full-batch minimiser. */
    default void onIteration(int iteration, double cost) {}

    TrainListener NONE = new TrainListener() {};
}
