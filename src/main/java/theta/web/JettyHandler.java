package theta.web;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import theta.InputException;

/**
 * Turns Jetty's requests into {@link Call}s and {@link Reply}s back. Bodies are read without
 * holding a thread (a client trickling its body costs a connection, not a worker), within a
 * per-request limit and a budget for all bodies being read, waiting for a worker or being
 * handled; the route then runs on the bounded work pool, so slow or heavy requests never hold
 * up the cheap ones (health, the page).
 */
final class JettyHandler extends Handler.Abstract {
    private final Function<Call, Reply> routes;
    private final Executor work;
    private final int maxBody;
    private final long budget;
    private final AtomicLong inFlight = new AtomicLong();

    JettyHandler(Function<Call, Reply> routes, Executor work, int maxBody, long budget) {
        this.routes = routes;
        this.work = work;
        this.maxBody = maxBody;
        this.budget = budget;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        boolean head = request.getMethod().equals("HEAD");
        String method = head ? "GET" : request.getMethod();
        String path = request.getHttpURI().getDecodedPath();
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        long declared = request.getLength();
        boolean hasBody = declared > 0 || (declared < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING));
        if (!hasBody) {
            write(response, callback, run(new Call(method, path, type, new byte[0])), head);
            return true;
        }
        if (declared > maxBody) {
            write(response, callback, tooLarge(), head);
            return true;
        }
        long reserved = declared > 0 ? declared : maxBody;
        if (inFlight.addAndGet(reserved) > budget) {
            inFlight.addAndGet(-reserved);
            write(response, callback, Reply.error(503, "busy: too many request bodies in flight; retry",
                    Map.of("Retry-After", "1", "Connection", "close")), head);
            return true;
        }
        CompletableFuture<byte[]> body = Content.Source.asByteArrayAsync(request, maxBody);
        body.whenComplete((bytes, failure) -> {
            if (failure != null) {
                inFlight.addAndGet(-reserved);
                // Over the limit (chunked: Jetty says "Max size exceeded"), or the client went away or was too slow.
                Throwable cause = failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure;
                if (cause instanceof IllegalStateException) {
                    write(response, callback, tooLarge(), head);
                } else {
                    callback.failed(failure);
                }
                return;
            }
            // The body stays counted in the budget until its route has run: bodies waiting for a
            // worker are held in memory too, so the budget bounds them all (and the server's heap).
            try {
                work.execute(() -> {
                    try {
                        write(response, callback, run(new Call(method, path, type, bytes)), head);
                    } finally {
                        inFlight.addAndGet(-reserved);
                    }
                });
            } catch (RejectedExecutionException e) {
                inFlight.addAndGet(-reserved);
                write(response, callback, Reply.error(503, "busy: too many requests waiting; retry",
                        Map.of("Retry-After", "1")), head);
            }
        });
        return true;
    }

    private Reply tooLarge() {
        // The rest of the body is not read: the connection cannot be reused.
        return Reply.error(413, "request body: larger than " + maxBody + " bytes", Map.of("Connection", "close"));
    }

    private Reply run(Call call) {
        try {
            return routes.apply(call);
        } catch (Exchanges.HttpError e) {
            return e.reply();
        } catch (InputException e) {
            return Reply.error(400, e.getMessage(), Map.of());
        } catch (RuntimeException e) {
            return Reply.error(500, "internal error", Map.of());
        } catch (OutOfMemoryError e) {
            // A request's arrays did not fit in the heap beside the others in flight: this request
            // fails, the worker and the server live on (the arrays are garbage once this returns).
            return Reply.error(503, "busy: not enough memory for this request now; retry",
                    Map.of("Retry-After", "1"));
        }
    }

    /** Headers and body go out in one write; HEAD gets the headers (and the length) only. */
    static void write(Response response, Callback callback, Reply reply, boolean head) {
        response.setStatus(reply.status());
        var h = response.getHeaders();
        h.put(HttpHeader.CONTENT_TYPE, reply.contentType());
        h.put(HttpHeader.CACHE_CONTROL, "no-store");
        h.put("X-Content-Type-Options", "nosniff");
        reply.headers().forEach(h::put);
        h.put(HttpHeader.CONTENT_LENGTH, Long.toString(reply.body().length));
        response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(reply.body()), callback);
    }
}
