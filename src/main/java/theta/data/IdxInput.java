package theta.data;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import theta.InputException;
import theta.io.InputFiles;

/**
 * One IDX file opened for reading. Gzip is recognised by its first two bytes (0x1f 0x8b), never
 * by the file name; the SHA-256 of the file as stored is computed while it is read. Every
 * fault becomes a one-line {@link InputException} naming the file.
 */
final class IdxInput implements Closeable {
    /** The largest array Java reliably allocates. */
    static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    private final Path file;
    private final long fileSize;
    private final MessageDigest digest = Sha256.digest();
    private final DigestInputStream stored;
    private final boolean gzip;
    private InputStream in;
    private long headerLength;

    private IdxInput(Path file) throws IOException {
        this.file = file;
        InputFiles.requireFile(file);
        this.fileSize = Files.size(file);
        this.stored = new DigestInputStream(Files.newInputStream(file), digest);
        BufferedInputStream buffered = new BufferedInputStream(stored, 1 << 16);
        buffered.mark(2);
        gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
        buffered.reset();
        in = buffered;
        if (gzip) {
            in = gzipped(buffered);
        }
    }

    static IdxInput open(Path file) {
        try {
            return new IdxInput(file);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read it (" + InputFiles.reason(e) + ")", e);
        }
    }

    private InputStream gzipped(InputStream raw) throws IOException {
        try {
            return new GZIPInputStream(raw, 1 << 16);
        } catch (ZipException | EOFException e) {
            throw corrupt(e);
        }
    }

    InputException fault(String what) {
        return new InputException(file + ": " + what);
    }

    private InputException corrupt(IOException e) {
        return new InputException(file + ": corrupt or truncated gzip data (" + e.getMessage() + ")", e);
    }

    /**
     * Reads the magic number and the dimensions. The magic is 0x00 0x00 type ndim; only the
     * unsigned byte type 0x08 is supported, with {@code ndim} dimensions (1 labels, 3 images).
     */
    long[] header(int ndim, String what) throws IOException {
        byte[] magic = read(4, "the magic number");
        int m = (magic[0] & 0xFF) << 24 | (magic[1] & 0xFF) << 16 | (magic[2] & 0xFF) << 8 | (magic[3] & 0xFF);
        if (magic[0] != 0 || magic[1] != 0) {
            throw fault(String.format("not an IDX file (magic 0x%08X)", m));
        }
        if (magic[2] != 0x08) {
            throw fault(String.format("IDX data type 0x%02X (%s) is not supported; only unsigned bytes (0x08)",
                    magic[2], typeName(magic[2])));
        }
        if (magic[3] != ndim) {
            throw fault(String.format("expected IDX %s (magic 0x%08X), found magic 0x%08X",
                    what, 0x800 | ndim, m));
        }
        byte[] d = read(4L * ndim, "the dimensions");
        long[] dims = new long[ndim];
        for (int k = 0; k < ndim; k++) {
            dims[k] = (d[4 * k] & 0xFFL) << 24 | (d[4 * k + 1] & 0xFF) << 16 | (d[4 * k + 2] & 0xFF) << 8
                    | (d[4 * k + 3] & 0xFF);
        }
        headerLength = 4 + 4L * ndim;
        return dims;
    }

    private static String typeName(byte type) {
        return switch (type) {
            case 0x09 -> "signed byte";
            case 0x0B -> "short";
            case 0x0C -> "int";
            case 0x0D -> "float";
            case 0x0E -> "double";
            default -> "unknown";
        };
    }

    private byte[] read(long n, String what) throws IOException {
        byte[] b = readGuarded((int) n);
        if (b.length < n) {
            throw fault("too short for an IDX header: ends inside " + what);
        }
        return b;
    }

    /**
     * Reads the data the header promises: the product of the dimensions, in bytes. Absurd or
     * impossible sizes are refused before anything is allocated.
     */
    byte[] data(long[] dims) throws IOException {
        long n = 1;
        for (long d : dims) {
            n *= d;  // cannot overflow: n <= MAX_BYTES < 2^31 and d < 2^32
            if (n > MAX_BYTES) {
                throw fault("header promises " + dimsText(dims) + " bytes of data, more than the "
                        + MAX_BYTES + " theta can hold");
            }
        }
        long promised = headerLength + n;
        if (!gzip && fileSize != promised) {
            throw fault((fileSize < promised ? "truncated" : "trailing bytes") + ": header promises "
                    + promised + " bytes, file has " + fileSize);
        }
        // Before reading: a gzip of zeros a few MB long can promise gigabytes.
        theta.Limits.checkValues(file.toString(), "the header's " + dimsText(dims), n);
        if (dims.length == 3) {
            theta.Limits.checkFeatures(file.toString(), "each " + dims[1] + "x" + dims[2] + " image", dims[1] * dims[2]);
        }
        byte[] data = gzip ? readGuarded((int) n) : readExactly((int) n);
        if (data.length < n) {
            throw fault("truncated: header promises " + promised + " bytes, file has "
                    + (headerLength + data.length) + " (decompressed)");
        }
        long extra = drainGuarded(in);
        if (extra > 0) {
            throw fault("trailing bytes: header promises " + promised + " bytes, file has "
                    + (promised + extra) + (gzip ? " (decompressed)" : ""));
        }
        return data;
    }

    private static String dimsText(long[] dims) {
        StringBuilder s = new StringBuilder();
        for (long d : dims) {
            s.append(s.length() == 0 ? "" : "x").append(d);
        }
        return s.toString();
    }

    private byte[] readExactly(int n) throws IOException {
        byte[] b = new byte[n];
        int got = in.readNBytes(b, 0, n);
        return got == n ? b : java.util.Arrays.copyOf(b, got);
    }

    /** Reads up to n bytes; for gzip, in chunks, so a lying header cannot make us allocate n. */
    private byte[] readGuarded(int n) throws IOException {
        try {
            return in.readNBytes(n);
        } catch (ZipException | EOFException e) {
            throw corrupt(e);
        }
    }

    private long drainGuarded(InputStream s) throws IOException {
        try {
            return s.transferTo(OutputStream.nullOutputStream());
        } catch (ZipException | EOFException e) {
            throw corrupt(e);
        }
    }

    /** The SHA-256 of the whole file as stored (compressed or not), after reading the rest of it. */
    String sha256() throws IOException {
        stored.transferTo(OutputStream.nullOutputStream());
        return Sha256.hex(digest);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
