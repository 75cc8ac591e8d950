package theta.math;

import java.lang.ref.Reference;

import org.bytedeco.openblas.global.openblas;

/**
 * OpenBLAS calls, reading and writing the vectors' native memory in place. This is the only class
 * that calls BLAS; the native library loads when the class initialises, and its own thread pool
 * is set to one thread: large products are cut into slices here and run on {@link Parallel}.
 */
final class Blas implements Gemm {
    static final Blas INSTANCE = new Blas();

    /**
     * Products below this many flops (2mnk) run whole in the calling thread: a hand-off costs
     * some 10-20 microseconds, which a 1 MFLOP product (about 20 us on one core) cannot repay.
     */
    static final double SPLIT_FLOPS = 1e6;

    /** Column slices start on multiples of 16 floats (one 64-byte cache line, one AVX-512 register). */
    private static final int COLUMN_ALIGN = 16;

    static {
        openblas.blas_set_num_threads(1);
    }

    private Blas() {}

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     double alpha, Vec a, int offA, int lda,
                     Vec b, int offB, int ldb,
                     double beta, Vec c, int offC, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        Precision p = c.precision();
        if (a.precision() != p || b.precision() != p) {
            throw new IllegalArgumentException("gemm: mixed precisions " + a.precision() + ", "
                    + b.precision() + ", " + p);
        }
        checkMatrix("A", a, offA, transA ? k : m, transA ? m : k, lda);
        checkMatrix("B", b, offB, transB ? n : k, transB ? k : n, ldb);
        checkMatrix("C", c, offC, m, n, ldc);
        // BLAS requires leading dimensions >= 1 even for empty inner products.
        int la = Math.max(lda, 1);
        int lb = Math.max(ldb, 1);
        int lc = Math.max(ldc, 1);
        double flops = 2.0 * m * n * k;
        // Columns when C is wide and short and the inner dimension long (the forward product of a
        // batch: each slice then packs only its part of the large op(B)); rows otherwise. Measured
        // on 2 cores: 128x800x784 by columns 1.06 ms, by rows 1.24 ms; 128x800x10 by columns 90 us,
        // by rows 35 us; one slice per thread beat two.
        boolean byColumns = m < n / 2 && k >= 32;
        int parts = flops < SPLIT_FLOPS ? 1
                : byColumns ? Parallel.parts(n, 2 * COLUMN_ALIGN) : Parallel.parts(m, 4);
        if (parts == 1) {
            call(transA, transB, m, n, k, alpha, a, offA, la, b, offB, lb, beta, c, offC, lc);
        } else if (byColumns) {
            // C[:, j0..j1) = op(A) * op(B)[:, j0..j1): each slice packs all of op(A), a part of op(B).
            Parallel.run(parts, s -> {
                int j0 = Parallel.bound(n, parts, s, COLUMN_ALIGN);
                int j1 = Parallel.bound(n, parts, s + 1, COLUMN_ALIGN);
                call(transA, transB, m, j1 - j0, k, alpha, a, offA, la,
                        b, offB + (transB ? j0 * lb : j0), lb, beta, c, offC + j0, lc);
            });
        } else {
            // C[i0..i1, :) = op(A)[i0..i1, :) * op(B).
            Parallel.run(parts, s -> {
                int i0 = Parallel.bound(m, parts, s, 1);
                int i1 = Parallel.bound(m, parts, s + 1, 1);
                call(transA, transB, i1 - i0, n, k, alpha, a, offA + (transA ? i0 : i0 * la), la,
                        b, offB, lb, beta, c, offC + i0 * lc, lc);
            });
        }
    }

    /**
     * The sparse product on the native kernels (plain loops where they are missing), cut into
     * column slices across threads like the dense products: each slice reads all of S's index and
     * its own columns of B, and writes its own columns of C.
     */
    @Override
    public void sparse(boolean transS, SparseMatrix s, double alpha, MatrixView b, double beta, MatrixView c) {
        sparse(transS, s, alpha, b, beta, c, SparseKernels.DEFAULT);
    }

    /** {@link #sparse} with the given variant of the native kernels (tests and SparseBench run each). */
    void sparse(boolean transS, SparseMatrix s, double alpha, MatrixView b, double beta, MatrixView c, int variant) {
        sparse(transS, s, alpha, b, beta, c, variant, SparseMatrix.PAIR_WINDOW);
    }

    /** {@link #sparse} with the given variant and window of the forward pair kernel (0: all rows). */
    void sparse(boolean transS, SparseMatrix s, double alpha, MatrixView b, double beta, MatrixView c, int variant,
                int window) {
        sparse(transS, s, alpha, b, beta, c, variant, window,
                s.rows() > SparseMatrix.PAIR_ROWS ? SparseMatrix.GRADIENT_WINDOW : 0);
    }

    /** {@link #sparse} with the given variant and windows of the forward and gradient pair kernels (0: all rows). */
    void sparse(boolean transS, SparseMatrix s, double alpha, MatrixView b, double beta, MatrixView c, int variant,
                int window, int gwindow) {
        s.checkShapes(transS, b, c);
        if (!SparseKernels.AVAILABLE) {
            Gemm.super.sparse(transS, s, alpha, b, beta, c);
            return;
        }
        int rows = c.rows();
        int n = c.cols();
        if (rows == 0 || n == 0) {
            return;
        }
        boolean f64 = c.precision() == Precision.F64;
        int bytes = c.precision().bytes();
        long bAddr = b.vec().address() + (long) b.offset() * bytes;
        long cAddr = c.vec().address() + (long) c.offset() * bytes;
        int k = b.rows();
        int parts = 2.0 * s.nonzeros() * n < SPLIT_FLOPS ? 1 : Parallel.parts(n, 4 * COLUMN_ALIGN);
        // By pairs of columns; the forward product of many rows indexed by rows (index(), not
        // indexPairs()) goes by rows (see SparseMatrix.PAIR_ROWS).
        Csr pairs = transS || s.rows() <= SparseMatrix.PAIR_ROWS || !s.byRows() ? s.pairs() : null;
        Csr csr = pairs == null ? s.csr(false) : null;
        Parallel.run(parts, p -> {
            int j0 = Parallel.bound(n, parts, p, COLUMN_ALIGN);
            int j1 = Parallel.bound(n, parts, p + 1, COLUMN_ALIGN);
            int status = pairs != null
                    ? SparseKernels.pairTimes(variant, f64, transS, s.rows(), s.cols(), pairs.ptrAddress(),
                            pairs.idxAddress(), pairs.valAddress(), bAddr, b.ld(), cAddr, c.ld(), j0, j1, alpha, beta,
                            window, gwindow)
                    : SparseKernels.times(variant, f64, rows, csr.ptrAddress(), csr.idxAddress(), csr.valAddress(), k,
                            bAddr, b.ld(), cAddr, c.ld(), j0, j1, alpha, beta);
            if (status != 0) {
                throw new IllegalStateException("sparse product: out of native memory for the kernel's scratch");
            }
        });
        Reference.reachabilityFence(pairs);
        Reference.reachabilityFence(csr);
        fence(b.vec(), c.vec(), null);
    }

    /** Native code does not check bounds: a view outside its vector is refused here. */
    private static void checkMatrix(String name, Vec v, int off, int rows, int cols, int ld) {
        if (rows == 0 || cols == 0) {
            return;
        }
        if (off < 0 || ld < cols || off + (long) (rows - 1) * ld + cols > v.length()) {
            throw new IllegalArgumentException("gemm: " + name + " (" + rows + "x" + cols + " at offset " + off
                    + ", leading dimension " + ld + ") does not fit its vector of length " + v.length());
        }
    }

    /**
     * One product, whole, on OpenBLAS's own pool of {@code threads} threads (for comparison with
     * the slicing). The count is global: products running meanwhile elsewhere stay correct, only slower.
     */
    static void withOpenblasThreads(int threads, boolean transA, boolean transB, int m, int n, int k,
                                    double alpha, Vec a, int offA, int lda, Vec b, int offB, int ldb,
                                    double beta, Vec c, int offC, int ldc) {
        checkMatrix("A", a, offA, transA ? k : m, transA ? m : k, lda);
        checkMatrix("B", b, offB, transB ? n : k, transB ? k : n, ldb);
        checkMatrix("C", c, offC, m, n, ldc);
        openblas.blas_set_num_threads(threads);
        try {
            call(transA, transB, m, n, k, alpha, a, offA, lda, b, offB, ldb, beta, c, offC, ldc);
        } finally {
            openblas.blas_set_num_threads(1);
        }
    }

    /** One single-threaded BLAS product. */
    private static void call(boolean transA, boolean transB, int m, int n, int k,
                             double alpha, Vec a, int offA, int lda, Vec b, int offB, int ldb,
                             double beta, Vec c, int offC, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        int ta = transA ? openblas.CblasTrans : openblas.CblasNoTrans;
        int tb = transB ? openblas.CblasTrans : openblas.CblasNoTrans;
        if (c.precision() == Precision.F32) {
            openblas.cblas_sgemm(openblas.CblasRowMajor, ta, tb, m, n, k, (float) alpha,
                    BlasArgs.f(0, a, offA), lda, BlasArgs.f(1, b, offB), ldb, (float) beta, BlasArgs.f(2, c, offC), ldc);
        } else {
            openblas.cblas_dgemm(openblas.CblasRowMajor, ta, tb, m, n, k, alpha,
                    BlasArgs.d(0, a, offA), lda, BlasArgs.d(1, b, offB), ldb, beta, BlasArgs.d(2, c, offC), ldc);
        }
        fence(a, b, c);
    }

    /** y[yOff..yOff+n) += alpha * x[xOff..xOff+n). */
    static void axpy(int n, double alpha, Vec x, int xOff, Vec y, int yOff) {
        if (n == 0) {
            return;
        }
        if (y.precision() == Precision.F32) {
            openblas.cblas_saxpy(n, (float) alpha, BlasArgs.f(0, x, xOff), 1, BlasArgs.f(1, y, yOff), 1);
        } else {
            openblas.cblas_daxpy(n, alpha, BlasArgs.d(0, x, xOff), 1, BlasArgs.d(1, y, yOff), 1);
        }
        fence(x, y, null);
    }

    /** x[off..off+n) *= alpha. */
    static void scal(int n, double alpha, Vec x, int off) {
        if (n == 0) {
            return;
        }
        if (x.precision() == Precision.F32) {
            openblas.cblas_sscal(n, (float) alpha, BlasArgs.f(0, x, off), 1);
        } else {
            openblas.cblas_dscal(n, alpha, BlasArgs.d(0, x, off), 1);
        }
        fence(x, null, null);
    }

    /** sum x[xOff+i] * y[yOff+i], summed in double for both precisions (float32: dsdot). */
    static double dot(int n, Vec x, int xOff, Vec y, int yOff) {
        if (n == 0) {
            return 0;
        }
        double s = x.precision() == Precision.F32
                ? openblas.cblas_dsdot(n, BlasArgs.f(0, x, xOff), 1, BlasArgs.f(1, y, yOff), 1)
                : openblas.cblas_ddot(n, BlasArgs.d(0, x, xOff), 1, BlasArgs.d(1, y, yOff), 1);
        fence(x, y, null);
        return s;
    }

    /** y[yOff..yOff+n) = x[xOff..xOff+n). */
    static void copy(int n, Vec x, int xOff, Vec y, int yOff) {
        if (n == 0) {
            return;
        }
        if (y.precision() == Precision.F32) {
            openblas.cblas_scopy(n, BlasArgs.f(0, x, xOff), 1, BlasArgs.f(1, y, yOff), 1);
        } else {
            openblas.cblas_dcopy(n, BlasArgs.d(0, x, xOff), 1, BlasArgs.d(1, y, yOff), 1);
        }
        fence(x, y, null);
    }

    /**
     * Keeps the vectors (and so their native memory) reachable until the native call has
     * returned: BLAS gets bare addresses, which do not keep a buffer alive.
     */
    private static void fence(Vec a, Vec b, Vec c) {
        Reference.reachabilityFence(a);
        Reference.reachabilityFence(b);
        Reference.reachabilityFence(c);
    }
}
