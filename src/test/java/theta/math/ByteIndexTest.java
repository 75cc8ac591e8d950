package theta.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import theta.data.Dataset;
import theta.data.Inputs;
import theta.data.MnistFixture;
import theta.testing.Tools;

/**
 * The index by pairs of pixels built straight from bytes ({@link SparseMatrix#indexBytes}, each
 * native variant this CPU runs, float32 and float64) is, entry for entry and bit for bit, the one
 * built from the numbers v / 255 ({@link SparseMatrix#indexPairs}): on real MNIST test images
 * (through {@link Inputs#rows}, as inference takes them) and on odd shapes: every byte value,
 * empty and full rows, odd column counts, rows anywhere in the array and in any order, one index
 * reused across sizes and kinds of index; built on one thread and split by parts of rows between
 * two and three (real MNIST training batches too: the entries do not depend on it).
 */
class ByteIndexTest {
    @ParameterizedTest
    @MethodSource("theta.math.SparseProductTest#variants")
    void mnistImagesGiveTheIndexOfTheirNumbers(Precision p, int variant) {
        Tools.require("native sparse kernels (" + SparseMatrix.kernels() + ")", SparseMatrix.nativeKernels());
        Dataset test = MnistFixture.mnist().test();
        int k = test.features();
        Inputs inputs = new Inputs(k);
        SparseMatrix fromBytes = new SparseMatrix(p);
        for (int m : new int[] {128, 1, 16, 127, 256, 128}) {
            int from = (m * 7919) % (test.size() - m);
            Vec x = p.zeros(m * k);
            Parallel.Range fill = inputs.rows(test, null, from, x);
            assertTrue(fill instanceof ByteRows, "MNIST's pixels are bytes");
            fill.run(0, m);
            SparseMatrix expected = new SparseMatrix(p).indexPairs(MatrixView.of(x, 0, m, k), variant);
            assertTrue(fromBytes.indexBytes((ByteRows) fill, 0, m, k, variant));
            assertSameIndex(expected, fromBytes, m + " test images from " + from);
            // A part in the middle of a batch: rows from..to of the filler.
            assertTrue(fromBytes.indexBytes((ByteRows) fill, m / 3, m, k, variant));
            Vec part = p.zeros((m - m / 3) * k);
            part.copyFrom(x, m / 3 * k, 0, (m - m / 3) * k);
            assertSameIndex(new SparseMatrix(p).indexPairs(MatrixView.of(part, 0, m - m / 3, k), variant), fromBytes,
                    "rows " + m / 3 + ".." + m);
        }
    }

    @ParameterizedTest
    @MethodSource("theta.math.SparseProductTest#variants")
    void trainingBatchesSplitBetweenThreadsGiveTheSameIndex(Precision p, int variant) {
        Tools.require("native sparse kernels (" + SparseMatrix.kernels() + ")", SparseMatrix.nativeKernels());
        Dataset train = MnistFixture.mnist().train();
        int n = train.size();
        int k = train.features();
        int[] order = MnistFixture.scattered(n); // rows scattered over the training set, as a shuffle leaves them
        Inputs inputs = new Inputs(k);
        SparseMatrix one = new SparseMatrix(p);
        SparseMatrix[] split = {new SparseMatrix(p), new SparseMatrix(p)};
        for (int m : new int[] {512, 64, 65, 128, 97, 256}) {
            int from = m * 31 % (n - m);
            Vec x = p.zeros(m * k);
            Parallel.Range fill = inputs.rows(train, order, from, x);
            fill.run(0, m);
            SparseMatrix numbers = new SparseMatrix(p).indexPairs(MatrixView.of(x, 0, m, k), variant);
            assertTrue(one.indexBytes((ByteRows) fill, 0, m, k, variant, 1));
            assertSameIndex(numbers, one, m + " training rows from " + from + ", 1 thread");
            for (int threads = 2; threads <= 3; threads++) {
                SparseMatrix s = split[threads - 2];
                assertTrue(s.indexBytes((ByteRows) fill, 0, m, k, variant, threads));
                assertSameIndex(numbers, s, m + " training rows from " + from + ", " + threads + " threads");
                assertSameIndex(one, s, m + " training rows, " + threads + " threads against 1");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("theta.math.SparseProductTest#variants")
    void oddShapesGiveTheIndexOfTheirNumbers(Precision p, int variant) {
        Tools.require("native sparse kernels (" + SparseMatrix.kernels() + ")", SparseMatrix.nativeKernels());
        SplittableRandom rng = new SplittableRandom(17 + variant);
        int[] sizes = {1, 2, 3, 15, 16, 17, 31, 32, 33, 63, 64, 65, 129, 256, 785};
        // One index per thread count (a split that wrote nothing must not pass on the entries left by another).
        SparseMatrix[] fromBytes = {new SparseMatrix(p), new SparseMatrix(p), new SparseMatrix(p)};
        for (int trial = 0; trial < 40; trial++) {
            // Any height: training indexes its batches of 512 rows from their bytes too.
            int rows = trial == 0 ? 2 : trial == 2 ? 785 : sizes[rng.nextInt(sizes.length)];
            int cols = trial == 0 ? 256 : trial == 1 ? 785 : sizes[rng.nextInt(sizes.length)];
            // Rows at random places of a larger array (overlapping, in any order), padding nonzero.
            byte[] bytes = new byte[rows * cols + 3 * cols + 5];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (1 + rng.nextInt(255));
            }
            int[] starts = new int[rows];
            for (int r = 0; r < rows; r++) {
                starts[r] = trial == 0 ? r * cols : rng.nextInt(bytes.length - cols + 1);
                double density = SparseProductTest.rowDensity(rng); // 0: empty rows, 1: full
                for (int c = 0; c < cols; c++) {
                    // Every byte value: row 0 of trial 0 is 0..255, then all at random.
                    int v = trial == 0 && r == 0 ? c : rng.nextDouble() < density ? rng.nextInt(256) : 0;
                    bytes[starts[r] + c] = (byte) v;
                }
            }
            ByteRows source = rows(bytes, starts);
            Vec x = p.zeros(rows * cols);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    int v = bytes[starts[r] + c] & 0xFF;
                    x.set(r * cols + c, p == Precision.F32 ? v / 255f : v / 255.0);
                }
            }
            SparseMatrix expected = new SparseMatrix(p).indexPairs(MatrixView.of(x, 0, rows, cols), variant);
            for (int threads = 1; threads <= 3; threads++) {
                String what = rows + "x" + cols + ", " + threads + " thread(s)";
                SparseMatrix s = fromBytes[threads - 1];
                if (trial % 3 == 1) { // the same index, last built by another method
                    s.index(MatrixView.of(x, 0, rows, cols), variant);
                }
                assertTrue(s.indexBytes(source, 0, rows, cols, variant, threads));
                assertSameIndex(expected, s, what);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("theta.math.SparseProductTest#variants")
    void refusesRowsOutsideTheArray(Precision p, int variant) {
        Tools.require("native sparse kernels (" + SparseMatrix.kernels() + ")", SparseMatrix.nativeKernels());
        SparseMatrix s = new SparseMatrix(p);
        int m = SparseMatrix.PAIR_ROWS + 1;
        assertTrue(s.indexBytes(rows(new byte[m], new int[m]), 0, m, 1, variant), "a tall part of blank rows");
        assertEquals(0, s.nonzeros());
        assertThrows(IndexOutOfBoundsException.class, () -> s.indexBytes(rows(new byte[10], new int[] {0, 5}), 0, 2,
                6, variant));
        // Split between threads: a tall part, its last row past the end, refused before the index changes.
        int tall = 4 * 32 + 1;
        byte[] ones = new byte[tall * 3];
        Arrays.fill(ones, (byte) 1);
        int[] starts = new int[tall];
        for (int r = 0; r < tall; r++) {
            starts[r] = 3 * r;
        }
        for (int threads = 1; threads <= 3; threads++) {
            assertTrue(s.indexBytes(rows(ones, starts), 0, tall, 3, variant, threads));
            int[] past = starts.clone();
            past[tall - 1] = ones.length - 2;
            final int t = threads;
            assertThrows(IndexOutOfBoundsException.class, () -> s.indexBytes(rows(ones, past), 0, tall, 3, variant, t));
            assertEquals(tall, s.rows(), threads + " thread(s)");
            assertEquals(3 * tall, s.nonzeros(), threads + " thread(s)");
            assertEquals(2 * tall, s.pairs().start(2), threads + " thread(s)");
            assertEquals(tall - 1, s.pairs().index(2 * tall - 1), threads + " thread(s)");
        }
        assertTrue(s.indexBytes(rows(new byte[0], new int[0]), 0, 0, 784, variant), "no rows");
        assertEquals(0, s.nonzeros());
        assertEquals(0, s.pairs().start(392));
    }

    /** A filler over the given rows (bytes only: these tests never run it). */
    private static ByteRows rows(byte[] bytes, int[] starts) {
        return new ByteRows() {
            @Override
            public void run(int from, int to) {
                throw new AssertionError("not filled");
            }

            @Override
            public byte[] bytes() {
                return bytes;
            }

            @Override
            public void starts(int from, int to, int[] out) {
                System.arraycopy(starts, from, out, 0, to - from);
            }
        };
    }

    /** Same shape, nonzero count, entries, rows and values (by their bits). */
    private static void assertSameIndex(SparseMatrix expected, SparseMatrix got, String what) {
        assertEquals(expected.rows(), got.rows(), what + ": rows");
        assertEquals(expected.cols(), got.cols(), what + ": cols");
        IndexPairsTest.assertSamePairs(expected, got, what);
    }
}
