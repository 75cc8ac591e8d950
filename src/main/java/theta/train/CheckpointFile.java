package theta.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;

import theta.InputException;
import theta.io.Json;
import theta.io.NamedArrays;
import theta.io.NdArray;
import theta.io.Npz;
import theta.math.Precision;

/**
 * A checkpoint on disk: an .npz with the parameters, the best parameters so far and the
 * optimiser's buffers (float64, so float32 values come back exactly), plus checkpoint.json with
 * the config, counters and history.
 */
public final class CheckpointFile {
    static final String METADATA = "checkpoint.json";
    private static final Gson GSON = Json.COMPACT;

    private CheckpointFile() {}

    /** runs/model.npz -> runs/model.checkpoint.npz */
    public static Path pathFor(Path model) {
        return HistoryFiles.sibling(model, ".checkpoint.npz");
    }

    public static void write(Path file, Checkpoint c) throws IOException {
        List<NdArray> arrays = new ArrayList<>();
        arrays.add(NdArray.of("params", new int[] {c.params().length}, c.params()));
        if (c.best() != null) {
            arrays.add(NdArray.of("best", new int[] {c.best().length}, c.best()));
        }
        for (int i = 0; i < c.optimizerState().size(); i++) {
            double[] s = c.optimizerState().get(i);
            arrays.add(NdArray.of("state" + i, new int[] {s.length}, s));
        }
        JsonObject meta = new JsonObject();
        meta.addProperty("format", "theta-checkpoint");
        meta.add("config", GSON.toJsonTree(c.config()));
        meta.addProperty("epoch", c.epoch());
        meta.addProperty("batch", c.batch());
        meta.addProperty("step", c.step());
        meta.addProperty("optimizerSteps", c.optimizerSteps());
        meta.addProperty("stateCount", c.optimizerState().size());
        meta.addProperty("epochLoss", c.epochLoss());
        meta.addProperty("epochSeconds", c.epochSeconds());
        meta.addProperty("bestEpoch", c.bestEpoch());
        meta.addProperty("bestAccuracy", c.bestAccuracy());
        meta.add("history", GSON.toJsonTree(c.history()));
        meta.addProperty("data", c.data());
        meta.addProperty("validation", c.validation());
        Npz.write(file, NamedArrays.of(arrays), Precision.F64, METADATA, GSON.toJson(meta).getBytes(StandardCharsets.UTF_8));
    }

    public static Checkpoint read(Path file) throws IOException {
        byte[] json = Npz.readEntry(file, METADATA, 256L << 20);
        if (json == null) {
            throw new InputException(file + ": not a theta checkpoint (no " + METADATA + ")");
        }
        NamedArrays arrays = Npz.read(file);
        try {
            JsonObject m = JsonParser.parseString(new String(json, StandardCharsets.UTF_8)).getAsJsonObject();
            TrainConfig cfg = GSON.fromJson(m.get("config"), TrainConfig.class);
            cfg = new TrainConfig(cfg.hidden(), cfg.activation(), cfg.output(), cfg.init(), cfg.optimizer(),
                    cfg.learningRate(), cfg.schedule(), cfg.epochs(), cfg.batchSize(), cfg.lambda(), cfg.inputDropout(),
                    cfg.hiddenDropout(), cfg.maxNorm(), cfg.patience(), cfg.augment(), cfg.seed(), cfg.precision(),
                    cfg.limit()); // re-validate what came from disk
            List<double[]> state = new ArrayList<>();
            for (int i = 0; i < m.get("stateCount").getAsInt(); i++) {
                state.add(arrays.get("state" + i).data());
            }
            List<EpochRecord> history = GSON.fromJson(m.get("history"), new TypeToken<List<EpochRecord>>() { }.getType());
            return new Checkpoint(cfg, m.get("epoch").getAsInt(), m.get("batch").getAsInt(), m.get("step").getAsLong(),
                    arrays.get("params").data(), m.get("optimizerSteps").getAsLong(), state,
                    m.get("epochLoss").getAsDouble(), m.get("epochSeconds").getAsDouble(),
                    arrays.contains("best") ? arrays.get("best").data() : null, m.get("bestEpoch").getAsInt(),
                    m.get("bestAccuracy").getAsDouble(), history, m.get("data").getAsString(),
                    m.get("validation").getAsInt());
        } catch (JsonParseException | IllegalStateException | NullPointerException | ClassCastException e) {
            throw new InputException(file + ": damaged " + METADATA + " (" + e.getMessage() + ")");
        }
    }
}
