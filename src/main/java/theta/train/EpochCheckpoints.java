package theta.train;

/**
 * Periodic checkpoints: asked at the end of every epoch whether one is due, then given it. The
 * checkpoint is the same one Ctrl-C produces (the epoch's batches all done, its validation still
 * to run), so a run killed later resumes from there to the same final model.
 */
public interface EpochCheckpoints {
    /** Never saves. */
    EpochCheckpoints NONE = new EpochCheckpoints() {
        @Override
        public boolean due(int epoch) {
            return false;
        }

        @Override
        public void save(Checkpoint checkpoint) {
        }
    };

    /** Whether to save after {@code epoch} (1-based) has trained. */
    boolean due(int epoch);

    /** Saves it (atomically: a kill during the save must leave the previous checkpoint whole). */
    void save(Checkpoint checkpoint);
}
