package theta.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static theta.io.Fixtures.assertFault;
import static theta.io.Fixtures.path;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import theta.math.Precision;

class NpyTest {
    @TempDir
    Path dir;

    private static void assertM34(NdArray a, double offset, Dtype dtype) {
        assertArrayEquals(new int[] {3, 4}, a.shape());
        assertEquals(dtype, a.dtype());
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(Fixtures.m34(i, j) + offset, a.get(i, j), "element " + i + "," + j);
            }
        }
    }

    @Test
    void readsNumpyFilesOfEveryDtype() throws IOException {
        NdArray c = Npy.read(path("m34_f8_c.npy"));
        assertEquals("m34_f8_c", c.name());
        assertM34(c, 0, Dtype.F64);
        assertM34(Npy.read(path("m34_f8_big.npy")), 0, Dtype.F64);
        assertM34(Npy.read(path("m34_f4.npy")), 0, Dtype.F32);
        assertM34(Npy.read(path("m34_i8.npy")), -0.5, Dtype.I64);
        assertM34(Npy.read(path("m34_i4_big.npy")), -7.5, Dtype.I32);
        assertM34(Npy.read(path("m34_u1.npy")), -0.5, Dtype.U8);
        NdArray b = Npy.read(path("m34_b1.npy"));
        assertEquals(Dtype.BOOL, b.dtype());
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals((10 * i + j) % 2, b.get(i, j));
            }
        }
    }

    @Test
    void fortranAndCOrderGiveTheSameArray() throws IOException {
        NdArray c = Npy.read(path("m34_f8_c.npy"));
        NdArray f = Npy.read(path("m34_f8_fortran.npy"));
        assertTrue(c.sameValues(f));
        NdArray cube = Npy.read(path("cube_i2_fortran.npy"));
        assertEquals(Dtype.I16, cube.dtype());
        assertArrayEquals(new int[] {2, 3, 4}, cube.shape());
        for (int k = 0; k < 24; k++) {
            assertEquals(k - 5, cube.data()[k], "np.arange(24).reshape(2,3,4) - 5 in C order");
        }
    }

    @Test
    void readsVersions2And3ScalarsAndSpecialValues() throws IOException {
        assertM34(Npy.read(path("m34_f8_v2.npy")), 0, Dtype.F64);
        assertM34(Npy.read(path("m34_f8_v3.npy")), 0, Dtype.F64);
        NdArray s = Npy.read(path("scalar_f8.npy"));
        assertEquals(0, s.rank());
        assertEquals(-2.75, s.get());
        double[] special = Npy.read(path("special_f8.npy")).data();
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, -0.0,
                Double.MIN_VALUE, Double.MAX_VALUE}, special);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(special[3]));
    }

    @Test
    void writesTheSameBytesAsNumpy() throws IOException {
        Path out = dir.resolve("m34.npy");
        Npy.write(out, Npy.read(path("m34_f8_fortran.npy")));
        assertArrayEquals(Files.readAllBytes(path("m34_f8_c.npy")), Files.readAllBytes(out));
        Npy.write(out, Npy.read(path("m34_f8_c.npy")), Precision.F32);
        assertArrayEquals(Files.readAllBytes(path("m34_f4.npy")), Files.readAllBytes(out));
        Npy.write(out, Npy.read(path("scalar_f8.npy")));
        assertArrayEquals(Files.readAllBytes(path("scalar_f8.npy")), Files.readAllBytes(out));
    }

    @Test
    void roundTripsAnyShapeBitForBit() throws IOException {
        Random rnd = new Random(11);
        int[][] shapes = {{}, {0}, {7}, {3, 4}, {4, 0}, {2, 3, 4}, {1, 1, 1, 5}};
        for (int[] shape : shapes) {
            int n = (int) NdArray.elementCount(shape);
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = Double.longBitsToDouble(rnd.nextLong());
            }
            NdArray a = NdArray.of("x", shape, v);
            Path f = dir.resolve("x.npy");
            Npy.write(f, a);
            assertEquals(a, Npy.read(f), Arrays.toString(shape));
            assertEquals(0, (Files.size(f) - 8L * n) % 64, "data starts on a multiple of 64 bytes");
        }
    }

    @Test
    void float32WritingRoundsToFloat() throws IOException {
        NdArray a = NdArray.of2d("x", 1, 2, new double[] {0.1, 1e300});
        Path f = dir.resolve("x.npy");
        Npy.write(f, a, Precision.F32);
        NdArray back = Npy.read(f);
        assertEquals(Dtype.F32, back.dtype());
        assertArrayEquals(new double[] {(float) 0.1, Double.POSITIVE_INFINITY}, back.data());
    }

    @Test
    void switchesToVersion2WhenTheHeaderIsLong() throws IOException {
        int[] shape = new int[25000];
        Arrays.fill(shape, 1);
        NdArray a = NdArray.of("x", shape, new double[] {3.5});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(out, a, Precision.F64);
        byte[] bytes = out.toByteArray();
        assertEquals(2, bytes[6], "major version");
        assertEquals(0, (bytes.length - 8) % 64);
        Path f = dir.resolve("long.npy");
        Files.write(f, bytes);
        assertEquals(a.withName("long"), Npy.read(f));
    }

    @Test
    void toleratesHeaderSpacingQuotesOrderAndPython2Longs() throws IOException {
        String dict = "{ \"shape\":(2L,3L ,) ,'fortran_order' :True,'descr':'<i2'   }";
        Path f = npy(dict, shorts(1, 4, 2, 5, 3, 6));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, Npy.read(f).data());
        Path noComma = npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1,)}", doubles(2.5));
        assertArrayEquals(new double[] {2.5}, Npy.read(noComma).data());
    }

    @Test
    void malformedFilesGiveOneLineNamingTheFile() throws IOException {
        String ok = "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }";
        Path f = write("magic.npy", "PK\u0003\u0004 not numpy".getBytes(StandardCharsets.ISO_8859_1));
        assertFault(f, "not a .npy file", () -> Npy.read(f));
        Path v9 = write("v9.npy", concat(Npy.MAGIC, new byte[] {9, 0, 0, 0}));
        assertFault(v9, "unsupported .npy version 9.0", () -> Npy.read(v9));
        byte[] whole = concat(npyHeader(ok), doubles(1, 2));
        Path cut = write("cut.npy", Arrays.copyOf(whole, whole.length - 3));
        assertFault(cut, "needs 16 data bytes, found 13 (truncated)", () -> Npy.read(cut));
        Path cutHeader = write("cuthead.npy", Arrays.copyOf(whole, 20));
        assertFault(cutHeader, "truncated", () -> Npy.read(cutHeader));
        Path extra = npy(ok, doubles(1, 2, 3));
        assertFault(extra, "needs 16 data bytes, found 24", () -> Npy.read(extra));
        Path complex = path("bad_complex.npy");
        assertFault(complex, "unsupported dtype '<c16' (complex numbers)", () -> Npy.read(complex));
        Path object = path("bad_object.npy");
        assertFault(object, "unsupported dtype '|O' (object array", () -> Npy.read(object));
        Path absurd = npy("{'descr': '<f8', 'fortran_order': False, 'shape': (100000, 100000, 100000), }", doubles());
        assertFault(absurd, "absurd shape 100000x100000x100000", () -> Npy.read(absurd));
        Path huge = npy("{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999,), }", doubles());
        assertFault(huge, "absurd shape", () -> Npy.read(huge));
        Path big = npy("{'descr': '<f8', 'fortran_order': False, 'shape': (50000, 40000), }", doubles(1));
        assertFault(big, "needs 16000000000 data bytes, found 8", () -> Npy.read(big));
    }

    @Test
    void malformedHeadersGiveOneLineNamingTheFile() throws IOException {
        String[][] cases = {
            {"{'descr': '<f8', 'shape': (2,), }", "missing 'fortran_order'"},
            {"{'descr': '<f8', 'fortran_order': 0, 'shape': (2,), }", "must be True or False"},
            {"{'descr': '<f8', 'fortran_order': False, 'shape': (2,), 'extra': 1}", "unexpected key 'extra'"},
            {"{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (2,), }", "structured"},
            {"{'descr': '<f8', 'fortran_order': False, 'shape': (2, -1), }", "non-negative integers"},
            {"{'descr': '<f2', 'fortran_order': False, 'shape': (2,), }", "unsupported dtype '<f2'"},
            {"{'descr': '<f8', 'fortran_order': False, 'shape': (2,)", "expected '}'"},
            {"not a dict", "bad .npy header"},
        };
        int k = 0;
        for (String[] c : cases) {
            Path f = npy(c[0], doubles(1, 2), "h" + k++ + ".npy");
            assertFault(f, c[1], () -> Npy.read(f));
        }
    }

    // --- building .npy bytes by hand ---

    private Path npy(String dict, byte[] data) throws IOException {
        return npy(dict, data, "hand.npy");
    }

    private Path npy(String dict, byte[] data, String name) throws IOException {
        return write(name, concat(npyHeader(dict), data));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    private static byte[] npyHeader(String dict) {
        byte[] text = (dict + "\n").getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(10 + text.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(Npy.MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length).put(text);
        return b.array();
    }

    private static byte[] doubles(double... v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : v) {
            b.putDouble(x);
        }
        return b.array();
    }

    private static byte[] shorts(int... v) {
        ByteBuffer b = ByteBuffer.allocate(2 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int x : v) {
            b.putShort((short) x);
        }
        return b.array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
