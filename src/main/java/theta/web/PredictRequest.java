package theta.web;

import java.util.Arrays;

import theta.data.DigitImage;
import theta.web.Exchanges.HttpError;

/**
 * The body of {@code POST /api/predict}, turned into MNIST's 28x28 format: either JSON
 * {@code {"width":W,"height":H,"pixels":[W*H gray values]}} or an encoded image
 * ({@code Content-Type: image/png}, also JPEG, GIF, BMP). The JSON is read from the bytes straight
 * into one array of W*H values ({@link DrawingJson}): a 1024x1024 drawing takes 8 MB, not a tree
 * of a million objects.
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
        DrawingJson.Drawing d = DrawingJson.parse(body, MAX_SIDE * MAX_SIDE);
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

    private static int side(double v, String name) {
        if (v != Math.rint(v) || v < 1 || v > MAX_SIDE) {
            throw bad("\"" + name + "\" must be an integer from 1 to " + MAX_SIDE);
        }
        return (int) v;
    }

    private static HttpError bad(String what) {
        return DrawingJson.bad(what);
    }
}
