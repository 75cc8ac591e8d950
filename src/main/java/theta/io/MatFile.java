package theta.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import us.hebi.matlab.mat.format.BufferAllocator;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.format.Mat5Reader;
import us.hebi.matlab.mat.types.MatFile.Entry;
import us.hebi.matlab.mat.types.Sinks;
import us.hebi.matlab.mat.types.Sources;

import theta.InputException;

/**
 * MATLAB/Octave binary MAT-files, levels 5, 6 and 7 (compressed or not; {@code save -v6},
 * {@code save -v7}, SciPy's {@code savemat}), read and written with MFL. Numeric and logical
 * matrices of any class become {@link NdArray}s in row-major order; anything else (sparse,
 * complex, cell, struct, char, objects) is left out, and looking it up says what it is. MATLAB
 * 7.3 files are HDF5 and are refused with the conversion to use.
 *
 * <p>Every fault of a file, including whatever MFL throws on damaged bytes, comes out as one
 * {@link InputException} naming the file: this class is the boundary.
 */
public final class MatFile {
    /** Where a level-5 header keeps its version and byte-order mark, and its length. */
    private static final int HEADER = 128;
    /** The most a deflate stream can expand (1032:1), which bounds what a file can honestly ask for. */
    private static final long MAX_INFLATE_RATIO = 1032;
    private static final String RESAVE = "in Octave or MATLAB, load it and save -v7";

    private MatFile() {}

    /** True when {@code head} (the file's first bytes) starts like a MAT-file of level 5 or later. */
    static boolean startsWithHeader(byte[] head) {
        return head.length >= HEADER && new String(head, 0, 6, java.nio.charset.StandardCharsets.ISO_8859_1)
                .equals("MATLAB") && (head[126] == 'I' && head[127] == 'M' || head[126] == 'M' && head[127] == 'I');
    }

    /** Reads every variable of a MAT-file; one InputException line for any fault of the file. */
    public static NamedArrays read(Path file) throws IOException {
        InputFiles.requireFile(file);
        long size = Files.size(file);
        if (size > Integer.MAX_VALUE - 64) {
            throw new InputException(file + ": " + size + " bytes is more than theta reads from one MAT-file (2 GiB)");
        }
        return read(file.toString(), Files.readAllBytes(file));
    }

    /** Reads the bytes of a MAT-file; {@code where} names it in messages. */
    public static NamedArrays read(String where, byte[] bytes) {
        String header = new String(bytes, 0, Math.min(bytes.length, HEADER), java.nio.charset.StandardCharsets.ISO_8859_1);
        if (header.startsWith("MATLAB 7.3") || header.startsWith("\u0089HDF")) {
            throw new InputException(where + ": a MATLAB 7.3 (HDF5) file, not read by theta (" + RESAVE + ")");
        }
        if (bytes.length < HEADER) {
            throw new InputException(where + ": truncated MAT-file (" + bytes.length + " bytes, the header alone is "
                    + HEADER + ")");
        }
        if (!startsWithHeader(bytes)) {
            throw new InputException(where + ": not a MAT-file of level 5-7 (no 'MATLAB' header with a byte-order mark)");
        }
        MatLayout.check(where, bytes, HEADER, MAX_INFLATE_RATIO);
        List<NdArray> arrays = new ArrayList<>();
        Map<String, String> unreadable = new LinkedHashMap<>();
        // Variables theta cannot use are skipped from their headers, so MFL never parses their insides.
        Mat5Reader.EntryFilter filter = h -> {
            String why = MatArrays.unreadable(where, h.getName(), h.getType(), h.isComplex());
            if (why != null && unreadable.put(h.getName(), why) != null) {
                throw new InputException(where + ": two variables named '" + h.getName() + "'");
            }
            return why == null;
        };
        try (Mat5File mat = Mat5.newReader(Sources.wrap(bytes)).setEntryFilter(filter)
                .setBufferAllocator(new Budget(where, MAX_INFLATE_RATIO * bytes.length + (1 << 20)))
                .setMaxInflateBufferSize(1 << 16).disableSubsystemProcessing().readMat()) {
            for (Entry e : mat.getEntries()) {
                arrays.add(MatArrays.toNdArray(where, e.getName(), e.getValue()));
            }
        } catch (InputException e) {
            throw e;
        } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // MFL reports damaged bytes with whatever exception its parsing ran into.
            throw new InputException(where + ": damaged or truncated MAT-file (" + describe(e) + ")");
        }
        return NamedArrays.fromFile(where, arrays, unreadable);
    }

    /** Writes the arrays as double matrices, each compressed, in a level-5 MAT-file, atomically. */
    public static void write(Path file, NamedArrays arrays) throws IOException {
        try (Mat5File mat = Mat5.newMatFile()) {
            for (NdArray a : arrays) {
                if (!a.name().matches("[A-Za-z][A-Za-z0-9_]{0,62}")) {
                    throw new InputException(file + ": '" + a.name() + "' is not a MATLAB variable name");
                }
                mat.addArray(a.name(), MatArrays.toMatrix(a));
            }
            // The writer seeks back to fill in compressed sizes, so it writes to memory first;
            // deflate adds at most a few bytes per 16 KiB block to incompressible data.
            long bound = mat.getUncompressedSerializedSize() + Mat5.FILE_HEADER_SIZE;
            bound += bound / 64 + 4096;
            if (bound > Integer.MAX_VALUE - 64) {
                throw new InputException(file + ": the arrays are too large for one MAT-file written by theta (2 GiB)");
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) bound).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            Mat5.newWriter(Sinks.wrap(buffer)).writeMat(mat);
            AtomicFile.write(file, out -> out.write(buffer.array(), 0, buffer.position()));
        }
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m.lines().findFirst().orElse(""));
    }

    /**
     * Heap buffers for MFL within a budget: a damaged size field cannot make it allocate more
     * than the file could hold when fully inflated.
     */
    private static final class Budget implements BufferAllocator {
        private final String where;
        private long left;

        Budget(String where, long bytes) {
            this.where = where;
            this.left = bytes;
        }

        @Override
        public ByteBuffer allocate(int numBytes) {
            if (numBytes < 0 || numBytes > left) {
                throw new InputException(where + ": damaged MAT-file (an element claims " + numBytes
                        + " bytes, more than the file can hold)");
            }
            left -= numBytes;
            return ByteBuffer.allocate(numBytes);
        }

        @Override
        public void release(ByteBuffer buffer) {
            // heap buffers are left to the garbage collector
        }
    }
}
