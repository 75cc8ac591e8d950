package theta.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Clients that hold connections to the server without finishing a request, for the load test:
 * even ones promise a 100,000-byte body and trickle it a byte every half second, odd ones
 * connect and stay silent. Each reconnects when the server's timeouts cut it off.
 */
final class SlowClients {
    private SlowClients() {}

    /** Starts {@code count} slow clients (daemon threads) that run until {@code stop} is set. */
    static Thread[] start(int port, int count, AtomicBoolean stop) {
        Thread[] threads = new Thread[count];
        for (int i = 0; i < count; i++) {
            boolean trickle = i % 2 == 0;
            threads[i] = new Thread(() -> {
                while (!stop.get()) {
                    try (Socket s = new Socket()) {
                        s.setSoTimeout(30_000);
                        s.connect(new InetSocketAddress("127.0.0.1", port), 30_000);
                        if (trickle) {
                            s.getOutputStream().write(("POST /api/predict HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n")
                                    .getBytes(StandardCharsets.ISO_8859_1));
                        }
                        while (!stop.get() && trickle) {
                            Thread.sleep(500);
                            s.getOutputStream().write(' ');
                        }
                        if (!trickle && s.getInputStream().read() >= 0) {
                            Thread.sleep(100); // the server answered something: pause before reconnecting
                        }
                    } catch (IOException e) {
                        // cut off by the server's timeouts: connect again
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "slow-" + i);
            threads[i].setDaemon(true);
            threads[i].start();
        }
        return threads;
    }
}
