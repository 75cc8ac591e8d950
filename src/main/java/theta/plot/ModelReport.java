package theta.plot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import theta.InputException;
import theta.data.Dataset;
import theta.data.FashionMnist;
import theta.data.Mnist;
import theta.eval.Evaluation;
import theta.nn.Model;
import theta.train.EpochRecord;
import theta.train.HistoryFiles;

/** A model's report from its file: the history it records (or the one beside it) and its recorded test set. */
public final class ModelReport {
    private ModelReport() {}

    /** The report page; {@code test} null means "not evaluated", for the reason given. */
    public static String html(Path modelFile, Model model, Dataset test, String unavailable) throws IOException {
        Evaluation e = test == null ? null : EvaluationPlots.evaluate(model, test, EvaluationPlots.DEFAULT_WORST);
        return Report.html(modelFile.getFileName().toString(), model, history(modelFile, model), e, test, unavailable);
    }

    /** The report page, evaluated on the model's recorded test set when it is at hand (else saying why not). */
    public static String html(Path modelFile, Model model, Consumer<String> log) throws IOException {
        Dataset test = null;
        String why = null;
        try {
            test = recordedTest(model, log);
        } catch (InputException | java.io.UncheckedIOException e) {
            why = e.getMessage();
        }
        return html(modelFile, model, test, why);
    }

    /** The history the model records, else the .history.json/.csv beside its file, else none. */
    public static List<EpochRecord> history(Path modelFile, Model model) throws IOException {
        List<EpochRecord> h = Histories.of(model);
        if (!h.isEmpty()) {
            return h;
        }
        for (Path p : List.of(HistoryFiles.jsonPath(modelFile), HistoryFiles.csvPath(modelFile))) {
            if (Files.isRegularFile(p)) {
                return Histories.read(p);
            }
        }
        return List.of();
    }

    /**
     * The test set of the data the model was trained on, when theta knows it by name (MNIST is
     * fetched when missing); otherwise an InputException saying what to pass instead.
     */
    public static Dataset recordedTest(Model model, Consumer<String> log) {
        String data = recordedData(model);
        if (Mnist.NAME.equals(data)) {
            return Mnist.load(0, log).test();
        }
        if (FashionMnist.NAME.equals(data)) {
            return FashionMnist.load(0).test();
        }
        throw new InputException(data == null
                ? "the model does not record the data it was trained on, so the report needs its test data given"
                : "the model was trained on '" + data + "', which theta cannot find by name, so the report needs its"
                        + " test data given");
    }

    /** The description of the training data recorded in the provenance (null when none). */
    static String recordedData(Model model) {
        JsonElement d = model.provenance().get("data");
        if (d == null || !d.isJsonObject()) {
            return null;
        }
        JsonElement desc = ((JsonObject) d).get("description");
        return desc == null || !desc.isJsonPrimitive() ? null : desc.getAsString();
    }
}
