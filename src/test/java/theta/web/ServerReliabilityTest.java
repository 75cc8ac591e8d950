package theta.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonParser;

/** Slow clients do not stall the server; its own errors are JSON; HEAD works. */
class ServerReliabilityTest {
    static Server server;

    @BeforeAll
    static void start() throws IOException {
        server = Server.start(0, new FakePredictor());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Sends raw bytes on a new connection and returns everything the server sends until it closes. */
    static String raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(30_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    static String body(String response) {
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }

    static void assertJsonError(String response, int status) {
        assertTrue(response.startsWith("HTTP/1.1 " + status + " "), response);
        assertTrue(response.toLowerCase().contains("content-type: application/json"), response);
        String error = JsonParser.parseString(body(response)).getAsJsonObject().get("error").getAsString();
        assertTrue(!error.isBlank() && !error.contains("\n") && !error.contains("Exception"), error);
    }

    @Test
    void otherClientsAreAnsweredWhileSlowClientsHoldConnections() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                Socket s = new Socket("127.0.0.1", server.port());
                slow.add(s);
                // Half promise a body and send one byte of it; half send half a header block.
                String r = i % 2 == 0
                        ? "POST /api/predict HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                          + "Content-Length: 100000\r\n\r\n{"
                        : "GET /api/health HTTP/1.1\r\nHost: x\r\nX-Slow: ";
                s.getOutputStream().write(r.getBytes(StandardCharsets.ISO_8859_1));
                s.getOutputStream().flush();
            }
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> h = client.send(HttpRequest.newBuilder(URI.create(server.url() + "api/health"))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, h.statusCode());
                HttpResponse<String> p = client.send(HttpRequest.newBuilder(URI.create(server.url() + "api/predict"))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(ServerTest.json(20, 20, ServerTest.barImage(20, 20), 1)))
                        .build(), HttpResponse.BodyHandlers.ofString());
                ServerTest.assertPrediction(p);
            }
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    /**
     * Small JSON predictions run on the Jetty thread that read them: a predictor that hangs must
     * hold such threads only, never the threads that read and write connections.
     */
    @Test
    void aHangingPredictorHoldsThreadsNotTheServer() throws Exception {
        java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(2);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Predictor hanging = TestPredictors.tenClasses(image784 -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            double[] p = new double[10];
            p[1] = 1;
            return p;
        });
        try (Server s = Server.start(0, hanging)) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                held.add(client.sendAsync(HttpRequest.newBuilder(URI.create(s.url() + "api/predict"))
                        .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(ServerTest.json(20, 20, ServerTest.barImage(20, 20), 1)))
                        .build(), HttpResponse.BodyHandlers.ofString()));
            }
            assertTrue(entered.await(30, java.util.concurrent.TimeUnit.SECONDS), "the predictor was never called");
            try {
                for (int i = 0; i < 3; i++) {
                    HttpResponse<String> h = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(s.url() + "api/health")).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, h.statusCode());
                }
            } finally {
                release.countDown();
            }
            for (var f : held) {
                assertEquals(200, f.get(60, java.util.concurrent.TimeUnit.SECONDS).statusCode());
            }
        }
    }

    @Test
    void headGivesTheHeadersWithoutTheBody() throws Exception {
        String r = raw("HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(r.startsWith("HTTP/1.1 200 "), r);
        assertTrue(r.contains("text/html"), r);
        assertEquals("", body(r));
        String health = raw("HEAD /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(health.startsWith("HTTP/1.1 200 "), health);
        assertEquals("", body(health));
    }

    @Test
    void tooManyHeadersGetAJsonStatusNotAReset() throws Exception {
        StringBuilder req = new StringBuilder("GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n");
        for (int i = 0; i < 200; i++) {
            req.append("X-Header-").append(i).append(": a value of the kind a proxy or a browser adds\r\n");
        }
        assertJsonError(raw(req.append("\r\n").toString()), 431);
    }

    @Test
    void malformedRequestsGetJsonErrors() throws Exception {
        assertJsonError(raw("GARBAGE\r\n\r\n"), 400);
        assertJsonError(raw("GET /api/health HTTP/1.1\r\nContent-Length: x\r\nHost: x\r\nConnection: close\r\n\r\n"), 400);
        assertJsonError(raw("GET /nope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 404);
    }
}
