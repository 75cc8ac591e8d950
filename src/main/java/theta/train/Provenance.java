package theta.train;

import java.time.Instant;
import java.util.List;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import theta.Version;
import theta.data.Splits;
import theta.io.Json;

/** Where a model came from: enough to reproduce it and to judge it. */
public final class Provenance {
    private static final Gson GSON = Json.COMPACT;

    private Provenance() {}

    public static JsonObject of(TrainConfig cfg, String dataDescription, Splits splits, Trainer.Result result,
                                Score test, double seconds) {
        JsonObject p = new JsonObject();
        p.addProperty("theta", Version.get());
        p.addProperty("java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        p.addProperty("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        p.addProperty("cores", Runtime.getRuntime().availableProcessors());
        p.addProperty("created", Instant.now().toString());
        p.add("config", GSON.toJsonTree(cfg.specs()));
        JsonObject data = new JsonObject();
        data.addProperty("description", dataDescription);
        data.addProperty("source", splits.train().source());
        data.addProperty("train", splits.train().size());
        data.addProperty("validation", splits.hasValidation() ? splits.validation().size() : 0);
        data.addProperty("test", splits.test().size());
        data.add("checksums", GSON.toJsonTree(splits.train().checksums()));
        p.add("data", data);
        p.addProperty("bestEpoch", result.bestEpoch());
        p.addProperty("stoppedEarly", result.stoppedEarly());
        p.addProperty("trainingSeconds", seconds);
        p.addProperty("testAccuracy", test.accuracy());
        p.addProperty("testLoss", test.loss());
        p.add("history", history(result.history()));
        return p;
    }

    static JsonArray history(List<EpochRecord> history) {
        JsonArray a = new JsonArray();
        for (EpochRecord r : history) {
            a.add(GSON.toJsonTree(r));
        }
        return a;
    }
}
