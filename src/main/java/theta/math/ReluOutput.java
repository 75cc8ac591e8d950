package theta.math;

import java.lang.ref.Reference;

/**
 * The output layer of inference on a ReLU hidden layer in one native pass ({@code relu_layer} in
 * src/main/c/theta_sparse_isa.h): {@code C = 1 b^T + max(Z, 0) * W^T}, without writing the
 * activations. With ten outputs, an sgemm of 128 x 800 times 800 x 10 runs far from its peak
 * (its blocking is made for wide matrices), and the ReLU pass before it writes and re-reads the
 * whole hidden layer: together about a tenth of an image's inference time.
 */
public final class ReluOutput {
    private ReluOutput() {}

    /** Whether the native kernel is loaded (else callers keep the ReLU pass and the product). */
    public static boolean available() {
        return SparseKernels.AVAILABLE;
    }

    /**
     * C (m x out) = 1 b^T + max(Z, 0) * W^T for Z (m x h) and W^T (h x out), with b the out
     * entries of {@code bias} from {@code biasOffset}. NaN in Z stays NaN, as the ReLU keeps it.
     */
    public static void apply(MatrixView z, MatrixView wT, Vec bias, int biasOffset, MatrixView c) {
        apply(z, null, 0, wT, bias, biasOffset, c, SparseKernels.DEFAULT);
    }

    /**
     * {@link #apply}, with the bias of the layer below added here: C = 1 b^T + max(Z + 1 zb^T, 0) *
     * W^T, with zb the h entries of {@code zBias} from {@code zBiasOffset} (inference leaves the
     * bias out of the first layer's product, which then need not read Z, and adds it here, where Z
     * is read anyway). zBias null: none.
     */
    public static void apply(MatrixView z, Vec zBias, int zBiasOffset, MatrixView wT, Vec bias, int biasOffset,
                             MatrixView c) {
        apply(z, zBias, zBiasOffset, wT, bias, biasOffset, c, SparseKernels.DEFAULT);
    }

    /** {@link #apply} with the given variant of the native kernels (tests run each). */
    static void apply(MatrixView z, Vec zBias, int zBiasOffset, MatrixView wT, Vec bias, int biasOffset, MatrixView c,
                      int variant) {
        int m = z.rows();
        int h = z.cols();
        int out = wT.cols();
        if (wT.rows() != h || c.rows() != m || c.cols() != out) {
            throw new IllegalArgumentException("relu output: Z " + m + "x" + h + " times W^T " + wT.rows() + "x" + out
                    + " into C " + c.rows() + "x" + c.cols());
        }
        Precision p = c.precision();
        if (z.precision() != p || wT.precision() != p || bias.precision() != p) {
            throw new IllegalArgumentException("relu output: mixed precisions");
        }
        if (biasOffset < 0 || biasOffset + (long) out > bias.length()) {
            throw new IllegalArgumentException("relu output: bias of " + out + " at " + biasOffset
                    + " does not fit its vector of length " + bias.length());
        }
        if (zBias != null && (zBias.precision() != p || zBiasOffset < 0 || zBiasOffset + (long) h > zBias.length())) {
            throw new IllegalArgumentException("relu output: a " + zBias.precision() + " bias of Z of " + h + " at "
                    + zBiasOffset + " for " + p + " in a vector of length " + zBias.length());
        }
        if (m == 0 || out == 0) {
            return;
        }
        // MatrixView checked that each view fits its vector: the native code does not check bounds.
        if (!SparseKernels.AVAILABLE) {
            throw new IllegalStateException("relu output: native kernels not loaded (" + SparseKernels.DESCRIPTION + ")");
        }
        int bytes = p.bytes();
        long zb = zBias == null ? 0 : zBias.address() + (long) zBiasOffset * bytes;
        int status = SparseKernels.reluLayer(variant, p == Precision.F64, m, address(z, bytes), z.ld(), zb, h,
                address(wT, bytes), wT.ld(), bias.address() + (long) biasOffset * bytes, address(c, bytes), c.ld(), out);
        Reference.reachabilityFence(z.vec());
        Reference.reachabilityFence(wT.vec());
        Reference.reachabilityFence(bias);
        Reference.reachabilityFence(zBias);
        Reference.reachabilityFence(c.vec());
        if (status != 0) {
            throw new IllegalStateException("relu output: out of native memory for the kernel's scratch");
        }
    }

    private static long address(MatrixView v, int bytes) {
        return v.vec().address() + (long) v.offset() * bytes;
    }
}
