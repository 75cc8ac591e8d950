package theta.optim;

import java.util.List;

import theta.math.Vec;

/**
 * A mini-batch optimiser over one flat parameter vector.
 *
 * <p>An optimiser owns its state buffers (velocity, moments): vectors of the parameters' length
 * and precision, created on the first {@link #step}. To checkpoint, save {@link #steps()} and
 * {@code state()} (each buffer's {@link Vec#toArray()}); to resume, {@link #restore} them into a
 * fresh optimiser with the same spec. The continuation is then bit-identical to never stopping:
 * every update depends only on (params, grad, lr, buffers, step count).
 */
public interface Optimizer {
    /**
     * Updates {@code params} in place by one step of rate {@code lr}. {@code grad} is the gradient
     * of the cost at {@code params}, any L2 term already included; it is only read.
     *
     * @throws IllegalArgumentException if the lengths differ or {@code lr} is negative or not finite
     */
    void step(Vec params, Vec grad, double lr);

    /** The spec that {@link Optimizers#parse} turns back into this optimiser's configuration. */
    String spec();

    /** Names of the state buffers, in the order of {@link #state()}; empty for plain SGD. */
    List<String> stateNames();

    /**
     * The live state buffers (not copies), in the order of {@link #stateNames()}; empty before the
     * first step (or restore) and for plain SGD.
     */
    List<Vec> state();

    /** Number of steps taken, including those before a {@link #restore}. */
    long steps();

    /**
     * Sets the step count and the state buffers, as saved from another optimiser with the same
     * spec. {@code state} is empty (a fresh start, allowed only with {@code steps == 0} for an
     * optimiser with buffers) or holds one array per {@link #stateNames()} entry, all of one
     * length. The arrays are copied; their length is checked against the parameters on the next
     * step, and they take the parameters' precision then (exact for values saved from float32).
     *
     * @throws IllegalArgumentException if the count or lengths do not fit
     */
    void restore(long steps, List<double[]> state);
}
