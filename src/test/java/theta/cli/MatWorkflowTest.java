package theta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import theta.cli.WorkflowTest.Run;
import theta.io.ArrayFiles;
import theta.io.NamedArrays;
import theta.io.NdArray;

/** .mat weights and data through the CLI, on the committed Octave fixtures (no Octave needed). */
class MatWorkflowTest {
    @TempDir
    Path dir;

    static Path fixture(String name) {
        try {
            return Path.of(MatWorkflowTest.class.getResource("/reference/mat/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static double costJ(Run r) {
        assertEquals(0, r.code(), r.err());
        Matcher m = Pattern.compile("J = ([-0-9.eE+]+)").matcher(r.out());
        assertTrue(m.find(), r.out());
        return Double.parseDouble(m.group(1));
    }

    static void assertOneLine(Run r, String fault) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("theta: ") && r.err().contains(fault), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    /** J on data_v7.mat with weights_v6/v7.mat equals Octave's nn_cost (expected_cost.txt) to 1e-12. */
    @Test
    void costMatchesOctavesOnItsOwnFiles() throws IOException {
        List<String> lines = Files.readAllLines(fixture("expected_cost.txt"));
        assertEquals(4, lines.size());
        for (String line : lines) {
            String[] f = line.split(" ");
            double expected = Double.parseDouble(f[2]);
            for (String w : List.of("weights_v6.mat", "weights_v7.mat")) {
                double j = costJ(WorkflowTest.run("cost", "--weights", fixture(w).toString(), "--data",
                        fixture("data_v7.mat").toString(), "--output", f[0], "--lambda", f[1]));
                assertEquals(expected, j, 1e-12 * expected, line + " " + w);
            }
            // the same labels named explicitly: 1..3 is the file's K
            double j = costJ(WorkflowTest.run("cost", "--weights", fixture("weights_v7.mat").toString(), "--data",
                    fixture("data_v7.mat").toString(), "--output", f[0], "--lambda", f[1], "--labels", "1..3"));
            assertEquals(expected, j, 1e-12 * expected, line);
        }
    }

    @Test
    void labelsAndWeightsThatDoNotFitAreOneLine() {
        String w = fixture("weights_v7.mat").toString();
        String d = fixture("data_v7.mat").toString();
        // --labels 1..4 used to end in a NullPointerException
        assertOneLine(WorkflowTest.run("cost", "--weights", w, "--data", d, "--labels", "1..4"),
                "--labels 1..4 names 4 classes but the last Theta has 3 rows");
        assertOneLine(WorkflowTest.run("cost", "--weights", w, "--data", d, "--labels", "1..2"),
                "data_v7.mat: y(3) = 3 is out of range 1..2");
        assertOneLine(WorkflowTest.run("cost", "--weights", w, "--data", d, "--labels", "0..K-1", "--output", "softmax"),
                "data_v7.mat: label 3 is out of range for Theta2 in");
        Run usage = WorkflowTest.run("cost", "--weights", w, "--data", d, "--labels", "2..5");
        assertEquals(2, usage.code());
        assertTrue(usage.err().startsWith("theta: ") && usage.err().contains("'2..5' is not a label convention"),
                usage.err());
        assertOneLine(WorkflowTest.run("cost", "--weights", w, "--data", d, "--y-var", "Y"),
                "data_v7.mat: no array 'Y' (has: X, y)");
        assertOneLine(WorkflowTest.run("cost", "--weights", d, "--data", d), "expected matrices Theta1, Theta2");
        assertOneLine(WorkflowTest.run("cost", "--weights", w, "--data", w), "weights_v7.mat: no array 'X'");
        assertOneLine(WorkflowTest.run("cost", "--weights", fixture("types.mat").toString(), "--data", d,
                "--weight-vars", "cel,dbl"), "types.mat: variable 'cel' is a cell array");
        assertOneLine(WorkflowTest.run("cost", "--weights", w, "--data", fixture("types.mat").toString(),
                "--x-var", "dbl", "--y-var", "sp"), "types.mat: variable 'sp' is sparse");
    }

    @Test
    void weightVarsChooseTheMatrices() throws IOException {
        NamedArrays a = ArrayFiles.read(fixture("weights_v7.mat"));
        Path renamed = dir.resolve("w.mat");
        ArrayFiles.write(renamed, NamedArrays.of(a.get("Theta1").withName("W1"), a.get("Theta2").withName("W2")));
        double j = costJ(WorkflowTest.run("cost", "--weights", renamed.toString(), "--weight-vars", "W1,W2",
                "--data", fixture("data_v7.mat").toString()));
        double expected = Double.parseDouble(Files.readAllLines(fixture("expected_cost.txt")).get(0).split(" ")[2]);
        assertEquals(expected, j, 1e-12 * expected);
    }

    /** Example 1 is an F stored column by column: drawn upright by default, transposed with --image-order row. */
    @Test
    void dataShowDrawsColumnStoredImagesUpright() {
        Run r = WorkflowTest.run("data", "show", "0", "--train", fixture("data_v7.mat").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("train example 0: label 0", "@@@@@@@@", "@@      ", "@@@@@@  ", "@@      "),
                r.out().lines().toList());
        Run t = WorkflowTest.run("data", "show", "0", "--train", fixture("data_v7.mat").toString(),
                "--image-order", "row");
        assertEquals(List.of("@@@@@@@@", "@@  @@  ", "@@  @@  ", "@@      "), t.out().lines().skip(1).toList());
        Run info = WorkflowTest.run("data", "info", "--train", fixture("data_v7.mat").toString());
        assertTrue(info.out().contains("images      4x4 = 16 features"), info.out());
        assertTrue(info.out().contains("classes     3"), info.out());
    }

    @Test
    void nonSquareColumnImagesAreOneLine() throws IOException {
        Path f = dir.resolve("d.mat");
        ArrayFiles.write(f, NamedArrays.of(NdArray.of2d("X", 2, 3, new double[] {0, 1, 2, 3, 4, 5}),
                NdArray.of("y", new int[] {2}, new double[] {1, 2})));
        assertOneLine(WorkflowTest.run("data", "show", "0", "--train", f.toString()),
                "3 pixels per example is not a square number");
        Run r = WorkflowTest.run("data", "show", "1", "--train", f.toString(), "--image-order", "row");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("train example 1: label 1\n"), r.out());
    }

    /** Trains on the Octave-written file: 16 inputs (4x4) and 3 outputs (labels 1..3), tested on itself. */
    @Test
    void trainsOnAMatFileAndEvaluatesOnIt() {
        Path model = dir.resolve("m.npz");
        Run r = WorkflowTest.run("train", "--train", fixture("data_v7.mat").toString(), "--hidden", "8",
                "--epochs", "3", "--batch", "4", "--out", model.toString(), "--quiet", "--threads", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("16-8-3"), r.out());
        assertTrue(r.out().contains("accuracy on the training data (no --test)"), r.out());
        Run e = WorkflowTest.run("evaluate", model.toString(), "--train", fixture("data_v7.mat").toString());
        assertEquals(0, e.code(), e.err());
        assertTrue(e.out().contains("12 examples"), e.out());
        Run x = WorkflowTest.run("export", model.toString(), "--to", dir.resolve("w.mat").toString());
        assertEquals(0, x.code(), x.err());
        double j = costJ(WorkflowTest.run("cost", "--weights", dir.resolve("w.mat").toString(), "--data",
                fixture("data_v7.mat").toString(), "--activation", "relu", "--output", "softmax"));
        assertFalse(Double.isNaN(j));
    }

    @Test
    void damagedDataFilesAreOneLine() throws IOException {
        byte[] whole = Files.readAllBytes(fixture("data_v7.mat"));
        for (int n : new int[] {0, 10, 127, 128, 135, 200, whole.length - 1}) {
            Path f = dir.resolve("cut" + n + ".mat");
            Files.write(f, java.util.Arrays.copyOf(whole, n));
            Run r = WorkflowTest.run("data", "info", "--train", f.toString());
            assertEquals(2, r.code(), n + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("theta: " + f), r.err());
        }
    }

    /** uint8 X holds pixels 0..255, scaled to [0,1] as IDX images are; labels 0..K-1 when asked for. */
    @Test
    void uint8PixelsAreScaledLikeIdx() throws IOException {
        Path f = dir.resolve("u8.mat");
        try (var mat = us.hebi.matlab.mat.format.Mat5.newMatFile()) {
            var x = us.hebi.matlab.mat.format.Mat5.newMatrix(2, 4, us.hebi.matlab.mat.types.MatlabType.UInt8);
            var y = us.hebi.matlab.mat.format.Mat5.newMatrix(2, 1);
            for (int k = 0; k < 8; k++) {
                x.setDouble(k, k == 0 ? 255 : 0);
            }
            y.setDouble(1, 1);
            mat.addArray("X", x).addArray("y", y);
            us.hebi.matlab.mat.format.Mat5.writeToFile(mat, f.toFile());
        }
        Run r = WorkflowTest.run("data", "info", "--train", f.toString(), "--labels", "0..K-1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("images      2x2 = 4 features, unsigned bytes scaled to [0,1]"), r.out());
        assertTrue(r.out().contains("classes     2"), r.out());
        Run show = WorkflowTest.run("data", "show", "0", "--train", f.toString(), "--labels", "0..1");
        assertEquals(List.of("train example 0: label 0", "@@  ", "    "), show.out().lines().toList());
    }
}
