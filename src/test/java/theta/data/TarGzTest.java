package theta.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarGzTest {
    @TempDir
    Path dir;

    /** One ustar entry: header (name, octal size, type '0', checksum) and data padded to 512. */
    private static void entry(ByteArrayOutputStream tar, String name, byte[] data) {
        byte[] h = new byte[512];
        put(h, 0, name);
        put(h, 100, "0000644");
        put(h, 124, String.format("%011o", data.length));
        h[156] = '0';
        put(h, 257, "ustar");
        for (int k = 148; k < 156; k++) {
            h[k] = ' ';
        }
        int sum = 0;
        for (byte b : h) {
            sum += b & 0xFF;
        }
        put(h, 148, String.format("%06o", sum));
        tar.writeBytes(h);
        tar.writeBytes(data);
        tar.writeBytes(new byte[(512 - data.length % 512) % 512]);
    }

    private static void put(byte[] h, int off, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, off, b.length);
    }

    @Test
    void extractsOnlyTheWantedFiles() throws IOException {
        byte[] labels = new byte[1000];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (byte) i;
        }
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        entry(tar, "package/readme.md", "hello".getBytes(StandardCharsets.US_ASCII));
        entry(tar, "package/data/train-labels-idx1-ubyte", labels);
        entry(tar, "package/data/other", new byte[512]);
        tar.writeBytes(new byte[1024]);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(tar.toByteArray());
        }
        Path archive = Files.write(dir.resolve("p.tgz"), gz.toByteArray());
        Path dest = Files.createDirectory(dir.resolve("out"));
        Set<String> found = TarGz.extract(archive, Set.of("train-labels-idx1-ubyte", "missing"), dest);
        assertEquals(Set.of("train-labels-idx1-ubyte"), found);
        assertArrayEquals(labels, Files.readAllBytes(dest.resolve("train-labels-idx1-ubyte")));
        assertFalse(Files.exists(dest.resolve("readme.md")));
    }
}
