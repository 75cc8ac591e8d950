package theta.io;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import theta.InputException;

/**
 * Reads the fields of a JSON object theta wrote (a model's or checkpoint's metadata), refusing in
 * one line that names the field when it is missing or holds the wrong kind of value. Gson's own
 * accessors answered such files with "Cannot invoke JsonObject.get(String)" or "Expected
 * BEGIN_ARRAY".
 */
public final class JsonFields {
    private final String where;
    private final String path;
    private final JsonObject object;

    private JsonFields(String where, String path, JsonObject object) {
        this.where = where;
        this.path = path;
        this.object = object;
    }

    /** Parses {@code json}, which must be one object; {@code where} starts every message. */
    public static JsonFields parse(String where, String json) {
        JsonElement e;
        try {
            e = JsonParser.parseString(json);
        } catch (JsonParseException | IllegalStateException ex) {
            throw new InputException(where + ": not JSON");
        }
        if (!e.isJsonObject()) {
            throw new InputException(where + ": expected a JSON object, found " + kind(e));
        }
        return new JsonFields(where, "", e.getAsJsonObject());
    }

    /**
     * What a failure while reading JSON with Gson's own accessors means, without Gson's internals:
     * a bad value's own message, else that a field is missing or of the wrong kind.
     */
    public static String fault(RuntimeException e) {
        boolean gson = e instanceof JsonParseException || e instanceof IllegalStateException
                || e instanceof NullPointerException || e instanceof ClassCastException
                || e instanceof UnsupportedOperationException || e instanceof NumberFormatException;
        return gson || e.getMessage() == null ? "a field is missing or holds the wrong kind of value" : e.getMessage();
    }

    public JsonObject json() {
        return object;
    }

    public boolean has(String name) {
        return object.has(name) && !object.get(name).isJsonNull();
    }

    public JsonFields object(String name) {
        JsonElement e = get(name);
        if (!e.isJsonObject()) {
            throw wrong(name, e, "an object");
        }
        return new JsonFields(where, path + name + ".", e.getAsJsonObject());
    }

    public String string(String name) {
        JsonElement e = get(name);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw wrong(name, e, "a string");
        }
        return e.getAsString();
    }

    public double number(String name) {
        JsonElement e = get(name);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw wrong(name, e, "a number");
        }
        return e.getAsDouble();
    }

    public int integer(String name) {
        return toInt(name, get(name));
    }

    /** A list of whole numbers, e.g. the hidden layer sizes. */
    public int[] integers(String name) {
        JsonElement e = get(name);
        if (!e.isJsonArray()) {
            throw wrong(name, e, "a list of whole numbers");
        }
        int[] out = new int[e.getAsJsonArray().size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = toInt(name + "[" + i + "]", e.getAsJsonArray().get(i));
        }
        return out;
    }

    private int toInt(String name, JsonElement e) {
        double v = e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() ? e.getAsDouble() : Double.NaN;
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw wrong(name, e, "a whole number");
        }
        return (int) v;
    }

    private JsonElement get(String name) {
        if (!has(name)) {
            throw new InputException(where + ": no \"" + path + name + "\"");
        }
        return object.get(name);
    }

    private InputException wrong(String name, JsonElement e, String expected) {
        String shown = e.toString();
        shown = shown.length() > 40 ? kind(e) : shown;
        return new InputException(where + ": \"" + path + name + "\" is " + shown + ", expected " + expected);
    }

    private static String kind(JsonElement e) {
        if (e.isJsonArray()) {
            return "a list";
        }
        if (e.isJsonObject()) {
            return "an object";
        }
        if (e.isJsonNull()) {
            return "null";
        }
        return e.getAsJsonPrimitive().isString() ? "a string" : e.getAsJsonPrimitive().isBoolean() ? "true/false" : "a number";
    }
}
