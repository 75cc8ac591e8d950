package theta.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import theta.data.Dataset;
import theta.data.Splits;
import theta.eval.Evaluation;
import theta.eval.Evaluator;
import theta.io.Json;
import theta.io.ModelFile;
import theta.math.Precision;
import theta.math.Vec;
import theta.nn.Model;

/** theta evaluate: accuracy, loss, confusion matrix, per-class scores, most confident mistakes. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Measures a saved model on the test set or another split.",
        description = "Prints accuracy, loss, the confusion matrix, per-class precision, recall and F1, and the most"
                + " confidently wrong images; --json prints them as JSON.")
public final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model file written by 'theta train'.")
    Path modelFile;

    @Option(names = "--set", defaultValue = "test", description = "Split to evaluate: train, validation, test (default: ${DEFAULT-VALUE}).")
    String set;

    @Option(names = "--worst", defaultValue = "10", description = "How many confidently wrong images to list (default: ${DEFAULT-VALUE}).")
    int worst;

    @Option(names = "--json", description = "Print the evaluation as JSON.")
    boolean json;

    @Option(names = "--plots", paramLabel = "DIR",
            description = "Also draw confusion.png (heat map with counts), class-scores.png (precision/recall bars)"
                    + " and wrong.png (the most confidently wrong images) into DIR.")
    Path plots;

    @Mixin
    DataOptions data;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (worst < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--worst " + worst + ": must be 0 or more");
        }
        Model model = ModelFile.read(modelFile);
        Splits splits = data.load(spec.commandLine().getErr()::println);
        Dataset d = switch (set.toLowerCase(Locale.ROOT)) {
            case "test" -> splits.test();
            case "train" -> splits.train();
            case "validation" -> {
                if (!splits.hasValidation()) {
                    throw new IllegalArgumentException("--set validation: there is no validation split (--validation 0)");
                }
                yield splits.validation();
            }
            default -> throw new IllegalArgumentException("--set must be train, validation or test, got '" + set + "'");
        };
        if (d.features() != model.network().architecture().inputs()) {
            throw new IllegalArgumentException(modelFile + " expects " + model.network().architecture().inputs()
                    + " inputs; " + d.name() + " has " + d.features());
        }
        Vec params = Precision.F64.zeros(model.params().length);
        params.copyFrom(model.params());
        Evaluation e = Evaluator.evaluate(model.network(), params, d, model.network().workspace(500, Precision.F64),
                worst);
        if (plots != null) {
            for (Path p : theta.plot.EvaluationPlots.write(plots, e, d, modelFile.getFileName().toString())) {
                spec.commandLine().getErr().println("wrote " + p);
            }
        }
        if (json) {
            out.println(Json.PRETTY.toJson(toJson(e)));
        } else {
            print(out, e);
        }
        return Main.OK;
    }

    static void print(PrintWriter out, Evaluation e) {
        out.printf(Locale.ROOT, "%s: %d examples%n", e.dataset(), e.size());
        out.printf(Locale.ROOT, "accuracy  %.2f%% (%d/%d)   error %.2f%%%n", 100 * e.accuracy(), e.correct(), e.size(),
                100 * (1 - e.accuracy()));
        out.printf(Locale.ROOT, "loss      %.5f (mean cross-entropy, no penalty)%n", e.loss());
        out.printf(Locale.ROOT, "macro F1  %.4f%n%n", e.macroF1());
        out.println("confusion matrix (rows: actual, columns: predicted)");
        StringBuilder head = new StringBuilder("      ");
        for (int k = 0; k < e.classes(); k++) {
            head.append(String.format(Locale.ROOT, "%6d", k));
        }
        out.println(head);
        for (int a = 0; a < e.classes(); a++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%6d", a));
            for (int p = 0; p < e.classes(); p++) {
                row.append(String.format(Locale.ROOT, "%6d", e.confusion()[a][p]));
            }
            out.println(row);
        }
        out.println();
        out.println("class  precision  recall      F1");
        for (int k = 0; k < e.classes(); k++) {
            out.printf(Locale.ROOT, "%5d  %9.4f  %6.4f  %6.4f%n", k, e.precision(k), e.recall(k), e.f1(k));
        }
        if (!e.confidentlyWrong().isEmpty()) {
            out.println();
            out.println("most confidently wrong (index, label, predicted, probability)");
            for (Evaluation.Mistake m : e.confidentlyWrong()) {
                out.printf(Locale.ROOT, "%7d  %5d  %9d  %.4f%n", m.index(), m.label(), m.predicted(), m.probability());
            }
        }
    }

    static Map<String, Object> toJson(Evaluation e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset", e.dataset());
        m.put("size", e.size());
        m.put("accuracy", e.accuracy());
        m.put("loss", e.loss());
        m.put("macroF1", e.macroF1());
        m.put("confusion", e.confusion());
        List<Map<String, Object>> perClass = new java.util.ArrayList<>();
        for (int k = 0; k < e.classes(); k++) {
            perClass.add(Map.of("class", k, "precision", e.precision(k), "recall", e.recall(k), "f1", e.f1(k)));
        }
        m.put("perClass", perClass);
        m.put("confidentlyWrong", e.confidentlyWrong());
        return m;
    }
}
