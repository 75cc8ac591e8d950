package theta.nn;

import theta.math.Parallel;
import theta.math.Precision;
import theta.math.SplitMix64;
import theta.math.Vec;

/** Dropout while training, with its mask kept in the workspace for the backward pass. */
final class Dropout {
    /** Entries per part on a thread: a batch of 128 x 800 hidden units is about 6 parts. */
    private static final int GRAIN = 16_384;
    /** Masks are made this many entries at a time in an array, then copied into the mask vector. */
    private static final int CHUNK = 1024;

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
        Parallel.forRange(n, GRAIN, 1, (from, to) -> {
            mask(mask, key, keep, from, to);
            out.setProduct(x, mask, from, to);
        });
        return out;
    }

    /**
     * mask[from..to) = 1/keep where entry i's draw (see {@link #apply}) is under keep, else 0.
     * Draws u = k * 2^-53 with k = SplitMix64 output >>> 11; u < keep exactly when k < ceil(keep *
     * 2^53), so the comparison is on integers.
     */
    static void mask(Vec mask, long key, double keep, int from, int to) {
        long threshold = (long) Math.ceil(keep * 0x1p53);
        double scale = 1 / keep;
        if (mask.precision() == Precision.F32) {
            float[] chunk = new float[Math.min(CHUNK, to - from)];
            float s = (float) scale;
            for (int c = from; c < to; c += CHUNK) {
                int len = Math.min(CHUNK, to - c);
                for (int i = 0; i < len; i++) {
                    chunk[i] = kept(key, c + i, threshold) * s;
                }
                mask.copyFrom(chunk, 0, c, len);
            }
        } else {
            double[] chunk = new double[Math.min(CHUNK, to - from)];
            for (int c = from; c < to; c += CHUNK) {
                int len = Math.min(CHUNK, to - c);
                for (int i = 0; i < len; i++) {
                    chunk[i] = kept(key, c + i, threshold) * scale;
                }
                mask.copyFrom(chunk, 0, c, len);
            }
        }
    }

    /** 1 when entry i is kept, else 0: the i-th SplitMix64 output after key, its top 53 bits under threshold. */
    private static int kept(long key, int i, long threshold) {
        long k = SplitMix64.at(key, i) >>> 11;
        return (int) ((k - threshold) >>> 63);
    }
}
