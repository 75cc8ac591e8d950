package theta.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;


import theta.io.AtomicFile;
import theta.io.Json;

/** Writes the per-epoch history beside a model: MODEL.history.csv and MODEL.history.json. */
public final class HistoryFiles {
    private HistoryFiles() {}

    public static Path csvPath(Path model) {
        return sibling(model, ".history.csv");
    }

    public static Path jsonPath(Path model) {
        return sibling(model, ".history.json");
    }

    public static void write(Path model, List<EpochRecord> history) throws IOException {
        StringBuilder csv = new StringBuilder("epoch,train_loss,val_loss,val_accuracy,learning_rate,seconds\n");
        for (EpochRecord r : history) {
            csv.append(String.format(Locale.ROOT, "%d,%.8g,%.8g,%.6f,%.6g,%.3f%n", r.epoch(), r.trainLoss(),
                    r.validationLoss(), r.validationAccuracy(), r.learningRate(), r.seconds()));
        }
        AtomicFile.write(csvPath(model), csv.toString().getBytes(StandardCharsets.UTF_8));
        String json = Json.PRETTY
                .toJson(Provenance.history(history));
        AtomicFile.write(jsonPath(model), json.getBytes(StandardCharsets.UTF_8));
    }

    /** runs/model.npz -> runs/model + suffix. */
    public static Path sibling(Path model, String suffix) {
        String name = model.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return model.resolveSibling(stem + suffix);
    }
}
