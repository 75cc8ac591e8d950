package theta.math;

import java.lang.ref.Reference;
import java.util.Objects;

/**
 * Dropout's mask and output over a range of entries in one pass (src/main/c/theta_draws.c, in the
 * native library of {@link SparseKernels}; a Java loop where it is missing, with the same result
 * bit for bit).
 */
public final class Masks {
    /** Entries made at a time in an array by the Java loop, then copied into the vectors. */
    private static final int CHUNK = 1024;

    private Masks() {}

    /**
     * For i in [from, to): mask[i] = 1/keep when entry i is kept, else 0, and out[i] = x[i] *
     * mask[i] (one product, rounded to the vectors' precision). Entry i is kept when the i-th
     * output of SplitMix64 seeded with key ({@link SplitMix64#at}), taken as {@code nextDouble}
     * takes it (its top 53 bits times 2^-53), is under keep: what a {@code SplittableRandom}
     * seeded with key draws in order, at any entry at once.
     */
    public static void dropout(Vec x, Vec mask, Vec out, long key, double keep, int from, int to) {
        dropout(x, mask, out, key, keep, from, to, SparseKernels.DEFAULT);
    }

    /** {@link #dropout} with the given variant of the native code, -1 for the Java loop (tests). */
    static void dropout(Vec x, Vec mask, Vec out, long key, double keep, int from, int to, int variant) {
        Precision p = x.precision();
        if (mask.precision() != p || out.precision() != p) {
            throw new IllegalArgumentException("dropout: mixed precisions " + p + ", " + mask.precision() + ", "
                    + out.precision());
        }
        if (!(keep > 0 && keep <= 1)) {
            throw new IllegalArgumentException("dropout: keep must be in (0, 1], got " + keep);
        }
        Objects.checkFromToIndex(from, to, x.length());
        Objects.checkFromToIndex(from, to, mask.length());
        Objects.checkFromToIndex(from, to, out.length());
        // u = k * 2^-53 < keep exactly when k < ceil(keep * 2^53): the test is on integers.
        long threshold = (long) Math.ceil(keep * 0x1p53);
        double scale = 1 / keep;
        if (variant >= 0 && SparseKernels.AVAILABLE) {
            dropout(variant, p == Precision.F64, from, to, x.address(), mask.address(), out.address(), key, threshold,
                    scale);
            Reference.reachabilityFence(x);
            Reference.reachabilityFence(mask);
            Reference.reachabilityFence(out);
            return;
        }
        if (p == Precision.F32) {
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
        out.setProduct(x, mask, from, to);
    }

    /** 1 when entry i is kept, else 0: the top 53 bits of SplitMix64.at(key, i) under threshold. */
    private static int kept(long key, int i, long threshold) {
        long k = SplitMix64.at(key, i) >>> 11;
        return (int) ((k - threshold) >>> 63);
    }

    private static native void dropout(int isa, boolean f64, int from, int to, long x, long mask, long out, long key,
                                       long threshold, double scale);
}
