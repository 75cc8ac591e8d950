package theta.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import theta.InputException;
import theta.math.ArgMax;
import theta.web.Exchanges.HttpError;

/**
 * The web page where a user draws a digit and sees the model's prediction, and its JSON API:
 * <ul>
 * <li>{@code GET /} (and HEAD): the page (one self-contained HTML file);</li>
 * <li>{@code POST /api/predict}: JSON {@code {"width","height","pixels"}} or an image body;
 *     answers {@code {"prediction", "probabilities", "input28"}};</li>
 * <li>{@code GET /api/model}: the predictor's description; {@code GET /api/health}.</li>
 * </ul>
 * Errors are JSON {@code {"error": "one line"}}: 400 bad input, 404, 405, 408 too slow, 413 body
 * too large, 415 content type, 431 headers too large, 500, 503 busy (never a stack trace).
 * Built on Jetty (see the README's design notes): slow clients hold connections, not threads.
 */
public final class Server implements AutoCloseable {
    /** Loopback only unless asked otherwise. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Largest request body accepted. */
    public static final int MAX_BODY_BYTES = 4 << 20;
    /**
     * All request bodies held at once (being received, waiting for a worker or being handled),
     * together; more get 503 until some finish. It bounds what requests can take of the heap.
     */
    public static final long BODY_BUDGET_BYTES = 64L << 20;
    /** A connection silent this long (mid-request or idle between keep-alive requests) is closed. */
    public static final int IDLE_TIMEOUT_MS = 10_000;
    /** A request body arriving slower than this (bytes per second) is cut off with 408. */
    public static final int MIN_REQUEST_BYTES_PER_SECOND = 8192;
    /** Request line and headers together; more gets 431. */
    public static final int MAX_HEADER_BYTES = 8192;
    /** Open connections; further ones wait in the accept queue until one closes. */
    public static final int MAX_CONNECTIONS = 512;
    /** Requests with a body waiting for a worker; more get 503. */
    static final int WORK_QUEUE = 256;
    private static final String PAGE = "/theta/web/index.html";

    private final org.eclipse.jetty.server.Server jetty;
    private final ServerConnector connector;
    private final ThreadPoolExecutor work;
    private final Predictor predictor;
    private final byte[] page;
    /** The model report page (GET /report), made on first request; null when the server has none. */
    private volatile java.util.function.Supplier<byte[]> report;

    /** {"prediction": argmax, "probabilities": [classes], "input28": [784 values in 0..1]}. */
    record Prediction(int prediction, double[] probabilities, float[] input28) {
        private static final ThreadLocal<JsonBytes> OUT = ThreadLocal.withInitial(() -> new JsonBytes(8192));

        /** The reply's JSON, written straight into this thread's buffer, then copied out once. */
        byte[] json() {
            JsonBytes o = OUT.get();
            o.clear();
            o.ascii("{\"prediction\":").integer(prediction).ascii(",\"probabilities\":[");
            for (int i = 0; i < probabilities.length; i++) {
                (i == 0 ? o : o.raw(',')).number(probabilities[i]);
            }
            o.ascii("],\"input28\":[");
            for (int i = 0; i < input28.length; i++) {
                (i == 0 ? o : o.raw(',')).number(input28[i]);
            }
            return o.ascii("]}").toByteArray();
        }
    }

    record Health(String status) {
    }

    private Server(Predictor predictor, byte[] page, String host, int port, long bodyBudget) {
        this.predictor = predictor;
        this.page = page;
        QueuedThreadPool threads = new QueuedThreadPool(32, 4);
        threads.setName("theta-web");
        threads.setDaemon(true);
        jetty = new org.eclipse.jetty.server.Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setRequestHeaderSize(MAX_HEADER_BYTES);
        http.setMinRequestDataRate(MIN_REQUEST_BYTES_PER_SECOND);
        connector = new ServerConnector(jetty, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(IDLE_TIMEOUT_MS);
        // Replies go out in one write and must not wait for Nagle's algorithm (Jetty's default, stated).
        connector.setAcceptedTcpNoDelay(true);
        jetty.addConnector(connector);
        jetty.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, connector));
        // Parsing and predicting use the CPU: one worker a core, a bounded queue behind them.
        int cores = Math.max(2, Runtime.getRuntime().availableProcessors());
        work = new ThreadPoolExecutor(cores, cores, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(WORK_QUEUE),
                daemonThreads());
        jetty.setHandler(new JettyHandler(this::route, work, MAX_BODY_BYTES, bodyBudget));
        jetty.setErrorHandler(new JsonErrorHandler());
    }

    /** Starts serving on host:port (port 0 picks a free port) and returns at once. */
    public static Server start(String host, int port, Predictor predictor) throws IOException {
        return start(host, port, predictor, BODY_BUDGET_BYTES);
    }

    /** With another budget for request bodies held at once (tests use a small one). */
    static Server start(String host, int port, Predictor predictor, long bodyBudget) throws IOException {
        Objects.requireNonNull(predictor, "predictor");
        if (port < 0 || port > 65535) {
            throw new InputException("--port: " + port + " is not a port number (0..65535)");
        }
        Server server = new Server(predictor, loadPage(), host, port, bodyBudget);
        try {
            server.jetty.start();
        } catch (IOException e) {
            server.close();
            throw e;
        } catch (Exception e) {
            server.close();
            throw new IOException("cannot start the server: " + e.getMessage(), e);
        }
        return server;
    }

    /** Starts serving on {@link #DEFAULT_HOST}. */
    public static Server start(int port, Predictor predictor) throws IOException {
        return start(DEFAULT_HOST, port, predictor);
    }

    /** Serves {@code html} (made once, on the first request) at /report, which the drawing page links. */
    public void report(java.util.function.Supplier<byte[]> html) {
        java.util.concurrent.atomic.AtomicReference<byte[]> made = new java.util.concurrent.atomic.AtomicReference<>();
        this.report = () -> made.updateAndGet(b -> b != null ? b : html.get());
    }

    /** The port actually bound (useful after asking for port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The page's address, e.g. http://127.0.0.1:8080/. */
    public String url() {
        return "http://" + connector.getHost() + ":" + port() + "/";
    }

    /** Stops accepting requests and ends the worker threads. */
    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            // stopping is best effort: the threads are daemons
        }
        work.shutdownNow();
    }

    /** The routes: one case each. */
    private Reply route(Call call) {
        return switch (call.path()) {
            case "/", "/index.html" -> {
                call.require("GET");
                yield Reply.of(200, "text/html; charset=utf-8", page).with("Content-Security-Policy", "default-src 'none'; "
                        + "script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; "
                        + "img-src 'self' data: blob:; form-action 'none'; frame-ancestors 'none'");
            }
            case "/report" -> {
                call.require("GET");
                java.util.function.Supplier<byte[]> r = report;
                if (r == null) {
                    throw new HttpError(404, "/report: this server has no model report");
                }
                yield Reply.of(200, "text/html; charset=utf-8", r.get());
            }
            case "/api/predict" -> {
                call.require("POST");
                yield Reply.of(200, Reply.JSON, predict(PredictRequest.toInput28(call.contentType(), call.body())).json());
            }
            case "/api/model" -> {
                call.require("GET");
                yield Reply.json(200, predictor.describe());
            }
            case "/api/health" -> {
                call.require("GET");
                yield Reply.json(200, new Health("ok"));
            }
            default -> throw new HttpError(404, call.path() + ": not found");
        };
    }

    private Prediction predict(float[] input) {
        double[] p = predictor.probabilities(input.clone());
        int classes = predictor.classes();
        if (p == null || p.length != classes) {
            throw new IllegalStateException("predictor returned the wrong number of probabilities");
        }
        for (double v : p) {
            if (!Double.isFinite(v)) {
                throw new IllegalStateException("predictor returned a non-finite probability");
            }
        }
        return new Prediction(ArgMax.of(p), p, input);
    }

    private static byte[] loadPage() {
        try (InputStream in = Server.class.getResourceAsStream(PAGE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + PAGE + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "theta-work-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
