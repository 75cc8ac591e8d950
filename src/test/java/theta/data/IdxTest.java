package theta.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import theta.InputException;

class IdxTest {
    @TempDir
    Path dir;

    private Path images(String name, byte[] bytes) {
        return IdxBytes.write(dir.resolve(name), bytes);
    }

    private String fault(Runnable read) {
        InputException e = assertThrows(InputException.class, read::run);
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void readsRawAndGzipTheSame() {
        byte[] raw = IdxBytes.file(0x803, new int[] {3, 4, 5}, IdxBytes.pixels(3, 4, 5));
        Idx.Images a = Idx.readImages(images("a", raw));
        Idx.Images b = Idx.readImages(images("b.idx", IdxBytes.gzip(raw)));
        assertEquals(3, a.count());
        assertEquals(4, a.rows());
        assertEquals(5, a.cols());
        assertArrayEquals(IdxBytes.pixels(3, 4, 5), a.pixels());
        assertArrayEquals(a.pixels(), b.pixels());
        assertEquals(64, a.sha256().length());
    }

    @Test
    void gzipIsRecognisedByContentNotName() {
        byte[] raw = IdxBytes.file(0x801, new int[] {2}, IdxBytes.labels(7, 8));
        Path gzNamedRaw = images("labels.gz", raw);
        Path rawNamedPlain = images("labels", IdxBytes.gzip(raw));
        assertArrayEquals(new int[] {7, 8}, Idx.readLabels(gzNamedRaw, LabelConvention.ZERO_BASED).classes());
        assertArrayEquals(new int[] {7, 8}, Idx.readLabels(rawNamedPlain, LabelConvention.ZERO_BASED).classes());
    }

    @Test
    void writerRoundTripsRawAndGzip() throws IOException {
        byte[] px = IdxBytes.pixels(4, 2, 3);
        int[] labels = {0, 9, 3, 3};
        for (String suffix : new String[] {"", ".gz"}) {
            Path im = dir.resolve("im" + suffix);
            Path lb = dir.resolve("lb" + suffix);
            Idx.writeImages(im, px, 4, 2, 3);
            Idx.writeLabels(lb, labels);
            assertEquals(suffix.isEmpty(), Files.readAllBytes(im)[0] == 0, "gzip only for .gz names");
            Dataset d = Idx.read("t", im, lb, LabelConvention.ZERO_BASED);
            assertEquals(4, d.size());
            assertArrayEquals(labels, d.labels());
            assertEquals(px[5] & 0xFF, d.rawByte(0, 5));
            assertEquals(2, d.checksums().size());
            assertTrue(d.checksums().get(0).endsWith("  im" + suffix));
        }
        try (var s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void checksumIsOfTheFileAsStored() throws IOException {
        Path gz = images("g", IdxBytes.gzip(IdxBytes.file(0x803, new int[] {1, 2, 2}, new byte[4])));
        assertEquals(Sha256.of(gz), Idx.readImages(gz).sha256());
    }

    @Test
    void badMagic() {
        Path p = images("x", IdxBytes.file(0x12345678, new int[] {1, 1, 1}, new byte[1]));
        String m = fault(() -> Idx.readImages(p));
        assertTrue(m.startsWith(p + ": not an IDX file (magic 0x12345678)"), m);
    }

    @Test
    void labelsWhereImagesExpected() {
        Path p = images("x", IdxBytes.file(0x801, new int[] {1}, new byte[1]));
        assertTrue(fault(() -> Idx.readImages(p)).contains("expected IDX images (magic 0x00000803), found magic 0x00000801"));
    }

    @Test
    void wrongTypeByte() {
        Path p = images("x", IdxBytes.file(0x0D03, new int[] {1, 1, 1}, new byte[4]));
        assertTrue(fault(() -> Idx.readImages(p)).contains("IDX data type 0x0D (float) is not supported"));
    }

    @Test
    void truncated() {
        byte[] full = IdxBytes.file(0x803, new int[] {2, 3, 3}, new byte[18]);
        Path p = images("x", Arrays.copyOf(full, full.length - 1));
        assertEquals(p + ": truncated: header promises 34 bytes, file has 33", fault(() -> Idx.readImages(p)));
        Path g = images("g", IdxBytes.gzip(Arrays.copyOf(full, full.length - 1)));
        assertTrue(fault(() -> Idx.readImages(g)).contains("truncated: header promises 34 bytes, file has 33"));
    }

    @Test
    void truncatedHeader() {
        Path p = images("x", new byte[] {0, 0, 8, 3, 0, 0});
        assertTrue(fault(() -> Idx.readImages(p)).contains("too short for an IDX header"));
    }

    @Test
    void trailingBytes() {
        Path p = images("x", IdxBytes.file(0x801, new int[] {2}, new byte[3]));
        assertEquals(p + ": trailing bytes: header promises 10 bytes, file has 11",
                fault(() -> Idx.readLabels(p, LabelConvention.ZERO_BASED)));
        Path g = images("g", IdxBytes.gzip(IdxBytes.file(0x801, new int[] {2}, new byte[3])));
        assertTrue(fault(() -> Idx.readLabels(g, LabelConvention.ZERO_BASED)).contains("trailing bytes"));
    }

    @Test
    void countMismatch() {
        Path im = images("im", IdxBytes.file(0x803, new int[] {3, 2, 2}, new byte[12]));
        Path lb = images("lb", IdxBytes.file(0x801, new int[] {2}, new byte[2]));
        String m = fault(() -> Idx.read("t", im, lb, LabelConvention.ZERO_BASED));
        assertEquals(lb + ": 2 labels, but " + im + " has 3 images", m);
    }

    @Test
    void labelOutOfRange() {
        Path lb = images("lb", IdxBytes.file(0x801, new int[] {3}, IdxBytes.labels(1, 10, 2)));
        assertEquals(lb + ": label 10 at index 1 is out of range 0..9",
                fault(() -> Idx.readLabels(lb, LabelConvention.ZERO_BASED)));
        Path zero = images("z", IdxBytes.file(0x801, new int[] {2}, IdxBytes.labels(3, 0)));
        assertTrue(fault(() -> Idx.readLabels(zero, LabelConvention.ONE_TO_TEN)).contains("out of range 1..10"));
    }

    @Test
    void oneToTenLabelsMapTenToZero() {
        Path lb = images("lb", IdxBytes.file(0x801, new int[] {3}, IdxBytes.labels(10, 1, 9)));
        assertArrayEquals(new int[] {0, 1, 9}, Idx.readLabels(lb, LabelConvention.ONE_TO_TEN).classes());
    }

    @Test
    void gzipOfGarbage() {
        byte[] garbage = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        Path p = images("x", garbage);
        assertTrue(fault(() -> Idx.readImages(p)).startsWith(p + ": corrupt or truncated gzip data"));
        Path q = images("y", new byte[] {0x1f, (byte) 0x8b, 99});
        assertTrue(fault(() -> Idx.readImages(q)).startsWith(q + ": corrupt or truncated gzip data"));
    }

    @Test
    void productOverflowRefused() {
        Path p = images("x", IdxBytes.file(0x803, new int[] {-1, 65536, 65536}, new byte[0]));
        assertTrue(fault(() -> Idx.readImages(p)).contains("header promises 4294967295x65536x65536 bytes of data, more than"));
    }

    @Test
    void impossibleSizesRefusedBeforeAllocating() {
        // 1.5 GB promised by small files: refused from the raw file's size, and for gzip read in
        // chunks, so neither allocates anything near the promise.
        byte[] header = IdxBytes.file(0x803, new int[] {2_000_000, 28, 28}, new byte[100]);
        Path raw = images("raw", header);
        Path gz = images("gz", IdxBytes.gzip(header));
        long before = allocated();
        assertTrue(fault(() -> Idx.readImages(raw)).contains("truncated: header promises 1568000016 bytes, file has 116"));
        // gzip hides the size: refused by theta's size limit before a byte of data is read.
        assertTrue(fault(() -> Idx.readImages(gz)).contains("more than theta's limit of 200,000,000"));
        long used = allocated() - before;
        assertTrue(used < 64 << 20, "allocated " + used + " bytes");
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void missingFileIsInputError() {
        assertTrue(fault(() -> Idx.readImages(dir.resolve("nope"))).equals(dir.resolve("nope") + ": no such file"));
    }
}
