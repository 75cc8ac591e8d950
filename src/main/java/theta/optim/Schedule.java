package theta.optim;

/**
 * A learning-rate schedule: the rate for an update, given how far training has gone.
 *
 * <p>{@code step} counts the updates already made (0 for the first update) and
 * {@code totalSteps} is the number of updates the run will make; {@code step == totalSteps} is
 * the end of training, where a decaying schedule reaches its final value. Steps past the end keep
 * that value. Schedules are immutable and pure, so resuming from a checkpoint needs only the
 * step count. Made by {@link Schedules}.
 */
@FunctionalInterface
public interface Schedule {
    /**
     * The learning rate for update number {@code step} (0-based) of {@code totalSteps}.
     *
     * @throws IllegalArgumentException if {@code step < 0} or {@code totalSteps < 1}
     */
    double rate(long step, long totalSteps);

    /** This schedule after a linear warm-up of {@code warmupSteps}; see {@link Schedules#warmup}. */
    default Schedule withWarmup(long warmupSteps) {
        return Schedules.warmup(this, warmupSteps);
    }
}
