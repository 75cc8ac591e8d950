package theta.cli;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * HTTP/1.1 load clients for {@code theta bench --serve}, cheap enough not to take the CPU they
 * measure (the server runs on the same cores): one thread drives all connections through a
 * selector, every request is the same pre-built bytes sent in one write, and a response is only
 * scanned for its status line, Content-Length and end (16 KiB buffer a connection, reused).
 *
 * <p>Two ways to load the server: {@link #closed} (each client sends its next request as soon as
 * the last is answered: the throughput the server reaches, with the latency that many waiting
 * clients queue up to), and {@link #paced} (requests are due at a fixed offered rate whatever
 * the server does, and each latency counts from when its request was due, as wrk2 does: a
 * server that stalls is charged for every request it held up, not just the one it was serving).
 */
final class LoadClients {
    private LoadClients() {}

    /** What one phase measured; {@code offered} is the paced rate, NaN for a closed loop. */
    record Phase(String name, int requests, int errors, double seconds, double p50Ms, double p99Ms, double offered) {
        double perSecond() {
            return requests / seconds;
        }
    }

    /**
     * Closed loop: {@code clients} connections each send {@code each} requests, one at a time,
     * the next as soon as the last is answered; keep-alive, or a new connection per request.
     * Stops early at {@code deadline} (System.nanoTime).
     */
    static Phase closed(String name, int port, byte[] request, boolean keepAlive, int clients, int each,
                        long deadline) throws IOException {
        long[] latencies = new long[clients * each];
        int recorded = 0;
        int errors = 0;
        long t0 = System.nanoTime();
        try (Selector selector = Selector.open()) {
            LoadConnection[] conns = new LoadConnection[clients];
            int active = 0;
            for (int c = 0; c < clients; c++) {
                conns[c] = new LoadConnection(port, request);
                conns[c].start = System.nanoTime();
                if (conns[c].send(selector)) {
                    active++;
                } else {
                    errors++;
                }
            }
            while (active > 0) {
                selector.select(200);
                long now = System.nanoTime();
                for (SelectionKey key : selector.selectedKeys()) {
                    LoadConnection c = (LoadConnection) key.attachment();
                    int r = c.receive();
                    if (r == LoadConnection.MORE) {
                        continue;
                    }
                    latencies[recorded++] = now - c.start;
                    errors += r == LoadConnection.OK ? 0 : 1;
                    if (r != LoadConnection.OK || !keepAlive || c.closeAfter) {
                        c.close();
                    }
                    // The next request goes out as soon as this one is answered (a failed send counts as an error).
                    while (++c.sent < each && now < deadline) {
                        c.start = now;
                        if (c.send(selector)) {
                            break;
                        }
                        errors++;
                    }
                    if (c.sent >= each || now >= deadline) {
                        c.close();
                        active--;
                    }
                }
                selector.selectedKeys().clear();
                if (now > deadline + TimeUnit.SECONDS.toNanos(30)) {
                    break; // a connection the server never answered: give up on it
                }
            }
            for (LoadConnection c : conns) {
                c.close();
            }
        }
        return phase(name, latencies, recorded, errors, (System.nanoTime() - t0) / 1e9, Double.NaN);
    }

    /**
     * Open loop at a fixed offered rate: {@code total} requests due at {@code rate} per second
     * across {@code clients} keep-alive connections. A due request goes out on the first idle
     * connection (waiting for one when all are busy), and its latency counts from when it was
     * due, so time spent waiting for a connection counts too (no coordinated omission). A pacing
     * thread sends; the selector thread reads the responses.
     */
    static Phase paced(String name, int port, byte[] request, int clients, int total, double rate, long deadline)
            throws IOException, InterruptedException {
        long[] latencies = new long[total];
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger(); // answered or failed to send
        BlockingQueue<LoadConnection> idle = new ArrayBlockingQueue<>(clients);
        Queue<LoadConnection> register = new ConcurrentLinkedQueue<>();
        AtomicInteger sent = new AtomicInteger(); // requests written or tried, read by the selector thread
        long t0 = System.nanoTime();
        try (Selector selector = Selector.open()) {
            for (int c = 0; c < clients; c++) {
                LoadConnection conn = new LoadConnection(port, request);
                conn.connect();
                conn.register(selector);
                idle.add(conn);
            }
            Thread pacer = new Thread(() -> {
                for (int k = 0; k < total; k++) {
                    long due = t0 + (long) (k * 1e9 / rate);
                    for (long wait; (wait = due - System.nanoTime()) > 0; ) {
                        LockSupport.parkNanos(wait);
                    }
                    if (due >= deadline) {
                        break;
                    }
                    LoadConnection c;
                    try {
                        c = idle.take();
                    } catch (InterruptedException e) {
                        break;
                    }
                    c.start = due;
                    c.busy = true;
                    sent.incrementAndGet();
                    if (!c.write()) {
                        c.busy = false;
                        errors.incrementAndGet();
                        finished.incrementAndGet();
                        c.close();
                        register.add(c); // the selector thread reconnects it and makes it idle again
                        selector.wakeup();
                    }
                }
            }, "load-pacer");
            pacer.start();
            int recorded = 0;
            while (pacer.isAlive() || finished.get() < sent.get()) {
                selector.select(50);
                long now = System.nanoTime();
                for (SelectionKey key : selector.selectedKeys()) {
                    LoadConnection c = (LoadConnection) key.attachment();
                    int r = c.receive();
                    if (r == LoadConnection.MORE) {
                        continue;
                    }
                    if (!c.busy) {
                        // Closed while idle (no request out): not a request's answer; connect again,
                        // unless the pacer has just taken it (its write then fails and reconnects it).
                        if (idle.remove(c)) {
                            c.close();
                            register.add(c);
                        }
                        continue;
                    }
                    c.busy = false;
                    latencies[recorded++] = now - c.start;
                    if (r != LoadConnection.OK) {
                        errors.incrementAndGet();
                    }
                    if (r != LoadConnection.OK || c.closeAfter) {
                        c.close();
                        register.add(c);
                    } else {
                        idle.add(c);
                    }
                    finished.incrementAndGet();
                }
                selector.selectedKeys().clear();
                for (LoadConnection c; (c = register.poll()) != null; ) {
                    if (c.reconnect(selector)) {
                        idle.add(c);
                    } else {
                        register.add(c); // the server is gone for now; try again on the next round
                        break;
                    }
                }
                if (now > deadline + TimeUnit.SECONDS.toNanos(30)) {
                    pacer.interrupt();
                    break;
                }
            }
            pacer.join();
            LoadConnection c;
            while ((c = idle.poll()) != null) {
                c.close();
            }
            return phase(name, latencies, recorded, errors.get(), (System.nanoTime() - t0) / 1e9, rate);
        }
    }

    private static Phase phase(String name, long[] latencies, int n, int errors, double seconds, double offered) {
        long[] all = Arrays.copyOf(latencies, n);
        Arrays.sort(all);
        return new Phase(name, n, errors, seconds, percentile(all, 0.50), percentile(all, 0.99), offered);
    }

    static double percentile(long[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, q * sorted.length)] / 1e6;
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
}
