package theta.web;

import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.Gson;
import theta.io.Json;

/** What every route shares: the JSON factory, HTTP errors and one-line messages. */
final class Exchanges {
    static final Gson GSON = Json.STRICT;

    private Exchanges() {
    }

    /** An HTTP error status with the one-line message the client gets as {"error": ...}. */
    static final class HttpError extends RuntimeException {
        final int status;
        final Map<String, String> headers = new LinkedHashMap<>();

        HttpError(int status, String message) {
            super(message);
            this.status = status;
        }

        HttpError allow(String method) {
            headers.put("Allow", method);
            return this;
        }

        Reply reply() {
            return Reply.error(status, getMessage(), headers);
        }
    }

    /** The JSON shape of every error response. */
    record ErrorBody(String error) {
    }

    /** Messages may quote user input (a path): keep them to one short line. */
    static String oneLine(String message) {
        String m = message == null ? "error" : message.replaceAll("[\\r\\n\\t]+", " ").strip();
        return m.length() <= 300 ? m : m.substring(0, 297) + "...";
    }
}
