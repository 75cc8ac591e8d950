package theta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import theta.web.Predictor;
import theta.web.TestPredictors;
import theta.web.Server;

/** The load test's clients: responses found in bytes however they arrive, and every phase kind against a real server. */
class LoadClientsTest {
    static int feedInPieces(HttpResponseScan scan, String response, int piece) {
        byte[] b = response.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer in = ByteBuffer.allocate(256);
        int r = HttpResponseScan.MORE;
        for (int i = 0; i < b.length; i += piece) {
            assertEquals(HttpResponseScan.MORE, r, "complete before its end");
            in.put(b, i, Math.min(piece, b.length - i));
            r = scan.feed(in);
        }
        return r;
    }

    @Test
    void aResponseIsCompleteAtTheEndOfItsBodyWhateverThePieces() {
        String ok = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"a\":[1,2]}";
        for (int piece = 1; piece <= ok.length(); piece++) {
            HttpResponseScan scan = new HttpResponseScan();
            assertEquals(HttpResponseScan.OK, feedInPieces(scan, ok, piece), "pieces of " + piece);
            assertFalse(scan.closes());
        }
        HttpResponseScan scan = new HttpResponseScan();
        assertEquals(HttpResponseScan.FAILED, feedInPieces(scan,
                "HTTP/1.1 503 Service Unavailable\r\ncontent-length: 2\r\nConnection: close\r\n\r\n{}", 7));
        assertEquals(503, scan.status());
        assertTrue(scan.closes());
        scan.reset();
        assertEquals(HttpResponseScan.OK, feedInPieces(scan, "HTTP/1.1 200 OK\r\n\r\n", 100), "no body");
        scan.reset();
        assertEquals(HttpResponseScan.FAILED, feedInPieces(scan, ok + "extra", 200), "bytes nobody asked for");
        scan.reset();
        assertEquals(HttpResponseScan.FAILED, feedInPieces(scan, "SSH-2.0\r\n\r\n", 3));
    }

    @Test
    void closedPacedAndNewConnectionPhasesCountEveryRequest() throws Exception {
        Predictor flat = TestPredictors.tenClasses(image784 -> {
            double[] p = new double[10];
            java.util.Arrays.fill(p, 0.1);
            return p;
        });
        StringBuilder json = new StringBuilder("{\"width\":4,\"height\":4,\"pixels\":[");
        for (int i = 0; i < 16; i++) {
            json.append(i == 0 ? "" : ",").append(i % 5 == 0 ? 255 : 0);
        }
        byte[] body = json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        try (Server server = Server.start(0, flat)) {
            int port = server.port();
            LoadClients.Phase keep = LoadClients.closed("keep", port, LoadClients.post("/api/predict",
                    "application/json", body, true), true, 3, 7, deadline);
            assertEquals(21, keep.requests());
            assertEquals(0, keep.errors());
            LoadClients.Phase fresh = LoadClients.closed("new", port, LoadClients.post("/api/predict",
                    "application/json", body, false), false, 3, 4, deadline);
            assertEquals(12, fresh.requests());
            assertEquals(0, fresh.errors());
            LoadClients.Phase paced = LoadClients.paced("paced", port, LoadClients.post("/api/predict",
                    "application/json", body, true), 2, 30, 500, deadline);
            assertEquals(30, paced.requests());
            assertEquals(0, paced.errors());
            assertEquals(500, paced.offered());
            // A refused request is an error, not a lost one.
            LoadClients.Phase refused = LoadClients.closed("bad", port, LoadClients.post("/api/predict",
                    "text/plain", body, true), true, 2, 3, deadline);
            assertEquals(6, refused.requests());
            assertEquals(6, refused.errors());
        }
    }
}
