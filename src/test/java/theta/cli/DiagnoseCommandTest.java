package theta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import theta.activation.Activations;
import theta.check.DebugProblem;
import theta.diagnose.Columns;
import theta.diagnose.DiagnosisProblem;
import theta.diagnose.Diagnoser;
import theta.loss.Loss;
import theta.nn.Network;

/** theta diagnose end to end: tables in files, verdicts, fixes, JSON, exit codes, one-line errors. */
class DiagnoseCommandTest {
    @TempDir
    Path dir;

    /** The columns the classic question's code prints (checkNNGradients(3), tanh hidden, softmax output). */
    static final String QUESTION = """
              -1.3701e-02  -6.8929e-04
               5.5577e-04   2.6949e-05
               1.2752e-02   6.3785e-04
              -2.5614e-02  -1.2875e-03
               3.7891e-02   1.9104e-03
               1.7302e-02  -1.6738e-02
              -3.9748e-02   3.9402e-02
              -5.9246e-02   5.9367e-02
              -2.4618e-02   2.4732e-02
               3.2299e-02  -3.2658e-02
               6.0738e-02  -5.9962e-02
               3.2463e-02  -3.2180e-02
              -2.6512e-02   2.5145e-02
              -5.7144e-02   5.9551e-02
              -4.2241e-02   3.8855e-02
            The above two columns you get should be very similar.
            (Left-Your Numerical Gradient, Right-Analytical Gradient)
            """;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    /** The correct columns of the debug problem, printed as checkNNGradients does. */
    private static String correctTable(String activation, Loss output, double lambda) {
        DiagnosisProblem p = DiagnosisProblem.debug(Activations.parse(activation), output, lambda);
        double[] num = new double[p.size()];
        double[] grad = new double[p.size()];
        p.cost().value(p.parameters(), grad);
        theta.nn.NetworkCost cost = p.cost();
        double[] t = p.parameters();
        for (int i = 0; i < t.length; i++) {
            double keep = t[i];
            t[i] = keep + 1e-4;
            double plus = cost.value(t, null);
            t[i] = keep - 1e-4;
            double minus = cost.value(t, null);
            t[i] = keep;
            num[i] = (plus - minus) / 2e-4;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < t.length; i++) {
            sb.append(String.format(Locale.ROOT, "  %11.4e  %11.4e%n", num[i], grad[i]));
        }
        return sb.toString();
    }

    @Test
    void namesTheQuestionsMistakesAndPrintsTheFix() throws Exception {
        Path table = write("q.txt", QUESTION);
        WorkflowTest.Run r = WorkflowTest.run("diagnose", table.toString(), "--activation", "tanh", "--output", "softmax");
        assertEquals(Main.FAILED, r.code(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().contains("lambda    tried 0, 1, 3: 3 fits"), r.out());
        assertTrue(r.out().contains("left  (numerical)   the numerical gradient of a mistaken cost: the one-line cost"),
                r.out());
        assertTrue(r.out().contains("right (analytical)  the analytical gradient with a mistake: sigma2 uses sigmoid's"
                + " derivative, sigmoidGradient(z2), taken of z2"), r.out());
        assertTrue(r.out().contains("Fix:\n  % average the data term and add the penalty\n"), r.out());
        assertTrue(r.out().contains("  sigma2 = (sigma3 * Theta2(:, 2:end)) .* (1-tanh(z2).^2);"), r.out());
    }

    @Test
    void aCorrectTableIsCorrectWithExitZero() throws Exception {
        Path table = write("ok.txt", correctTable("softplus", Loss.SOFTMAX, 3));
        WorkflowTest.Run r = WorkflowTest.run("diagnose", table.toString(), "--activation", "softplus", "--output",
                "softmax", "--lambda", "3");
        assertEquals(Main.OK, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("verdict   both columns are right"), r.out());
        assertTrue(!r.out().contains("Fix:"), r.out());
    }

    @Test
    void lambdaZeroSaysWhichMistakesItCannotSee() throws Exception {
        Path table = write("ok0.txt", correctTable("sigmoid", Loss.SIGMOID, 0));
        WorkflowTest.Run r = WorkflowTest.run("diagnose", table.toString(), "--lambda", "0");
        assertEquals(Main.OK, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("on these rows the same numbers also come from: penalty-missing"), r.out());
    }

    @Test
    void jsonCarriesBothVerdictsAndTheFix() throws Exception {
        Path table = write("q.txt", QUESTION);
        WorkflowTest.Run r = WorkflowTest.run("diagnose", table.toString(), "--activation", "tanh", "--output", "softmax",
                "--json");
        assertEquals(Main.FAILED, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(3.0, o.get("lambda").getAsDouble());
        assertEquals(15, o.get("rows").getAsInt());
        assertEquals(5, o.get("digits").getAsInt());
        assertEquals("mistake", o.getAsJsonObject("numerical").get("kind").getAsString());
        assertEquals("one-line-cost", o.getAsJsonObject("numerical").getAsJsonArray("matches").get(0).getAsJsonObject()
                .get("id").getAsString());
        assertEquals("sigmoid-derivative-of-z2", o.getAsJsonObject("analytical").getAsJsonArray("matches").get(0)
                .getAsJsonObject().get("id").getAsString());
        assertTrue(o.getAsJsonArray("fix").size() >= 3);
    }

    @Test
    void weightsAndDataGiveAnotherProblem() throws Exception {
        // The debug problem written out as files: the answer must be the same as the default's.
        Network net = DebugProblem.network(Activations.parse("tanh"), Loss.SOFTMAX);
        double[] t = DebugProblem.parameters(net);
        StringBuilder w = new StringBuilder();
        w.append(matrix("Theta1", t, 0, 5, 4)).append(matrix("Theta2", t, 20, 3, 6));
        Path weights = write("w.txt", w.toString());
        double[] x = DebugProblem.features();
        int[] y = DebugProblem.labels();
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < y.length; i++) {
            csv.append(y[i] + 1);
            for (int j = 0; j < 3; j++) {
                csv.append(',').append(x[i * 3 + j]);
            }
            csv.append('\n');
        }
        Path data = write("d.csv", csv.toString());
        Path table = write("q.txt", QUESTION);
        WorkflowTest.Run r = WorkflowTest.run("diagnose", table.toString(), "--activation", "tanh", "--output", "softmax",
                "--weights", weights.toString(), "--data", data.toString(), "--labels", "1..10");
        assertEquals(Main.FAILED, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("one-line cost"), r.out());
        assertTrue(r.out().contains("sigmoidGradient(z2)"), r.out());
    }

    private static String matrix(String name, double[] t, int off, int rows, int cols) {
        StringBuilder sb = new StringBuilder("# name: " + name + "\n# type: matrix\n# rows: " + rows + "\n# columns: "
                + cols + "\n");
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                sb.append(' ').append(t[off + c * rows + r]);
            }
            sb.append('\n');
        }
        return sb.append("\n\n").toString();
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        String[][] cases = {
            {write("empty.txt", "").toString()},
            {write("one.txt", "1.0e-02\n").toString()},
            {write("text.txt", "my gradients look wrong\n").toString()},
            {write("long.txt", "1 1\n".repeat(39)).toString()},
            {dir.resolve("missing.txt").toString()},
            {write("ok.txt", "1 1\n").toString(), "--output", "sigmoid_mse"},
            {write("ok2.txt", "1 1\n").toString(), "--activation", "prelu"},
            {write("ok3.txt", "1 1\n").toString(), "--activation", "nosuch"},
            {write("ok4.txt", "1 1\n").toString(), "--weights", "w.txt"},
            {},
        };
        for (String[] c : cases) {
            String[] args = new String[c.length + 1];
            args[0] = "diagnose";
            System.arraycopy(c, 0, args, 1, c.length);
            WorkflowTest.Run r = WorkflowTest.run(args);
            assertEquals(Main.BAD_INPUT, r.code(), String.join(" ", args) + ": " + r.out() + r.err());
            assertEquals(1, r.err().lines().count(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().startsWith("theta: "), r.err());
            assertEquals("", r.out());
        }
        WorkflowTest.Run r = WorkflowTest.run("diagnose", dir.resolve("long.txt").toString());
        assertEquals("theta: the table has 39 rows but the parameter vector of 3-5-3 has 38 entries\n",
                r.err().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void readsTheTableFromStandardInput() {
        java.io.InputStream in = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(QUESTION.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            WorkflowTest.Run r = WorkflowTest.run("diagnose", "-", "--activation", "tanh", "--output", "softmax",
                    "--lambda", "3");
            assertEquals(Main.FAILED, r.code(), r.err());
            assertTrue(r.out().contains("one-line-cost"), r.out());
            System.setIn(new java.io.ByteArrayInputStream("no numbers here\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            WorkflowTest.Run bad = WorkflowTest.run("diagnose", "-");
            assertEquals(Main.BAD_INPUT, bad.code());
            assertEquals("theta: standard input:1: expected two numbers (numerical, analytical), found text: 'no numbers"
                    + " here'", bad.err().strip());
        } finally {
            System.setIn(in);
        }
    }

    @Test
    void weightsThatDoNotFitTheDataAreOneLine() throws Exception {
        Network net = DebugProblem.network(Activations.parse("tanh"), Loss.SOFTMAX);
        double[] t = DebugProblem.parameters(net);
        Path weights = write("w.txt", matrix("Theta1", t, 0, 5, 4) + matrix("Theta2", t, 20, 3, 6));
        Path data = write("d.csv", "1,0.1,0.2,0.3,0.4\n2,0.5,0.6,0.7,0.8\n");
        WorkflowTest.Run r = WorkflowTest.run("diagnose", write("q.txt", QUESTION).toString(), "--weights",
                weights.toString(), "--data", data.toString());
        assertEquals(Main.BAD_INPUT, r.code(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("Theta1 takes 3 inputs (+ bias) but " + data + " has 4 features"), r.err());
    }

    @Test
    void theLibraryTakesColumnsFromElsewhereToo() {
        DiagnosisProblem p = DiagnosisProblem.debug(Activations.parse("tanh"), Loss.SOFTMAX, 0);
        double[] g = new double[p.size()];
        p.cost().value(p.parameters(), g);
        assertTrue(Diagnoser.diagnose(p, Columns.exact(g, g)).analytical().kind()
                == theta.diagnose.ColumnVerdict.Kind.CORRECT);
    }
}
