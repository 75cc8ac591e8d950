package theta.cli;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Finds the end of one HTTP/1.1 response in bytes as they arrive, for the load clients: the
 * status line and headers are kept (8 KiB at most), the body is counted by its Content-Length
 * and dropped. Not for HEAD responses or chunked bodies (the server sends neither to them).
 */
final class HttpResponseScan {
    /** The response is not complete yet. */
    static final int MORE = 0;
    /** Complete, status 200. */
    static final int OK = 1;
    /** Complete with another status, malformed, or followed by bytes nobody asked for. */
    static final int FAILED = 2;

    private final byte[] head = new byte[8192];
    private int headLength;
    private long bodyLeft = -1;
    private int status;
    private boolean closes;

    /** Takes all of {@code in} (in write mode: the bytes before its position) and leaves it cleared. */
    int feed(ByteBuffer in) {
        in.flip();
        try {
            while (bodyLeft < 0 && in.hasRemaining()) {
                if (headLength == head.length) {
                    return FAILED;
                }
                head[headLength++] = in.get();
                if (headLength >= 4 && head[headLength - 1] == '\n' && head[headLength - 2] == '\r'
                        && head[headLength - 3] == '\n' && head[headLength - 4] == '\r') {
                    if (!parseHead()) {
                        return FAILED;
                    }
                }
            }
            if (bodyLeft < 0) {
                return MORE;
            }
            int take = (int) Math.min(bodyLeft, in.remaining());
            in.position(in.position() + take);
            bodyLeft -= take;
            if (bodyLeft > 0) {
                return MORE;
            }
            return in.hasRemaining() || status != 200 ? FAILED : OK;
        } finally {
            in.clear();
        }
    }

    /** Whether the server said it closes the connection after this response. */
    boolean closes() {
        return closes;
    }

    int status() {
        return status;
    }

    /** Ready for the next response on the connection. */
    void reset() {
        headLength = 0;
        bodyLeft = -1;
        status = 0;
        closes = false;
    }

    private boolean parseHead() {
        String h = new String(head, 0, headLength, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        if (!h.startsWith("http/1.1 ") || h.length() < 12) {
            return false;
        }
        try {
            status = Integer.parseInt(h.substring(9, 12));
            int at = h.indexOf("\r\ncontent-length:");
            bodyLeft = at < 0 ? 0 : Long.parseLong(h.substring(at + 17, h.indexOf('\r', at + 2)).strip());
        } catch (NumberFormatException e) {
            return false;
        }
        closes = h.contains("\r\nconnection: close\r\n");
        return bodyLeft >= 0;
    }
}
