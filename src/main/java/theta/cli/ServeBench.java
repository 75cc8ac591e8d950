package theta.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.imageio.ImageIO;

import com.google.gson.JsonObject;

import theta.activation.Activations;
import theta.io.ModelFile;
import theta.loss.Loss;
import theta.nn.Architecture;
import theta.nn.Model;
import theta.nn.Network;
import theta.nn.Initializer;

/**
 * {@code theta bench --serve}: a load test of the web server on loopback, bounded in requests and
 * time. Phases of {@code clients} x {@code each} requests: JSON keep-alive, JSON with a new
 * connection per request, PNG keep-alive, and JSON keep-alive while 16 slow clients hold
 * connections; each prints req/s, p50, p99, errors and the server's CPU time per request, and the
 * process's RSS before and after. An uncounted warm-up at full load comes first.
 */
final class ServeBench {
    private ServeBench() {}

    /** Requests a client sends in the uncounted warm-up at full load. */
    static final int WARM_UP_EACH = 300;

    static int run(PrintWriter o, Path modelFile, int clients, int each, int slowClients, int seconds, double rate)
            throws IOException, InterruptedException {
        if (clients < 1 || each < 1 || (long) clients * each > 10_000_000) {
            throw new IllegalArgumentException("--clients and --requests must be at least 1 (and their product at most"
                    + " 10,000,000), got " + clients + " and " + each);
        }
        if (!(rate > 0 && rate <= 1e6)) {
            throw new IllegalArgumentException("--rate must be from 1 to 1000000 requests per second, got " + rate);
        }
        Path tmp = null;
        if (modelFile == null) {
            tmp = Files.createTempFile("theta-bench-", ".npz");
            ModelFile.write(tmp, untrained());
        }
        Path served = modelFile != null ? modelFile : tmp;
        byte[] json = drawingJson(28).getBytes(StandardCharsets.UTF_8);
        byte[] png = drawingPng(280);
        List<String> command = serverCommand(served);
        o.printf(Locale.ROOT, "theta bench --serve: %s, %d clients x %d requests a phase after %d x %d uncounted,"
                + " paced at %.0f req/s, %d slow clients, %d s at most; JSON %d bytes (28x28), PNG %d bytes (280x280,"
                + " the page's canvas); server: %s%n",
                modelFile == null ? "untrained 784-800-10 relu" : modelFile, clients, each, clients, WARM_UP_EACH, rate,
                slowClients, seconds,
                json.length, png.length, command.get(0).endsWith("theta") ? "./theta serve" : "java -cp (no launcher)");
        o.flush();
        List<Row> phases = new ArrayList<>();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        // The server runs in its own JVM (theta serve), so its RSS is its own, not the clients'.
        Process server = new ProcessBuilder(command).redirectErrorStream(true).start();
        double rssBefore;
        double rssAfter;
        byte[] jsonKeep = LoadClients.post("/api/predict", "application/json", json, true);
        try {
            int port = port(server);
            // A short warm-up (JIT), then RSS "before" is the serving process at rest.
            LoadClients.closed("warm-up", port, jsonKeep, true, 4, 500, deadline);
            rssBefore = BenchCommand.ProcessMemory.rssMib(server.pid());
            // The JIT keeps compiling the request path for some seconds: a second, uncounted warm-up
            // at full load, so that the phases measure the server as it runs, not as it starts.
            LoadClients.closed("warm-up", port, jsonKeep, true, clients, WARM_UP_EACH, deadline);
            phases.add(Row.of(server, () -> LoadClients.closed("JSON keep-alive", port, jsonKeep, true, clients, each,
                    deadline)));
            phases.add(Row.of(server, () -> LoadClients.paced("JSON keep-alive, paced", port, jsonKeep, clients,
                    clients * each, rate, deadline)));
            byte[] jsonClose = LoadClients.post("/api/predict", "application/json", json, false);
            phases.add(Row.of(server, () -> LoadClients.closed("JSON new connection", port, jsonClose, false, clients,
                    each, deadline)));
            byte[] pngKeep = LoadClients.post("/api/predict", "image/png", png, true);
            phases.add(Row.of(server, () -> LoadClients.closed("PNG keep-alive", port, pngKeep, true, clients, each,
                    deadline)));
            AtomicBoolean stop = new AtomicBoolean();
            SlowClients.start(port, slowClients, stop);
            Thread.sleep(1000); // the slow clients are connected and trickling
            String slow = " + " + slowClients + " slow";
            phases.add(Row.of(server, () -> LoadClients.closed("JSON keep-alive" + slow, port, jsonKeep, true, clients,
                    each, deadline)));
            phases.add(Row.of(server, () -> LoadClients.paced("JSON paced" + slow, port, jsonKeep, clients,
                    clients * each, rate, deadline)));
            stop.set(true);
            rssAfter = BenchCommand.ProcessMemory.rssMib(server.pid());
        } finally {
            server.destroy();
            server.waitFor();
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
        }
        o.printf(Locale.ROOT, "%-30s %9s %9s %9s %8s %8s %7s %11s%n", "phase", "requests", "offered", "req/s", "p50 ms",
                "p99 ms", "errors", "server CPU");
        for (Row row : phases) {
            LoadClients.Phase p = row.phase();
            o.printf(Locale.ROOT, "%-30s %9d %9s %9.0f %8.2f %8.2f %7d %6.0f us/r%n", p.name(), p.requests(),
                    Double.isNaN(p.offered()) ? "closed" : String.format(Locale.ROOT, "%.0f/s", p.offered()),
                    p.perSecond(), p.p50Ms(), p.p99Ms(), p.errors(), row.serverCpuMicrosPerRequest());
        }
        o.println("server CPU: the serving process's user + system CPU time during the phase, per request"
                + " (less sensitive to other load on the machine than req/s and latency)");
        o.printf(Locale.ROOT, "server RSS before %.0f MiB, after %.0f MiB (x%.2f)%s%n", rssBefore, rssAfter,
                rssAfter / rssBefore, System.nanoTime() > deadline ? "; STOPPED AT THE TIME LIMIT" : "");
        return Main.OK;
    }

    /**
     * The server as a user starts it: through the launcher when theta runs from it (so the
     * launcher's JVM settings for serve apply; it execs java, so the process is the JVM), else
     * the same JVM and class path as this one.
     */
    private static List<String> serverCommand(Path model) {
        String home = System.getenv("THETA_HOME");
        Path launcher = home == null ? null : Path.of(home, "theta");
        if (launcher != null && Files.isExecutable(launcher)) {
            return List.of(launcher.toString(), "serve", model.toString(), "--port", "0");
        }
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "serve", model.toString(), "--port", "0");
    }

    /** A phase and the server's CPU time per request during it (NaN where the OS does not say). */
    private record Row(LoadClients.Phase phase, double serverCpuMicrosPerRequest) {
        interface Load {
            LoadClients.Phase run() throws IOException, InterruptedException;
        }

        static Row of(Process server, Load load) throws IOException, InterruptedException {
            double before = cpuSeconds(server);
            LoadClients.Phase p = load.run();
            return new Row(p, (cpuSeconds(server) - before) * 1e6 / Math.max(1, p.requests()));
        }

        private static double cpuSeconds(Process server) {
            return server.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
        }
    }

    /** Reads "theta: serving ... at http://127.0.0.1:PORT/" from the server's output. */
    private static int port(Process server) throws IOException {
        java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(server.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/").matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        r.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException ignored) {
                        // the server ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(m.group(1));
            }
        }
        throw new IOException("the server did not start");
    }

    /** 784-800-10 ReLU with initial weights: a prediction costs what a trained model's does. */
    private static Model untrained() {
        Network net = new Network(new Architecture(784, new int[] {800}, 10), Activations.parse("relu"), Loss.SOFTMAX);
        double[] params = Initializer.parameters(net, net.activation().defaultInit(), 1);
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
