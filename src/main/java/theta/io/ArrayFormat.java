package theta.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

import theta.InputException;

/** The array file formats theta reads and writes, told apart by content (reading) or extension (writing). */
public enum ArrayFormat {
    /** One NumPy array: {@code np.save}. */
    NPY,
    /** Named NumPy arrays in a zip: {@code np.savez}, {@code np.savez_compressed}. */
    NPZ,
    /** Octave's {@code save -text}. */
    OCTAVE_TEXT;

    static final String SUPPORTED = "NumPy .npy, NumPy .npz, Octave text (save -text)";
    private static final Pattern NAME_LINE = Pattern.compile("(?m)^#\\s*name\\s*:");
    private static final int SNIFF_BYTES = 4096;

    /** The format of {@code file} from its first bytes; InputException for anything else, saying what it looks like. */
    public static ArrayFormat detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        String text = new String(head, StandardCharsets.ISO_8859_1);
        if (Npy.startsWithMagic(head)) {
            return NPY;
        }
        if (text.startsWith("PK")) {
            return NPZ;
        }
        if (text.startsWith("#") && NAME_LINE.matcher(text).find()) {
            return OCTAVE_TEXT;
        }
        throw new InputException(file + ": " + unsupported(head, text) + "; supported: " + SUPPORTED);
    }

    private static String unsupported(byte[] head, String text) {
        String resave = "in Octave, load it and save -text weights.txt Theta1 Theta2";
        if (head.length == 0) {
            return "empty file";
        }
        if (text.startsWith("MATLAB")) {
            return "a MATLAB binary MAT-file, not read by theta (" + resave + ")";
        }
        if (text.startsWith("Octave-1-")) {
            return "an Octave binary file, not read by theta (" + resave + ")";
        }
        if (text.startsWith("\u0089HDF")) {
            return "an HDF5 file (MATLAB v7.3 or Octave -hdf5), not read by theta (" + resave + ")";
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return "a gzip-compressed file (decompress it first)";
        }
        if (text.startsWith("#")) {
            return "a text file with no '# name:' line in its first " + SNIFF_BYTES + " bytes";
        }
        return "unrecognised format";
    }

    /** The format for writing {@code file}: .npz, .npy, or .txt/.mat for Octave text. */
    public static ArrayFormat forExtension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot);
        switch (ext) {
            case ".npz": return NPZ;
            case ".npy": return NPY;
            case ".txt", ".mat": return OCTAVE_TEXT;
            default: break;
        }
        throw new InputException(file + ": cannot tell the array format from the name;"
                + " use .npz, .npy (one array), or .txt/.mat (Octave text)");
    }
}
