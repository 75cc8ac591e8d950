package theta.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import theta.data.DigitImage;
import theta.web.Exchanges.HttpError;

/**
 * The body of {@code POST /api/predict}, turned into MNIST's 28x28 format: either JSON
 * {@code {"width":W,"height":H,"pixels":[W*H gray values]}} or an encoded image
 * ({@code Content-Type: image/png}, also JPEG, GIF, BMP). The JSON is read as a stream straight
 * into one array of W*H values: a 1024x1024 drawing takes 8 MB, not a tree of a million objects.
 */
final class PredictRequest {
    /** Largest accepted width or height. */
    static final int MAX_SIDE = 1024;

    private PredictRequest() {
    }

    /** The 784 values the model sees; 400 for malformed input, 415 for other content types. */
    static float[] toInput28(String contentType, byte[] body) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("image/")) {
            return DigitImage.fromBytes(body, "request body", (long) MAX_SIDE * MAX_SIDE);
        }
        if (!type.isEmpty() && !type.equals("application/json")) {
            throw new HttpError(415, "request body: content type " + type
                    + " is not supported (use application/json or image/png)");
        }
        Drawing d = parse(body);
        int width = side(d.width, "width");
        int height = side(d.height, "height");
        if (d.pixels == null) {
            throw bad("\"pixels\" must be an array of numbers");
        }
        if (d.count != width * height) {
            throw bad("\"pixels\" has " + d.count + " values, width*height is " + width * height);
        }
        if (d.max > 1) {
            for (int i = 0; i < d.count; i++) {
                d.pixels[i] /= 255;
            }
        }
        return DigitImage.fromGray(d.count == d.pixels.length ? d.pixels : Arrays.copyOf(d.pixels, d.count), width, height);
    }

    /** What the JSON said; width and height stay NaN when missing or not numbers. */
    private static final class Drawing {
        double width = Double.NaN;
        double height = Double.NaN;
        double[] pixels;
        int count;
        double max;
    }

    private static Drawing parse(byte[] body) {
        Drawing d = new Drawing();
        try (JsonReader r = new JsonReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8))) {
            r.setStrictness(Strictness.STRICT);
            if (r.peek() != JsonToken.BEGIN_OBJECT) {
                throw bad("expected a JSON object {\"width\", \"height\", \"pixels\"}");
            }
            r.beginObject();
            while (r.hasNext()) {
                switch (r.nextName()) {
                    case "width" -> d.width = numberOrNaN(r);
                    case "height" -> d.height = numberOrNaN(r);
                    case "pixels" -> pixels(r, d);
                    default -> r.skipValue();
                }
            }
            r.endObject();
            if (r.peek() != JsonToken.END_DOCUMENT) {
                throw bad("not valid JSON (more after the object)");
            }
        } catch (java.io.EOFException e) {
            throw bad(body.length == 0 ? "expected a JSON object {\"width\", \"height\", \"pixels\"}" : "not valid JSON");
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            throw bad("not valid JSON");
        }
        return d;
    }

    private static double numberOrNaN(JsonReader r) throws IOException {
        if (r.peek() == JsonToken.NUMBER) {
            return r.nextDouble();
        }
        r.skipValue();
        return Double.NaN;
    }

    /** Gray values 0..255, or 0..1 when none exceeds 1 (scaled once all are read). */
    private static void pixels(JsonReader r, Drawing d) throws IOException {
        if (r.peek() != JsonToken.BEGIN_ARRAY) {
            throw bad("\"pixels\" must be an array of numbers");
        }
        r.beginArray();
        double[] g = new double[4096];
        int n = 0;
        double max = 0;
        while (r.hasNext()) {
            if (r.peek() != JsonToken.NUMBER) {
                throw bad("\"pixels\"[" + n + "] is not a number");
            }
            double v = r.nextDouble();
            if (!(v >= 0 && v <= 255)) {
                throw bad("\"pixels\"[" + n + "] is " + v + ", not in 0..255");
            }
            if (n == g.length) {
                if (n >= MAX_SIDE * MAX_SIDE) {
                    throw bad("\"pixels\" has more than " + MAX_SIDE * MAX_SIDE + " values");
                }
                g = Arrays.copyOf(g, Math.min(2 * n, MAX_SIDE * MAX_SIDE));
            }
            g[n++] = v;
            max = Math.max(max, v);
        }
        r.endArray();
        d.pixels = g;
        d.count = n;
        d.max = max;
    }

    private static int side(double v, String name) {
        if (v != Math.rint(v) || v < 1 || v > MAX_SIDE) {
            throw bad("\"" + name + "\" must be an integer from 1 to " + MAX_SIDE);
        }
        return (int) v;
    }

    private static HttpError bad(String what) {
        return new HttpError(400, "request body: " + what);
    }
}
