package theta.math;

/**
 * Row-major general matrix product {@code C = alpha * op(A) * op(B) + beta * C}, where op(X) is X
 * or its transpose. Matrices are views into vectors: an offset and a leading dimension (the
 * distance between the starts of two consecutive rows), see {@link MatrixView}.
 *
 * <p>op(A) is m x k, op(B) is k x n, C is m x n. All three vectors must have the same precision.
 */
public interface Gemm {
    void gemm(boolean transA, boolean transB, int m, int n, int k,
              double alpha, Vec a, int offA, int lda,
              Vec b, int offB, int ldb,
              double beta, Vec c, int offC, int ldc);

    /** {@code C = alpha * op(A) * op(B) + beta * C} on views whose shapes must agree. */
    default void gemm(double alpha, MatrixView a, boolean transA, MatrixView b, boolean transB, double beta,
                      MatrixView c) {
        int m = a.rows(transA);
        int k = a.cols(transA);
        int n = b.cols(transB);
        if (b.rows(transB) != k || c.rows() != m || c.cols() != n) {
            throw new IllegalArgumentException("gemm: op(A) " + m + "x" + k + " times op(B) " + b.rows(transB) + "x"
                    + n + " into C " + c.rows() + "x" + c.cols());
        }
        gemm(transA, transB, m, n, k, alpha, a.vec(), a.offset(), a.ld(), b.vec(), b.offset(), b.ld(), beta,
                c.vec(), c.offset(), c.ld());
    }

    /**
     * {@code C = alpha * op(S) * B + beta * C} where S is the matrix that {@code s} indexes: only
     * its nonzeros are multiplied. op(S) is m x k, B is k x n, C is m x n. This default is the
     * plain loop (the reference); {@link #blas()} runs vectorised native kernels where the
     * build has them ({@link SparseMatrix#nativeKernels()}).
     */
    default void sparse(boolean transS, SparseMatrix s, double alpha, MatrixView b, double beta, MatrixView c) {
        Csr csr = s.checkProduct(transS, b, c);
        for (int r = 0; r < c.rows(); r++) {
            for (int j = 0; j < c.cols(); j++) {
                double sum = 0;
                for (int q = csr.start(r), end = csr.start(r + 1); q < end; q++) {
                    sum += csr.value(q) * b.vec().get(b.offset() + csr.index(q) * b.ld() + j);
                }
                int ci = c.offset() + r * c.ld() + j;
                c.vec().set(ci, alpha * sum + (beta == 0 ? 0 : beta * c.vec().get(ci)));
            }
        }
    }

    /** OpenBLAS (float32: sgemm, float64: dgemm); loads the native library on first use. */
    static Gemm blas() {
        return Blas.INSTANCE;
    }

    /** The obvious triple loop: slow, and the reference that the fast kernels are tested against. */
    static Gemm naive() {
        return NaiveGemm.INSTANCE;
    }
}
