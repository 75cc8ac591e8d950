package theta.optim;

import java.util.List;

import theta.math.Precision;
import theta.math.Vec;

/**
 * The named state buffers of an optimiser, created lazily to match the parameters: zero-filled on
 * the first step, or restored from a checkpoint (held in float64 until the first step converts
 * them to the parameters' precision).
 */
final class StateBuffers {
    private final String optimizer;
    private final List<String> names;
    private Vec[] vecs;

    StateBuffers(String optimizer, List<String> names) {
        this.optimizer = optimizer;
        this.names = List.copyOf(names);
    }

    List<String> names() {
        return names;
    }

    List<Vec> list() {
        return vecs == null ? List.of() : List.of(vecs);
    }

    /** The buffers for {@code params}: created, or converted to its precision, as needed. */
    Vec[] forParams(Vec params) {
        if (vecs == null) {
            vecs = new Vec[names.size()];
            for (int k = 0; k < vecs.length; k++) {
                vecs[k] = params.precision().zeros(params.length());
            }
        } else if (vecs.length > 0 && vecs[0].length() != params.length()) {
            throw new IllegalArgumentException(optimizer + ": state has length " + vecs[0].length()
                    + " but the parameters have length " + params.length());
        } else if (vecs.length > 0 && vecs[0].precision() != params.precision()) {
            for (int k = 0; k < vecs.length; k++) {
                vecs[k] = vecs[k].to(params.precision());
            }
        }
        return vecs;
    }

    void restore(long steps, List<double[]> state) {
        if (steps < 0) {
            throw new IllegalArgumentException(optimizer + ": negative step count " + steps);
        }
        if (state.isEmpty() && (names.isEmpty() || steps == 0)) {
            vecs = null;
            return;
        }
        if (state.size() != names.size()) {
            throw new IllegalArgumentException(optimizer + ": expected " + names.size() + " state arrays "
                    + names + " after " + steps + " steps, got " + state.size());
        }
        Vec[] restored = new Vec[names.size()];
        for (int k = 0; k < restored.length; k++) {
            double[] a = state.get(k);
            if (a.length != state.get(0).length) {
                throw new IllegalArgumentException(optimizer + ": state array " + names.get(k) + " has length "
                        + a.length + ", " + names.get(0) + " has " + state.get(0).length);
            }
            restored[k] = Precision.F64.of(a);
        }
        vecs = restored;
    }

    /** State entries smaller than this in magnitude are set to zero (see {@link #flushTiny}). */
    static final double TINY = 1e-30;

    /**
     * Steps between flushes for state that decays by {@code factor} per step when its gradient
     * is zero (momentum: mu; Adam: beta1): at most 32, and few enough that an entry just above
     * {@link #TINY} cannot decay below float32's smallest normal number (1.2e-38) in between.
     */
    static int flushInterval(double factor) {
        if (!(factor > 0 && factor < 1)) {
            return 32;
        }
        double steps = Math.log(Float.MIN_NORMAL / TINY) / Math.log(factor);
        return (int) Math.max(1, Math.min(32, Math.floor(steps)));
    }

    /**
     * Every {@code interval} steps, sets state entries below {@link #TINY} in magnitude to zero.
     * A velocity or moment whose gradient stays zero (the weights of a border pixel) decays
     * geometrically into float32's subnormal range, where this CPU takes a microcode assist of
     * some hundred cycles per operation: after one epoch at batch 32, 14% of the velocities were
     * subnormal and the update ran 3.5 times slower. Such an entry moves no weight: lr * 1e-30
     * added to a float32 weight above 1e-22 in magnitude leaves it unchanged.
     *
     * @param step the number of the step just taken (1-based); the flushes depend only on it, so
     *     a resumed run flushes where the original did
     */
    static void flushTiny(Vec[] state, long step, int interval) {
        if (step % interval != 0) {
            return;
        }
        for (Vec v : state) {
            theta.math.Parallel.forRange(v.length(), 1 << 14, 16, (from, to) -> v.flushBelow(TINY, from, to));
        }
    }

    /** The checks every step starts with. */
    static void checkStep(String optimizer, Vec params, Vec grad, double lr) {
        if (params.length() != grad.length()) {
            throw new IllegalArgumentException(optimizer + ": gradient has length " + grad.length()
                    + " but the parameters have length " + params.length());
        }
        if (!(lr >= 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException(optimizer + ": learning rate " + lr + " is not allowed; it must be finite and >= 0");
        }
    }
}
