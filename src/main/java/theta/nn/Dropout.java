package theta.nn;

import theta.math.Masks;
import theta.math.Parallel;
import theta.math.Vec;

/** Dropout while training, with its mask kept in the workspace for the backward pass. */
final class Dropout {
    /** Entries per part on a thread: a batch of 128 x 800 hidden units is about 6 parts. */
    private static final int GRAIN = 16_384;

    private Dropout() {}

    /**
     * Inverted dropout of layer l's output x (l = 0: the inputs): mask = Bernoulli(keep) / keep,
     * out = x * mask, so that the expected value is unchanged and evaluation needs no rescaling.
     *
     * <p>One number is drawn from the mode's generator per call; entry i is kept when the i-th
     * output of SplitMix64 seeded with it, taken as a double in [0, 1) as {@code nextDouble}
     * takes it, is under keep. Each entry's draw is a function of its index alone, so the mask is
     * made by parts on all threads and is the same on any number of them, and a seeded run
     * repeats exactly. (One draw per entry from the generator itself, in order, kept this on one
     * thread: 40% of the default recipe's training time.)
     */
    static Vec apply(Vec x, int n, Mode mode, double p, Workspace ws, int l) {
        if (ws.mask[l] == null) {
            ws.mask[l] = ws.precision.zeros(x.length());
        }
        Vec dropped = l == 0 ? ws.inputDropped : ws.dropped[l];
        Vec out = dropped != null ? dropped : ws.precision.zeros(x.length());
        Vec mask = ws.mask[l];
        double keep = 1 - p;
        long key = mode.rng().nextLong();
        Parallel.forRange(n, GRAIN, 1, (from, to) -> Masks.dropout(x, mask, out, key, keep, from, to));
        return out;
    }
}
