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
    OCTAVE_TEXT,
    /** MATLAB/Octave binary MAT-file, levels 5-7: {@code save -v6}, {@code save -v7}, SciPy's {@code savemat}. */
    MAT;

    static final String SUPPORTED = "NumPy .npy, NumPy .npz, Octave text (save -text),"
            + " MAT-file levels 5-7 (save -v6, save -v7, savemat)";
    private static final Pattern NAME_LINE = Pattern.compile("(?m)^#\\s*name\\s*:");
    private static final int SNIFF_BYTES = 4096;

    /** The format of {@code file} from its first bytes; InputException for anything else, saying what it looks like. */
    public static ArrayFormat detect(Path file) throws IOException {
        byte[] head = head(file);
        ArrayFormat f = sniff(head);
        if (f != null) {
            return f;
        }
        throw new InputException(file + ": " + unsupported(head, new String(head, StandardCharsets.ISO_8859_1))
                + "; supported: " + SUPPORTED);
    }

    /** The array format of {@code file}, or null when it is none of them (e.g. CSV). */
    public static ArrayFormat detectOrNull(Path file) throws IOException {
        return sniff(head(file));
    }

    private static byte[] head(Path file) throws IOException {
        InputFiles.requireFile(file);
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SNIFF_BYTES);
        }
    }

    private static ArrayFormat sniff(byte[] head) {
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
        if (MatFile.startsWithHeader(head) && !text.startsWith("MATLAB 7.3")) {
            return MAT;
        }
        return null;
    }

    private static String unsupported(byte[] head, String text) {
        String resave = "in Octave, load it and save -v7 (or -text)";
        if (head.length == 0) {
            return "empty file";
        }
        if (text.startsWith("MATLAB 7.3") || text.startsWith("\u0089HDF")) {
            return "a MATLAB 7.3 or other HDF5 file, not read by theta (in Octave or MATLAB, load it and save -v7)";
        }
        if (text.startsWith("MATLAB")) {
            return "a MATLAB binary MAT-file with a damaged or truncated header (" + resave + ")";
        }
        if (text.startsWith("Octave-1-")) {
            return "an Octave binary file (save -binary), not read by theta (" + resave + ")";
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return "a gzip-compressed file (decompress it first)";
        }
        if (text.startsWith("#")) {
            return "a text file with no '# name:' line in its first " + SNIFF_BYTES + " bytes";
        }
        return "unrecognised format";
    }

    /** The format for writing {@code file}: .npz, .npy, .txt for Octave text, .mat for a MAT-file (level 5). */
    public static ArrayFormat forExtension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot);
        switch (ext) {
            case ".npz": return NPZ;
            case ".npy": return NPY;
            case ".txt": return OCTAVE_TEXT;
            case ".mat": return MAT;
            default: break;
        }
        throw new InputException(file + ": cannot tell the array format from the name;"
                + " use .npz, .npy (one array), .txt (Octave text) or .mat (MAT-file)");
    }
}
