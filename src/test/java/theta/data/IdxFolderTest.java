package theta.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import theta.InputException;

class IdxFolderTest {
    @TempDir
    Path dir;

    @Test
    void findsRawFiles() {
        IdxBytes.folder(dir, false);
        Dataset train = IdxFolder.find(dir).train("t train", LabelConvention.ZERO_BASED);
        assertEquals(5, train.size());
        assertArrayEquals(new int[] {3, 1, 4, 1, 5}, train.labels());
        assertEquals(dir.toAbsolutePath().toString(), train.source());
    }

    @Test
    void findsGzipFilesAndDotSpelling() throws IOException {
        IdxBytes.folder(dir, true);
        Files.move(dir.resolve("t10k-images-idx3-ubyte.gz"), dir.resolve("t10k-images.idx3-ubyte"));
        Dataset test = IdxFolder.find(dir).test("t test", LabelConvention.ZERO_BASED);
        assertEquals(3, test.size());
        assertArrayEquals(new int[] {9, 2, 6}, test.labels());
        assertEquals(4, test.rows());
        assertEquals(3, test.cols());
    }

    @Test
    void namesTheMissingFiles() throws IOException {
        IdxBytes.folder(dir, false);
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte"));
        assertFalse(IdxFolder.complete(dir));
        InputException e = assertThrows(InputException.class, () -> IdxFolder.find(dir));
        assertTrue(e.getMessage().startsWith(dir + ": missing t10k-labels-idx1-ubyte"), e.getMessage());
        assertTrue(assertThrows(InputException.class, () -> IdxFolder.find(dir.resolve("no")))
                .getMessage().endsWith("no: no such folder"));
    }

    @Test
    void splitsTakeValidationFromTheEndOfTraining() {
        IdxBytes.folder(dir, false);
        IdxFolder f = IdxFolder.find(dir);
        Splits s = Splits.of(f.train("x train", LabelConvention.ZERO_BASED), f.test("x test", LabelConvention.ZERO_BASED), 2);
        assertArrayEquals(new int[] {3, 1, 4}, s.train().labels());
        assertArrayEquals(new int[] {1, 5}, s.validation().labels());
        assertEquals("x validation", s.validation().name());
        assertEquals(3, s.test().size());
        assertTrue(s.hasValidation());
        Splits none = Splits.of(f.train("x train", LabelConvention.ZERO_BASED), f.test("x test", LabelConvention.ZERO_BASED), 0);
        assertEquals(5, none.train().size());
        assertFalse(none.hasValidation());
        InputException e = assertThrows(InputException.class,
                () -> Splits.of(f.train("x train", LabelConvention.ZERO_BASED), f.test("x test", LabelConvention.ZERO_BASED), 5));
        assertEquals("validation size 5 must be 0..4 (x train has 5 examples)", e.getMessage());
    }

    @Test
    void splitsAgreeOnClassesAndRefuseOtherShapes() {
        Dataset train = Dataset.ofBytes("a", new byte[4], new int[] {0, 1}, 1, 2, 2);
        Dataset test = Dataset.ofBytes("b", new byte[2], new int[] {4}, 1, 2, 5);
        Splits s = Splits.of(train, test, 1);
        assertEquals(5, s.train().classes());
        assertEquals(5, s.validation().classes());
        Dataset wide = Dataset.ofBytes("c", new byte[3], new int[] {0}, 1, 3, 2);
        assertEquals("c: 3 features per example, but a has 2",
                assertThrows(InputException.class, () -> Splits.of(train, wide, 0)).getMessage());
    }

    @Test
    void dataRootFollowsTheEnvironment() {
        assertEquals(Path.of("/d"), DataRoot.resolve(k -> k.equals("THETA_DATA") ? "/d" : "/h"));
        assertEquals(Path.of("/h", "data"), DataRoot.resolve(k -> k.equals("THETA_HOME") ? "/h" : null));
        assertEquals(Path.of("data"), DataRoot.resolve(k -> null));
    }

    @Test
    void fashionAbsentGivesTheInstallHint() {
        InputException e = assertThrows(InputException.class, () -> FashionMnist.load(dir.resolve("none"), 0));
        assertTrue(e.getMessage().contains("apt-get install dataset-fashion-mnist"), e.getMessage());
    }
}
