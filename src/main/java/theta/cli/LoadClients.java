package theta.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Minimal HTTP/1.1 load clients for {@code theta bench --serve}: raw sockets (so the client's own
 * cost stays small), one request in one write, Content-Length responses; and slow clients that
 * hold connections by trickling a body or staying silent, reconnecting when the server cuts them.
 */
final class LoadClients {
    private LoadClients() {}

    /** What one phase measured. */
    record Phase(String name, int requests, int errors, double seconds, double p50Ms, double p99Ms) {
        double perSecond() {
            return requests / seconds;
        }
    }

    /** {@code clients} threads each send {@code each} copies of {@code request}; stops at the deadline. */
    static Phase run(String name, int port, byte[] request, boolean keepAlive, int clients, int each, long deadline)
            throws InterruptedException {
        long[][] latencies = new long[clients][each];
        int[] done = new int[clients];
        AtomicInteger errors = new AtomicInteger();
        Thread[] threads = new Thread[clients];
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int id = c;
            threads[c] = new Thread(() -> {
                Socket s = null;
                try {
                    for (int i = 0; i < each && System.nanoTime() < deadline; i++) {
                        long start = System.nanoTime();
                        try {
                            if (s == null) {
                                s = connect(port);
                            }
                            if (exchange(s, request) != 200) {
                                errors.incrementAndGet();
                            }
                            if (!keepAlive) {
                                s.close();
                                s = null;
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                            close(s);
                            s = null;
                        }
                        latencies[id][done[id]++] = System.nanoTime() - start;
                    }
                } finally {
                    close(s);
                }
            }, "load-" + c);
            threads[c].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long[] all = new long[Arrays.stream(done).sum()];
        int k = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies[c], 0, all, k, done[c]);
            k += done[c];
        }
        Arrays.sort(all);
        return new Phase(name, all.length, errors.get(), seconds, percentile(all, 0.50), percentile(all, 0.99));
    }

    private static double percentile(long[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, q * sorted.length)] / 1e6;
    }

    static Socket connect(int port) throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setSoTimeout(30_000);
        s.connect(new InetSocketAddress("127.0.0.1", port), 30_000);
        return s;
    }

    private static void close(Socket s) {
        try {
            if (s != null) {
                s.close();
            }
        } catch (IOException ignored) {
            // closing a broken connection
        }
    }

    /** Sends one request and reads its response; returns the status. */
    static int exchange(Socket s, byte[] request) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(request);
        out.flush();
        InputStream in = s.getInputStream();
        StringBuilder head = new StringBuilder();
        int b;
        while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
            if ((b = in.read()) < 0) {
                throw new IOException("connection closed mid-response");
            }
            head.append((char) b);
        }
        String h = head.toString();
        int status = Integer.parseInt(h.substring(9, 12));
        int at = h.toLowerCase(java.util.Locale.ROOT).indexOf("content-length:");
        int length = at < 0 ? 0 : Integer.parseInt(h.substring(at + 15, h.indexOf('\r', at)).strip());
        if (in.readNBytes(length).length != length) {
            throw new IOException("short body");
        }
        return status;
    }

    /** A request with a body, as bytes. */
    static byte[] post(String path, String type, byte[] body, boolean keepAlive) {
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + type + "\r\nContent-Length: "
                + body.length + "\r\n" + (keepAlive ? "" : "Connection: close\r\n") + "\r\n";
        byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = Arrays.copyOf(h, h.length + body.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    /** Slow clients: even ones trickle a promised body a byte every half second, odd ones stay silent. */
    static Thread[] slow(int port, int count, AtomicBoolean stop) {
        Thread[] threads = new Thread[count];
        for (int i = 0; i < count; i++) {
            boolean trickle = i % 2 == 0;
            threads[i] = new Thread(() -> {
                while (!stop.get()) {
                    try (Socket s = connect(port)) {
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
