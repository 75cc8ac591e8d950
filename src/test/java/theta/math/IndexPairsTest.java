package theta.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import theta.data.Dataset;
import theta.data.Inputs;
import theta.data.MnistFixture;
import theta.testing.Tools;

/**
 * The index by pairs of pixels built straight from a batch ({@link SparseMatrix#indexPairs}, each
 * native variant this CPU runs) is, entry for entry and bit for bit, the one built from the index
 * by rows: so the products that read it give the same numbers. On real MNIST batches and on odd
 * shapes with empty and fully dense rows, -0.0, NaN, an odd last column and leading dimensions
 * wider than the rows; one index reused for batches of different sizes (its buffers grow); built
 * on one thread and shared by parts of rows between two and three (the entries do not depend on it).
 */
class IndexPairsTest {
    @ParameterizedTest
    @MethodSource("theta.math.SparseProductTest#variants")
    void realBatchesGiveTheSamePairs(Precision p, int variant) {
        Tools.require("native sparse kernels (" + SparseMatrix.kernels() + ")", SparseMatrix.nativeKernels());
        Dataset train = MnistFixture.mnist().train();
        int k = train.features();
        SparseMatrix direct = new SparseMatrix(p);
        for (int m : new int[] {128, 1, 256, 32, 512}) {
            Vec x = p.zeros(m * k);
            new Inputs(k).fill(train, MnistFixture.scattered(train.size()), m, m, x);
            MatrixView xv = MatrixView.of(x, 0, m, k);
            SparseMatrix byRows = new SparseMatrix(p).index(xv, variant);
            for (int threads = 1; threads <= 3; threads++) {
                assertSamePairs(byRows, direct.indexPairs(xv, variant, threads, false), m + " MNIST rows, "
                        + threads + " thread(s)");
            }
            assertSamePairs(byRows, direct.indexPairs(xv, variant), m + " MNIST rows");
        }
    }

    @ParameterizedTest
    @MethodSource("theta.math.SparseProductTest#variants")
    void oddShapesGiveTheSamePairs(Precision p, int variant) {
        Tools.require("native sparse kernels (" + SparseMatrix.kernels() + ")", SparseMatrix.nativeKernels());
        SplittableRandom rng = new SplittableRandom(5 + variant);
        int[] sizes = {1, 2, 3, 15, 16, 17, 31, 33, 64, 65, 129, 255, 256, 300};
        SparseMatrix direct = new SparseMatrix(p, true);
        for (int trial = 0; trial < 30; trial++) {
            int rows = sizes[rng.nextInt(sizes.length)];
            int cols = trial == 0 ? 785 : sizes[rng.nextInt(sizes.length)];
            int ld = cols + rng.nextInt(3);
            int off = rng.nextInt(5);
            Vec a = p.zeros(off + rows * ld);
            a.fill(7); // padding between rows and before the matrix must not be read
            for (int r = 0; r < rows; r++) {
                double density = SparseProductTest.rowDensity(rng);
                for (int c = 0; c < cols; c++) {
                    double u = rng.nextDouble();
                    double v = u < 0.02 ? Double.NaN : u < 0.05 ? -0.0 : rng.nextDouble(-2, 2);
                    a.set(off + r * ld + c, rng.nextDouble() < density ? v : 0);
                }
            }
            MatrixView av = new MatrixView(a, off, rows, cols, ld);
            String what = rows + "x" + cols + " (ld " + ld + ")";
            int threads = 1 + trial % 3;
            assertSamePairs(new SparseMatrix(p, true).index(av, variant), direct.indexPairs(av, variant, threads, false),
                    what + ", " + threads + " thread(s)");
        }
    }

    @ParameterizedTest
    @MethodSource("theta.math.SparseProductTest#variants")
    void batchesAreIndexedByPairsOnly(Precision p, int variant) {
        Tools.require("native sparse kernels (" + SparseMatrix.kernels() + ")", SparseMatrix.nativeKernels());
        Vec x = p.zeros(2 * 3);
        x.set(1, 1);
        SparseMatrix s = new SparseMatrix(p).indexPairs(MatrixView.of(x, 0, 2, 3), variant);
        assertEquals(1, s.nonzeros());
        assertThrows(IllegalStateException.class, () -> s.csr(false), "only pairs were built");
        // Over PAIR_ROWS rows too: the forward product goes by pairs in windows of rows.
        int m = SparseMatrix.PAIR_ROWS + 1;
        Vec tall = p.zeros(m * 3);
        tall.set(3 * m - 1, 2);
        s.indexPairs(MatrixView.of(tall, 0, m, 3), variant);
        assertThrows(IllegalStateException.class, () -> s.csr(false), "only pairs were built");
        assertEquals(1, s.pairs().start(2));
        // The index by rows on request (for comparisons).
        s.indexPairs(MatrixView.of(tall, 0, m, 3), variant, 2, true);
        assertEquals(1, s.csr(false).start(m));
        assertEquals(1, s.pairs().start(2));
    }

    /** Same entries, rows, values (by their bits) and nonzero count. */
    static void assertSamePairs(SparseMatrix byRows, SparseMatrix direct, String what) {
        assertEquals(byRows.nonzeros(), direct.nonzeros(), what + ": nonzeros");
        Csr e = byRows.pairs();
        Csr g = direct.pairs();
        int pairs = (byRows.cols() + 1) / 2;
        for (int i = 0; i <= pairs; i++) {
            assertEquals(e.start(i), g.start(i), what + ": start of pair " + i);
        }
        for (int q = 0; q < e.start(pairs); q++) {
            assertEquals(e.index(q), g.index(q), what + ": row of entry " + q);
            for (int h = 0; h < 2; h++) {
                assertEquals(Double.doubleToRawLongBits(e.value(2 * q + h)), Double.doubleToRawLongBits(g.value(2 * q + h)),
                        what + ": value " + h + " of entry " + q + ": " + e.value(2 * q + h) + " / " + g.value(2 * q + h));
            }
        }
    }
}
