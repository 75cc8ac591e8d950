package theta.math;

/**
 * Unsigned bytes to float32 numbers in [0, 1]: {@code v / 255f}, each exactly the correctly
 * rounded quotient, as a table of the 256 values gives. Natively where the kernels are loaded
 * (theta_sparse.c): a Java loop over a table, one element at a time, took about a tenth of an
 * image's inference time, and C2 does not vectorise the byte-to-float conversion in Java 17.
 */
public final class UnitBytes {
    private UnitBytes() {}

    /** dst[dstOff .. dstOff+n) = (src[from .. from+n) &amp; 0xFF) / 255f; dst must be float32. */
    public static void toFloats(byte[] src, int from, int n, Vec dst, int dstOff) {
        java.util.Objects.checkFromIndexSize(from, n, src.length);
        java.util.Objects.checkFromIndexSize(dstOff, n, dst.length());
        if (dst.precision() != Precision.F32) {
            throw new IllegalArgumentException("unit bytes: float32 vector expected, got " + dst.precision());
        }
        if (n == 0) {
            return;
        }
        if (SparseKernels.AVAILABLE) {
            SparseKernels.unitBytes(src, from, n, dst.address() + (long) dstOff * Float.BYTES);
            java.lang.ref.Reference.reachabilityFence(dst);
            return;
        }
        for (int i = 0; i < n; i++) {
            dst.set(dstOff + i, (src[from + i] & 0xFF) / 255f);
        }
    }
}
