package theta.plot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import theta.InputException;
import theta.nn.Model;
import theta.train.EpochRecord;

/** Reads a training history back: from a model's provenance, or the .history.csv/.json written beside it. */
public final class Histories {
    private static final String CSV_HEADER = "epoch,train_loss,val_loss,val_accuracy,learning_rate,seconds";

    private Histories() {}

    /** The history recorded in a model (empty when it has none, e.g. an imported model). */
    public static List<EpochRecord> of(Model model) {
        JsonElement h = model.provenance().get("history");
        return h != null && h.isJsonArray() ? fromJson("model.json", h.getAsJsonArray()) : List.of();
    }

    /** A history file: .json (a list of epochs) or .csv (the header theta writes). */
    public static List<EpochRecord> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String where = file.toString();
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            try {
                JsonElement e = JsonParser.parseString(text);
                if (!e.isJsonArray()) {
                    throw new InputException(where + ": not a training history (expected a JSON list of epochs)");
                }
                return fromJson(where, e.getAsJsonArray());
            } catch (JsonParseException e) {
                throw new InputException(where + ": not JSON (" + e.getMessage() + ")");
            }
        }
        return fromCsv(where, text);
    }

    private static List<EpochRecord> fromJson(String where, JsonArray a) {
        List<EpochRecord> out = new ArrayList<>();
        for (JsonElement e : a) {
            try {
                JsonObject o = e.getAsJsonObject();
                out.add(new EpochRecord(o.get("epoch").getAsInt(), num(o, "trainLoss"), num(o, "validationLoss"),
                        num(o, "validationAccuracy"), num(o, "learningRate"), num(o, "seconds")));
            } catch (IllegalStateException | NullPointerException | NumberFormatException | UnsupportedOperationException x) {
                throw new InputException(where + ": epoch " + (out.size() + 1) + " of the history is damaged");
            }
        }
        return out;
    }

    private static double num(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? Double.NaN : e.getAsDouble();
    }

    private static List<EpochRecord> fromCsv(String where, String text) {
        String[] lines = text.split("\r?\n");
        if (lines.length == 0 || !lines[0].strip().equals(CSV_HEADER)) {
            throw new InputException(where + ": not a theta history (expected the header " + CSV_HEADER + ")");
        }
        List<EpochRecord> out = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] f = lines[i].split(",");
            try {
                if (f.length != 6) {
                    throw new NumberFormatException();
                }
                out.add(new EpochRecord(Integer.parseInt(f[0].strip()), d(f[1]), d(f[2]), d(f[3]), d(f[4]), d(f[5])));
            } catch (NumberFormatException e) {
                throw new InputException(where + ": line " + (i + 1) + ": expected 6 numbers, got '" + lines[i] + "'");
            }
        }
        return out;
    }

    private static double d(String s) {
        return Double.parseDouble(s.strip());
    }
}
