package theta.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import theta.train.Checkpoint;
import theta.train.CheckpointFile;
import theta.train.EpochCheckpoints;

/**
 * {@code --checkpoint-every N}: a checkpoint every N epochs (0: never); unset, one whenever
 * {@link #AUTO_MINUTES} minutes have passed since the last, so that only long runs pay for it.
 */
final class PeriodicCheckpoints implements EpochCheckpoints {
    /** Unset --checkpoint-every: save after the first epoch that ends this long after the last save. */
    static final long AUTO_MINUTES = 5;

    private final Integer every;
    private final Path file;
    private long last = System.nanoTime();
    private boolean wrote;

    PeriodicCheckpoints(Integer every, Path file) {
        if (every != null && every < 0) {
            throw new IllegalArgumentException("--checkpoint-every: " + every + " must be 0 (off) or a number of epochs");
        }
        this.every = every;
        this.file = file;
    }

    @Override
    public boolean due(int epoch) {
        if (every != null) {
            return every > 0 && epoch % every == 0;
        }
        return System.nanoTime() - last >= AUTO_MINUTES * 60_000_000_000L;
    }

    @Override
    public void save(Checkpoint checkpoint) {
        try {
            CheckpointFile.write(file, checkpoint);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        last = System.nanoTime();
        wrote = true;
    }

    /** Whether this run wrote a checkpoint (which the finished model then makes stale). */
    boolean wrote() {
        return wrote;
    }
}
