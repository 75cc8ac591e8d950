package theta.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import theta.InputException;
import theta.math.Precision;

/**
 * NumPy's .npz format: a zip archive with one {@code NAME.npy} entry per array, stored
 * ({@code np.savez}) or deflated ({@code np.savez_compressed}). Arrays keep the archive's order.
 */
public final class Npz {
    /** Deflate cannot shrink data by more than about 1032:1; a larger declared size is a lie. */
    private static final long MAX_DEFLATE_RATIO = 1032;
    /** Zip's DOS clock starts in 1980; NumPy stamps every entry with that date, and so do we. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private Npz() {}

    /** Reads every array of a .npz file; array "X" comes from entry "X.npy". */
    public static NamedArrays read(Path file) throws IOException {
        String where = file.toString();
        InputFiles.requireFile(file);
        List<NdArray> arrays = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                // theta's models and checkpoints add one JSON entry of metadata; their arrays read as usual.
                if (!e.isDirectory() && !e.getName().endsWith(".json")) {
                    arrays.add(readEntry(zip, e, where));
                }
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new InputException(where + ": not a valid .npz (zip) archive: " + e.getMessage());
        }
        return NamedArrays.fromFile(where, arrays);
    }

    private static NdArray readEntry(ZipFile zip, ZipEntry e, String where) throws IOException {
        String entry = e.getName();
        if (!entry.endsWith(".npy")) {
            throw new InputException(where + ": entry '" + entry + "' is not a .npy array");
        }
        String name = entry.substring(0, entry.length() - 4);
        String at = where + ": array '" + name + "'";
        long size = e.getSize();
        long packed = e.getCompressedSize();
        if (size >= 0 && packed >= 0 && size > packed * MAX_DEFLATE_RATIO + 1024) {
            throw new InputException(at + ": corrupt zip entry (declares " + size + " bytes from " + packed + ")");
        }
        CRC32 crc = new CRC32();
        NdArray a;
        try (InputStream in = new CheckedInputStream(new BufferedInputStream(zip.getInputStream(e), 1 << 16), crc)) {
            a = Npy.read(in, size, at, name);
        } catch (ZipException | java.io.EOFException ex) {
            // A truncated deflate stream ends in EOFException ("Unexpected end of ZLIB input stream").
            throw new InputException(at + ": corrupt compressed data (" + ex.getMessage() + ")");
        }
        if (e.getCrc() != -1 && crc.getValue() != e.getCrc()) {
            throw new InputException(at + ": corrupt entry (checksum mismatch)");
        }
        return a;
    }

    /** Writes the arrays as a compressed .npz of little-endian float64, atomically. */
    public static void write(Path file, NamedArrays arrays) throws IOException {
        write(file, arrays, Precision.F64);
    }

    /** Writes the arrays as a compressed .npz of float64 or float32, atomically; names must be non-empty. */
    public static void write(Path file, NamedArrays arrays, Precision precision) throws IOException {
        write(file, arrays, precision, null, null);
    }

    /**
     * Reads the bytes of a metadata entry (such as a theta model's model.json), or null when the
     * archive has none.
     */
    public static byte[] readEntry(Path file, String name, long maxBytes) throws IOException {
        InputFiles.requireFile(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry e = zip.getEntry(name);
            if (e == null) {
                return null;
            }
            if (e.getSize() > maxBytes) {
                throw new InputException(file + ": entry '" + name + "' is implausibly large (" + e.getSize() + " bytes)");
            }
            try (InputStream in = zip.getInputStream(e)) {
                return in.readNBytes((int) Math.min(maxBytes, Integer.MAX_VALUE - 16));
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new InputException(file + ": not a valid .npz (zip) archive: " + e.getMessage());
        }
    }

    /**
     * Writes the arrays, plus one extra entry {@code metaName} holding {@code meta} when not null
     * (NumPy's np.load returns such an entry as raw bytes), atomically.
     */
    public static void write(Path file, NamedArrays arrays, Precision precision, String metaName, byte[] meta)
            throws IOException {
        for (NdArray a : arrays) {
            if (a.name().isEmpty()) {
                throw new IllegalArgumentException(file + ": every array in a .npz needs a name");
            }
        }
        AtomicFile.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            for (NdArray a : arrays) {
                ZipEntry e = new ZipEntry(a.name() + ".npy");
                e.setTimeLocal(ENTRY_TIME);
                zip.putNextEntry(e);
                Npy.write(zip, a, precision);
                zip.closeEntry();
            }
            if (meta != null) {
                ZipEntry e = new ZipEntry(metaName);
                e.setTimeLocal(ENTRY_TIME);
                zip.putNextEntry(e);
                zip.write(meta);
                zip.closeEntry();
            }
            zip.finish(); // not close(): the caller owns and closes the underlying stream
        });
    }
}
