package theta.math;

import java.lang.ref.Reference;
import java.util.Objects;

/**
 * Rows of unsigned bytes (pixels 0..255) to float32 numbers in [0, 1], natively
 * (src/main/c/theta_train.c): each byte divided by 255 as a float, so the numbers are exactly
 * {@code v / 255f}, as the table lookup in Java gives them, in about a quarter of its time (the
 * conversion of a training batch was a twentieth of an epoch).
 */
public final class UnitBytes {
    private UnitBytes() {}

    /** Whether {@link #toFloats} runs (the native library is loaded). */
    public static boolean available() {
        return SparseKernels.AVAILABLE;
    }

    /**
     * {@code dst[dstOff + r*n + j] = (bytes[starts[r] + j] & 0xFF) / 255f} for r in [0, count), j in
     * [0, n). Call only when {@link #available()}.
     *
     * @throws IllegalArgumentException if dst is not float32
     */
    public static void toFloats(byte[] bytes, int[] starts, int count, int n, Vec dst, int dstOff) {
        if (dst.precision() != Precision.F32) {
            throw new IllegalArgumentException("bytes to floats: the destination is " + dst.precision());
        }
        Objects.checkFromIndexSize(0, count, starts.length);
        Objects.checkFromIndexSize(dstOff, Math.multiplyExact(count, n), dst.length());
        for (int r = 0; r < count; r++) {
            Objects.checkFromIndexSize(starts[r], n, bytes.length);
        }
        toFloats(SparseKernels.DEFAULT, bytes, starts, count, n, dst.address() + 4L * dstOff);
        Reference.reachabilityFence(dst);
    }

    private static native void toFloats(int isa, byte[] bytes, int[] starts, int count, int n, long dst);
}
