package theta.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Bytes to [0, 1] give exactly v / 255f for every byte value, from any offset, into any offset. */
class UnitBytesTest {
    @Test
    void everyByteValueExactly() {
        byte[] src = new byte[256 + 7];
        for (int i = 0; i < src.length; i++) {
            src[i] = (byte) (i - 7);
        }
        Vec dst = Precision.F32.zeros(256 + 10);
        dst.fill(-1);
        UnitBytes.toFloats(src, 7, 256, dst, 3);
        for (int v = 0; v < 256; v++) {
            assertEquals(v / 255f, (float) dst.get(3 + v), "byte " + v);
        }
        assertEquals(-1, dst.get(2), "before the range untouched");
        assertEquals(-1, dst.get(259), "after the range untouched");
    }

    @Test
    void refusesRangesOutsideTheArrays() {
        Vec dst = Precision.F32.zeros(10);
        assertThrows(IndexOutOfBoundsException.class, () -> UnitBytes.toFloats(new byte[5], 1, 5, dst, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> UnitBytes.toFloats(new byte[20], 0, 11, dst, 0));
        assertThrows(IllegalArgumentException.class,
                () -> UnitBytes.toFloats(new byte[5], 0, 5, Precision.F64.zeros(5), 0));
    }
}
