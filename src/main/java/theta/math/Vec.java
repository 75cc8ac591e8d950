package theta.math;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
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

    /**
     * The native pointer BLAS uses, positioned at element {@code offset}. The pointer object is
     * cached and re-positioned by each call: a product that reads one vector twice must use
     * {@link #freshPointer}.
     */
    abstract Pointer pointer(int offset);

    /** A new pointer object at element {@code offset}, for vectors used twice in one call. */
    abstract Pointer freshPointer(int offset);

    public void fill(double v) {
        for (int i = 0; i < length; i++) {
            set(i, v);
        }
    }

    public void copyFrom(double[] src) {
        copyFrom(src, 0, 0, src.length);
    }

    /** this[dst..dst+n) = src[from..from+n). */
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

    /** this[dst..dst+n) = src[from..from+n), any precisions. */
    public void copyFrom(Vec src, int from, int dst, int n) {
        for (int i = 0; i < n; i++) {
            set(dst + i, src.get(from + i));
        }
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

    /** Sum of squares of this[from..from+n), accumulated in double. */
    public double sumSquares(int from, int n) {
        double s = 0;
        for (int i = from; i < from + n; i++) {
            double x = get(i);
            s += x * x;
        }
        return s;
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
        private DoublePointer ptr;

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
        DoublePointer pointer(int offset) {
            if (ptr == null) {
                ptr = new DoublePointer(buf);
            }
            return ptr.position(offset);
        }

        @Override
        DoublePointer freshPointer(int offset) {
            return new DoublePointer(buf).position(offset);
        }
    }

    /** float32 storage. */
    public static final class F32 extends Vec {
        private final FloatBuffer buf;
        private FloatPointer ptr;

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
        FloatPointer pointer(int offset) {
            if (ptr == null) {
                ptr = new FloatPointer(buf);
            }
            return ptr.position(offset);
        }

        @Override
        FloatPointer freshPointer(int offset) {
            return new FloatPointer(buf).position(offset);
        }
    }
}
