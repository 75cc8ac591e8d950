package theta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import theta.data.Dataset;
import theta.data.Idx;
import theta.nn.Architecture;
import theta.train.Quadrants;

/** theta bench on small generated IDX data, and its FLOP count against the PyTorch script's formula. */
class BenchCommandTest {
    @TempDir
    Path dir;

    @Test
    void flopsAreCountedLikeTheReferenceScript() {
        // torch_mlp.py: forward 2*784*H + 2*H*10; backward 2*784*H + 2*H*10 + 2*10*H (per example).
        Architecture a = new Architecture(784, 800, 10);
        assertEquals(2 * 784 * 800 + 2 * 800 * 10, BenchMath.forwardFlops(a), 0);
        assertEquals(2 * (2 * 784 * 800 + 2 * 800 * 10) + 2 * 10 * 800, BenchMath.trainFlops(a), 0);
        // Two hidden layers: each layer above the first also back-propagates into its input.
        Architecture b = new Architecture(10, new int[] {20, 30}, 4);
        double fwd = 2 * 10 * 20 + 2 * 20 * 30 + 2 * 30 * 4;
        assertEquals(fwd, BenchMath.forwardFlops(b), 0);
        assertEquals(2 * fwd + 2 * 20 * 30 + 2 * 30 * 4, BenchMath.trainFlops(b), 0);
        // Useful FLOPs: the first layer's forward product and weight gradient on the nonzeros only.
        double d = 0.25;
        assertEquals(2 * (2 * 784 * 800 * d + 2 * 800 * 10) + 2 * 10 * 800,
                BenchMath.useful(a, BenchMath.trainFlops(a), 2, d), 1e-6);
        assertEquals(2 * 784 * 800 * d + 2 * 800 * 10, BenchMath.useful(a, BenchMath.forwardFlops(a), 1, d), 1e-6);
    }

    @Test
    void reportsEveryFigureAsJson() throws Exception {
        Path data = idxFolder();
        JsonObject r = JsonParser.parseString(run("bench", "--data", data.toString(), "--hidden", "16", "--epochs", "3",
                "--batch", "25", "--peak-size", "64", "--infer-reps", "1", "--threads", "2", "--json")).getAsJsonObject();
        JsonObject setup = r.getAsJsonObject("setup");
        // IDX files always declare the ten digit classes.
        assertEquals("64-16-10", setup.get("architecture").getAsString());
        assertEquals(600, setup.get("trainExamples").getAsInt());
        assertEquals(2, setup.get("threads").getAsInt());
        double gflop = BenchMath.trainFlops(new Architecture(64, 16, 10)) * 600 / 1e9;
        assertEquals(gflop, setup.get("gflopPerEpoch").getAsDouble(), 1e-12);
        double density = setup.get("trainDensity").getAsDouble();
        assertTrue(density > 0 && density < 1, "density " + density);
        double useful = BenchMath.useful(new Architecture(64, 16, 10), BenchMath.trainFlops(new Architecture(64, 16, 10)),
                2, density) * 600 / 1e9;
        assertEquals(useful, setup.get("usefulGflopPerEpoch").getAsDouble(), 1e-12);
        assertTrue(setup.get("firstLayer").getAsString().matches("(sparse|dense).*"), setup.toString());
        JsonArray epochs = r.getAsJsonArray("epochs");
        assertEquals(3, epochs.size());
        double peak = r.get("peakGflops").getAsDouble();
        assertTrue(peak > 0);
        for (JsonElement e : epochs) {
            JsonObject o = e.getAsJsonObject();
            double sec = o.get("seconds").getAsDouble();
            assertEquals(gflop / sec, o.get("gflops").getAsDouble(), 1e-9 * gflop / sec);
            assertEquals(gflop / sec / peak, o.get("fractionOfPeak").getAsDouble(), 1e-9);
            assertEquals(useful / sec / peak, o.get("usefulFractionOfPeak").getAsDouble(), 1e-9);
            // The products are part of the epoch, not all of it.
            double products = o.get("productSeconds").getAsDouble();
            assertTrue(products > 0 && products < sec, products + " s of products in a " + sec + " s epoch");
            double acc = o.get("testAccuracy").getAsDouble();
            assertTrue(acc >= 0 && acc <= 1, "accuracy " + acc);
        }
        JsonObject median = r.getAsJsonObject("median");
        assertEquals(2, median.get("fromEpoch").getAsInt());
        assertEquals(gflop / median.get("productSeconds").getAsDouble(), median.get("productGflops").getAsDouble(),
                1e-9 * median.get("productGflops").getAsDouble());
        JsonArray inference = r.getAsJsonArray("inference");
        assertEquals(3, inference.size());
        int[] batches = {1, 128, 10_000};
        for (int i = 0; i < 3; i++) {
            JsonObject o = inference.get(i).getAsJsonObject();
            assertEquals(batches[i], o.get("batch").getAsInt());
            assertTrue(o.get("samplesPerSecond").getAsDouble() > 0);
            // Timed after a warm-up of at least two passes and one second.
            assertTrue(o.get("warmupPasses").getAsInt() >= 2, o.toString());
            assertTrue(o.get("warmupSeconds").getAsDouble() >= 1, o.toString());
            assertTrue(o.get("firstPassSeconds").getAsDouble() > 0, o.toString());
            // The same trained network classifies the same images at every batch size.
            assertEquals(inference.get(0).getAsJsonObject().get("accuracy").getAsDouble(),
                    o.get("accuracy").getAsDouble(), 0);
        }
        assertEquals(200, r.getAsJsonObject("latency").get("images").getAsInt());
        assertTrue(r.getAsJsonObject("memory").get("peakRssMib").getAsDouble() > 0);
        assertTrue(r.getAsJsonObject("startup").get("jvmToFirstAnswerMs").getAsDouble() > 0);
    }

    @Test
    void printsATable() throws Exception {
        String out = run("bench", "--data", idxFolder().toString(), "--hidden", "8", "--epochs", "2", "--batch", "50",
                "--peak-size", "32", "--infer-reps", "1");
        assertTrue(out.contains("median of epochs 2-2"), out);
        assertTrue(out.contains("of which matrix products"), out);
        assertTrue(out.contains("batch 10000"), out);
        assertTrue(out.contains("peak RSS"), out);
        assertTrue(out.contains("first layer: "), out);
    }

    private Path idxFolder() throws Exception {
        Dataset train = Quadrants.make("train", 600, 1);
        Dataset test = Quadrants.make("test", 200, 2);
        Idx.writeImages(dir.resolve("train-images-idx3-ubyte"), train);
        Idx.writeLabels(dir.resolve("train-labels-idx1-ubyte"), train);
        Idx.writeImages(dir.resolve("t10k-images-idx3-ubyte"), test);
        Idx.writeLabels(dir.resolve("t10k-labels-idx1-ubyte"), test);
        return dir;
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        return out.toString();
    }
}
