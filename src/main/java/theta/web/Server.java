package theta.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import theta.InputException;
import theta.web.Exchanges.HttpError;

/**
 * The web page where a user draws a digit and sees the model's prediction, and its JSON API:
 * <ul>
 * <li>{@code GET /}: the page (one self-contained HTML file);</li>
 * <li>{@code POST /api/predict}: JSON {@code {"width","height","pixels"}} or an image body;
 *     answers {@code {"prediction", "probabilities", "input28"}};</li>
 * <li>{@code GET /api/model}: the predictor's description; {@code GET /api/health}.</li>
 * </ul>
 * Errors are JSON {@code {"error": "one line"}}: 400 bad input, 404, 405, 413 body too large,
 * 415 content type, 500 (never a stack trace).
 */
public final class Server implements AutoCloseable {
    /** Loopback only unless asked otherwise. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Largest request body accepted. */
    public static final int MAX_BODY_BYTES = 4 << 20;
    /** Request-handling threads: prediction is fast, a few suffice. */
    static final int THREADS = 4;
    private static final String PAGE = "/theta/web/index.html";

    private final HttpServer http;
    private final ExecutorService pool;
    private final Predictor predictor;
    private final byte[] page;
    /** The model report page (GET /report), made on first request; null when the server has none. */
    private volatile java.util.function.Supplier<byte[]> report;

    /** {"prediction": argmax, "probabilities": [classes], "input28": [784 values in 0..1]}. */
    record Prediction(int prediction, double[] probabilities, float[] input28) {
    }

    record Health(String status) {
    }

    private Server(HttpServer http, ExecutorService pool, Predictor predictor, byte[] page) {
        this.http = http;
        this.pool = pool;
        this.predictor = predictor;
        this.page = page;
    }

    /** Starts serving on host:port (port 0 picks a free port) and returns at once. */
    public static Server start(String host, int port, Predictor predictor) throws IOException {
        Objects.requireNonNull(predictor, "predictor");
        if (port < 0 || port > 65535) {
            throw new InputException("--port: " + port + " is not a port number (0..65535)");
        }
        byte[] page = loadPage();
        HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 0);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, daemonThreads());
        Server server = new Server(http, pool, predictor, page);
        http.createContext("/", server::handle);
        http.setExecutor(pool);
        http.start();
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
        return http.getAddress().getPort();
    }

    /** The page's address, e.g. http://127.0.0.1:8080/. */
    public String url() {
        return "http://" + http.getAddress().getHostString() + ":" + port() + "/";
    }

    /** Stops accepting requests and ends the worker threads. */
    @Override
    public void close() {
        http.stop(0);
        pool.shutdownNow();
    }

    private void handle(HttpExchange ex) {
        try (ex) {
            try {
                route(ex);
            } catch (HttpError e) {
                Exchanges.sendError(ex, e.status, e.getMessage());
            } catch (InputException e) {
                Exchanges.sendError(ex, 400, e.getMessage());
            } catch (RuntimeException e) {
                Exchanges.sendError(ex, 500, "internal error");
            }
        } catch (IOException | RuntimeException e) {
            // The client went away or the response had already started: nothing left to tell it.
        }
    }

    private void route(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        switch (path) {
            case "/", "/index.html" -> {
                Exchanges.requireMethod(ex, "GET");
                ex.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; "
                        + "script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; "
                        + "img-src 'self' data: blob:; form-action 'none'; frame-ancestors 'none'");
                Exchanges.send(ex, 200, "text/html; charset=utf-8", page);
            }
            case "/report" -> {
                Exchanges.requireMethod(ex, "GET");
                java.util.function.Supplier<byte[]> r = report;
                if (r == null) {
                    throw new HttpError(404, "/report: this server has no model report");
                }
                Exchanges.send(ex, 200, "text/html; charset=utf-8", r.get());
            }
            case "/api/predict" -> {
                Exchanges.requireMethod(ex, "POST");
                byte[] body = Exchanges.readBody(ex, MAX_BODY_BYTES);
                float[] input = PredictRequest.toInput28(ex.getRequestHeaders().getFirst("Content-Type"), body);
                Exchanges.sendJson(ex, 200, predict(input));
            }
            case "/api/model" -> {
                Exchanges.requireMethod(ex, "GET");
                Map<String, String> description;
                synchronized (predictor) {
                    description = predictor.describe();
                }
                Exchanges.sendJson(ex, 200, description);
            }
            case "/api/health" -> {
                Exchanges.requireMethod(ex, "GET");
                Exchanges.sendJson(ex, 200, new Health("ok"));
            }
            default -> throw new HttpError(404, path + ": not found");
        }
    }

    private Prediction predict(float[] input) {
        double[] p;
        int classes;
        synchronized (predictor) {
            p = predictor.probabilities(input.clone());
            classes = predictor.classes();
        }
        if (p == null || p.length != classes) {
            throw new IllegalStateException("predictor returned the wrong number of probabilities");
        }
        int best = 0;
        for (int k = 0; k < p.length; k++) {
            if (!Double.isFinite(p[k])) {
                throw new IllegalStateException("predictor returned a non-finite probability");
            }
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return new Prediction(best, p, input);
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
            Thread t = new Thread(r, "theta-web-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
