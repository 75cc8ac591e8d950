package theta.math;

/** The textbook triple loop, accumulating in double. Reference for tests and tiny products. */
final class NaiveGemm implements Gemm {
    static final NaiveGemm INSTANCE = new NaiveGemm();

    private NaiveGemm() {}

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     double alpha, Vec a, int offA, int lda,
                     Vec b, int offB, int ldb,
                     double beta, Vec c, int offC, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    double aip = a.get(offA + (transA ? p * lda + i : i * lda + p));
                    double bpj = b.get(offB + (transB ? j * ldb + p : p * ldb + j));
                    s += aip * bpj;
                }
                int ci = offC + i * ldc + j;
                // beta == 0 must not propagate NaN/Inf from uninitialised C, as in BLAS.
                c.set(ci, alpha * s + (beta == 0 ? 0 : beta * c.get(ci)));
            }
        }
    }
}
