package theta.math;

/**
 * Row-major general matrix product {@code C = alpha * op(A) * op(B) + beta * C}, where op(X) is X
 * or its transpose. Matrices are views into vectors: an offset and a leading dimension (the
 * distance between the starts of two consecutive rows).
 *
 * <p>op(A) is m x k, op(B) is k x n, C is m x n. All three vectors must have the same precision.
 */
public interface Gemm {
    void gemm(boolean transA, boolean transB, int m, int n, int k,
              double alpha, Vec a, int offA, int lda,
              Vec b, int offB, int ldb,
              double beta, Vec c, int offC, int ldc);

    /** OpenBLAS (float32: sgemm, float64: dgemm); loads the native library on first use. */
    static Gemm blas() {
        return Blas.INSTANCE;
    }

    /** The obvious triple loop: slow, and the reference that the fast kernels are tested against. */
    static Gemm naive() {
        return NaiveGemm.INSTANCE;
    }
}
