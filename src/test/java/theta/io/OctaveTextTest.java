package theta.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static theta.io.Fixtures.assertFault;
import static theta.io.Fixtures.path;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OctaveTextTest {
    @TempDir
    Path dir;

    @Test
    void readsOctaveSaveTextFile() throws IOException {
        NamedArrays a = OctaveText.read(path("octave_weights.txt"));
        assertEquals(List.of("Theta1", "Theta2", "lambda", "special", "flags", "counts", "cube", "g"), a.names());
        NdArray t1 = a.matrix("Theta1", 2, 3);
        NdArray t2 = a.matrix("Theta2", 2, 3);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(Fixtures.theta1(i, j), t1.get(i, j));
                assertEquals(Fixtures.theta2(i, j), t2.get(i, j));
            }
        }
        assertArrayEquals(new int[] {1, 1}, a.get("lambda").shape());
        assertEquals(1, a.get("lambda").get(0, 0));
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, Double.NaN},
                a.get("special").data());
        assertEquals(Dtype.BOOL, a.get("flags").dtype());
        assertArrayEquals(new double[] {1, 0, 0, 1}, a.get("flags").data());
        assertEquals(Dtype.I32, a.get("counts").dtype());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, a.get("counts").data(), "column-major 1 4 2 5 3 6");
        // cube(i,j,k) = 1 + i + 2j + 4k, listed column-major in the file.
        NdArray cube = a.get("cube");
        assertArrayEquals(new int[] {2, 2, 2}, cube.shape());
        for (int k = 0; k < 8; k++) {
            assertEquals(1 + (k >> 2 & 1) + 2 * (k >> 1 & 1) + 4 * (k & 1), cube.data()[k]);
        }
        assertArrayEquals(new double[] {3.5, -0.1}, a.get("g").data());
    }

    @Test
    void agreesWithTheNumpyFixture() throws IOException {
        NamedArrays octave = OctaveText.read(path("octave_weights.txt"));
        NamedArrays numpy = Npz.read(path("thetas_stored.npz"));
        for (String name : List.of("Theta1", "Theta2")) {
            assertTrue(octave.get(name).sameValues(numpy.get(name)), name);
        }
    }

    @Test
    void writesOctaveLayout() throws IOException {
        StringWriter w = new StringWriter();
        OctaveText.write(w, NamedArrays.of(
                NdArray.of2d("Theta1", 2, 3, new double[] {0.25, 0.125, 0, 0.5, -0.0, Double.NaN}),
                NdArray.scalar("lambda", 1e-5),
                NdArray.of("v", new int[] {2}, new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})));
        String expected = "# name: Theta1\n# type: matrix\n# rows: 2\n# columns: 3\n 0.25 0.125 0\n 0.5 -0 NaN\n\n\n"
                + "# name: lambda\n# type: scalar\n1.0e-5\n\n\n"
                + "# name: v\n# type: matrix\n# rows: 2\n# columns: 1\n Inf\n -Inf\n\n\n";
        String text = w.toString();
        assertTrue(text.startsWith("# Created by theta "), text);
        assertEquals(expected, text.substring(text.indexOf('\n') + 1));
    }

    @Test
    void roundTripsEveryDoubleExactly() throws IOException {
        Random rnd = new Random(5);
        double[] v = new double[400];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 2 == 0 ? Double.longBitsToDouble(rnd.nextLong()) : rnd.nextGaussian() * Math.pow(10, rnd.nextInt(40) - 20);
        }
        v[0] = Double.MIN_VALUE;
        v[1] = -Double.MAX_VALUE;
        v[2] = 0x1p53 + 2;
        v[3] = -0.0;
        v[4] = 0.1;
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                v[i] = Double.NaN; // Octave text keeps no NaN payloads
            }
        }
        NamedArrays arrays = NamedArrays.of(
                NdArray.of2d("W", 20, 20, v),
                NdArray.of("cube", new int[] {2, 3, 4}, java.util.Arrays.copyOf(v, 24)),
                NdArray.of2d("empty", 0, 3, new double[0]),
                NdArray.of2d("tall", 3, 0, new double[0]));
        Path f = dir.resolve("w.txt");
        OctaveText.write(f, arrays);
        assertEquals(arrays, OctaveText.read(f));
    }

    @Test
    void formatIsExactAndShortForCommonValues() {
        assertEquals("0.1", OctaveText.format(0.1));
        assertEquals("3", OctaveText.format(3.0));
        assertEquals("-0", OctaveText.format(-0.0));
        assertEquals("4.9e-324", OctaveText.format(Double.MIN_VALUE));
        assertEquals(1e300, Double.parseDouble(OctaveText.format(1e300)));
    }

    @Test
    void refusesNamesOctaveCannotHold() {
        assertThrows(IllegalArgumentException.class,
                () -> OctaveText.write(dir.resolve("x.txt"), NamedArrays.of(NdArray.scalar("arr 0", 1))));
        assertThrows(IllegalArgumentException.class,
                () -> OctaveText.write(dir.resolve("x.txt"), NamedArrays.of(NdArray.scalar("", 1))));
    }

    @Test
    void malformedFilesNameFileAndLine() throws IOException {
        String head = "# Created by Octave 7.3.0\n# name: A\n# type: matrix\n# rows: 2\n# columns: 3\n";
        String[][] cases = {
            {head + " 1 2 3\n 4 5\n", ":7: variable 'A' row 2: expected 3 numbers, found 2"},
            {head + " 1 2 3\n", ":6: variable 'A' row 2: expected 3 numbers, found the end of the file"},
            {head + " 1 2 x\n 4 5 6\n", ":6: not a number: 'x'"},
            {head + " 1 2 Infinity\n 4 5 6\n", ":6: not a number: 'Infinity'"},
            {"# name: s\n# type: string\n# elements: 1\n# length: 2\nhi\n", ":2: variable 's' has unsupported type 'string'"},
            {"# name: z\n# type: complex matrix\n# rows: 1\n# columns: 1\n (1,2)\n", ":2: variable 'z' has unsupported type"},
            {"# name: A\n# rows: 2\n", ":2: expected '# type: ...', found '# rows: 2'"},
            {"# name: A\n# type: matrix\n# rows: -2\n# columns: 3\n", ":3: 'rows' must be a non-negative integer"},
            {"# name: A\n# type: matrix\n# rows: 100000\n# columns: 100000\n 1\n", ":4: variable 'A': absurd size 100000x100000"},
            {"# name: A\n# type: matrix\n# ndims: 3\n 1 1 2\n 1\n 2\n 3\n", ":7: expected '# name: ...', found '3' after the values of 'A'"},
            {"# name: A\n# type: matrix\n# ndims: 2\n 1 2\n 1 2 3\n", ":5: variable 'A': more numbers than its 1x2 shape holds"},
            {"# name: A\n# type: scalar\n", ":2: variable 'A': expected one number, found the end of the file"},
            {"1 2 3\n", ":1: expected '# name: ...', found '1 2 3'"},
            {"# name: A\n# type: scalar\n1\n# name: A\n# type: scalar\n2\n", ": two arrays named 'A'"},
        };
        int k = 0;
        for (String[] c : cases) {
            Path f = dir.resolve("bad" + k++ + ".txt");
            Files.writeString(f, c[0]);
            assertFault(f, f + c[1], () -> OctaveText.read(f));
        }
    }
}
