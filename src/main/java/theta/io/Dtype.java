package theta.io;

import java.nio.ByteBuffer;

/**
 * The element type an array had in its file. Values are always held as doubles; the type is kept
 * for information (and so a reader can say what it converted). 64-bit integers above 2^53 lose
 * their low bits in the conversion, as they would in NumPy's {@code astype(float)}.
 */
public enum Dtype {
    F64("f8", 8),
    F32("f4", 4),
    I64("i8", 8),
    I32("i4", 4),
    I16("i2", 2),
    I8("i1", 1),
    U64("u8", 8),
    U32("u4", 4),
    U16("u2", 2),
    U8("u1", 1),
    BOOL("b1", 1);

    private final String npyCode;
    private final int bytes;

    Dtype(String npyCode, int bytes) {
        this.npyCode = npyCode;
        this.bytes = bytes;
    }

    /** The NumPy kind and size without byte order, e.g. "f8", "u1". */
    public String npyCode() {
        return npyCode;
    }

    /** Bytes per element in a file. */
    public int bytes() {
        return bytes;
    }

    /** The type whose NumPy code (without byte order) is {@code code}, or null. */
    static Dtype ofNpyCode(String code) {
        for (Dtype t : values()) {
            if (t.npyCode.equals(code)) {
                return t;
            }
        }
        return null;
    }

    /** Reads one element at the buffer's position (byte order already set on the buffer). */
    double read(ByteBuffer b) {
        switch (this) {
            case F64: return b.getDouble();
            case F32: return b.getFloat();
            case I64: return b.getLong();
            case I32: return b.getInt();
            case I16: return b.getShort();
            case I8: return b.get();
            case U64: return unsigned64(b.getLong());
            case U32: return Integer.toUnsignedLong(b.getInt());
            case U16: return Short.toUnsignedInt(b.getShort());
            case U8: return Byte.toUnsignedInt(b.get());
            case BOOL: return b.get() != 0 ? 1 : 0;
            default: throw new AssertionError(this);
        }
    }

    private static double unsigned64(long v) {
        // Values with the top bit set: halve (keeping the low bit for rounding), convert, double.
        return v >= 0 ? v : ((v >>> 1) | (v & 1)) * 2.0;
    }
}
