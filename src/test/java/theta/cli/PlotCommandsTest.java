package theta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import theta.io.ModelFile;
import theta.plot.ModelPlots;
import theta.plot.TileGrid;
import theta.plot.WeightTiles;
import theta.train.Quadrants;

/** The figures through the command line: train, plot, evaluate --plots, gradcheck --plot, activations --plot, report. */
class PlotCommandsTest {
    @TempDir
    static Path dir;
    static Path train;
    static Path test;
    static Path model;

    @BeforeAll
    static void trainOnce() throws Exception {
        train = dir.resolve("train.csv");
        test = dir.resolve("test.csv");
        WorkflowTest.csv(train, Quadrants.make("train", 400, 1));
        WorkflowTest.csv(test, Quadrants.make("test", 150, 2));
        model = dir.resolve("run/model.npz");
        WorkflowTest.Run r = WorkflowTest.run("train", "--train", train.toString(), "--test", test.toString(),
                "--validation", "100", "--hidden", "12", "--epochs", "3", "--batch", "25", "--lr", "0.1",
                "--dropout", "0", "--units", "9", "--out", model.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("plots: "), r.out());
    }

    @Test
    void trainLeavesCurvesAndNineTilesBesideTheModel() throws Exception {
        BufferedImage curves = ImageIO.read(ModelPlots.curvesPath(model).toFile());
        assertEquals(900, curves.getWidth());
        BufferedImage tiles = ImageIO.read(ModelPlots.weightsPath(model).toFile());
        TileGrid g = WeightTiles.grid(ModelFile.read(model), 9);
        assertEquals(9, g.count());
        assertEquals(3, g.columns());
        assertEquals(g.width(), tiles.getWidth());
        assertEquals(g.height(), tiles.getHeight());

        Path other = dir.resolve("quiet/model.npz");
        WorkflowTest.Run r = WorkflowTest.run("train", "--train", train.toString(), "--test", test.toString(),
                "--validation", "100", "--hidden", "4", "--epochs", "1", "--no-plots", "--out", other.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertFalse(Files.exists(ModelPlots.curvesPath(other)));
        assertFalse(Files.exists(ModelPlots.weightsPath(other)));
        assertEquals(2, WorkflowTest.run("train", "--units", "0", "--out", other.toString()).code());
    }

    @Test
    void plotRedrawsFromTheModelAndFromAHistory() throws Exception {
        Path out = dir.resolve("redrawn");
        WorkflowTest.Run r = WorkflowTest.run("plot", model.toString(), "--out", out.toString(), "--units", "4");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(out.resolve("model.curves.png")));
        assertEquals(WeightTiles.grid(ModelFile.read(model), 4).width(),
                ImageIO.read(out.resolve("model.weights.png").toFile()).getWidth());
        Path fromCsv = dir.resolve("csv");
        r = WorkflowTest.run("plot", dir.resolve("run/model.history.csv").toString(), "--out", fromCsv.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(fromCsv.resolve("model.curves.png")));
        Path junk = dir.resolve("junk.csv");
        Files.writeString(junk, "a,b\n1,2\n");
        r = WorkflowTest.run("plot", junk.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("theta: " + junk + ": not a theta history"), r.err());
    }

    @Test
    void evaluateDrawsHeatMapScoresAndMistakes() {
        Path out = dir.resolve("eval");
        WorkflowTest.Run r = WorkflowTest.run("evaluate", model.toString(), "--train", train.toString(), "--test",
                test.toString(), "--validation", "100", "--plots", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(out.resolve("confusion.png")));
        assertTrue(Files.exists(out.resolve("class-scores.png")));
    }

    @Test
    void reportIsOneSelfContainedPageAndSaysWhenItCannotEvaluate() throws Exception {
        Path page = dir.resolve("report.html");
        WorkflowTest.Run r = WorkflowTest.run("report", model.toString(), "--out", page.toString(), "--train",
                train.toString(), "--test", test.toString(), "--validation", "100");
        assertEquals(0, r.code(), r.err());
        String html = Files.readString(page);
        assertTrue(html.contains("id=\"confusion-table\""));
        assertTrue(html.contains("id=\"hyperparameters\""));
        assertTrue(html.split("src=\"data:image/png;base64,", -1).length - 1 >= 4, "embedded images");
        assertFalse(html.contains("src=\"http"), "nothing fetched from elsewhere");
        // Trained on CSV files: theta cannot find its test set by name, and says so.
        r = WorkflowTest.run("report", model.toString());
        assertEquals(0, r.code(), r.err());
        String beside = Files.readString(dir.resolve("run/model.report.html"));
        assertTrue(beside.contains("id=\"no-evaluation\""));
        assertTrue(r.err().contains("no test-set evaluation"), r.err());
    }

    @Test
    void gradcheckAndActivationsDrawTheirPlots() throws Exception {
        Path g = dir.resolve("gc.png");
        WorkflowTest.Run r = WorkflowTest.run("gradcheck", "--activation", "tanh", "--output", "softmax", "--lambda", "0",
                "--bug", "not-averaged", "--no-mnist", "--plot", g.toString());
        assertEquals(1, r.code(), r.out());
        assertTrue(r.err().contains("FAIL"), r.err());
        assertEquals(940, ImageIO.read(g.toFile()).getWidth());
        // diagnose draws the two columns of a table: here a cost 5 times its gradient.
        StringBuilder table = new StringBuilder();
        for (int i = 1; i <= 38; i++) {
            double v = Math.sin(i) / 10;
            table.append(String.format(java.util.Locale.ROOT, "  %11.4e  %11.4e%n", 5 * v, v));
        }
        Path t = dir.resolve("table.txt");
        Files.writeString(t, table);
        Path d = dir.resolve("diagnose.png");
        r = WorkflowTest.run("diagnose", t.toString(), "--plot", d.toString());
        assertEquals(1, r.code(), r.err());
        assertEquals(940, ImageIO.read(d.toFile()).getWidth());
        Path a = dir.resolve("act");
        r = WorkflowTest.run("activations", "--plot", a.toString(), "relu6", "elu:alpha=0.5");
        assertEquals(0, r.code(), r.err());
        try (var files = Files.list(a)) {
            assertEquals(java.util.List.of("elu.png", "relu6.png"), files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void diagnoseDrawsTheColumnsOfTheUsersOwnCode() throws Exception {
        theta.testing.Tools.requireOctave();
        Path code = Path.of(PlotCommandsTest.class.getResource("/theta/diagnose/octave/nnCostPenaltySubtracted.m").toURI());
        Path d = dir.resolve("octave.png");
        WorkflowTest.Run r = WorkflowTest.run("diagnose", "--octave", code.toString(), "--activation", "sigmoid",
                "--output", "softmax", "--plot", d.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("wrote " + d), r.err());
        assertEquals(940, ImageIO.read(d.toFile()).getWidth());
    }
}
