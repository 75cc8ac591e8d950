package theta.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import theta.activation.Activations;
import theta.data.Dataset;
import theta.eval.Evaluation;
import theta.loss.Loss;
import theta.nn.Architecture;
import theta.nn.Model;
import theta.nn.Network;
import theta.train.EpochRecord;
import theta.train.HistoryFiles;
import theta.train.Quadrants;

/** The figures show what they claim: tiles per unit, counts per cell, lines where gradients disagree. */
class PlotsTest {
    @TempDir
    Path dir;

    static Model model(int inputs, int rows, int cols, int hidden, int outputs) {
        Network net = new Network(new Architecture(inputs, hidden, outputs), Activations.parse("relu"), Loss.parse("softmax"));
        double[] p = new double[net.layout().size()];
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < p.length; i++) {
            p[i] = rng.nextGaussian();
        }
        return new Model(net, p, rows, cols, null);
    }

    @Test
    void weightTilesDrawOneNormalisedTilePerUnitInDisplayDatasLayout() {
        Model m = model(784, 28, 28, 30, 10);
        for (int units : new int[] {7, 30, 100}) {
            BufferedImage img = WeightTiles.draw(m, units, "m.npz");
            TileGrid g = WeightTiles.grid(m, units);
            int expected = Math.min(units, 30);
            assertEquals(g.width(), img.getWidth());
            assertEquals(g.height(), img.getHeight());
            // Tiles counted from the picture: grid cells that are not bare padding.
            int cols = (img.getWidth() - g.pad()) / (g.cellWidth() + g.pad());
            int rows = (img.getHeight() - g.top() - g.pad()) / (g.cellHeight() + g.pad());
            int drawn = 0;
            for (int i = 0; i < cols * rows; i++) {
                drawn += bare(img, g, i) ? 0 : 1;
            }
            assertEquals(expected, drawn, units + " units asked");
            assertEquals((int) Math.floor(Math.sqrt(expected)), rows);
            // Each tile spans -max..+max of its own unit: black and white both occur.
            double[][] t = WeightTiles.tiles(m, units);
            for (int i = 0; i < expected; i++) {
                double lo = 1;
                double hi = 0;
                for (int k = 0; k < 784; k++) {
                    lo = Math.min(lo, t[i][k]);
                    hi = Math.max(hi, t[i][k]);
                    int v = (int) Math.round(255 * t[i][k]);
                    int x = g.x(i) + (k % 28) * g.scale();
                    int y = g.y(i) + (k / 28) * g.scale();
                    assertEquals(v, img.getRGB(x, y) & 0xFF);
                }
                assertTrue(lo < 1e-12 || hi > 1 - 1e-12, "tile " + i + " is not scaled by its max |w|");
            }
        }
    }

    private static boolean bare(BufferedImage img, TileGrid g, int i) {
        for (int y = g.y(i); y < g.y(i) + g.cellHeight(); y++) {
            for (int x = g.x(i); x < g.x(i) + g.cellWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) != (TileGrid.PAD.getRGB() & 0xFFFFFF)) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void theHeatMapsCellsHoldTheConfusionCounts() {
        Model m = model(64, 8, 8, 12, 4);
        Dataset d = Quadrants.make("quadrants test", 300, 3);
        Evaluation e = EvaluationPlots.evaluate(m, d, 5);
        BufferedImage img = ConfusionPlot.draw(e, "m.npz: confusion matrix");
        int[][] c = e.confusion();
        int max = 0;
        int total = 0;
        for (int[] row : c) {
            for (int v : row) {
                max = Math.max(max, v);
                total += v;
            }
        }
        assertEquals(d.size(), total);
        for (int a = 0; a < c.length; a++) {
            for (int p = 0; p < c.length; p++) {
                int rgb = img.getRGB(ConfusionPlot.cellX(p) + 3, ConfusionPlot.cellY(a) + 3) & 0xFFFFFF;
                assertEquals(ConfusionPlot.colour(c[a][p], max).getRGB() & 0xFFFFFF, rgb, "cell " + a + "," + p);
            }
        }
        // More counts, darker cells: the colour tells the counts' order.
        for (int k = 1; k <= max; k++) {
            Color lo = ConfusionPlot.colour(k - 1, max);
            Color hi = ConfusionPlot.colour(k, max);
            assertTrue(hi.getRed() + hi.getGreen() + hi.getBlue() <= lo.getRed() + lo.getGreen() + lo.getBlue());
        }
        BufferedImage wrong = WrongDigits.draw(e.confidentlyWrong(), d, "wrong");
        TileGrid g = WrongDigits.grid(e.confidentlyWrong().size(), 8, 8);
        assertEquals(g.width(), wrong.getWidth());
        assertEquals(g.height(), wrong.getHeight());
        Evaluation.Mistake first = e.confidentlyWrong().get(0);
        assertEquals(d.rawByte(first.index(), 0), wrong.getRGB(g.x(0), g.y(0)) & 0xFF);
    }

    @Test
    void aCostMTimesItsGradientShowsAsALineOfSlopeMAndAgreementAsNone() throws Exception {
        int n = 40;
        double[] ana = new double[n];
        String[] blocks = new String[n];
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < n; i++) {
            ana[i] = (rng.nextBoolean() ? 1 : -1) * Math.pow(10, -4 * rng.nextDouble());
            blocks[i] = i < 20 ? "Theta1 weights" : "Theta2 weights";
        }
        double[] scaled = ana.clone();
        double[] mixed = ana.clone();
        for (int i = 0; i < n; i++) {
            scaled[i] *= 5;
            mixed[i] = i < 20 ? 5 * ana[i] : -ana[i];
        }
        assertEquals(Map.of(5.0, List.of("Theta1 weights", "Theta2 weights")).toString(),
                GradientPlot.fittedSlopes(scaled, ana, blocks).toString().replaceAll("5\\.0\\d*", "5.0"));
        assertTrue(GradientPlot.fittedSlopes(ana.clone(), ana, blocks).isEmpty());
        // Two clouds: one block m times off, the other of the opposite sign (|a| = 1, drawn as crosses).
        assertEquals(List.of("Theta1 weights"), GradientPlot.fittedSlopes(mixed, ana, blocks).values().stream()
                .filter(v -> v.contains("Theta1 weights")).findFirst().orElseThrow());
        Path file = dir.resolve("g.png");
        GradientPlot.write(file, "bug", mixed, ana, blocks, null);
        BufferedImage img = javax.imageio.ImageIO.read(file.toFile());
        assertEquals(GradientPlot.WIDTH, img.getWidth());
        assertEquals(GradientPlot.HEIGHT, img.getHeight());
        assertThrows(IllegalArgumentException.class, () -> GradientPlot.draw("x", new double[2], new double[3],
                new String[2], null));
    }

    @Test
    void curvesComeBackFromTheHistoryFilesAndDrawTwoPanels() throws Exception {
        List<EpochRecord> h = new ArrayList<>();
        for (int e = 1; e <= 5; e++) {
            h.add(new EpochRecord(e, 1.0 / e, 1.2 / e, 0.9 + e / 100.0, 0.1 / e, 1.5));
        }
        Path model = dir.resolve("m.npz");
        HistoryFiles.write(model, h);
        assertEquals(h, Histories.read(HistoryFiles.jsonPath(model)));
        List<EpochRecord> csv = Histories.read(HistoryFiles.csvPath(model));
        assertEquals(h.size(), csv.size());
        assertEquals(h.get(4).learningRate(), csv.get(4).learningRate(), 1e-9);
        BufferedImage img = CurvesPlot.draw(h, "m.npz");
        assertEquals(CurvesPlot.WIDTH, img.getWidth());
        assertEquals(2 * CurvesPlot.PANEL_HEIGHT, img.getHeight());
        List<EpochRecord> noValidation = h.stream().map(r -> new EpochRecord(r.epoch(), r.trainLoss(), Double.NaN,
                Double.NaN, r.learningRate(), r.seconds())).toList();
        HistoryFiles.write(model, noValidation);
        assertEquals(5, Histories.read(HistoryFiles.jsonPath(model)).size());
        assertEquals(2 * CurvesPlot.PANEL_HEIGHT, CurvesPlot.draw(noValidation, "m.npz").getHeight());
    }

    @Test
    void activationPlotsWidenTheirRangeToShowEveryKink() {
        for (var a : Activations.builtins()) {
            double[] r = ActivationPlot.range(a);
            for (double k : a.kinks()) {
                assertTrue(!Double.isFinite(k) || (k > r[0] && k < r[1]), a.spec() + " kink " + k);
            }
        }
        BufferedImage img = ActivationPlot.draw(Activations.parse("relu6"));
        assertEquals(760, img.getWidth());
        assertEquals("relu6.png", ActivationPlot.fileName(Activations.parse("relu6")));
        assertEquals("elu.png", ActivationPlot.fileName(Activations.parse("elu:alpha=0.5")));
    }
}
