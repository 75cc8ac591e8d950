package theta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import theta.data.Idx;

/** {@code theta data info/show} on small generated data, and the exit codes of bad input. */
class DataCommandTest {
    @TempDir
    Path dir;

    private String out;
    private String err;

    private int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.run(args, new PrintWriter(o, true), new PrintWriter(e, true));
        out = o.toString();
        err = e.toString();
        return code;
    }

    /** Four IDX files: 6 training images (labels 0..5) and 2 test images, 2x2 pixels. */
    private Path idxFolder() throws IOException {
        byte[] px = new byte[6 * 4];
        for (int k = 0; k < px.length; k++) {
            px[k] = (byte) (k * 10);
        }
        Idx.writeImages(dir.resolve("train-images-idx3-ubyte"), px, 6, 2, 2);
        Idx.writeLabels(dir.resolve("train-labels-idx1-ubyte"), new int[] {0, 1, 2, 3, 4, 5});
        Idx.writeImages(dir.resolve("t10k-images-idx3-ubyte.gz"), new byte[] {0, 0, 0, (byte) 255, 0, 0, 0, 0}, 2, 2, 2);
        Idx.writeLabels(dir.resolve("t10k-labels-idx1-ubyte.gz"), new int[] {7, 9});
        return dir;
    }

    private void assertOneLineError(String start) {
        assertTrue(err.startsWith("theta: " + start), err);
        assertFalse(err.contains("\tat "), "no stack trace: " + err);
    }

    @Test
    void infoOnAFolder() throws IOException {
        assertEquals(0, run("data", "info", "--data", idxFolder().toString(), "--validation", "2"), err);
        assertTrue(out.contains("images      2x2 = 4 features"), out);
        assertTrue(out.contains("classes     10"), out);
        assertTrue(out.matches("(?s).*\ntrain\\s+4\\s.*\nvalidation\\s+2\\s.*\ntest\\s+2\\s.*"), out);
        assertTrue(out.matches("(?s).*\n9\\s+0\\s+0\\s+1\n.*"), "histogram row for label 9: " + out);
        assertTrue(out.contains("  t10k-images-idx3-ubyte.gz"), out);
    }

    @Test
    void showDrawsTheExampleWithItsLabel() throws IOException {
        assertEquals(0, run("data", "show", "1", "--set", "test", "--data", idxFolder().toString(), "--validation", "0"), err);
        assertEquals("test example 1: label 9\n" + "    \n    \n", out);
        assertEquals(0, run("data", "show", "0", "--set", "test", "--data", dir.toString(), "--validation", "0"));
        assertEquals("test example 0: label 7\n" + "    \n  @@\n", out);
    }

    @Test
    void showOutOfRangeIsBadInput() throws IOException {
        assertEquals(2, run("data", "show", "4", "--set", "validation", "--data", idxFolder().toString(), "--validation", "2"));
        assertOneLineError("show 4: the validation set has 2 examples (0..1)");
    }

    @Test
    void csvPair() throws IOException {
        Path train = Files.writeString(dir.resolve("train.csv"), "label,p0,p1\n1,0,255\n2,3,4\n0,5,6\n");
        Path test = Files.writeString(dir.resolve("test.csv"), "1,7,8\n");
        assertEquals(0, run("data", "info", "--train", train.toString(), "--test", test.toString(), "--validation", "1"), err);
        assertTrue(out.contains("images      1x2 = 2 features"), out);
        assertTrue(out.contains("classes     3"), out);
    }

    @Test
    void malformedFileIsOneLineAndExitTwo() throws IOException {
        Path d = idxFolder();
        byte[] full = Files.readAllBytes(d.resolve("train-images-idx3-ubyte"));
        Files.write(d.resolve("train-images-idx3-ubyte"), java.util.Arrays.copyOf(full, full.length - 3));
        assertEquals(2, run("data", "info", "--data", d.toString()));
        assertOneLineError(d.resolve("train-images-idx3-ubyte") + ": truncated: header promises 40 bytes, file has 37");
        assertEquals(1, err.strip().lines().count(), err);
    }

    @Test
    void badCsvLineIsNamed() throws IOException {
        Path train = Files.writeString(dir.resolve("train.csv"), "1,2,3\n1,2\n");
        Path test = Files.writeString(dir.resolve("test.csv"), "1,2,3\n");
        assertEquals(2, run("data", "info", "--train", train.toString(), "--test", test.toString()));
        assertOneLineError(train + ":2: expected 3 fields, found 2");
    }

    @Test
    void validationLargerThanTrainingIsBadInput() throws IOException {
        assertEquals(2, run("data", "info", "--data", idxFolder().toString()));
        assertOneLineError("--validation: the default 10000 is too many; give --validation N, N in 0..5");
    }

    @Test
    void conflictingOptionsAreUsageErrors() throws IOException {
        assertEquals(2, run("data", "info", "--data", dir.toString(), "--dataset", "fashion"));
        assertOneLineError("--dataset, --data and --train/--test are alternatives");
        assertEquals(2, run("data", "info", "--test", "a.csv"));
        assertOneLineError("--test needs --train");
        assertEquals(2, run("data", "info", "--labels", "1..10"));
        assertOneLineError("--labels 1..10 applies to --data and --train/--test");
        assertEquals(2, run("data", "info", "--labels", "2..11"));
        assertTrue(err.contains("use 0..K-1 or 1..K"), err);
        assertEquals(2, run("data", "info", "--dataset", "cifar"));
        assertTrue(err.contains("use mnist or fashion"), err);
        assertEquals(2, run("data", "info", "--validation", "-1", "--data", dir.toString()));
        assertOneLineError("--validation -1: must be 0 or more");
    }

    @Test
    void missingFolderIsBadInput() {
        assertEquals(2, run("data", "info", "--data", dir.resolve("none").toString()));
        assertOneLineError(dir.resolve("none") + ": no such folder");
    }

    @Test
    void oneToTenLabelsOnAFolder() throws IOException {
        idxFolder();
        Idx.writeLabels(dir.resolve("t10k-labels-idx1-ubyte.gz"), new int[] {10, 3});
        Idx.writeLabels(dir.resolve("train-labels-idx1-ubyte"), new int[] {1, 2, 3, 4, 5, 10});
        assertEquals(0, run("data", "show", "0", "--set", "test", "--data", dir.toString(), "--labels", "1..10",
                "--validation", "0"), err);
        assertTrue(out.startsWith("test example 0: label 0\n"), out);
    }

    @Test
    void showOnMnistDrawsAFive() {
        assertEquals(0, run("data", "show", "0"), err);
        String[] lines = out.split("\n");
        assertEquals("train example 0: label 5", lines[0]);
        assertEquals(29, lines.length);
        assertEquals(56, lines[10].length());
    }
}
