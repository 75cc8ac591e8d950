package theta.web;

import java.nio.charset.StandardCharsets;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;

import theta.data.DigitImage;
import theta.web.Exchanges.HttpError;

/**
 * The body of {@code POST /api/predict}, turned into MNIST's 28x28 format: either JSON
 * {@code {"width":W,"height":H,"pixels":[W*H gray values]}} or an encoded image
 * ({@code Content-Type: image/png}, also JPEG, GIF, BMP).
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
        JsonObject obj = parseObject(new String(body, StandardCharsets.UTF_8));
        int width = side(obj, "width");
        int height = side(obj, "height");
        JsonElement px = obj.get("pixels");
        if (px == null || !px.isJsonArray()) {
            throw bad("\"pixels\" must be an array of numbers");
        }
        JsonArray arr = px.getAsJsonArray();
        if (arr.size() != width * height) {
            throw bad("\"pixels\" has " + arr.size() + " values, width*height is " + width * height);
        }
        return DigitImage.fromGray(grayValues(arr), width, height);
    }

    private static JsonObject parseObject(String text) {
        JsonElement root;
        try {
            root = Exchanges.GSON.fromJson(text, JsonElement.class);
        } catch (JsonParseException e) {
            throw bad("not valid JSON");
        }
        if (root == null || !root.isJsonObject()) {
            throw bad("expected a JSON object {\"width\", \"height\", \"pixels\"}");
        }
        return root.getAsJsonObject();
    }

    private static int side(JsonObject obj, String name) {
        JsonElement e = obj.get(name);
        double v = number(e, "\"" + name + "\" must be an integer from 1 to " + MAX_SIDE);
        if (v != Math.rint(v) || v < 1 || v > MAX_SIDE) {
            throw bad("\"" + name + "\" must be an integer from 1 to " + MAX_SIDE);
        }
        return (int) v;
    }

    /** Gray values 0..255, or 0..1 when none exceeds 1; returned in [0,1]. */
    private static double[] grayValues(JsonArray arr) {
        double[] g = new double[arr.size()];
        double max = 0;
        for (int i = 0; i < g.length; i++) {
            g[i] = number(arr.get(i), "\"pixels\"[" + i + "] is not a number");
            if (!(g[i] >= 0 && g[i] <= 255)) {
                throw bad("\"pixels\"[" + i + "] is " + g[i] + ", not in 0..255");
            }
            max = Math.max(max, g[i]);
        }
        if (max > 1) {
            for (int i = 0; i < g.length; i++) {
                g[i] /= 255;
            }
        }
        return g;
    }

    private static double number(JsonElement e, String message) {
        if (e instanceof JsonPrimitive p && p.isNumber()) {
            return p.getAsDouble();
        }
        throw bad(message);
    }

    private static HttpError bad(String what) {
        return new HttpError(400, "request body: " + what);
    }
}
