package theta.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import theta.InputException;

class NdArrayTest {
    @Test
    void of2dIsRowMajorAndFromColumnMajorIsOctaveOrder() {
        NdArray a = NdArray.of2d("A", 2, 3, new double[] {1, 2, 3, 4, 5, 6});
        assertEquals(2, a.rows());
        assertEquals(3, a.cols());
        assertEquals(6, a.get(1, 2));
        assertEquals(2, a.get(0, 1));
        // Octave's A(:) for [1 2 3; 4 5 6] is 1 4 2 5 3 6.
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, a.toColumnMajor());
        NdArray b = NdArray.fromColumnMajor("A", 2, 3, new double[] {1, 4, 2, 5, 3, 6});
        assertEquals(a, b);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, b.data());
    }

    @Test
    void oneDimensionalIsAColumnAndScalarIsOneByOne() {
        NdArray v = NdArray.of("v", new int[] {4}, new double[] {1, 2, 3, 4});
        assertEquals(4, v.rows());
        assertEquals(1, v.cols());
        assertEquals(3, v.get(2));
        NdArray s = NdArray.scalar("s", 7.5);
        assertEquals(0, s.rank());
        assertEquals(1, s.rows());
        assertEquals(1, s.cols());
        assertEquals(7.5, s.get());
        assertEquals("scalar", s.shapeString());
    }

    @Test
    void matrixHelpersRefuseThreeDimensions() {
        NdArray c = NdArray.of("c", new int[] {2, 2, 2}, new double[8]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, c::rows);
        assertTrue(e.getMessage().contains("'c' is 2x2x2"), e.getMessage());
    }

    @Test
    void isImmutable() {
        double[] src = {1, 2, 3, 4};
        int[] shape = {2, 2};
        NdArray a = NdArray.of("a", shape, src);
        src[0] = 99;
        shape[0] = 4;
        a.data()[1] = 99;
        a.shape()[1] = 7;
        a.toColumnMajor()[2] = 99;
        assertArrayEquals(new double[] {1, 2, 3, 4}, a.data());
        assertArrayEquals(new int[] {2, 2}, a.shape());
    }

    @Test
    void refusesShapeDataMismatchAndBadIndices() {
        assertThrows(IllegalArgumentException.class, () -> NdArray.of2d("a", 2, 3, new double[5]));
        assertThrows(IllegalArgumentException.class, () -> NdArray.of("a", new int[] {-1, 2}, new double[0]));
        assertThrows(IllegalArgumentException.class, () -> NdArray.fromColumnMajor("a", 2, 2, new double[3]));
        NdArray a = NdArray.of2d("a", 2, 2, new double[4]);
        assertThrows(IndexOutOfBoundsException.class, () -> a.get(2, 0));
        assertThrows(IllegalArgumentException.class, () -> a.get(1));
    }

    @Test
    void equalityCoversNameDtypeShapeAndBits() {
        NdArray a = NdArray.of2d("a", 1, 2, new double[] {Double.NaN, 0.0});
        assertEquals(a, NdArray.of2d("a", 1, 2, new double[] {Double.NaN, 0.0}));
        assertEquals(a.hashCode(), NdArray.of2d("a", 1, 2, new double[] {Double.NaN, 0.0}).hashCode());
        assertNotEquals(a, a.withName("b"));
        assertTrue(a.sameValues(a.withName("b")));
        assertFalse(a.sameValues(NdArray.of2d("a", 1, 2, new double[] {Double.NaN, -0.0})));
        assertFalse(a.sameValues(NdArray.of2d("a", 2, 1, new double[] {Double.NaN, 0.0})));
        assertNotEquals(a, NdArray.of("a", new int[] {1, 2}, new double[] {Double.NaN, 0.0}, Dtype.F32));
    }

    /** The fast N-d reorder against the obvious index arithmetic. */
    @Test
    void columnMajorOfAnyRankMatchesIndexFormula() {
        Random rnd = new Random(7);
        int[][] shapes = {{}, {5}, {3, 4}, {2, 3, 4}, {3, 1, 2, 2}, {2, 0, 3}};
        for (int[] shape : shapes) {
            int n = (int) NdArray.elementCount(shape);
            double[] c = rnd.doubles(n).toArray();
            NdArray a = NdArray.of("a", shape, c);
            double[] f = a.toColumnMajor();
            int[] idx = new int[shape.length];
            for (int lin = 0; lin < n; lin++) {
                int rem = lin;
                for (int k = shape.length - 1; k >= 0; k--) {
                    idx[k] = rem % shape[k];
                    rem /= shape[k];
                }
                int fOffset = 0;
                for (int k = shape.length - 1; k >= 0; k--) {
                    fOffset = fOffset * shape[k] + idx[k];
                }
                assertEquals(a.get(idx), f[fOffset]);
            }
            assertArrayEquals(c, Layout.fortranToC(f, shape));
        }
    }

    @Test
    void namedArraysGetNamesTheFileAndWhatItHas() {
        NamedArrays arrays = NamedArrays.fromFile("w.npz", java.util.List.of(
                NdArray.of2d("W1", 1, 1, new double[] {1}), NdArray.of2d("b1", 1, 1, new double[] {2})));
        InputException e = assertThrows(InputException.class, () -> arrays.get("Theta1"));
        assertEquals("w.npz: no array 'Theta1' (has: W1, b1)", e.getMessage());
        e = assertThrows(InputException.class, () -> arrays.matrix("W1", 2, 1));
        assertEquals("w.npz: array 'W1' is 1x1, expected 2x1", e.getMessage());
        assertEquals(java.util.List.of("W1", "b1"), arrays.names());
        assertEquals(2, arrays.matrix("b1", 1, 1).get(0, 0));
        assertThrows(InputException.class, () -> NamedArrays.fromFile("x", java.util.List.of(
                NdArray.scalar("a", 1), NdArray.scalar("a", 2))));
        assertThrows(IllegalArgumentException.class, () -> NamedArrays.of(NdArray.scalar("a", 1), NdArray.scalar("a", 2)));
        NamedArrays replaced = arrays.with(NdArray.scalar("W1", 5));
        assertEquals(java.util.List.of("W1", "b1"), replaced.names());
        assertEquals(5, replaced.get("W1").get());
    }
}
