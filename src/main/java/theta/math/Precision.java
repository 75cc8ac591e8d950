package theta.math;

/**
 * The numeric precision of a computation. Gradient checks run in {@link #F64}; training may run in
 * {@link #F32}. The network code is the same for both: only the storage of its vectors differs.
 */
public enum Precision {
    F64(Double.BYTES),
    F32(Float.BYTES);

    private final int bytes;

    Precision(int bytes) {
        this.bytes = bytes;
    }

    public int bytes() {
        return bytes;
    }

    /** A new zero-filled vector of this precision. */
    public Vec zeros(int length) {
        return this == F64 ? new Vec.F64(length) : new Vec.F32(length);
    }

    /** v as a vector of this precision stores it: rounded to float for F32, as it is for F64. */
    public double round(double v) {
        return this == F32 ? (float) v : v;
    }

    /** A new vector of this precision holding {@code values} (rounded when F32). */
    public Vec of(double... values) {
        Vec v = zeros(values.length);
        v.copyFrom(values);
        return v;
    }
}
