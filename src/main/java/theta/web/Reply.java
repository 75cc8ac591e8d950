package theta.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import theta.io.Json;

/** A complete response: status, content type, extra headers and the body bytes. */
record Reply(int status, String contentType, Map<String, String> headers, byte[] body) {
    static final String JSON = "application/json; charset=utf-8";

    static Reply json(int status, Object value) {
        return new Reply(status, JSON, Map.of(), Json.COMPACT.toJson(value).getBytes(StandardCharsets.UTF_8));
    }

    /** {"error": "one line"}; 413 and other refusals before the body was read also close the connection. */
    static Reply error(int status, String message, Map<String, String> headers) {
        return new Reply(status, JSON, headers,
                Json.COMPACT.toJson(new Exchanges.ErrorBody(Exchanges.oneLine(message))).getBytes(StandardCharsets.UTF_8));
    }

    static Reply of(int status, String contentType, byte[] body) {
        return new Reply(status, contentType, Map.of(), body);
    }

    Reply with(String header, String value) {
        Map<String, String> h = new java.util.LinkedHashMap<>(headers);
        h.put(header, value);
        return new Reply(status, contentType, h, body);
    }
}
