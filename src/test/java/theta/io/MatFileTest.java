package theta.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import theta.InputException;

/** MAT-files: the committed Octave fixtures (see reference/mat/make_mat_fixtures.m), round trips, damaged files. */
class MatFileTest {
    @TempDir
    Path dir;

    static Path fixture(String name) {
        try {
            return Path.of(MatFileTest.class.getResource("/reference/mat/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Theta1 = reshape(sin(1:85), 5, 17) / 2, Theta2 = reshape(cos(1:18), 3, 6) / 2, as the script wrote them. */
    static NdArray expectedTheta(String name) {
        boolean first = name.equals("Theta1");
        int rows = first ? 5 : 3;
        int cols = first ? 17 : 6;
        double[] colMajor = new double[rows * cols];
        for (int k = 0; k < colMajor.length; k++) {
            colMajor[k] = (first ? Math.sin(k + 1) : Math.cos(k + 1)) / 2;
        }
        return NdArray.fromColumnMajor(name, rows, cols, colMajor);
    }

    @Test
    void readsOctaveV6AndV7Weights() throws IOException {
        for (String f : List.of("weights_v6.mat", "weights_v7.mat")) {
            NamedArrays a = MatFile.read(fixture(f));
            assertEquals(List.of("Theta1", "Theta2"), a.names());
            assertEquals(ArrayFormat.MAT, ArrayFormat.detect(fixture(f)));
            for (String t : a.names()) {
                // Octave's sin and Java's may differ in the last bit: values agree to rounding.
                double[] got = a.get(t).data();
                double[] want = expectedTheta(t).data();
                assertArrayEquals(a.get(t).shape(), expectedTheta(t).shape());
                for (int k = 0; k < got.length; k++) {
                    assertEquals(want[k], got[k], 1e-15, f + " " + t + "[" + k + "]");
                }
            }
        }
        assertEquals(MatFile.read(fixture("weights_v6.mat")), MatFile.read(fixture("weights_v7.mat")));
    }

    @Test
    void readsEveryNumericClassAndNamesWhatItCannotRead() throws IOException {
        Path f = fixture("types.mat");
        NamedArrays a = MatFile.read(f);
        assertEquals(List.of("dbl", "sgl", "i8", "u8", "i32", "u64", "lgc", "cub"), a.names());
        assertTrue(a.get("dbl").sameValues(NdArray.of2d("", 2, 2, new double[] {1.5, -2, 0.25, 1e-300})));
        assertEquals(Dtype.F32, a.get("sgl").dtype());
        assertArrayEquals(new double[] {1.5, 2.5, -3}, a.get("sgl").data());
        assertArrayEquals(new double[] {-128, 0, 127}, a.get("i8").data());
        assertEquals(Dtype.I8, a.get("i8").dtype());
        assertArrayEquals(new double[] {0, 128, 255}, a.get("u8").data());
        assertEquals(Dtype.U8, a.get("u8").dtype());
        assertArrayEquals(new int[] {2, 1}, a.get("i32").shape());
        assertArrayEquals(new double[] {1, 2, 3}, a.get("u64").data());
        assertEquals(Dtype.BOOL, a.get("lgc").dtype());
        assertArrayEquals(new double[] {1, 0, 1, 1}, a.get("lgc").data());
        // reshape(1:24, 2, 3, 4): element (i, j, k) is 1 + i + 2j + 6k (0-based)
        assertArrayEquals(new int[] {2, 3, 4}, a.get("cub").shape());
        assertEquals(1 + 1 + 2 * 2 + 6 * 3, a.get("cub").get(1, 2, 3));
        String[][] refused = {
            {"cel", "is a cell array"}, {"st", "is a struct"}, {"sp", "is sparse"}, {"cx", "is complex"},
            {"str", "is a char array"},
        };
        for (String[] r : refused) {
            Fixtures.assertFault(f, "variable '" + r[0] + "' " + r[1], () -> a.get(r[0]));
        }
        Fixtures.assertFault(f, "no array 'none' (has: dbl, sgl", () -> a.get("none"));
    }

    @Test
    void writesCompressedLevel5AndReadsBackBitForBit() throws IOException {
        SplittableRandom r = new SplittableRandom(3);
        double[] v = new double[7 * 9];
        for (int k = 0; k < v.length; k++) {
            v[k] = r.nextDouble(-1, 1) * Math.pow(10, r.nextInt(-300, 300));
        }
        v[0] = -0.0;
        v[1] = Double.MIN_VALUE;
        v[2] = Double.NaN;
        v[3] = Double.NEGATIVE_INFINITY;
        NamedArrays arrays = NamedArrays.of(NdArray.of2d("Theta1", 7, 9, v),
                NdArray.of("activation1", new int[] {3}, new double[] {0.25, 0.5, 1}), NdArray.scalar("s", 2));
        Path f = dir.resolve("w.mat");
        ArrayFiles.write(f, arrays);
        byte[] bytes = Files.readAllBytes(f);
        assertEquals("MATLAB 5.0 MAT-file", new String(bytes, 0, 19, StandardCharsets.ISO_8859_1));
        assertEquals('I', bytes[126]);
        assertEquals('M', bytes[127]);
        assertEquals(15, bytes[128], "the first element is miCOMPRESSED");
        NamedArrays back = ArrayFiles.read(f);
        assertTrue(arrays.get("Theta1").sameValues(back.get("Theta1")));
        assertArrayEquals(new int[] {3, 1}, back.get("activation1").shape());
        assertArrayEquals(new double[] {0.25, 0.5, 1}, back.get("activation1").data());
        assertArrayEquals(new int[] {1, 1}, back.get("s").shape());
        Fixtures.assertFault(dir.resolve("bad.mat"), "is not a MATLAB variable name",
                () -> ArrayFiles.write(dir.resolve("bad.mat"), NamedArrays.of(NdArray.scalar("model.json", 1))));
    }

    @Test
    void refusesMatlab73AndOctaveBinaryInOneLine() throws IOException {
        byte[] v73 = new byte[600];
        byte[] text = "MATLAB 7.3 MAT-file, Platform: GLNXA64, Created on: ... HDF5 schema 1.00 .".getBytes(
                StandardCharsets.ISO_8859_1);
        System.arraycopy(text, 0, v73, 0, text.length);
        byte[] hdf = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(hdf, 0, v73, 512, hdf.length);
        Path f = dir.resolve("v73.mat");
        Files.write(f, v73);
        Fixtures.assertFault(f, "MATLAB 7.3", () -> ArrayFiles.read(f));
        Fixtures.assertFault(f, "save -v7", () -> MatFile.read(f));
        Path b = dir.resolve("octave.bin");
        Files.write(b, "Octave-1-L\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1));
        Fixtures.assertFault(b, "save -binary), not read by theta", () -> ArrayFiles.read(b));
    }

    /** Every prefix of the fixtures, and seeded corruptions of them, is read or refused in one line. */
    @Test
    void damagedFilesAreOneLineNeverAnotherException() throws IOException {
        int refused = 0;
        for (String name : List.of("weights_v6.mat", "weights_v7.mat", "data_v7.mat", "types.mat")) {
            byte[] whole = Files.readAllBytes(fixture(name));
            for (int n = 0; n < whole.length; n++) {
                refused += readOrRefuse("prefix " + n + " of " + name, Arrays.copyOf(whole, n)) ? 0 : 1;
            }
            SplittableRandom r = new SplittableRandom(name.hashCode());
            for (int trial = 0; trial < 150; trial++) {
                byte[] b = whole.clone();
                int flips = 1 + r.nextInt(4);
                for (int k = 0; k < flips; k++) {
                    int at = HEADER + r.nextInt(b.length - HEADER);
                    b[at] = (byte) (r.nextBoolean() ? r.nextInt(256) : b[at] ^ (1 << r.nextInt(8)));
                }
                readOrRefuse("corrupted " + name + " trial " + trial, b);
            }
        }
        assertTrue(refused > 1000, "truncated files must be refused, " + refused + " were");
        SplittableRandom r = new SplittableRandom(1);
        for (int trial = 0; trial < 200; trial++) {
            byte[] b = new byte[HEADER + r.nextInt(2000)];
            r.nextBytes(b);
            System.arraycopy("MATLAB 5.0 MAT-file".getBytes(StandardCharsets.ISO_8859_1), 0, b, 0, 19);
            b[126] = 'I';
            b[127] = 'M';
            assertFalse(readOrRefuse("random bytes " + trial, b), "random bytes " + trial + " were read");
        }
    }

    private static final int HEADER = 128;

    /** True when the bytes were read, false when refused with one line naming the file. */
    private static boolean readOrRefuse(String what, byte[] bytes) {
        try {
            MatFile.read("f.mat", bytes);
            return true;
        } catch (InputException e) {
            assertTrue(e.getMessage().startsWith("f.mat: "), what + ": " + e.getMessage());
            assertFalse(e.getMessage().contains("\n"), what + ": " + e.getMessage());
            return false;
        } catch (RuntimeException | Error e) {
            fail(what + ": " + e, e);
            return false;
        }
    }
}
