package theta.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import theta.web.Exchanges.HttpError;

/**
 * Reads {@code {"width":W,"height":H,"pixels":[...]}} straight from the request's bytes (strict
 * JSON, RFC 8259): the pixel values go into one array of doubles, with no tree, no characters
 * decoded and no object per number; other members are checked and skipped. Nesting deeper than
 * {@link #MAX_DEPTH} is refused (as Gson does), so skipping cannot overflow the stack.
 */
final class DrawingJson {
    static final int MAX_DEPTH = 255;
    private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
        1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /** What the JSON said; width and height stay NaN when missing or not numbers. */
    static final class Drawing {
        double width = Double.NaN;
        double height = Double.NaN;
        /** The values, {@code count} of them (the array may be longer); null when "pixels" is missing. */
        double[] pixels;
        int count;
        double max;
    }

    private final byte[] b;
    private int pos;

    private DrawingJson(byte[] body) {
        this.b = body;
    }

    /** The drawing, or a 400 that says what is wrong. */
    static Drawing parse(byte[] body, int maxPixels) {
        DrawingJson r = new DrawingJson(body);
        if (body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF) {
            r.pos = 3; // a UTF-8 byte order mark
        }
        int c = r.skipSpace();
        if (c != '{') {
            throw c < 0 && body.length > 0 ? invalid()
                    : c < 0 || c == '[' || c == '"' || c == '-' || c >= '0' && c <= '9' || c == 't' || c == 'f' || c == 'n'
                    ? bad("expected a JSON object {\"width\", \"height\", \"pixels\"}") : invalid();
        }
        Drawing d = new Drawing();
        r.pos++;
        if (r.skipSpace() == '}') {
            r.pos++;
        } else {
            do {
                r.skipSpace();
                String name = r.string();
                r.expect(':');
                switch (name) {
                    case "width" -> d.width = r.numberOrNaN();
                    case "height" -> d.height = r.numberOrNaN();
                    case "pixels" -> r.pixels(d, maxPixels);
                    default -> r.skipValue(1);
                }
            } while (r.separator('}'));
        }
        if (r.skipSpace() >= 0) {
            throw bad("not valid JSON (more after the object)");
        }
        return d;
    }

    /** Reads {@code ,} (true: another member or element follows) or {@code close} (false). */
    private boolean separator(char close) {
        int c = skipSpace();
        pos++;
        if (c == ',') {
            return true;
        }
        if (c != close) {
            throw invalid();
        }
        return false;
    }

    private void expect(char c) {
        if (skipSpace() != c) {
            throw invalid();
        }
        pos++;
    }

    private int skipSpace() {
        while (pos < b.length) {
            int c = b[pos] & 0xff;
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return c;
            }
            pos++;
        }
        return -1;
    }

    private double numberOrNaN() {
        int c = skipSpace();
        if (c == '-' || c >= '0' && c <= '9') {
            return number();
        }
        skipValue(1);
        return Double.NaN;
    }

    /** Gray values 0..255, or 0..1 when none exceeds 1 (the caller scales them). */
    private void pixels(Drawing d, int maxPixels) {
        if (skipSpace() != '[') {
            skipValue(1);
            throw bad("\"pixels\" must be an array of numbers");
        }
        pos++;
        // Width and height usually come first: then the array is allocated once, at its size.
        double expected = d.width * d.height;
        double[] g = new double[expected >= 1 && expected <= maxPixels ? (int) expected : 1024];
        int n = 0;
        double max = 0;
        if (skipSpace() == ']') {
            pos++;
        } else {
            do {
                int c = skipSpace();
                if (!(c == '-' || c >= '0' && c <= '9')) {
                    skipValue(1); // refuses what is not JSON at all
                    throw bad("\"pixels\"[" + n + "] is not a number");
                }
                double v = number();
                if (!(v >= 0 && v <= 255)) {
                    throw bad("\"pixels\"[" + n + "] is " + v + ", not in 0..255");
                }
                if (n == g.length) {
                    if (n >= maxPixels) {
                        throw bad("\"pixels\" has more than " + maxPixels + " values");
                    }
                    g = Arrays.copyOf(g, (int) Math.min(2L * n, maxPixels));
                }
                g[n++] = v;
                max = Math.max(max, v);
            } while (separator(']'));
        }
        d.pixels = g;
        d.count = n;
        d.max = max;
    }

    /**
     * A JSON number: {@code -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?}. Up to 15 digits
     * without an exponent are converted exactly here (the digits and the power of ten are
     * both exact doubles, so one division rounds correctly, as Double.parseDouble would);
     * other numbers go to Double.parseDouble.
     */
    private double number() {
        int start = pos;
        boolean negative = b[pos] == '-';
        if (negative) {
            pos++;
        }
        long digits = 0;
        int count = 0;
        int first = pos;
        while (pos < b.length && b[pos] >= '0' && b[pos] <= '9') {
            digits = digits * 10 + (b[pos++] - '0');
            count++;
        }
        if (count == 0 || count > 1 && b[first] == '0') {
            throw invalid();
        }
        int places = 0;
        if (pos < b.length && b[pos] == '.') {
            pos++;
            while (pos < b.length && b[pos] >= '0' && b[pos] <= '9') {
                digits = digits * 10 + (b[pos++] - '0');
                places++;
                count++;
            }
            if (places == 0) {
                throw invalid();
            }
        }
        boolean exponent = pos < b.length && (b[pos] == 'e' || b[pos] == 'E');
        if (exponent) {
            pos++;
            if (pos < b.length && (b[pos] == '+' || b[pos] == '-')) {
                pos++;
            }
            int e0 = pos;
            while (pos < b.length && b[pos] >= '0' && b[pos] <= '9') {
                pos++;
            }
            if (pos == e0) {
                throw invalid();
            }
        }
        if (!exponent && count <= 15) {
            double v = digits / POW10[places];
            return negative ? -v : v;
        }
        return Double.parseDouble(new String(b, start, pos - start, StandardCharsets.ISO_8859_1));
    }

    /** A string (escapes decoded; invalid UTF-8 becomes U+FFFD, as a Reader would make it). */
    private String string() {
        if (pos >= b.length || b[pos] != '"') {
            throw invalid();
        }
        int start = ++pos;
        StringBuilder escaped = null;
        while (true) {
            if (pos >= b.length) {
                throw invalid();
            }
            byte c = b[pos];
            if (c == '"') {
                String tail = new String(b, start, pos++ - start, StandardCharsets.UTF_8);
                return escaped == null ? tail : escaped.append(tail).toString();
            }
            if (c >= 0 && c < 0x20) {
                throw invalid(); // control characters must be escaped
            }
            if (c != '\\') {
                pos++;
                continue;
            }
            if (escaped == null) {
                escaped = new StringBuilder();
            }
            escaped.append(new String(b, start, pos - start, StandardCharsets.UTF_8));
            pos++;
            escaped.append(escape());
            start = pos;
        }
    }

    private char escape() {
        if (pos >= b.length) {
            throw invalid();
        }
        byte c = b[pos++];
        switch (c) {
            case '"', '\\', '/' -> {
                return (char) c;
            }
            case 'b' -> {
                return '\b';
            }
            case 'f' -> {
                return '\f';
            }
            case 'n' -> {
                return '\n';
            }
            case 'r' -> {
                return '\r';
            }
            case 't' -> {
                return '\t';
            }
            case 'u' -> {
                if (pos + 4 > b.length) {
                    throw invalid();
                }
                int v = 0;
                for (int i = 0; i < 4; i++) {
                    int h = Character.digit(b[pos++], 16);
                    if (h < 0) {
                        throw invalid();
                    }
                    v = v * 16 + h;
                }
                return (char) v;
            }
            default -> throw invalid();
        }
    }

    /** Checks and skips one value of any kind, at nesting depth {@code depth}. */
    private void skipValue(int depth) {
        if (depth > MAX_DEPTH) {
            throw bad("not valid JSON (nested more than " + MAX_DEPTH + " deep)");
        }
        int c = skipSpace();
        switch (c) {
            case '{' -> {
                pos++;
                if (skipSpace() == '}') {
                    pos++;
                    return;
                }
                do {
                    skipSpace();
                    string();
                    expect(':');
                    skipValue(depth + 1);
                } while (separator('}'));
            }
            case '[' -> {
                pos++;
                if (skipSpace() == ']') {
                    pos++;
                    return;
                }
                do {
                    skipValue(depth + 1);
                } while (separator(']'));
            }
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (c == '-' || c >= '0' && c <= '9') {
                    number();
                } else {
                    throw invalid();
                }
            }
        }
    }

    private void literal(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (pos >= b.length || b[pos++] != word.charAt(i)) {
                throw invalid();
            }
        }
    }

    private static HttpError invalid() {
        return bad("not valid JSON");
    }

    static HttpError bad(String what) {
        return new HttpError(400, "request body: " + what);
    }
}
