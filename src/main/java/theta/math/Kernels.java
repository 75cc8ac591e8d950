package theta.math;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Objects;

/**
 * Element-wise loops over native vectors, written so that the JIT vectorises them: each range
 * is copied through a small heap chunk (a bulk copy), computed there branch-free, and copied
 * back. Loops that read and write a direct buffer element by element are not vectorised, and a
 * data-dependent branch such as {@code x > 0 ? x : 0} mispredicts half the time on activations.
 */
final class Kernels {
    /** Entries per chunk: two chunks of 4 KB (float) stay in the core's L1 cache. */
    private static final int CHUNK = 1024;
    private static final ThreadLocal<float[][]> FLOATS = ThreadLocal.withInitial(() -> new float[2][CHUNK]);
    private static final ThreadLocal<double[][]> DOUBLES = ThreadLocal.withInitial(() -> new double[2][CHUNK]);

    private Kernels() {}

    static void maxInto(Vec x, double floor, Vec y, int from, int to) {
        Objects.checkFromToIndex(from, to, x.length());
        Objects.checkFromToIndex(from, to, y.length());
        if (x instanceof Vec.F32 a && y instanceof Vec.F32 b) {
            max(a.buffer(), (float) floor, b.buffer(), from, to);
        } else if (x instanceof Vec.F64 a && y instanceof Vec.F64 b) {
            max(a.buffer(), floor, b.buffer(), from, to);
        } else {
            for (int i = from; i < to; i++) {
                y.set(i, Math.max(x.get(i), floor));
            }
        }
    }

    static void keepWherePositive(Vec x, Vec d, int from, int to) {
        Objects.checkFromToIndex(from, to, x.length());
        Objects.checkFromToIndex(from, to, d.length());
        if (x instanceof Vec.F32 a && d instanceof Vec.F32 b) {
            keepWherePositive(a.buffer(), b.buffer(), from, to);
        } else if (x instanceof Vec.F64 a && d instanceof Vec.F64 b) {
            keepWherePositive(a.buffer(), b.buffer(), from, to);
        } else {
            for (int i = from; i < to; i++) {
                double v = x.get(i);
                d.set(i, d.get(i) * (Double.isNaN(v) ? v : v > 0 ? 1 : 0));
            }
        }
    }

    static void fillRows(Vec row, int off, Vec y, int yOff, int rows, int cols) {
        Objects.checkFromIndexSize(off, cols, row.length());
        Objects.checkFromIndexSize(yOff, Math.multiplyExact(rows, cols), y.length());
        if (row instanceof Vec.F32 a && y instanceof Vec.F32 b) {
            fillRows(a.buffer(), off, b.buffer(), yOff, rows, cols);
        } else if (row instanceof Vec.F64 a && y instanceof Vec.F64 b) {
            fillRows(a.buffer(), off, b.buffer(), yOff, rows, cols);
        } else {
            for (int i = 0; i < rows; i++) {
                y.copyFrom(row, off, yOff + i * cols, cols);
            }
        }
    }

    static void flushBelow(Vec x, double tiny, int from, int to) {
        Objects.checkFromToIndex(from, to, x.length());
        if (x instanceof Vec.F32 a) {
            flushBelow(a.buffer(), (float) tiny, from, to);
        } else {
            flushBelow(((Vec.F64) x).buffer(), tiny, from, to);
        }
    }

    static void product(Vec a, Vec b, Vec y, int from, int to) {
        Objects.checkFromToIndex(from, to, a.length());
        Objects.checkFromToIndex(from, to, b.length());
        Objects.checkFromToIndex(from, to, y.length());
        if (a instanceof Vec.F32 u && b instanceof Vec.F32 v && y instanceof Vec.F32 w) {
            product(u.buffer(), v.buffer(), w.buffer(), from, to);
        } else if (a instanceof Vec.F64 u && b instanceof Vec.F64 v && y instanceof Vec.F64 w) {
            product(u.buffer(), v.buffer(), w.buffer(), from, to);
        } else {
            for (int i = from; i < to; i++) {
                y.set(i, a.get(i) * b.get(i));
            }
        }
    }

    /** y[i] = max(x[i], floor). */
    private static void max(FloatBuffer x, float floor, FloatBuffer y, int from, int to) {
        float[] a = FLOATS.get()[0];
        for (int s = from; s < to; s += CHUNK) {
            int n = Math.min(CHUNK, to - s);
            x.get(s, a, 0, n);
            for (int i = 0; i < n; i++) {
                a[i] = Math.max(a[i], floor);
            }
            y.put(s, a, 0, n);
        }
    }

    private static void max(DoubleBuffer x, double floor, DoubleBuffer y, int from, int to) {
        double[] a = DOUBLES.get()[0];
        for (int s = from; s < to; s += CHUNK) {
            int n = Math.min(CHUNK, to - s);
            x.get(s, a, 0, n);
            for (int i = 0; i < n; i++) {
                a[i] = Math.max(a[i], floor);
            }
            y.put(s, a, 0, n);
        }
    }

    /**
     * d[i] = x[i] > 0 ? d[i] : 0, as d[i] * step(x[i]) with step = max(min(x * 2^149, 1), 0):
     * 2^149 lifts the smallest positive float (2^-149) to 1, so step is exactly 1 for x > 0 and 0
     * for x <= 0 (the factor is applied in two parts, as 2^149 itself is not a float).
     */
    private static void keepWherePositive(FloatBuffer x, FloatBuffer d, int from, int to) {
        float[][] t = FLOATS.get();
        float[] a = t[0];
        float[] b = t[1];
        for (int s = from; s < to; s += CHUNK) {
            int n = Math.min(CHUNK, to - s);
            x.get(s, a, 0, n);
            d.get(s, b, 0, n);
            for (int i = 0; i < n; i++) {
                b[i] *= Math.max(Math.min(a[i] * 0x1p126f * 0x1p23f, 1f), 0f);
            }
            d.put(s, b, 0, n);
        }
    }

    /** As for float, with 2^1074 = 2^1022 * 2^52 for the smallest positive double. */
    private static void keepWherePositive(DoubleBuffer x, DoubleBuffer d, int from, int to) {
        double[][] t = DOUBLES.get();
        double[] a = t[0];
        double[] b = t[1];
        for (int s = from; s < to; s += CHUNK) {
            int n = Math.min(CHUNK, to - s);
            x.get(s, a, 0, n);
            d.get(s, b, 0, n);
            for (int i = 0; i < n; i++) {
                b[i] *= Math.max(Math.min(a[i] * 0x1p1022 * 0x1p52, 1), 0);
            }
            d.put(s, b, 0, n);
        }
    }

    /** y[i] = a[i] * b[i] (y may be a or b). */
    private static void product(FloatBuffer a, FloatBuffer b, FloatBuffer y, int from, int to) {
        float[][] t = FLOATS.get();
        float[] u = t[0];
        float[] v = t[1];
        for (int s = from; s < to; s += CHUNK) {
            int n = Math.min(CHUNK, to - s);
            a.get(s, u, 0, n);
            b.get(s, v, 0, n);
            for (int i = 0; i < n; i++) {
                u[i] *= v[i];
            }
            y.put(s, u, 0, n);
        }
    }

    private static void product(DoubleBuffer a, DoubleBuffer b, DoubleBuffer y, int from, int to) {
        double[][] t = DOUBLES.get();
        double[] u = t[0];
        double[] v = t[1];
        for (int s = from; s < to; s += CHUNK) {
            int n = Math.min(CHUNK, to - s);
            a.get(s, u, 0, n);
            b.get(s, v, 0, n);
            for (int i = 0; i < n; i++) {
                u[i] *= v[i];
            }
            y.put(s, u, 0, n);
        }
    }

    /** y[i * cols + j] = x[off + j]: the row is read once into a chunk, then bulk-copied per row. */
    private static void fillRows(FloatBuffer x, int off, FloatBuffer y, int yOff, int rows, int cols) {
        float[] a = FLOATS.get()[0];
        for (int c = 0; c < cols; c += CHUNK) {
            int n = Math.min(CHUNK, cols - c);
            x.get(off + c, a, 0, n);
            for (int i = 0; i < rows; i++) {
                y.put(yOff + i * cols + c, a, 0, n);
            }
        }
    }

    private static void fillRows(DoubleBuffer x, int off, DoubleBuffer y, int yOff, int rows, int cols) {
        double[] a = DOUBLES.get()[0];
        for (int c = 0; c < cols; c += CHUNK) {
            int n = Math.min(CHUNK, cols - c);
            x.get(off + c, a, 0, n);
            for (int i = 0; i < rows; i++) {
                y.put(yOff + i * cols + c, a, 0, n);
            }
        }
    }

    /** x[i] = 0 where |x[i]| < tiny; chunks without such entries are not written back. */
    private static void flushBelow(FloatBuffer x, float tiny, int from, int to) {
        float[] a = FLOATS.get()[0];
        for (int s = from; s < to; s += CHUNK) {
            int n = Math.min(CHUNK, to - s);
            x.get(s, a, 0, n);
            boolean any = false;
            for (int i = 0; i < n; i++) {
                if (Math.abs(a[i]) < tiny && a[i] != 0) {
                    a[i] = 0;
                    any = true;
                }
            }
            if (any) {
                x.put(s, a, 0, n);
            }
        }
    }

    private static void flushBelow(DoubleBuffer x, double tiny, int from, int to) {
        double[] a = DOUBLES.get()[0];
        for (int s = from; s < to; s += CHUNK) {
            int n = Math.min(CHUNK, to - s);
            x.get(s, a, 0, n);
            boolean any = false;
            for (int i = 0; i < n; i++) {
                if (Math.abs(a[i]) < tiny && a[i] != 0) {
                    a[i] = 0;
                    any = true;
                }
            }
            if (any) {
                x.put(s, a, 0, n);
            }
        }
    }

    static void addColumnSquares(Vec x, int off, int rows, int cols, double[] sums) {
        Objects.checkFromIndexSize(off, Math.multiplyExact(rows, cols), x.length());
        Objects.checkFromIndexSize(0, cols, sums.length);
        if (!(x instanceof Vec.F32 v)) {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    double e = x.get(off + i * cols + j);
                    sums[j] += e * e;
                }
            }
            return;
        }
        FloatBuffer b = v.buffer();
        float[][] t = FLOATS.get();
        float[] row = t[0];
        float[] acc = t[1];
        for (int c = 0; c < cols; c += CHUNK) {
            int n = Math.min(CHUNK, cols - c);
            for (int i0 = 0; i0 < rows; i0 += 32) {
                java.util.Arrays.fill(acc, 0, n, 0f);
                for (int i = i0; i < Math.min(rows, i0 + 32); i++) {
                    b.get(off + i * cols + c, row, 0, n);
                    for (int j = 0; j < n; j++) {
                        acc[j] += row[j] * row[j];
                    }
                }
                for (int j = 0; j < n; j++) {
                    sums[c + j] += acc[j];
                }
            }
        }
    }

    static void scaleColumns(Vec x, int off, int rows, int cols, double[] factors) {
        Objects.checkFromIndexSize(off, Math.multiplyExact(rows, cols), x.length());
        Objects.checkFromIndexSize(0, cols, factors.length);
        if (!(x instanceof Vec.F32 v)) {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    int k = off + i * cols + j;
                    x.set(k, x.get(k) * factors[j]);
                }
            }
            return;
        }
        FloatBuffer b = v.buffer();
        float[][] t = FLOATS.get();
        float[] row = t[0];
        float[] f = t[1];
        for (int c = 0; c < cols; c += CHUNK) {
            int n = Math.min(CHUNK, cols - c);
            for (int j = 0; j < n; j++) {
                f[j] = (float) factors[c + j];
            }
            for (int i = 0; i < rows; i++) {
                b.get(off + i * cols + c, row, 0, n);
                for (int j = 0; j < n; j++) {
                    row[j] *= f[j];
                }
                b.put(off + i * cols + c, row, 0, n);
            }
        }
    }
}
