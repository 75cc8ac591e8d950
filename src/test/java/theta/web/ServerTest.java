package theta.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import theta.data.DigitImage;

class ServerTest {
    static Server server;
    static HttpClient client;

    @BeforeAll
    static void start() throws IOException {
        server = Server.start(0, new FakePredictor());
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).timeout(Duration.ofSeconds(60));
    }

    static HttpResponse<String> send(HttpRequest req) throws IOException, InterruptedException {
        return client.send(req, HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** A W x H gray image, 0..255, black background, a white vertical bar in the upper part. */
    static int[] barImage(int w, int h) {
        int[] px = new int[w * h];
        for (int y = h / 8; y < h / 2; y++) {
            for (int x = w / 3; x < w / 3 + Math.max(1, w / 10); x++) {
                px[y * w + x] = 255;
            }
        }
        return px;
    }

    static String json(int w, int h, int[] px, double scale) {
        StringBuilder sb = new StringBuilder("{\"width\":" + w + ",\"height\":" + h + ",\"pixels\":[");
        for (int i = 0; i < px.length; i++) {
            sb.append(i == 0 ? "" : ",").append(scale == 1 ? String.valueOf(px[i]) : String.valueOf(px[i] / scale));
        }
        return sb.append("]}").toString();
    }

    /** Checks the JSON shape of a prediction and returns its input28. */
    static float[] assertPrediction(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonObject o = JsonParser.parseString(r.body()).getAsJsonObject();
        assertEquals(3, o.size(), "prediction, probabilities, input28");
        JsonArray p = o.getAsJsonArray("probabilities");
        JsonArray in = o.getAsJsonArray("input28");
        assertEquals(10, p.size());
        assertEquals(784, in.size());
        float[] input = new float[784];
        for (int i = 0; i < 784; i++) {
            input[i] = in.get(i).getAsFloat();
            assertTrue(input[i] >= 0 && input[i] <= 1);
        }
        double[] expected = new FakePredictor().probabilities(input);
        int best = 0;
        for (int k = 0; k < 10; k++) {
            assertEquals(expected[k], p.get(k).getAsDouble(), 1e-6, "probability " + k);
            best = expected[k] > expected[best] ? k : best;
        }
        assertEquals(best, o.get("prediction").getAsInt());
        return input;
    }

    static void assertError(HttpResponse<String> r, int status, String contains) {
        assertEquals(status, r.statusCode(), r.body());
        JsonObject o = JsonParser.parseString(r.body()).getAsJsonObject();
        assertEquals(1, o.size(), r.body());
        String error = o.get("error").getAsString();
        assertTrue(error.contains(contains), error);
        assertFalse(error.contains("\n") || error.contains("Exception") || error.contains("at theta."), error);
    }

    @Test
    void listensOnLoopbackByDefault() {
        assertTrue(server.url().startsWith("http://127.0.0.1:" + server.port() + "/"), server.url());
        assertTrue(server.port() > 0);
    }

    @Test
    void pageIsHtmlWithACanvasAndNoExternalAssets() throws Exception {
        HttpResponse<String> r = send(request("/").GET().build());
        assertEquals(200, r.statusCode());
        assertEquals("text/html; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
        assertTrue(r.body().contains("<canvas id=\"pad\""), "drawing canvas");
        assertTrue(r.body().contains("api/predict"));
        assertTrue(r.body().contains("<button type=\"button\" id=\"clear\">Clear</button>"), "keyboard-usable Clear");
        assertTrue(r.body().contains("aria-live=\"polite\""), "predictions are announced");
        assertFalse(r.body().contains("://"), "no external URL in the page");
    }

    @Test
    void healthAndModelDescription() throws Exception {
        HttpResponse<String> h = send(request("/api/health").GET().build());
        assertEquals(200, h.statusCode());
        assertEquals("{\"status\":\"ok\"}", h.body());
        HttpResponse<String> m = send(request("/api/model").GET().build());
        assertEquals(200, m.statusCode());
        assertEquals(Map.of("model", "fake: ink per third of the rows", "classes", "10"),
                Exchanges.GSON.fromJson(m.body(), Map.class));
    }

    @Test
    void jsonPixelsIn0To255And0To1GiveTheSamePrediction() throws Exception {
        int[] px = barImage(60, 80);
        float[] a = assertPrediction(post("/api/predict", "application/json", json(60, 80, px, 1).getBytes()));
        float[] b = assertPrediction(post("/api/predict", "application/json; charset=utf-8",
                json(60, 80, px, 255).getBytes()));
        assertArrayEquals(a, b);
        double[] g = new double[px.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = px[i] / 255.0;
        }
        assertArrayEquals(DigitImage.fromGray(g, 60, 80), a, "the server runs MNIST's preprocessing");
    }

    @Test
    void pngBodyIsPreprocessedLikeAFile() throws Exception {
        BufferedImage img = new BufferedImage(280, 280, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(22, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawPolyline(new int[] {70, 205, 125}, new int[] {60, 60, 225}, 3);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        float[] input = assertPrediction(post("/api/predict", "image/png", png.toByteArray()));
        assertArrayEquals(DigitImage.fromBytes(png.toByteArray(), "t", 1 << 20), input);
    }

    @Test
    void largestAllowedImageIsAccepted() throws Exception {
        String body = json(1024, 1024, barImage(1024, 1024), 1);
        assertTrue(body.length() < Server.MAX_BODY_BYTES);
        assertPrediction(post("/api/predict", "application/json", body.getBytes()));
    }

    @Test
    void wrongMethodsAre405() throws Exception {
        HttpResponse<String> r = send(request("/api/predict").GET().build());
        assertError(r, 405, "use POST");
        assertEquals("POST", r.headers().firstValue("Allow").orElse(""));
        assertError(post("/", "application/json", "{}".getBytes()), 405, "use GET");
        assertError(post("/api/health", "application/json", "{}".getBytes()), 405, "use GET");
        assertError(send(request("/api/model").DELETE().build()), 405, "use GET");
    }

    @Test
    void unknownPathsAre404() throws Exception {
        assertError(send(request("/nope").GET().build()), 404, "/nope: not found");
        assertError(send(request("/api/").GET().build()), 404, "not found");
    }

    @Test
    void badRequestsAre400WithOneLine() throws Exception {
        String json = "application/json";
        assertError(post("/api/predict", json, "{\"width\":".getBytes()), 400, "not valid JSON");
        assertError(post("/api/predict", json, "[1,2]".getBytes()), 400, "expected a JSON object");
        assertError(post("/api/predict", json, "".getBytes()), 400, "expected a JSON object");
        assertError(post("/api/predict", json, "{\"width\":2,\"height\":2,\"pixels\":[1,2,3]}".getBytes()),
                400, "\"pixels\" has 3 values, width*height is 4");
        assertError(post("/api/predict", json, "{\"width\":2000,\"height\":1,\"pixels\":[]}".getBytes()),
                400, "\"width\" must be an integer from 1 to 1024");
        assertError(post("/api/predict", json, "{\"width\":1.5,\"height\":1,\"pixels\":[]}".getBytes()),
                400, "\"width\" must be an integer");
        assertError(post("/api/predict", json, "{\"width\":1,\"height\":1}".getBytes()), 400, "\"pixels\" must be");
        assertError(post("/api/predict", json, "{\"width\":2,\"height\":1,\"pixels\":[1,\"a\"]}".getBytes()),
                400, "\"pixels\"[1] is not a number");
        assertError(post("/api/predict", json, "{\"width\":2,\"height\":1,\"pixels\":[1,300]}".getBytes()),
                400, "\"pixels\"[1] is 300.0, not in 0..255");
        assertError(post("/api/predict", json, json(30, 30, new int[900], 1).getBytes()),
                400, "no digit found (the image is blank)");
        assertError(post("/api/predict", "image/png", new byte[] {1, 2, 3}), 400, "not a PNG/JPEG image");
        assertError(post("/api/predict", "text/plain", "hello".getBytes()), 415, "text/plain is not supported");
    }

    @Test
    void bodiesOverTheLimitAre413() throws Exception {
        byte[] big = new byte[Server.MAX_BODY_BYTES + 10];
        // Without a Content-Length (streamed, chunked): refused once the limit is passed.
        HttpResponse<String> r = send(request("/api/predict").header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build());
        assertError(r, 413, "larger than " + Server.MAX_BODY_BYTES + " bytes");
        // With a Content-Length over the limit: refused before any of the body is read.
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port())) {
            s.getOutputStream().write(("POST /api/predict HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: image/png\r\nContent-Length: 1000000000\r\n\r\n").getBytes());
            s.getOutputStream().flush();
            String head = new String(s.getInputStream().readNBytes(12));
            assertEquals("HTTP/1.1 413", head);
        }
    }

    @Test
    void predictorFailureIs500WithoutDetails() throws Exception {
        Predictor broken = TestPredictors.tenClasses(image784 -> {
            throw new IllegalStateException("secret internal detail");
        });
        try (Server s = Server.start(0, broken)) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(s.url() + "api/predict"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json(20, 20, barImage(20, 20), 1))).build());
            assertError(r, 500, "internal error");
            assertFalse(r.body().contains("secret"));
        }
    }

    @Test
    void outOfMemoryInARequestIs503AndTheServerGoesOn() throws Exception {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        Predictor hungry = TestPredictors.tenClasses(image784 -> {
            if (calls.incrementAndGet() == 1) {
                throw new OutOfMemoryError("Java heap space");
            }
            double[] p = new double[10];
            p[3] = 1;
            return p;
        });
        try (Server s = Server.start(0, hungry)) {
            // Without a reply the request would wait for the idle timeout: fail sooner instead.
            HttpRequest predict = HttpRequest.newBuilder(URI.create(s.url() + "api/predict"))
                    .timeout(java.time.Duration.ofSeconds(5)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json(20, 20, barImage(20, 20), 1))).build();
            HttpResponse<String> failed = send(predict);
            assertError(failed, 503, "not enough memory");
            assertEquals("1", failed.headers().firstValue("Retry-After").orElse(""));
            HttpResponse<String> next = send(predict);
            assertEquals(200, next.statusCode());
            assertTrue(next.body().startsWith("{\"prediction\":3,"), next.body());
        }
    }

    @Test
    void closedServerRefusesConnections() throws Exception {
        Server s = Server.start(0, new FakePredictor());
        URI health = URI.create(s.url() + "api/health");
        assertEquals(200, send(HttpRequest.newBuilder(health).GET().build()).statusCode());
        s.close();
        HttpClient fresh = HttpClient.newHttpClient();
        assertThrows(IOException.class,
                () -> fresh.send(HttpRequest.newBuilder(health).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void theReportIsServedAtSlashReportAndMadeOnce() throws Exception {
        assertError(send(request("/report").GET().build()), 404, "no model report");
        java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
        server.report(() -> ("<!DOCTYPE html><h1>report " + made.incrementAndGet() + "</h1>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> r = send(request("/report").GET().build());
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertTrue(r.body().contains("report 1"), r.body());
        }
        assertTrue(send(request("/").GET().build()).body().contains("href=\"report\""));
    }
}
