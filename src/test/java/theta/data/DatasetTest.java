package theta.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DatasetTest {
    /** Three 2x2 images: pixel k of image i is 10 * i + k, and 255 for the last pixel of image 2. */
    private static Dataset small() {
        byte[] px = {0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, (byte) 255};
        return Dataset.ofBytes("small", px, new int[] {2, 0, 1}, 2, 2, 3);
    }

    @Test
    void shapeAndLabels() {
        Dataset d = small();
        assertEquals(3, d.size());
        assertEquals(4, d.features());
        assertEquals(2, d.rows());
        assertEquals(2, d.cols());
        assertEquals(3, d.classes());
        assertEquals(1, d.label(2));
        assertArrayEquals(new int[] {2, 0, 1}, d.labels());
        assertTrue(d.isBytes());
    }

    @Test
    void bytesAreUnsignedAndScaled() {
        Dataset d = small();
        assertEquals(255, d.rawByte(2, 3));
        assertEquals(1f, d.value(2, 3));
        assertEquals(11 / 255f, d.value(1, 1));
        float[] row = new float[6];
        d.copyRow(1, row, 2);
        assertArrayEquals(new float[] {0, 0, 10 / 255f, 11 / 255f, 12 / 255f, 13 / 255f}, row);
    }

    @Test
    void labelsReturnsACopy() {
        Dataset d = small();
        d.labels()[0] = 7;
        assertEquals(2, d.label(0));
    }

    @Test
    void sliceIsAViewWithItsOwnIndices() {
        Dataset s = small().slice(1, 3);
        assertEquals(2, s.size());
        assertEquals(0, s.label(0));
        assertEquals(20, s.rawByte(1, 0));
        assertArrayEquals(new int[] {0, 1}, s.labels());
        assertThrows(IndexOutOfBoundsException.class, () -> s.value(2, 0));
        assertEquals(0, small().slice(3, 3).size());
    }

    @Test
    void selectCopiesInTheGivenOrder() {
        Dataset s = small().select(new int[] {2, 2, 0});
        assertEquals(3, s.size());
        assertArrayEquals(new int[] {1, 1, 2}, s.labels());
        assertEquals(20, s.rawByte(0, 0));
        assertEquals(3, s.rawByte(2, 3));
        Dataset f = Dataset.ofFloats("f", new float[] {1, 2, 3, 4}, new int[] {0, 1}, 1, 2, 2).select(new int[] {1});
        assertEquals(3f, f.value(0, 0));
    }

    @Test
    void floatsAreRawValues() {
        Dataset d = Dataset.ofFloats("f", new float[] {-0.5f, 2.5f}, new int[] {1}, 1, 2, 2);
        assertFalse(d.isBytes());
        assertEquals(2.5f, d.value(0, 1));
        assertThrows(IllegalStateException.class, () -> d.rawByte(0, 0));
    }

    @Test
    void constructionIsChecked() {
        assertThrows(IllegalArgumentException.class,
                () -> Dataset.ofBytes("x", new byte[3], new int[] {0}, 2, 2, 2));
        assertThrows(IllegalArgumentException.class,
                () -> Dataset.ofBytes("x", new byte[4], new int[] {2}, 2, 2, 2));
        assertThrows(IllegalArgumentException.class,
                () -> Dataset.ofBytes("x", new byte[4], new int[] {0}, 2, 2, 1));
        assertThrows(IllegalArgumentException.class,
                () -> Dataset.ofFloats("x", new float[] {Float.NaN}, new int[] {0}, 1, 1, 2));
    }

    @Test
    void provenanceAndClassesCarryOver() {
        Dataset d = small().withSource("/x", java.util.List.of("abc  f")).named("n").withClasses(5).slice(0, 1);
        assertEquals("/x", d.source());
        assertEquals("n", d.name());
        assertEquals(5, d.classes());
        assertEquals(java.util.List.of("abc  f"), d.checksums());
        assertThrows(IllegalArgumentException.class, () -> d.withClasses(2));
    }

    @Test
    void statsCountLabelsAndPixels() {
        DatasetStats s = DatasetStats.of(Dataset.ofFloats("f", new float[] {1, 3, 5, 7}, new int[] {1, 1}, 1, 2, 3));
        assertArrayEquals(new int[] {0, 2, 0}, s.labelCounts());
        assertEquals(4.0, s.pixelMean(), 1e-12);
        assertEquals(Math.sqrt(5), s.pixelStd(), 1e-12);
    }

    @Test
    void textArtDrawsTwoCharactersPerPixel() {
        byte[] px = {0, (byte) 255, (byte) 128, 0};
        String art = TextArt.render(Dataset.ofBytes("a", px, new int[] {0}, 2, 2, 2), 0);
        assertEquals("  @@\n++  \n", art);
    }
}
