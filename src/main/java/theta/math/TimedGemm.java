package theta.math;

import java.util.Objects;

/**
 * Passes every product on to another {@link Gemm} and adds up the time spent in it, so that a
 * benchmark can split an epoch into matrix products and everything else. Meant for one calling
 * thread (the products themselves may use many).
 */
public final class TimedGemm implements Gemm {
    private final Gemm inner;
    private long nanos;
    private long calls;

    public TimedGemm(Gemm inner) {
        this.inner = Objects.requireNonNull(inner);
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, Vec a, int offA, int lda,
                     Vec b, int offB, int ldb, double beta, Vec c, int offC, int ldc) {
        long t0 = System.nanoTime();
        inner.gemm(transA, transB, m, n, k, alpha, a, offA, lda, b, offB, ldb, beta, c, offC, ldc);
        nanos += System.nanoTime() - t0;
        calls++;
    }

    /** Nanoseconds spent in products so far. */
    public long nanos() {
        return nanos;
    }

    /** Products passed on so far. */
    public long calls() {
        return calls;
    }
}
