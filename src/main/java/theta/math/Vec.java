package theta.math;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

import org.bytedeco.javacpp.Pointer;

/**
 * A fixed-length vector of numbers in native (off-heap) memory, float64 or float32.
 *
 * <p>Matrices are row-major views into a vector: (offset, rows, cols, leading dimension). Native
 * memory lets BLAS read and write the numbers in place, with no copy per call. Element access
 * goes through {@link #get}/{@link #set} in doubles; with only two sealed subclasses the JIT
 * inlines both.
 */
public abstract sealed class Vec permits Vec.F64, Vec.F32 {
    protected final int length;

    private Vec(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative vector length " + length);
        }
        this.length = length;
    }

    public final int length() {
        return length;
    }

    public abstract Precision precision();

    public abstract double get(int i);

    public abstract void set(int i, double v);

    private volatile long address;

    /** The direct buffer that holds the values. */
    abstract java.nio.Buffer storage();

    /** The native address of element 0, for BLAS (see {@link BlasArgs}); found on first use. */
    final long address() {
        long a = address;
        if (a == 0) {
            a = addressOf(storage());
            address = a;
        }
        return a;
    }

    /** The address of a direct buffer, through JavaCPP (which loads its native helper on first use). */
    static long addressOf(java.nio.Buffer b) {
        return new Pointer(b).address();
    }

    public void fill(double v) {
        for (int i = 0; i < length; i++) {
            set(i, v);
        }
    }

    public void copyFrom(double[] src) {
        copyFrom(src, 0, 0, src.length);
    }

    /** this[dst..dst+n) = src[from..from+n) (rounded to this precision). */
    public void copyFrom(double[] src, int from, int dst, int n) {
        for (int i = 0; i < n; i++) {
            set(dst + i, src[from + i]);
        }
    }

    /** this[dst..dst+n) = src[from..from+n). */
    public void copyFrom(float[] src, int from, int dst, int n) {
        for (int i = 0; i < n; i++) {
            set(dst + i, src[from + i]);
        }
    }

    /** this[dst..dst+n) = src[from..from+n), any precisions (BLAS copy when they agree). */
    public void copyFrom(Vec src, int from, int dst, int n) {
        check(src, from, n);
        check(this, dst, n);
        if (src.precision() == precision()) {
            Blas.copy(n, src, from, this, dst);
            return;
        }
        for (int i = 0; i < n; i++) {
            set(dst + i, src.get(from + i));
        }
    }

    /** this[off..off+n) += alpha * x[xOff..xOff+n) (BLAS axpy; x must have this precision). */
    public void axpy(double alpha, Vec x, int xOff, int off, int n) {
        same(x);
        check(x, xOff, n);
        check(this, off, n);
        Blas.axpy(n, alpha, x, xOff, this, off);
    }

    /** this[off..off+n) *= s (BLAS scal). */
    public void scale(double s, int off, int n) {
        check(this, off, n);
        Blas.scal(n, s, this, off);
    }

    /**
     * sum of this[off+i] * x[xOff+i] for i in [0, n), summed in double in both precisions (BLAS
     * ddot; for float32 dsdot, whose products may be rounded to float before the sum); x must
     * have this precision.
     */
    public double dot(Vec x, int xOff, int off, int n) {
        same(x);
        check(x, xOff, n);
        check(this, off, n);
        return Blas.dot(n, this, off, x, xOff);
    }

    /**
     * y[i] = max(this[i], floor) for i in [from, to), in y's precision (ReLU is floor 0). A NaN
     * entry stays NaN. Vectorised when this and y have the same precision.
     */
    public void maxInto(double floor, Vec y, int from, int to) {
        Kernels.maxInto(this, floor, y, from, to);
    }

    /**
     * d[i] = this[i] > 0 ? d[i] : 0 for i in [from, to) (times 0, so an infinite d[i] there
     * becomes NaN, as with a multiplication by a zero derivative). A NaN entry of this makes
     * d[i] NaN. Vectorised when this and d have the same precision.
     */
    public void keepWherePositive(Vec d, int from, int to) {
        Kernels.keepWherePositive(this, d, from, to);
    }

    /**
     * Copies one row into each of {@code rows} consecutive rows of this: this[i * cols + j] =
     * row[rowOff + j] for i in [0, rows), j in [0, cols) (a bias broadcast over a batch).
     */
    public void fillRows(Vec row, int rowOff, int rows, int cols) {
        Kernels.fillRows(row, rowOff, this, 0, rows, cols);
    }

    /** The same from row {@code firstRow} of this on: rows firstRow..firstRow+rows get the row. */
    public void fillRows(Vec row, int rowOff, int firstRow, int rows, int cols) {
        Kernels.fillRows(row, rowOff, this, Math.multiplyExact(firstRow, cols), rows, cols);
    }

    /** this[i] = 0 where |this[i]| &lt; tiny, for i in [from, to) (the rest, and NaN, unchanged). */
    public void flushBelow(double tiny, int from, int to) {
        Kernels.flushBelow(this, tiny, from, to);
    }

    /**
     * sums[j] += sum over i of this[off + i*cols + j]^2, for the rows x cols row-major matrix at
     * off: squared column norms (float32 squares are summed in float over up to 32 rows, then in
     * double).
     */
    public void addColumnSquares(int off, int rows, int cols, double[] sums) {
        Kernels.addColumnSquares(this, off, rows, cols, sums);
    }

    /** this[off + i*cols + j] *= factors[j] for the rows x cols row-major matrix at off. */
    public void scaleColumns(int off, int rows, int cols, double[] factors) {
        Kernels.scaleColumns(this, off, rows, cols, factors);
    }

    /** this[i] = a[i] * b[i] for i in [from, to); vectorised when all three have one precision. */
    public void setProduct(Vec a, Vec b, int from, int to) {
        Kernels.product(a, b, this, from, to);
    }

    private void same(Vec x) {
        if (x.precision() != precision()) {
            throw new IllegalArgumentException("mixed precisions " + x.precision() + " and " + precision());
        }
    }

    private static void check(Vec v, int off, int n) {
        java.util.Objects.checkFromIndexSize(off, n, v.length);
    }

    public double[] toArray() {
        return toArray(0, length);
    }

    public double[] toArray(int from, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = get(from + i);
        }
        return a;
    }

    /** A copy in the given precision. */
    public Vec to(Precision p) {
        Vec v = p.zeros(length);
        v.copyFrom(this, 0, 0, length);
        return v;
    }

    public Vec copy() {
        return to(precision());
    }

    /** Sum of squares of this[from..from+n), summed in double (see {@link #dot}). */
    public double sumSquares(int from, int n) {
        return dot(this, from, from, n);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(precision() + "[");
        for (int i = 0; i < Math.min(length, 8); i++) {
            sb.append(i == 0 ? "" : ", ").append(get(i));
        }
        return sb.append(length > 8 ? ", ... (" + length + ")]" : "]").toString();
    }

    private static ByteBuffer direct(int count, int bytes) {
        return ByteBuffer.allocateDirect(Math.multiplyExact(count, bytes)).order(ByteOrder.nativeOrder());
    }

    /** float64 storage. */
    public static final class F64 extends Vec {
        private final DoubleBuffer buf;

        F64(int length) {
            super(length);
            this.buf = direct(length, Double.BYTES).asDoubleBuffer();
        }

        @Override
        public Precision precision() {
            return Precision.F64;
        }

        @Override
        public double get(int i) {
            return buf.get(i);
        }

        @Override
        public void set(int i, double v) {
            buf.put(i, v);
        }

        /** The backing buffer (shared, not a copy). */
        public DoubleBuffer buffer() {
            return buf;
        }

        @Override
        java.nio.Buffer storage() {
            return buf;
        }
    }

    /** float32 storage. */
    public static final class F32 extends Vec {
        private final FloatBuffer buf;

        F32(int length) {
            super(length);
            this.buf = direct(length, Float.BYTES).asFloatBuffer();
        }

        @Override
        public Precision precision() {
            return Precision.F32;
        }

        @Override
        public double get(int i) {
            return buf.get(i);
        }

        @Override
        public void set(int i, double v) {
            buf.put(i, (float) v);
        }

        @Override
        public void copyFrom(float[] src, int from, int dst, int n) {
            buf.put(dst, src, from, n);
        }

        /** The backing buffer (shared, not a copy). */
        public FloatBuffer buffer() {
            return buf;
        }

        @Override
        java.nio.Buffer storage() {
            return buf;
        }
    }
}
