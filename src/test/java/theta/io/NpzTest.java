package theta.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static theta.io.Fixtures.assertFault;
import static theta.io.Fixtures.path;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import theta.math.Precision;

class NpzTest {
    @TempDir
    Path dir;

    private static void assertThetas(NamedArrays a) {
        assertEquals(List.of("Theta1", "Theta2"), a.names());
        NdArray t1 = a.matrix("Theta1", 2, 3);
        NdArray t2 = a.matrix("Theta2", 2, 3);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(Fixtures.theta1(i, j), t1.get(i, j));
                assertEquals(Fixtures.theta2(i, j), t2.get(i, j));
            }
        }
    }

    @Test
    void readsSavezAndSavezCompressed() throws IOException {
        assertThetas(Npz.read(path("thetas_stored.npz")));
        assertThetas(Npz.read(path("thetas_deflated.npz")));
    }

    @Test
    void roundTripsInOrderWithCompression() throws IOException {
        Random rnd = new Random(3);
        NamedArrays arrays = NamedArrays.of(
                NdArray.of2d("W2", 3, 2, rnd.doubles(6).toArray()),
                NdArray.of2d("W1", 2, 5, new double[10]),
                NdArray.scalar("lambda", 0.1),
                NdArray.of("cube", new int[] {2, 2, 2}, rnd.doubles(8).toArray()));
        Path f = dir.resolve("w.npz");
        Npz.write(f, arrays);
        NamedArrays back = Npz.read(f);
        assertEquals(arrays, back);
        assertEquals(f.toString(), back.source());
        try (ZipFile zip = new ZipFile(f.toFile())) {
            ZipEntry e = zip.getEntry("W1.npy");
            assertEquals(ZipEntry.DEFLATED, e.getMethod());
            assertTrue(e.getCompressedSize() < e.getSize(), "zeros compress");
        }
        Npz.write(f, arrays, Precision.F32);
        assertEquals(Dtype.F32, Npz.read(f).get("W2").dtype());
    }

    @Test
    void writingReplacesAtomicallyAndLeavesNoTemporaryFiles() throws IOException {
        Path f = dir.resolve("w.npz");
        Files.writeString(f, "old contents");
        Npz.write(f, NamedArrays.of(NdArray.scalar("a", 1)));
        assertEquals(1, Npz.read(f).get("a").get());
        assertThrows(IllegalArgumentException.class, () -> Npz.write(f, NamedArrays.of(NdArray.scalar("", 1))));
        assertEquals(1, Npz.read(f).get("a").get(), "a refused write leaves the old file");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(f), files.toList());
        }
    }

    @Test
    void missingArrayNamesFileAndContents() {
        Path f = path("thetas_deflated.npz");
        var e = assertFault(f, "no array 'W1'", () -> Npz.read(f).get("W1"));
        assertTrue(e.getMessage().endsWith("(has: Theta1, Theta2)"), e.getMessage());
    }

    @Test
    void malformedArchivesNameFileAndArray() throws IOException {
        Path notZip = dir.resolve("junk.npz");
        Files.write(notZip, new byte[] {'P', 'K', 3, 4, 0, 0, 1, 2, 3});
        assertFault(notZip, "not a valid .npz", () -> Npz.read(notZip));

        Path other = zip("other.npz", "notes.txt", "hello".getBytes());
        assertFault(other, "entry 'notes.txt' is not a .npy array", () -> Npz.read(other));

        byte[] good = Files.readAllBytes(path("m34_f8_c.npy"));
        Path cut = zip("cut.npz", "Theta1.npy", java.util.Arrays.copyOf(good, good.length - 8));
        assertFault(cut, "array 'Theta1': shape 3x4 '<f8' needs 96 data bytes, found 88", () -> Npz.read(cut));

        Path object = zip("object.npz", "Theta2.npy", Files.readAllBytes(path("bad_object.npy")));
        assertFault(object, "array 'Theta2': unsupported dtype '|O'", () -> Npz.read(object));

        // Flip a byte inside the stored (uncompressed) data: only the checksum can tell.
        byte[] stored = Files.readAllBytes(path("thetas_stored.npz"));
        stored[0xc8] ^= 1;
        Path flipped = dir.resolve("flipped.npz");
        Files.write(flipped, stored);
        assertFault(flipped, "array 'Theta1': corrupt entry (checksum mismatch)", () -> Npz.read(flipped));
    }

    private Path zip(String name, String entry, byte[] content) throws IOException {
        Path f = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(f); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content);
            zip.closeEntry();
        }
        return f;
    }
}
