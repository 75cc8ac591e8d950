package theta.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import theta.InputException;
import theta.math.Precision;

/**
 * NumPy's .npy format: the magic {@code \x93NUMPY}, a version (1.0, 2.0 or 3.0), the header length
 * (2 bytes little-endian in 1.0, 4 bytes after), a Python dict literal header (see
 * {@link NpyHeader}), then the raw elements in C or Fortran order.
 *
 * <p>Reads the numeric and boolean dtypes of {@link Dtype} in either byte order and any rank;
 * writes little-endian float64 (or float32) in C order, version 1.0, or 2.0 when the header
 * would not fit in 1.0's 65535 bytes. Sizes are checked against the file length before any
 * array is allocated.
 */
public final class Npy {
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** Java arrays stop just short of 2^31 elements. */
    static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;
    private static final int MAX_HEADER_BYTES = 1 << 20;
    /** NumPy pads the header so the data starts on a multiple of 64 bytes. */
    private static final int ALIGN = 64;

    private Npy() {}

    /** Reads a .npy file; the array is named after the file without ".npy". */
    public static NdArray read(Path file) throws IOException {
        InputFiles.requireFile(file);
        long size = Files.size(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(in, size, file.toString(), stem(file.getFileName().toString()));
        }
    }

    /**
     * Reads one .npy image from {@code in}. {@code totalBytes} is its exact length when known
     * (else -1); faults are reported as "{@code where}: ...".
     */
    static NdArray read(InputStream in, long totalBytes, String where, String name) throws IOException {
        byte[] lead = new byte[8];
        if (readFully(in, lead, lead.length) < lead.length || !startsWithMagic(lead)) {
            throw new InputException(where + ": not a .npy file (no \\x93NUMPY magic at the start)");
        }
        int major = lead[6];
        if (major < 1 || major > 3) {
            throw new InputException(where + ": unsupported .npy version " + major + "." + lead[7]
                    + " (reads 1.0, 2.0, 3.0)");
        }
        byte[] len = new byte[major == 1 ? 2 : 4];
        if (readFully(in, len, len.length) < len.length) {
            throw new InputException(where + ": truncated .npy header");
        }
        long headerLen = ByteBuffer.wrap(java.util.Arrays.copyOf(len, 8)).order(ByteOrder.LITTLE_ENDIAN).getLong();
        long dataOffset = lead.length + len.length + headerLen;
        if (headerLen > MAX_HEADER_BYTES) {
            throw new InputException(where + ": corrupt .npy header (declares an implausible " + headerLen + " bytes)");
        }
        if (totalBytes >= 0 && dataOffset > totalBytes) {
            throw new InputException(where + ": truncated .npy header (declares " + headerLen + " bytes, "
                    + (totalBytes - dataOffset + headerLen) + " present)");
        }
        byte[] hb = new byte[(int) headerLen];
        if (readFully(in, hb, hb.length) < hb.length) {
            throw new InputException(where + ": truncated .npy header");
        }
        // Versions 1 and 2 encode the header in latin-1, version 3 in UTF-8.
        String text = new String(hb, major >= 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        NpyHeader h = NpyHeader.parse(text, where);
        int count = checkedCount(h, totalBytes < 0 ? -1 : totalBytes - dataOffset, where);
        double[] data = readData(in, h, count, where);
        if (in.read() != -1) {
            throw new InputException(where + ": " + describe(h) + " is followed by extra bytes");
        }
        if (h.fortranOrder()) {
            data = Layout.fortranToC(data, h.shape());
        }
        return NdArray.wrap(name, h.shape(), data, h.dtype());
    }

    /** The element count, after refusing shapes that cannot fit the data or the heap. */
    private static int checkedCount(NpyHeader h, long dataBytes, String where) {
        long count = NdArray.elementCount(h.shape());
        if (count < 0 || count > MAX_ELEMENTS) {
            throw new InputException(where + ": absurd shape " + NdArray.shapeString(h.shape())
                    + " (more than " + MAX_ELEMENTS + " elements)");
        }
        long need = count * h.dtype().bytes();
        if (dataBytes >= 0 && dataBytes != need) {
            throw new InputException(where + ": " + describe(h) + " needs " + need + " data bytes, found "
                    + dataBytes + (dataBytes < need ? " (truncated)" : ""));
        }
        theta.Limits.checkValues(where, describe(h), count);
        long heap = Runtime.getRuntime().maxMemory();
        if (count * Double.BYTES > heap) {
            throw new InputException(where + ": " + describe(h) + " needs " + (count * Double.BYTES >> 20)
                    + " MiB as doubles, more than the Java heap (" + (heap >> 20) + " MiB)");
        }
        return (int) count;
    }

    private static double[] readData(InputStream in, NpyHeader h, int count, String where) throws IOException {
        Dtype t = h.dtype();
        int perChunk = Math.max(1, (1 << 16) / t.bytes());
        byte[] buf = new byte[perChunk * t.bytes()];
        ByteBuffer bb = ByteBuffer.wrap(buf).order(h.bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        double[] data = new double[count];
        for (int i = 0; i < count; ) {
            int k = Math.min(perChunk, count - i);
            int got = readFully(in, buf, k * t.bytes());
            if (got < k * t.bytes()) {
                long have = (long) i * t.bytes() + got;
                throw new InputException(where + ": truncated data: " + describe(h) + " needs "
                        + (long) count * t.bytes() + " bytes, found " + have);
            }
            bb.clear();
            for (int j = 0; j < k; j++) {
                data[i++] = t.read(bb);
            }
        }
        return data;
    }

    /** Writes {@code a} as little-endian float64, C order. */
    public static void write(Path file, NdArray a) throws IOException {
        write(file, a, Precision.F64);
    }

    /** Writes {@code a} as little-endian float64 or float32 ({@code '<f8'} / {@code '<f4'}), C order, atomically. */
    public static void write(Path file, NdArray a, Precision precision) throws IOException {
        AtomicFile.write(file, out -> write(out, a, precision));
    }

    /** Writes the .npy image of {@code a} to {@code out} (not closed). */
    public static void write(OutputStream out, NdArray a, Precision precision) throws IOException {
        out.write(header(a.shape(), precision));
        double[] data = a.raw();
        int item = precision.bytes();
        ByteBuffer bb = ByteBuffer.allocate((1 << 16) / item * item).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : data) {
            if (!bb.hasRemaining()) {
                out.write(bb.array(), 0, bb.position());
                bb.clear();
            }
            if (precision == Precision.F64) {
                bb.putDouble(v);
            } else {
                bb.putFloat((float) v);
            }
        }
        out.write(bb.array(), 0, bb.position());
    }

    /** Magic, version, length and the dict padded with spaces and a newline to a multiple of 64 bytes. */
    static byte[] header(int[] shape, Precision precision) {
        String dict = NpyHeader.format(precision == Precision.F64 ? "<f8" : "<f4", shape);
        int lenBytes = paddedLength(dict, 2) <= 0xFFFF ? 2 : 4;
        int fixed = MAGIC.length + 2 + lenBytes;
        int padded = paddedLength(dict, lenBytes);
        ByteBuffer b = ByteBuffer.allocate(fixed + padded).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) (lenBytes == 2 ? 1 : 2)).put((byte) 0);
        if (lenBytes == 2) {
            b.putShort((short) padded);
        } else {
            b.putInt(padded);
        }
        b.put(dict.getBytes(StandardCharsets.ISO_8859_1));
        while (b.remaining() > 1) {
            b.put((byte) ' ');
        }
        b.put((byte) '\n');
        return b.array();
    }

    /** The dict plus newline, padded so magic + version + length field + header is a multiple of 64. */
    private static int paddedLength(String dict, int lenBytes) {
        int used = MAGIC.length + 2 + lenBytes + dict.length() + 1;
        return dict.length() + 1 + (ALIGN - used % ALIGN) % ALIGN;
    }

    static boolean startsWithMagic(byte[] b) {
        if (b.length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (b[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** "shape 3x4 '<f8'" for messages. */
    private static String describe(NpyHeader h) {
        char order = h.dtype().bytes() == 1 ? '|' : h.bigEndian() ? '>' : '<';
        return "shape " + NdArray.shapeString(h.shape()) + " '" + order + h.dtype().npyCode() + "'";
    }

    static String stem(String fileName) {
        return fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".npy")
                ? fileName.substring(0, fileName.length() - 4) : fileName;
    }

    /** Reads up to n bytes into b; returns how many arrived before the end of the stream. */
    private static int readFully(InputStream in, byte[] b, int n) throws IOException {
        int got = 0;
        while (got < n) {
            int r = in.read(b, got, n - got);
            if (r < 0) {
                break;
            }
            got += r;
        }
        return got;
    }
}
