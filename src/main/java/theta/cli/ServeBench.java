package theta.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.imageio.ImageIO;

import com.google.gson.JsonObject;

import theta.activation.Activations;
import theta.eval.Classifier;
import theta.io.ModelFile;
import theta.loss.Loss;
import theta.nn.Architecture;
import theta.nn.Model;
import theta.nn.Network;
import theta.train.Initializer;
import theta.web.Predictor;
import theta.web.Server;

/**
 * {@code theta bench --serve}: a load test of the web server on loopback, bounded in requests and
 * time. Phases of {@code clients} x {@code each} requests: JSON keep-alive, JSON with a new
 * connection per request, PNG keep-alive, and JSON keep-alive while 16 slow clients hold
 * connections; each prints req/s, p50, p99 and errors, and the process's RSS before and after.
 */
final class ServeBench {
    private ServeBench() {}

    static int run(PrintWriter o, Path modelFile, int clients, int each, int slowClients, int seconds)
            throws IOException, InterruptedException {
        Model model = modelFile != null ? ModelFile.read(modelFile) : untrained();
        // One classifier a worker thread (each holds its scratch space); BLAS single-threaded inside,
        // as concurrency comes from the requests.
        theta.math.Threads.set(1);
        ThreadLocal<Classifier> classifier = ThreadLocal.withInitial(() -> new Classifier(model, theta.math.Gemm.blas()));
        Predictor predictor = new Predictor() {
            @Override
            public double[] probabilities(float[] image784) {
                return classifier.get().probabilities(image784);
            }

            @Override
            public int classes() {
                return model.network().architecture().outputs();
            }

            @Override
            public Map<String, String> describe() {
                return Map.of("model", "bench");
            }
        };
        byte[] json = drawingJson(28).getBytes(StandardCharsets.UTF_8);
        byte[] png = drawingPng(280);
        o.printf(Locale.ROOT, "theta bench --serve: %s, %d clients x %d requests a phase, %d slow clients, %d s at most;"
                + " JSON %d bytes (28x28), PNG %d bytes (280x280, the page's canvas)%n",
                model.network().architecture(), clients, each, slowClients, seconds, json.length, png.length);
        o.flush();
        double rssBefore;
        List<LoadClients.Phase> phases = new ArrayList<>();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        try (Server server = Server.start(0, predictor)) {
            int port = server.port();
            // A short warm-up (JIT), then RSS "before" is the serving process at rest.
            LoadClients.run("warm-up", port, LoadClients.post("/api/predict", "application/json", json, true), true,
                    4, 500, deadline);
            System.gc();
            rssBefore = BenchCommand.ProcessMemory.rssMib();
            phases.add(LoadClients.run("JSON keep-alive", port, LoadClients.post("/api/predict", "application/json",
                    json, true), true, clients, each, deadline));
            phases.add(LoadClients.run("JSON new connection", port, LoadClients.post("/api/predict",
                    "application/json", json, false), false, clients, each, deadline));
            phases.add(LoadClients.run("PNG keep-alive", port, LoadClients.post("/api/predict", "image/png", png, true),
                    true, clients, each, deadline));
            AtomicBoolean stop = new AtomicBoolean();
            LoadClients.slow(port, slowClients, stop);
            Thread.sleep(1000); // the slow clients are connected and trickling
            phases.add(LoadClients.run("JSON keep-alive + " + slowClients + " slow", port, LoadClients.post(
                    "/api/predict", "application/json", json, true), true, clients, each, deadline));
            stop.set(true);
        }
        System.gc();
        double rssAfter = BenchCommand.ProcessMemory.rssMib();
        o.printf(Locale.ROOT, "%-28s %9s %9s %8s %8s %7s%n", "phase", "requests", "req/s", "p50 ms", "p99 ms", "errors");
        for (LoadClients.Phase p : phases) {
            o.printf(Locale.ROOT, "%-28s %9d %9.0f %8.2f %8.2f %7d%n", p.name(), p.requests(), p.perSecond(), p.p50Ms(),
                    p.p99Ms(), p.errors());
        }
        o.printf(Locale.ROOT, "RSS before %.0f MiB, after %.0f MiB (x%.2f); clients and server share this JVM%s%n",
                rssBefore, rssAfter, rssAfter / rssBefore,
                System.nanoTime() > deadline ? "; STOPPED AT THE TIME LIMIT" : "");
        return Main.OK;
    }

    /** 784-800-10 ReLU with initial weights: a prediction costs what a trained model's does. */
    private static Model untrained() {
        Network net = new Network(new Architecture(784, new int[] {800}, 10), Activations.parse("relu"), Loss.SOFTMAX);
        double[] params = Initializer.parameters(net, Initializer.resolve("auto", "relu"), 1);
        return new Model(net, params, 28, 28, new JsonObject());
    }

    /** A vertical stroke, as JSON {"width","height","pixels"} in 0..255. */
    private static String drawingJson(int side) {
        StringBuilder sb = new StringBuilder("{\"width\":" + side + ",\"height\":" + side + ",\"pixels\":[");
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                boolean ink = Math.abs(x - side / 2) < side / 10 && y > side / 6 && y < side * 5 / 6;
                sb.append(x + y == 0 ? "" : ",").append(ink ? 255 : 0);
            }
        }
        return sb.append("]}").toString();
    }

    /** A "7" drawn on a white canvas of the page's size, as PNG. */
    private static byte[] drawingPng(int side) throws IOException {
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, side, side);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(side / 12f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawPolyline(new int[] {side / 4, side * 3 / 4, side * 2 / 5}, new int[] {side / 5, side / 5, side * 4 / 5}, 3);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
