package theta.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The BLAS-backed and vectorised vector operations against plain loops, on odd lengths and offsets. */
class VecLevel1Test {
    /** Lengths around BLAS and JIT vector widths and the kernels' 1024-entry chunks. */
    private static final int[] LENGTHS = {0, 1, 3, 7, 15, 16, 17, 31, 33, 1023, 1025, 2049};
    private static final int[] OFFSETS = {0, 1, 5};

    @ParameterizedTest
    @EnumSource(Precision.class)
    void axpyScaleCopyMatchLoops(Precision p) {
        SplittableRandom rng = new SplittableRandom(3);
        for (int n : LENGTHS) {
            for (int ox : OFFSETS) {
                for (int oy : OFFSETS) {
                    Vec x = random(p, ox + n + 2, rng);
                    Vec y = random(p, oy + n + 3, rng);
                    Vec expect = y.copy();
                    for (int i = 0; i < n; i++) {
                        expect.set(oy + i, y.get(oy + i) + p.round(-0.37 * x.get(ox + i)));
                    }
                    Vec got = y.copy();
                    got.axpy(-0.37, x, ox, oy, n);
                    same(p, expect, got, "axpy n=" + n);

                    expect = y.copy();
                    for (int i = 0; i < n; i++) {
                        expect.set(oy + i, y.get(oy + i) * 1.75);
                    }
                    got = y.copy();
                    got.scale(1.75, oy, n);
                    same(p, expect, got, "scale n=" + n);

                    expect = y.copy();
                    for (int i = 0; i < n; i++) {
                        expect.set(oy + i, x.get(ox + i));
                    }
                    got = y.copy();
                    got.copyFrom(x, ox, oy, n);
                    same(p, expect, got, "copy n=" + n);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void dotAndSumSquaresMatchLoops(Precision p) {
        SplittableRandom rng = new SplittableRandom(4);
        for (int n : LENGTHS) {
            for (int ox : OFFSETS) {
                Vec x = random(p, ox + n + 1, rng);
                Vec y = random(p, n + 4, rng);
                double dot = 0;
                double sq = 0;
                double abs = 0;
                for (int i = 0; i < n; i++) {
                    dot += x.get(ox + i) * y.get(1 + i);
                    abs += Math.abs(x.get(ox + i) * y.get(1 + i));
                    sq += x.get(ox + i) * x.get(ox + i);
                }
                // Summed in double in both precisions; float32 products may be rounded to float
                // first (OpenBLAS dsdot), so allow float's rounding per term there.
                double rel = p == Precision.F32 ? 0x1p-23 : 1e-14;
                assertEquals(dot, x.dot(y, 1, ox, n), rel * abs + 1e-15, p + " dot n=" + n);
                assertEquals(sq, x.sumSquares(ox, n), rel * sq + 1e-15, p + " sumSquares n=" + n);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void elementwiseKernelsMatchLoops(Precision p) {
        SplittableRandom rng = new SplittableRandom(5);
        for (int n : LENGTHS) {
            for (int from : OFFSETS) {
                Vec x = random(p, from + n + 2, rng);
                plantEdges(x, from, n);
                Vec d = random(p, x.length(), rng);
                Vec y = random(p, x.length(), rng);
                Vec yExpect = y.copy();
                Vec dExpect = d.copy();
                for (int i = from; i < from + n; i++) {
                    yExpect.set(i, x.get(i) > 0 ? x.get(i) : 0);
                    dExpect.set(i, x.get(i) > 0 ? d.get(i) : 0);
                }
                Vec prod = random(p, x.length(), rng);
                Vec prodExpect = prod.copy();
                for (int i = from; i < from + n; i++) {
                    prodExpect.set(i, x.get(i) * d.get(i));
                }
                prod.setProduct(x, d, from, from + n);
                x.maxInto(0, y, from, from + n);
                x.keepWherePositive(d, from, from + n);
                same(p, yExpect, y, "maxInto n=" + n);
                same(p, dExpect, d, "keepWherePositive n=" + n);
                same(p, prodExpect, prod, "setProduct n=" + n);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void fillRowsCopiesTheRowIntoEachRow(Precision p) {
        SplittableRandom rng = new SplittableRandom(6);
        for (int cols : new int[] {1, 7, 800, 1025, 2100}) {
            for (int rows : new int[] {0, 1, 3}) {
                Vec row = random(p, cols + 9, rng);
                Vec y = random(p, rows * cols + 5, rng);
                Vec expect = y.copy();
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < cols; j++) {
                        expect.set(i * cols + j, row.get(4 + j));
                    }
                }
                y.fillRows(row, 4, rows, cols);
                same(p, expect, y, "fillRows " + rows + "x" + cols);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void flushBelowZeroesOnlyTinyEntries(Precision p) {
        int n = 2500;
        Vec x = p.zeros(n);
        Vec expect = p.zeros(n);
        SplittableRandom rng = new SplittableRandom(10);
        for (int i = 0; i < n; i++) {
            double v = rng.nextInt(3) == 0 ? rng.nextDouble(-1e-31, 1e-31) : rng.nextDouble(-2, 2);
            x.set(i, v);
            expect.set(i, Math.abs(x.get(i)) < 1e-30 ? 0 : x.get(i));
        }
        x.set(7, Double.NaN);
        expect.set(7, Double.NaN);
        x.flushBelow(1e-30, 3, n - 2);
        for (int i = 0; i < n; i++) {
            double e = i < 3 || i >= n - 2 ? x.get(i) : expect.get(i);
            assertEquals(e, x.get(i), 0.0, p + " at " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void columnSquaresAndScalingMatchLoops(Precision p) {
        SplittableRandom rng = new SplittableRandom(12);
        for (int[] shape : new int[][] {{1, 1}, {3, 7}, {33, 17}, {70, 1025}, {784, 40}}) {
            int rows = shape[0];
            int cols = shape[1];
            Vec x = random(p, 5 + rows * cols + 2, rng);
            double[] sums = new double[cols + 1];
            double[] expect = new double[cols + 1];
            sums[cols] = expect[cols] = 4;
            for (int j = 0; j < cols; j++) {
                sums[j] = expect[j] = 0.5;
                for (int i = 0; i < rows; i++) {
                    expect[j] += x.get(5 + i * cols + j) * x.get(5 + i * cols + j);
                }
            }
            x.addColumnSquares(5, rows, cols, sums);
            for (int j = 0; j <= cols; j++) {
                assertEquals(expect[j], sums[j], (p == Precision.F32 ? 1e-6 : 1e-13) * expect[j], p + " column " + j);
            }
            double[] f = new double[cols];
            for (int j = 0; j < cols; j++) {
                f[j] = rng.nextDouble(0.5, 1);
            }
            Vec scaled = x.copy();
            scaled.scaleColumns(5, rows, cols, f);
            Vec want = x.copy();
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    want.set(5 + i * cols + j, x.get(5 + i * cols + j) * f[j]);
                }
            }
            same(p, want, scaled, "scaleColumns " + rows + "x" + cols);
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void keepWherePositiveSeesTheSmallestPositiveNumber(Precision p) {
        double tiny = p == Precision.F32 ? Float.MIN_VALUE : Double.MIN_VALUE;
        double huge = p == Precision.F32 ? Float.MAX_VALUE : Double.MAX_VALUE;
        Vec x = p.of(tiny, -tiny, 0, -0.0, huge, -huge, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
        Vec d = p.of(2, 2, 2, 2, 2, 2, 2, 2);
        x.keepWherePositive(d, 0, 8);
        double[] expect = {2, 0, 0, 0, 2, 0, 2, 0};
        for (int i = 0; i < 8; i++) {
            assertEquals(expect[i], d.get(i), 0.0, p + " at x=" + x.get(i));
        }
        Vec y = p.zeros(8);
        x.maxInto(0, y, 0, 8);
        for (int i = 0; i < 8; i++) {
            assertEquals(Math.max(x.get(i), 0), y.get(i), 0.0, p + " max at x=" + x.get(i));
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void rangesOutsideTheVectorAreRefused(Precision p) {
        Vec x = p.zeros(10);
        Vec y = p.zeros(10);
        assertThrows(IndexOutOfBoundsException.class, () -> y.axpy(1, x, 5, 0, 6));
        assertThrows(IndexOutOfBoundsException.class, () -> y.scale(1, -1, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> y.dot(x, 0, 9, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> x.maxInto(0, p.zeros(5), 0, 6));
        Precision other = p == Precision.F32 ? Precision.F64 : Precision.F32;
        assertThrows(IllegalArgumentException.class, () -> y.axpy(1, other.zeros(10), 0, 0, 10));
    }

    /** Zeros of both signs and values either side of 0 inside the range. */
    private static void plantEdges(Vec x, int from, int n) {
        double[] edges = {0, -0.0, 1e-30, -1e-30, 5, -5};
        for (int i = 0; i < Math.min(n, edges.length); i++) {
            x.set(from + i, edges[i]);
        }
    }

    private static void same(Precision p, Vec expect, Vec got, String what) {
        // Values are O(1): BLAS may fuse a multiply-add (one rounding instead of two) and round
        // alpha to float, so allow a few units in the last place of 1, absolute.
        double ulp = p == Precision.F32 ? 0x1p-23 : 0x1p-52;
        for (int i = 0; i < expect.length(); i++) {
            assertEquals(expect.get(i), got.get(i), 8 * ulp, p + " " + what + " at " + i);
        }
    }

    private static Vec random(Precision p, int n, SplittableRandom rng) {
        Vec v = p.zeros(n);
        for (int i = 0; i < n; i++) {
            v.set(i, rng.nextDouble(-2, 2));
        }
        return v;
    }
}
