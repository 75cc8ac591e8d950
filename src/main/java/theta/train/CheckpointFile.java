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
import theta.activation.Activations;
import theta.activation.Init;
import theta.io.Json;
import theta.io.JsonFields;
import theta.io.NamedArrays;
import theta.io.NdArray;
import theta.io.Npz;
import theta.loss.Loss;
import theta.math.Precision;
import theta.optim.Optimizers;
import theta.optim.Schedules;

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
        meta.add("config", GSON.toJsonTree(c.config().specs()));
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
            TrainConfig cfg = config(m.getAsJsonObject("config"));
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
        } catch (JsonParseException | IllegalStateException | NullPointerException | ClassCastException
                 | UnsupportedOperationException | IllegalArgumentException e) {
            throw new InputException(file + ": damaged " + METADATA + " (" + JsonFields.fault(e) + ")");
        }
    }

    /** The config of {@link TrainConfig#specs()}, parsed and validated again. */
    private static TrainConfig config(JsonObject c) {
        Optimization.MiniBatch mb = new Optimization.MiniBatch(Optimizers.parse(c.get("optimizer").getAsString()),
                LearningRate.fixed(c.get("learningRate").getAsDouble()), Schedules.parse(c.get("schedule").getAsString()),
                c.get("batchSize").getAsInt(), c.get("inputDropout").getAsDouble(), c.get("hiddenDropout").getAsDouble(),
                c.get("maxNorm").getAsDouble(), c.get("patience").getAsInt(),
                AugmentConfig.parse(c.get("augment").getAsString()));
        String init = c.get("init").getAsString();
        return new TrainConfig(GSON.fromJson(c.get("hidden"), int[].class), Activations.parse(c.get("activation").getAsString()),
                Loss.parse(c.get("output").getAsString()), init.equals("auto") ? null : Init.parse(init), mb,
                c.get("epochs").getAsInt(), c.get("lambda").getAsDouble(), c.get("seed").getAsLong(),
                Precision.valueOf(c.get("precision").getAsString()), c.get("limit").getAsInt());
    }
}
