package theta.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import theta.InputException;

/**
 * Checks the top level of a level-5 MAT-file before MFL reads it: the file is a sequence of
 * elements (miMATRIX = 14, or miCOMPRESSED = 15 holding one deflated miMATRIX), each with an
 * 8-byte tag (type, byte count). A damaged count would otherwise make MFL skip, seek or allocate
 * by it (and print to the console); here it is one line naming the file and the offset.
 */
final class MatLayout {
    private static final int MATRIX = 14;
    private static final int COMPRESSED = 15;
    /** How much of a variable's start is checked; its flags, dimensions and name fit well within it. */
    private static final int HEAD = 4096;
    /** The most bytes theta accepts for a variable's flags, dimensions (up to 32 of them) or name. */
    private static final int MAX_HEADER_PART = 128;

    private MatLayout() {}

    /** Throws InputException naming {@code where} when an element does not fit the file or its inflated size is impossible. */
    static void check(String where, byte[] bytes, int header, long maxInflateRatio) {
        ByteOrder order = bytes[126] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        ByteBuffer b = ByteBuffer.wrap(bytes).order(order);
        long at = header;
        while (at < bytes.length) {
            if (bytes.length - at < 8) {
                throw fault(where, at, "a truncated element tag (" + (bytes.length - at) + " bytes)");
            }
            int type = b.getInt((int) at);
            long size = Integer.toUnsignedLong(b.getInt((int) at + 4));
            long left = bytes.length - at - 8;
            if (type != MATRIX && type != COMPRESSED) {
                throw fault(where, at, "an element of type " + type + " where a variable (14 or 15) belongs");
            }
            if (size > left) {
                throw fault(where, at, "an element of " + size + " bytes, but " + left + " remain (truncated?)");
            }
            if (type == COMPRESSED) {
                byte[] head = inflatedHead(where, at, bytes, (int) at + 8, (int) size);
                long inner = matrixSize(where, at, ByteBuffer.wrap(head).order(order), head.length);
                if (inner > maxInflateRatio * size) {
                    throw fault(where, at, "a compressed variable claiming " + inner + " bytes, more than "
                            + size + " compressed bytes can hold");
                }
            } else {
                matrixSize(where, at, b.slice((int) at, (int) Math.min(HEAD, size + 8)).order(order),
                        (int) Math.min(HEAD, size + 8));
            }
            at += 8 + size;
            if (type == MATRIX) {
                at += (8 - at % 8) % 8;
            }
        }
    }

    /** The first bytes of a deflated element (at most {@link #HEAD}). */
    private static byte[] inflatedHead(String where, long at, byte[] bytes, int from, int length) {
        Inflater inf = new Inflater();
        try {
            inf.setInput(bytes, from, length);
            byte[] head = new byte[HEAD];
            int n = 0;
            while (n < HEAD && !inf.finished() && !inf.needsInput()) {
                n += inf.inflate(head, n, HEAD - n);
            }
            return java.util.Arrays.copyOf(head, n);
        } catch (DataFormatException e) {
            throw fault(where, at, "damaged compressed data (" + e.getMessage() + ")");
        } finally {
            inf.end();
        }
    }

    /**
     * Checks the start of a miMATRIX element (its tag, array flags, dimensions and name, whose
     * counts MFL allocates by) within the {@code n} bytes at hand; returns the element's byte count.
     */
    private static long matrixSize(String where, long at, ByteBuffer m, int n) {
        if (n < 8 || m.getInt(0) != MATRIX) {
            throw fault(where, at, n < 8 ? "a variable too short to hold a tag" : "an element of type " + m.getInt(0)
                    + ", not a variable (14)");
        }
        long size = Integer.toUnsignedLong(m.getInt(4));
        int pos = 8;
        // array flags (miUINT32, 8 bytes), dimensions (miINT32), name (miINT8); each tag may be small
        for (String part : new String[] {"array flags", "dimensions", "name"}) {
            if (size == 0) {
                return size;
            }
            if (pos + 8 > n) {
                throw fault(where, at, "a variable whose " + part + " are cut off");
            }
            int tag = m.getInt(pos);
            long bytes = (tag >>> 16) != 0 ? tag >>> 16 : Integer.toUnsignedLong(m.getInt(pos + 4));
            if ((tag >>> 16) != 0 ? bytes > 4 : bytes > MAX_HEADER_PART) {
                throw fault(where, at, "a variable whose " + part + " claim " + bytes + " bytes");
            }
            pos += (tag >>> 16) != 0 ? 8 : 8 + (int) ((bytes + 7) / 8 * 8);
            if (pos - 8 > size) {
                throw fault(where, at, "a variable of " + size + " bytes whose " + part + " run past its end");
            }
        }
        return size;
    }

    private static InputException fault(String where, long offset, String what) {
        return new InputException(where + ": damaged or truncated MAT-file: at byte " + offset + ", " + what);
    }
}
