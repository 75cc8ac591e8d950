package theta.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Request bodies count against the server's budget until their route has run, not only while
 * they are received: bodies waiting for a worker, or being handled, are in memory too.
 */
class BodyBudgetTest {
    @Test
    void bodiesBeingHandledStillCountAgainstTheBudget() throws Exception {
        byte[] body = ServerTest.json(40, 40, ServerTest.barImage(40, 40), 1).getBytes();
        CountDownLatch entered = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        FakePredictor fake = new FakePredictor();
        Predictor slow = TestPredictors.tenClasses(image784 -> {
            entered.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return fake.probabilities(image784);
        });
        // Room for two bodies and a half: two requests being handled leave no room for a third.
        try (Server server = Server.start("127.0.0.1", 0, slow, body.length * 5L / 2)) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest predict = HttpRequest.newBuilder(URI.create(server.url() + "api/predict"))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            CompletableFuture<HttpResponse<String>> first = client.sendAsync(predict, HttpResponse.BodyHandlers.ofString());
            CompletableFuture<HttpResponse<String>> second = client.sendAsync(predict, HttpResponse.BodyHandlers.ofString());
            assertTrue(entered.await(60, TimeUnit.SECONDS), "both requests reach the predictor");
            HttpResponse<String> third = client.send(predict, HttpResponse.BodyHandlers.ofString());
            ServerTest.assertError(third, 503, "too many request bodies");
            release.countDown();
            assertEquals(200, first.get(60, TimeUnit.SECONDS).statusCode());
            assertEquals(200, second.get(60, TimeUnit.SECONDS).statusCode());
            // Handled, their bodies no longer count.
            assertEquals(200, client.send(predict, HttpResponse.BodyHandlers.ofString()).statusCode());
        } finally {
            release.countDown();
        }
    }
}
