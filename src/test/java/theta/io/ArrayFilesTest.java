package theta.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static theta.io.Fixtures.assertFault;
import static theta.io.Fixtures.path;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArrayFilesTest {
    @TempDir
    Path dir;

    private final NamedArrays thetas = NamedArrays.of(
            NdArray.of2d("Theta1", 2, 3, new double[] {0.25, 0.125, 0, 0.5, 0.375, 0.25}),
            NdArray.of2d("Theta2", 2, 3, new double[] {-1, -0.875, -0.75, -2, -1.875, -1.75}));

    @Test
    void detectsFormatByContentNotName() throws IOException {
        assertEquals(ArrayFormat.NPY, ArrayFormat.detect(path("m34_f8_c.npy")));
        assertEquals(ArrayFormat.NPZ, ArrayFormat.detect(path("thetas_stored.npz")));
        assertEquals(ArrayFormat.OCTAVE_TEXT, ArrayFormat.detect(path("octave_weights.txt")));
        Path disguised = dir.resolve("weights.mat");
        Files.copy(path("thetas_deflated.npz"), disguised);
        assertEquals(thetas, ArrayFiles.read(disguised));
    }

    @Test
    void readsAllThreeFormatsToTheSameThetas() throws IOException {
        for (String f : List.of("thetas_stored.npz", "thetas_deflated.npz", "octave_weights.txt")) {
            NamedArrays a = ArrayFiles.read(path(f));
            for (NdArray t : thetas) {
                assertTrue(t.sameValues(a.get(t.name())), f + " " + t.name());
            }
        }
        NamedArrays single = ArrayFiles.read(path("scalar_f8.npy"));
        assertEquals(List.of("scalar_f8"), single.names());
    }

    @Test
    void writesByExtensionAndReadsBack() throws IOException {
        for (String name : List.of("w.npz", "w.txt", "w.mat")) {
            Path f = dir.resolve(name);
            ArrayFiles.write(f, thetas);
            assertEquals(thetas, ArrayFiles.read(f), name);
        }
        Path one = dir.resolve("Theta1.npy");
        ArrayFiles.write(one, NamedArrays.of(thetas.get("Theta1")));
        assertEquals(NamedArrays.of(thetas.get("Theta1")), ArrayFiles.read(one));
        assertEquals(ArrayFormat.NPY, ArrayFormat.detect(one));
        assertEquals(ArrayFormat.OCTAVE_TEXT, ArrayFormat.detect(dir.resolve("w.txt")));
        assertEquals(ArrayFormat.MAT, ArrayFormat.detect(dir.resolve("w.mat")));
    }

    @Test
    void refusesWhatItCannotWrite() {
        Path two = dir.resolve("two.npy");
        assertFault(two, "a .npy file holds one array, got 2 (Theta1, Theta2); use .npz",
                () -> ArrayFiles.write(two, thetas));
        Path csv = dir.resolve("w.csv");
        assertFault(csv, "cannot tell the array format", () -> ArrayFiles.write(csv, thetas));
    }

    @Test
    void unsupportedFilesSayWhatTheyAreAndWhatIsSupported() throws IOException {
        String[][] cases = {
            {"", "empty file"},
            {"MATLAB 5.0 MAT-file, Platform: GLNXA64", "a MATLAB binary MAT-file with a damaged or truncated header"},
            {"Octave-1-L\u0000\u0000", "an Octave binary file (save -binary), not read by theta"},
            {"\u0089HDF\r\n\u001a\n", "a MATLAB 7.3 or other HDF5 file"},
            {"\u001f\u008b\u0008\u0000", "gzip-compressed"},
            {"# just a comment\n1 2 3\n", "no '# name:' line"},
            {"1,2,3\n4,5,6\n", "unrecognised format"},
        };
        int k = 0;
        for (String[] c : cases) {
            Path f = dir.resolve("x" + k++ + ".mat");
            Files.write(f, c[0].getBytes(StandardCharsets.ISO_8859_1));
            var e = assertFault(f, c[1], () -> ArrayFiles.read(f));
            assertTrue(e.getMessage().endsWith("supported: " + ArrayFormat.SUPPORTED), e.getMessage());
        }
    }
}
