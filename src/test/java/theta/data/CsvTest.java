package theta.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import theta.InputException;

class CsvTest {
    @TempDir
    Path dir;

    private Path csv(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void kaggleLayoutWithHeader() throws IOException {
        Path p = csv("train.csv", "label,pixel0,pixel1,pixel2,pixel3\n1,0,255,3,4\n0,5,6,7,8\n3,0,0,0,0\n");
        Dataset d = Csv.read(p, LabelConvention.ZERO_BASED);
        assertEquals(3, d.size());
        assertEquals(2, d.rows());
        assertEquals(2, d.cols());
        assertEquals(4, d.classes());
        assertArrayEquals(new int[] {1, 0, 3}, d.labels());
        assertTrue(d.isBytes());
        assertEquals(255, d.rawByte(0, 1));
        assertEquals(8 / 255f, d.value(1, 3));
        assertEquals("train.csv", d.name());
        assertTrue(d.checksums().get(0).endsWith("  train.csv"));
    }

    @Test
    void headerlessWithNonSquarePixelsAndBlankLines() throws IOException {
        Dataset d = Csv.read(csv("a.csv", "0,1,2,3\r\n\n1,4,5,6\r\n"), LabelConvention.ZERO_BASED);
        assertEquals(2, d.size());
        assertEquals(1, d.rows());
        assertEquals(3, d.cols());
        assertEquals(2, d.classes());
        assertEquals(6, d.rawByte(1, 2));
    }

    @Test
    void floatPixelsKeepRawValues() throws IOException {
        Dataset d = Csv.read(csv("f.csv", "1,0,255,2,3\n0,0.5,-0.25,1e-3,7\n"), LabelConvention.ZERO_BASED);
        assertFalse(d.isBytes());
        assertEquals(255f, d.value(0, 1));
        assertEquals(-0.25f, d.value(1, 1));
        assertEquals(1e-3f, d.value(1, 2));
    }

    @Test
    void badFieldCountNamesFileAndLine() throws IOException {
        Path p = csv("train.csv", "label,a,b\n1,2,3\n\n1,2\n");
        InputException e = assertThrows(InputException.class, () -> Csv.read(p, LabelConvention.ZERO_BASED));
        assertEquals(p + ":4: expected 3 fields, found 2", e.getMessage());
    }

    @Test
    void oneToTenLabels() throws IOException {
        Path p = csv("ex.csv", "10,0.1\n1,0.2\n9,0.3\n");
        Dataset d = Csv.read(p, LabelConvention.ONE_TO_TEN);
        assertArrayEquals(new int[] {0, 1, 9}, d.labels());
        assertEquals(10, d.classes());
        InputException e = assertThrows(InputException.class, () -> Csv.read(csv("z.csv", "0,1\n"),
                LabelConvention.ONE_TO_TEN));
        assertTrue(e.getMessage().endsWith("z.csv:1: label 0 is out of range 1..10"), e.getMessage());
    }

    @Test
    void badValuesNameLineAndField() throws IOException {
        Path p = csv("b.csv", "1,2,3\n1,x,3\n");
        assertEquals(p + ":2: field 2 'x' is not a finite number",
                assertThrows(InputException.class, () -> Csv.read(p, LabelConvention.ZERO_BASED)).getMessage());
        Path q = csv("c.csv", "1.5,2,3\n");
        assertEquals(q + ":1: label 1.5 is out of range 0..999",
                assertThrows(InputException.class, () -> Csv.read(q, LabelConvention.ZERO_BASED)).getMessage());
        Path r = csv("n.csv", "1,NaN\n");
        assertTrue(assertThrows(InputException.class, () -> Csv.read(r, LabelConvention.ZERO_BASED))
                .getMessage().contains("not a finite number"));
    }

    @Test
    void unlabelledKaggleTestFileIsRefused() throws IOException {
        Path p = csv("test.csv", "pixel0,pixel1\n0,0\n");
        assertTrue(assertThrows(InputException.class, () -> Csv.read(p, LabelConvention.ZERO_BASED))
                .getMessage().contains("no label column"));
    }

    @Test
    void emptyFileIsRefused() throws IOException {
        Path p = csv("e.csv", "label,pixel0\n");
        assertTrue(assertThrows(InputException.class, () -> Csv.read(p, LabelConvention.ZERO_BASED))
                .getMessage().startsWith(p + ": no examples"));
    }

    @Test
    void manyRowsGrowTheBuffers() throws IOException {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            s.append(i % 10);
            for (int k = 0; k < 30; k++) {
                s.append(',').append((i + k) % 256);
            }
            s.append('\n');
        }
        Dataset d = Csv.read(csv("big.csv", s.toString()), LabelConvention.ZERO_BASED);
        assertEquals(3000, d.size());
        assertEquals((2999 + 29) % 256, d.rawByte(2999, 29));
        assertEquals(9, d.label(2999));
    }
}
