package theta.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.google.gson.Gson;
import com.sun.net.httpserver.HttpExchange;
import theta.io.Json;

/** Reading requests and writing responses: bounded bodies, JSON answers, one-line errors. */
final class Exchanges {
    static final Gson GSON = Json.STRICT;

    private Exchanges() {
    }

    /** An HTTP error status with the one-line message the client gets as {"error": ...}. */
    static final class HttpError extends RuntimeException {
        final int status;

        HttpError(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** The JSON shape of every error response. */
    record ErrorBody(String error) {
    }

    static void requireMethod(HttpExchange ex, String method) {
        if (!ex.getRequestMethod().equals(method)) {
            ex.getResponseHeaders().set("Allow", method);
            throw new HttpError(405, ex.getRequestMethod() + " " + ex.getRequestURI().getPath()
                    + ": method not allowed (use " + method + ")");
        }
    }

    /**
     * The request body, at most {@code limit} bytes. A declared length over the limit is refused
     * before reading; an undeclared (chunked) body is read until it passes the limit.
     */
    static byte[] readBody(HttpExchange ex, int limit) throws IOException {
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        if (declared != null && declared.length() > 0 && parseLength(declared) > limit) {
            throw tooLarge(limit);
        }
        InputStream in = ex.getRequestBody();
        byte[] buf = new byte[8192];
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int n;
        while ((n = in.read(buf, 0, (int) Math.min(buf.length, limit + 1L - out.size()))) > 0) {
            out.write(buf, 0, n);
            if (out.size() > limit) {
                throw tooLarge(limit);
            }
        }
        return out.toByteArray();
    }

    private static long parseLength(String declared) {
        try {
            return Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            throw new HttpError(400, "Content-Length: not a number");
        }
    }

    private static HttpError tooLarge(int limit) {
        return new HttpError(413, "request body: larger than " + limit + " bytes");
    }

    static void sendJson(HttpExchange ex, int status, Object body) throws IOException {
        send(ex, status, "application/json; charset=utf-8", GSON.toJson(body).getBytes(StandardCharsets.UTF_8));
    }

    static void sendError(HttpExchange ex, int status, String message) throws IOException {
        if (status == 413) {
            // The rest of the body is not read; the connection cannot be reused.
            ex.getResponseHeaders().set("Connection", "close");
        }
        sendJson(ex, status, new ErrorBody(oneLine(message)));
    }

    static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    /** Messages may quote user input (a path): keep them to one short line. */
    static String oneLine(String message) {
        String m = message == null ? "error" : message.replaceAll("[\\r\\n\\t]+", " ").strip();
        return m.length() <= 300 ? m : m.substring(0, 297) + "...";
    }
}
