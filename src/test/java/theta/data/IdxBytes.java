package theta.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Builds IDX files byte by byte, independently of {@link Idx}'s writer, for reader tests. */
final class IdxBytes {
    private IdxBytes() {}

    /** A header: magic, then the dimensions, big-endian, then the data. */
    static byte[] file(int magic, int[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        b.putInt(magic);
        for (int d : dims) {
            b.putInt(d);
        }
        b.put(data);
        return b.array();
    }

    static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** n images of rows x cols whose pixel k of image i is (i * 7 + k) % 256. */
    static byte[] pixels(int n, int rows, int cols) {
        byte[] p = new byte[n * rows * cols];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < rows * cols; k++) {
                p[i * rows * cols + k] = (byte) ((i * 7 + k) % 256);
            }
        }
        return p;
    }

    static byte[] labels(int... l) {
        byte[] b = new byte[l.length];
        for (int i = 0; i < l.length; i++) {
            b[i] = (byte) l[i];
        }
        return b;
    }

    /** Writes a folder with the four IDX files: 5 training and 3 test images of 4x3. */
    static void folder(Path dir, boolean gz) {
        String suffix = gz ? ".gz" : "";
        byte[][] files = {
            file(0x803, new int[] {5, 4, 3}, pixels(5, 4, 3)),
            file(0x801, new int[] {5}, labels(3, 1, 4, 1, 5)),
            file(0x803, new int[] {3, 4, 3}, pixels(3, 4, 3)),
            file(0x801, new int[] {3}, labels(9, 2, 6)),
        };
        for (int k = 0; k < 4; k++) {
            write(dir.resolve(IdxFolder.NAMES.get(k) + suffix), gz ? gzip(files[k]) : files[k]);
        }
    }
}
