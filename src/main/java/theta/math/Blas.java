package theta.math;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas;

/**
 * Matrix products through OpenBLAS, reading and writing the vectors' native memory in place.
 * This is the only class that calls BLAS; the native library loads when the class initialises.
 */
final class Blas implements Gemm {
    static final Blas INSTANCE = new Blas();

    private Blas() {}

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     double alpha, Vec a, int offA, int lda,
                     Vec b, int offB, int ldb,
                     double beta, Vec c, int offC, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        int ta = transA ? openblas.CblasTrans : openblas.CblasNoTrans;
        int tb = transB ? openblas.CblasTrans : openblas.CblasNoTrans;
        Precision p = c.precision();
        if (a.precision() != p || b.precision() != p) {
            throw new IllegalArgumentException("gemm: mixed precisions " + a.precision() + ", "
                    + b.precision() + ", " + p);
        }
        // BLAS requires leading dimensions >= 1 even for empty inner products.
        lda = Math.max(lda, 1);
        ldb = Math.max(ldb, 1);
        ldc = Math.max(ldc, 1);
        Pointer pa = a.pointer(offA);
        Pointer pb = b == a ? b.freshPointer(offB) : b.pointer(offB);
        Pointer pc = c == a || c == b ? c.freshPointer(offC) : c.pointer(offC);
        if (p == Precision.F32) {
            openblas.cblas_sgemm(openblas.CblasRowMajor, ta, tb, m, n, k, (float) alpha,
                    (FloatPointer) pa, lda, (FloatPointer) pb, ldb, (float) beta, (FloatPointer) pc, ldc);
        } else {
            openblas.cblas_dgemm(openblas.CblasRowMajor, ta, tb, m, n, k, alpha,
                    (DoublePointer) pa, lda, (DoublePointer) pb, ldb, beta, (DoublePointer) pc, ldc);
        }
    }

    /** Threads OpenBLAS uses for one product. */
    static int threads() {
        return openblas.blas_get_num_threads();
    }

    static void setThreads(int n) {
        openblas.blas_set_num_threads(n);
    }
}
