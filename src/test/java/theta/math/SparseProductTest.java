package theta.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import theta.data.Dataset;
import theta.data.Inputs;
import theta.data.MnistFixture;
import theta.testing.Tools;

/**
 * Products on a matrix's nonzeros ({@link Gemm#sparse}) equal the dense products: on real MNIST
 * batches (the first layer's two products), on odd shapes, empty rows and fully dense rows; with
 * every variant of the native kernels this CPU runs (AVX-512, AVX2+FMA, plain x86-64: index and
 * products) and with their plain-Java twins.
 */
class SparseProductTest {
    private static double tolerance(Precision p) {
        return p == Precision.F64 ? 1e-12 : 1e-5;
    }

    @Test
    void nativeKernelsAreBuilt() {
        // The build compiles them wherever gcc is installed (scripts/test installs it under CI).
        Tools.require("native sparse kernels (" + SparseMatrix.kernels() + ")", SparseMatrix.nativeKernels());
    }

    /** Every precision with every native variant this CPU runs (variant -1: the plain-Java twins). */
    static Stream<Arguments> variants() {
        int[] v = SparseKernels.AVAILABLE ? SparseKernels.variants() : new int[] {-1};
        return Arrays.stream(Precision.values())
                .flatMap(p -> Arrays.stream(v).mapToObj(i -> Arguments.of(p, i)));
    }

    @Test
    void everyVariantUpToTheBestRuns() {
        Tools.require("native sparse kernels (" + SparseMatrix.kernels() + ")", SparseMatrix.nativeKernels());
        assertTrue(SparseKernels.DEFAULT <= SparseKernels.BEST && SparseKernels.BEST <= 2, "variant numbers");
        assertEquals(SparseKernels.name(SparseKernels.DEFAULT), SparseMatrix.kernels());
    }

    @ParameterizedTest
    @MethodSource("variants")
    void firstLayerProductsOnRealBatchesEqualDense(Precision p, int variant) {
        Dataset train = MnistFixture.mnist().train();
        int m = 128;
        int k = train.features();
        int n = 800;
        SplittableRandom rng = new SplittableRandom(7);
        Vec w = random(p, k * n, rng);
        Vec dz = random(p, m * n, rng);
        for (int from : new int[] {0, 128 * 101, train.size() - m}) {
            Vec x = p.zeros(m * k);
            new Inputs(k).fill(train, null, from, m, x);
            MatrixView xv = MatrixView.of(x, 0, m, k);
            SparseMatrix s = new SparseMatrix(p, variant >= 0).index(xv, variant);
            assertTrue(s.density() > 0.1 && s.density() < 0.3, "MNIST density " + s.density());
            // Forward: Z = bias + X * W^T (beta 1, as the network does it).
            Vec bias = random(p, m * n, rng);
            Vec dense = bias.copy();
            Vec sparse = bias.copy();
            Gemm.blas().gemm(1, xv, false, MatrixView.of(w, 0, k, n), false, 1, MatrixView.of(dense, 0, m, n));
            Blas.INSTANCE.sparse(false, s, 1, MatrixView.of(w, 0, k, n), 1, MatrixView.of(sparse, 0, m, n), variant);
            assertClose(dense, sparse, tolerance(p), "forward at " + from + ", variant " + variant);
            // Weight gradient: dW^T = X^T * dZ (beta 0: whatever C held is overwritten).
            Vec gd = random(p, k * n, rng);
            Vec gs = random(p, k * n, rng);
            Gemm.blas().gemm(1, xv, true, MatrixView.of(dz, 0, m, n), false, 0, MatrixView.of(gd, 0, k, n));
            Blas.INSTANCE.sparse(true, s, 1, MatrixView.of(dz, 0, m, n), 0, MatrixView.of(gs, 0, k, n), variant);
            assertClose(gd, gs, tolerance(p), "weight gradient at " + from + ", variant " + variant);
        }
    }

    /**
     * A training batch of 512 (over PAIR_ROWS rows) indexed by pairs only, on one and two threads:
     * the forward product by pairs, whole and in windows of rows, and the weight gradient, whole
     * and (bit for bit the same) in windows of rows.
     */
    @ParameterizedTest
    @MethodSource("variants")
    void tallBatchByPairsEqualsDense(Precision p, int variant) {
        Tools.require("native sparse kernels (" + SparseMatrix.kernels() + ")", SparseMatrix.nativeKernels());
        Dataset train = MnistFixture.mnist().train();
        int m = 512;
        int k = train.features();
        int n = 80;
        SplittableRandom rng = new SplittableRandom(13);
        Vec w = random(p, k * n, rng);
        Vec x = p.zeros(m * k);
        new Inputs(k).fill(train, MnistFixture.scattered(train.size()), 0, m, x);
        MatrixView xv = MatrixView.of(x, 0, m, k);
        Vec bias = random(p, m * n, rng);
        Vec dense = bias.copy();
        Gemm.blas().gemm(1, xv, false, MatrixView.of(w, 0, k, n), false, 1, MatrixView.of(dense, 0, m, n));
        Vec dz = random(p, m * n, rng);
        Vec gd = p.zeros(k * n);
        Gemm.blas().gemm(1, xv, true, MatrixView.of(dz, 0, m, n), false, 0, MatrixView.of(gd, 0, k, n));
        for (int threads = 1; threads <= 2; threads++) {
            SparseMatrix s = new SparseMatrix(p).indexPairs(xv, variant, threads, false);
            for (int window : WINDOWS) {
                Vec sparse = bias.copy();
                Blas.INSTANCE.sparse(false, s, 1, MatrixView.of(w, 0, k, n), 1, MatrixView.of(sparse, 0, m, n), variant,
                        window);
                assertClose(dense, sparse, tolerance(p), "forward, windows of " + window + ", variant " + variant);
            }
            Vec whole = random(p, k * n, rng);
            Blas.INSTANCE.sparse(true, s, 1, MatrixView.of(dz, 0, m, n), 0, MatrixView.of(whole, 0, k, n), variant, 0, 0);
            assertClose(gd, whole, tolerance(p), "weight gradient, variant " + variant);
            // In windows of rows: partial sums kept in C, the same additions, so the same numbers.
            for (int window : WINDOWS) {
                Vec gs = random(p, k * n, rng);
                Blas.INSTANCE.sparse(true, s, 1, MatrixView.of(dz, 0, m, n), 0, MatrixView.of(gs, 0, k, n), variant, 0,
                        window);
                for (int i = 0; i < k * n; i++) {
                    assertEquals(whole.get(i), gs.get(i), "weight gradient in windows of " + window + ", entry " + i);
                }
            }
        }
    }

    /**
     * Random shapes, offsets and leading dimensions, with empty and fully dense rows, with each
     * native variant (index and products) and with the plain-Java index and products (-1).
     */
    @ParameterizedTest
    @MethodSource("variantsAndJava")
    void oddShapesEqualDense(Precision p, int variant) {
        boolean nativeIndex = variant >= 0;
        SplittableRandom rng = new SplittableRandom(11 + variant);
        int[] sizes = {1, 2, 3, 15, 16, 17, 31, 33, 63, 64, 65, 100, 129};
        // Tall B (its rows cut into ranges) and over 256 rows of C (rows taken in chunks, partial
        // sums kept between ranges) take the kernels' other paths.
        int[] tallM = {1, 129, 300};
        int[] tallK = {130, 257, 700};
        int[] tallN = {17, 65, 80, 143};
        for (int trial = 0; trial < 24; trial++) {
            boolean tall = trial % 3 == 0;
            int m = tall ? tallM[rng.nextInt(tallM.length)] : sizes[rng.nextInt(sizes.length)];
            int k = tall ? tallK[rng.nextInt(tallK.length)] : sizes[rng.nextInt(sizes.length)];
            int n = tall ? tallN[rng.nextInt(tallN.length)] : sizes[rng.nextInt(sizes.length)];
            boolean trans = rng.nextBoolean();
            int rows = trans ? k : m;
            int cols = trans ? m : k;
            int lda = cols + rng.nextInt(3);
            int offA = rng.nextInt(5);
            Vec a = p.zeros(offA + rows * lda);
            for (int r = 0; r < rows; r++) {
                double density = rowDensity(rng);
                for (int c = 0; c < cols; c++) {
                    if (rng.nextDouble() < density) {
                        a.set(offA + r * lda + c, rng.nextDouble(-2, 2));
                    }
                }
            }
            int ldb = n + rng.nextInt(3);
            Vec b = random(p, 3 + k * ldb, rng);
            int ldc = n + rng.nextInt(3);
            Vec c0 = random(p, 2 + m * ldc, rng);
            double alpha = rng.nextBoolean() ? 1 : -0.75;
            double beta = rng.nextInt(3) * 0.5;
            MatrixView av = new MatrixView(a, offA, rows, cols, lda);
            MatrixView bv = new MatrixView(b, 3, k, n, ldb);
            Vec expected = c0.copy();
            Gemm.naive().gemm(alpha, av, trans, bv, false, beta, new MatrixView(expected, 2, m, n, ldc));
            // Natively also indexed by pairs only, on 1-3 threads, the forward product then in windows of rows.
            boolean byPairs = nativeIndex && trial % 2 == 1;
            int threads = 1 + trial % 3;
            int window = WINDOWS[trial % WINDOWS.length];
            SparseMatrix s = byPairs ? new SparseMatrix(p).indexPairs(av, variant, threads, false)
                    : new SparseMatrix(p, nativeIndex).index(av, variant);
            String what = (trans ? "(" + rows + "x" + cols + ")^T" : m + "x" + k) + " * " + k + "x" + n
                    + ", variant " + variant + (byPairs ? ", by pairs, " + threads + " thread(s), windows of " + window : "");
            Vec got = c0.copy();
            if (nativeIndex) {
                Blas.INSTANCE.sparse(trans, s, alpha, bv, beta, new MatrixView(got, 2, m, n, ldc), variant, window,
                        window);
            } else {
                Gemm.naive().sparse(trans, s, alpha, bv, beta, new MatrixView(got, 2, m, n, ldc));
            }
            assertClose(expected, got, tolerance(p), what);
        }
    }

    /** Rows per window of the forward pair kernel (0: all rows at once). */
    private static final int[] WINDOWS = {0, 1, 7, 64, 128, 256};

    static Stream<Arguments> variantsAndJava() {
        return Stream.concat(variants().filter(a -> (int) a.get()[1] >= 0),
                Arrays.stream(Precision.values()).map(p -> Arguments.of(p, -1)));
    }

    @Test
    void densityCountsNonzeros() {
        Vec a = Precision.F64.of(0, 1, 0, 0, 2, 3);
        SparseMatrix s = new SparseMatrix(Precision.F64).index(MatrixView.of(a, 0, 2, 3));
        assertEquals(3, s.nonzeros());
        assertEquals(0.5, s.density());
    }

    /** A row's density for random sparse matrices: empty, fully dense, or random, one in four, one in four, one in two. */
    static double rowDensity(SplittableRandom rng) {
        return switch (rng.nextInt(4)) {
            case 0 -> 0;
            case 1 -> 1;
            default -> rng.nextDouble();
        };
    }

    static Vec random(Precision p, int n, SplittableRandom rng) {
        Vec v = p.zeros(n);
        for (int i = 0; i < n; i++) {
            v.set(i, rng.nextDouble(-1, 1));
        }
        return v;
    }

    /** Entry by entry, within tol times the largest magnitude of the expected values (and normwise). */
    static void assertClose(Vec expected, Vec got, double tol, String what) {
        double scale = 0;
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < expected.length(); i++) {
            scale = Math.max(scale, Math.abs(expected.get(i)));
            double d = got.get(i) - expected.get(i);
            diff += d * d;
            norm += expected.get(i) * expected.get(i);
        }
        for (int i = 0; i < expected.length(); i++) {
            double d = Math.abs(got.get(i) - expected.get(i));
            if (d > tol * Math.max(scale, 1e-300)) {
                throw new AssertionError(what + ": entry " + i + " is " + got.get(i) + ", dense gives "
                        + expected.get(i) + " (largest " + scale + ")");
            }
        }
        assertTrue(norm == 0 ? diff == 0 : Math.sqrt(diff / norm) <= tol, what + ": normwise relative difference "
                + Math.sqrt(diff / norm));
    }
}
