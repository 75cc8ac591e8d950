package theta.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import theta.activation.Activations;
import theta.check.CheckOptions;
import theta.check.CheckReport;
import theta.check.NetworkCheck;
import theta.data.DataReading;
import theta.data.ImageOrder;
import theta.data.LabelConvention;
import theta.loss.Loss;
import theta.math.Precision;
import theta.nn.Block;
import theta.nn.Network;
import theta.nn.NetworkCost;

/** theta cost: J and its gradient for given weights and data - the question's workflow. */
@Command(name = "cost", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Computes the cost J and the gradient norms per block for given weights and data.",
        description = {"J = (1/m) sum L + lambda/(2m) sum(theta^2), biases excluded. Weights come from a NumPy .npz"
            + " file, Octave text, a .mat file or a model (Theta1, Theta2, ...), data from a CSV, IDX or .mat (X, y) file. --check also compares the"
            + " gradient with central differences."})
public final class CostCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--weights", required = true, paramLabel = "FILE",
            description = "Theta1, Theta2, ... as .npz, Octave text (save -text), .mat (save -v6/-v7) or a theta model.")
    Path weights;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "Examples: a CSV file (label first), a .mat file (X, y) or an IDX image file (with --label-file).")
    Path dataFile;

    @Option(names = "--label-file", paramLabel = "FILE", description = "IDX labels for an IDX image file.")
    Path labelFile;

    @Option(names = "--labels", paramLabel = "0..K-1|1..K", converter = DataOptions.LabelsConverter.class,
            description = "Label convention: 0..K-1 or 1..K (K from Theta2), or e.g. 0..9, 1..10 (the exercise's,"
                    + " 10 meaning digit 0), 1..4; output unit k stands for label first+k. Default: 0..K-1,"
                    + " 1..K for .mat files.")
    LabelConvention labels;

    @Option(names = "--x-var", paramLabel = "NAME", defaultValue = DataReading.X,
            description = "The .mat variable with the examples (default: ${DEFAULT-VALUE}).")
    String xVar;

    @Option(names = "--y-var", paramLabel = "NAME", defaultValue = DataReading.Y,
            description = "The .mat variable with the labels (default: ${DEFAULT-VALUE}).")
    String yVar;

    @Option(names = "--weight-vars", paramLabel = "NAME,NAME", split = ",",
            description = "The variables holding Theta1, Theta2, ... in that order (default: Theta1, Theta2, ...).")
    List<String> weightVars;

    @Option(names = "--lambda", defaultValue = "0", description = "Regularisation strength (default: ${DEFAULT-VALUE}).")
    double lambda;

    @Option(names = "--activation", defaultValue = "sigmoid", description = "Hidden activation (default: ${DEFAULT-VALUE}).")
    String activation;

    @Option(names = "--output", defaultValue = "sigmoid",
            description = "Output and loss: softmax, sigmoid, sigmoid_mse (default: ${DEFAULT-VALUE}, as in the exercise).")
    String output;

    @Option(names = "--limit", defaultValue = "0", description = "Use the first N examples only (default: all).")
    int limit;

    @Option(names = "--check", description = "Also gradient-check these weights on this data (float64, a sample of entries).")
    boolean check;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        // Weights index the inputs in the order the data file stores them, as in Octave's own cost:
        // images are left as stored (J does not depend on the order when both agree).
        DataReading how = new DataReading(labels, ImageOrder.ROW, xVar, yVar);
        WeightsAndData wd = WeightsAndData.read(weights, weightVars, dataFile, labelFile, how, limit,
                Activations.parse(activation), Loss.parse(output));
        Network net = wd.network();
        double[] params = wd.parameters();
        int m = wd.m();
        NetworkCost cost = new NetworkCost(net, wd.features(), wd.labels(), m, lambda, Precision.F64);
        double[] grad = new double[params.length];
        double j = cost.value(params, grad);
        out.printf(Locale.ROOT, "network  %s, %s hidden, %s output; m = %d, lambda = %s%n", net.architecture(),
                net.activation().spec(), net.loss().id(), m, lambda);
        out.printf(Locale.ROOT, "J = %.15g  (data term %.15g + penalty %.15g)%n", j, cost.lastDataTerm(),
                cost.lastPenalty());
        out.println("gradient norms:");
        for (Block b : net.layout().blocks()) {
            double s = 0;
            for (int i = b.offset(); i < b.end(); i++) {
                s += grad[i] * grad[i];
            }
            out.printf(Locale.ROOT, "  %-18s %14.8e  (%d entries)%n", b.name(), Math.sqrt(s), b.length());
        }
        if (!check) {
            return Main.OK;
        }
        CheckReport r = NetworkCheck.check(cost, params, CheckOptions.defaults().withPerBlock(20).withTolerance(1e-7));
        out.printf(Locale.ROOT, "gradient check: norm(num-ana)/norm(num+ana) = %.3e over %d entries (%d near kinks): %s%n",
                r.normRatio(), r.entries().size(), r.kinkCount(), r.passed() ? "ok" : "FAILED");
        r.diagnosis().forEach(d -> out.println("  diagnosis: " + d));
        return r.passed() ? Main.OK : Main.FAILED;
    }
}
