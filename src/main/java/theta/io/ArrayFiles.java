package theta.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import theta.InputException;
import theta.math.Precision;

/**
 * Reads and writes named arrays in any supported format: the format is told by content when
 * reading and by extension when writing. A .npy file holds one array, named after the file.
 */
public final class ArrayFiles {
    private ArrayFiles() {}

    /** Reads all arrays of {@code file}, whatever its format. */
    public static NamedArrays read(Path file) throws IOException {
        return switch (ArrayFormat.detect(file)) {
            case NPY -> NamedArrays.fromFile(file.toString(), List.of(Npy.read(file)));
            case NPZ -> Npz.read(file);
            case OCTAVE_TEXT -> OctaveText.read(file);
            case MAT -> MatFile.read(file);
        };
    }

    /** Writes the arrays as float64 in the format of {@code file}'s extension, atomically. */
    public static void write(Path file, NamedArrays arrays) throws IOException {
        write(file, arrays, Precision.F64);
    }

    /**
     * Writes the arrays in the format of {@code file}'s extension, atomically. {@code precision}
     * applies to .npy and .npz; Octave text and MAT-files always carry full double precision.
     */
    public static void write(Path file, NamedArrays arrays, Precision precision) throws IOException {
        switch (ArrayFormat.forExtension(file)) {
            case NPY -> {
                if (arrays.size() != 1) {
                    throw new InputException(file + ": a .npy file holds one array, got " + arrays.size()
                            + " (" + String.join(", ", arrays.names()) + "); use .npz");
                }
                Npy.write(file, arrays.list().get(0), precision);
            }
            case NPZ -> Npz.write(file, arrays, precision);
            case OCTAVE_TEXT -> OctaveText.write(file, arrays);
            case MAT -> MatFile.write(file, arrays);
        }
    }
}
