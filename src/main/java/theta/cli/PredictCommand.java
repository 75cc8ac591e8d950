package theta.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
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
import theta.data.DigitImage;
import theta.eval.Classifier;
import theta.io.Json;
import theta.io.ModelFile;
import theta.math.ArgMax;
import theta.nn.Model;

/** theta predict: the class and probabilities of images, or of test-set examples by index. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Predicts the digit in image files or in test-set examples.",
        description = "Images (PNG, JPEG, GIF, BMP of any size) are prepared as MNIST's digits were: grayscale,"
                + " polarity detected, the digit fitted into 20x20 and centred by its centre of mass in 28x28."
                + " Test-set examples are given with --index.")
public final class PredictCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model file written by 'theta train'.")
    Path modelFile;

    @Parameters(index = "1..*", paramLabel = "IMAGE", description = "Image files.")
    List<Path> images = new ArrayList<>();

    @Option(names = "--index", split = ",", paramLabel = "N", description = "Test-set example(s) to predict.")
    List<Integer> indices = new ArrayList<>();

    @Option(names = "--json", description = "Print the predictions as JSON.")
    boolean json;

    @Mixin
    DataOptions data;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (images.isEmpty() && indices.isEmpty()) {
            throw new IllegalArgumentException("nothing to predict: give image files or --index N");
        }
        Model model = ModelFile.read(modelFile);
        Classifier c = new Classifier(model);
        List<Map<String, Object>> results = new ArrayList<>();
        for (Path image : images) {
            float[] x = DigitImage.fromFile(image);
            results.add(result(image.toString(), -1, c.probabilities(checkSize(x, model))));
        }
        if (!indices.isEmpty()) {
            Dataset test = data.load(spec.commandLine().getErr()::println).test();
            float[] x = new float[test.features()];
            for (int i : indices) {
                if (i < 0 || i >= test.size()) {
                    throw new IllegalArgumentException("--index " + i + " is outside 0.." + (test.size() - 1));
                }
                test.copyRow(i, x, 0);
                results.add(result(test.name() + "[" + i + "]", test.label(i), c.probabilities(checkSize(x, model))));
            }
        }
        if (json) {
            out.println(Json.PRETTY.toJson(results));
            return Main.OK;
        }
        for (Map<String, Object> r : results) {
            double[] p = (double[]) r.get("probabilities");
            out.printf(Locale.ROOT, "%s: %d (%.1f%%)%s%n", r.get("input"), (int) r.get("prediction"),
                    100 * p[(int) r.get("prediction")], r.containsKey("label") ? "  label " + r.get("label") : "");
            StringBuilder sb = new StringBuilder("  ");
            for (int k = 0; k < p.length; k++) {
                sb.append(String.format(Locale.ROOT, "%d:%.4f ", k, p[k]));
            }
            out.println(sb.toString().stripTrailing());
        }
        return Main.OK;
    }

    private float[] checkSize(float[] x, Model model) {
        int n = model.network().architecture().inputs();
        if (x.length != n) {
            throw new IllegalArgumentException(modelFile + " expects " + n + " inputs, the image gives " + x.length);
        }
        return x;
    }

    private static Map<String, Object> result(String input, int label, double[] p) {
        int best = ArgMax.of(p);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", input);
        m.put("prediction", best);
        if (label >= 0) {
            m.put("label", label);
        }
        m.put("probabilities", p);
        return m;
    }
}
