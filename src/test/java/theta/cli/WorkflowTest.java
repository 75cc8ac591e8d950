package theta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import theta.data.Dataset;
import theta.train.Quadrants;

/** The user's workflow through the CLI on small CSV data: train, evaluate, predict, export, cost. */
class WorkflowTest {
    @TempDir
    static Path dir;
    static Path train;
    static Path test;
    static Path model;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    static void csv(Path file, Dataset d) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < d.size(); i++) {
            sb.append(d.label(i));
            for (int j = 0; j < d.features(); j++) {
                sb.append(',').append(d.rawByte(i, j));
            }
            sb.append('\n');
        }
        Files.writeString(file, sb);
    }

    @BeforeAll
    static void trainOnce() throws Exception {
        train = dir.resolve("train.csv");
        test = dir.resolve("test.csv");
        csv(train, Quadrants.make("train", 500, 1));
        csv(test, Quadrants.make("test", 200, 2));
        model = dir.resolve("out/model.npz");
        Run r = run("train", "--train", train.toString(), "--test", test.toString(), "--validation", "100",
                "--hidden", "10", "--activation", "relu", "--epochs", "5", "--batch", "25", "--lr", "0.1",
                "--dropout", "0", "--out", model.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(model));
        assertTrue(Files.exists(dir.resolve("out/model.history.csv")));
        assertTrue(Files.exists(dir.resolve("out/model.history.json")));
        Matcher m = Pattern.compile("test accuracy: ([0-9.]+)%").matcher(r.out());
        assertTrue(m.find(), r.out());
        assertTrue(Double.parseDouble(m.group(1)) > 90, r.out());
    }

    @Test
    void evaluatePrintsAccuracyConfusionAndPerClassScores() {
        Run r = run("evaluate", model.toString(), "--train", train.toString(), "--test", test.toString(),
                "--validation", "100");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("confusion matrix"), r.out());
        assertTrue(r.out().contains("class  precision  recall      F1"), r.out());
        Run j = run("evaluate", model.toString(), "--train", train.toString(), "--test", test.toString(),
                "--validation", "100", "--json");
        assertTrue(j.out().contains("\"accuracy\""), j.out());
    }

    @Test
    void predictByIndexGivesProbabilitiesThatSumToOne() {
        Run r = run("predict", model.toString(), "--index", "0,1", "--train", train.toString(), "--test",
                test.toString(), "--validation", "100", "--json");
        assertEquals(0, r.code(), r.err());
        var arr = com.google.gson.JsonParser.parseString(r.out()).getAsJsonArray();
        assertEquals(2, arr.size());
        double s = 0;
        for (var p : arr.get(0).getAsJsonObject().getAsJsonArray("probabilities")) {
            s += p.getAsDouble();
        }
        assertEquals(1, s, 1e-12);
    }

    @Test
    void exportedWeightsGiveTheSameLossThroughTheCostCommand() {
        Path weights = dir.resolve("w.txt");
        Run e = run("export", model.toString(), "--to", weights.toString());
        assertEquals(0, e.code(), e.err());
        Run c = run("cost", "--weights", weights.toString(), "--data", test.toString(), "--activation", "relu",
                "--output", "softmax", "--check");
        assertEquals(0, c.code(), c.err() + c.out());
        Matcher jm = Pattern.compile("J = ([0-9.]+)").matcher(c.out());
        assertTrue(jm.find(), c.out());
        Run ev = run("evaluate", model.toString(), "--train", train.toString(), "--test", test.toString(),
                "--validation", "100", "--json");
        double loss = com.google.gson.JsonParser.parseString(ev.out()).getAsJsonObject().get("loss").getAsDouble();
        assertEquals(loss, Double.parseDouble(jm.group(1)), 1e-9);
        assertTrue(c.out().contains("gradient check"), c.out());
    }

    @Test
    void theBestAndAugmentedRecipesTrainOnEveryTrainingExampleUnlessToldOtherwise() {
        for (String recipe : new String[] {"best", "augmented"}) {
            Run r = run("train", "--recipe", recipe, "--train", train.toString(), "--test", test.toString(),
                    "--hidden", "4", "--epochs", "1", "--batch", "50", "--out", dir.resolve(recipe + ".npz").toString(),
                    "--quiet");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("(500 train, 0 validation, 200 test)"), r.out());
        }
        Run r = run("train", "--recipe", "best", "--validation", "50", "--train", train.toString(), "--test",
                test.toString(), "--hidden", "4", "--epochs", "1", "--batch", "50", "--out",
                dir.resolve("best50.npz").toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("(450 train, 50 validation, 200 test)"), r.out());
    }

    @Test
    void badInputGivesOneLineAndExitCode2() throws Exception {
        Path junk = dir.resolve("junk.npz");
        Files.writeString(junk, "junk");
        Path png = dir.resolve("x.png");
        Files.writeString(png, "not an image");
        String[][] cases = {
            {"train", "--epochs", "0", "--train", train.toString(), "--test", test.toString(), "--validation", "10"},
            {"train", "--activation", "nope", "--train", train.toString(), "--test", test.toString()},
            {"evaluate", junk.toString(), "--train", train.toString(), "--test", test.toString()},
            {"predict", model.toString(), png.toString()},
            {"cost", "--weights", model.toString(), "--data", dir.resolve("missing.csv").toString()},
            {"gradcheck", "--activation", "relu", "--output", "hinge", "--no-mnist"},
            {"train", "--resume", junk.toString()},
        };
        for (String[] args : cases) {
            Run r = run(args);
            assertEquals(2, r.code(), String.join(" ", args) + " -> " + r.err());
            String msg = r.err().strip();
            assertTrue(msg.startsWith("theta: "), msg);
            assertFalse(msg.contains("Exception") || msg.contains("\tat "), msg);
        }
    }
}
