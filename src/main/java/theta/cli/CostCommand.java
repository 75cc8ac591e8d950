package theta.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
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
import theta.loss.Loss;
import theta.math.Precision;
import theta.nn.Block;
import theta.nn.Network;
import theta.nn.NetworkCost;

/** theta cost: J and its gradient for given weights and data - the question's workflow. */
@Command(name = "cost", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Computes the cost J and the gradient norms per block for given weights and data.",
        description = {"J = (1/m) sum L + lambda/(2m) sum(theta^2), biases excluded. Weights come from a NumPy .npz"
            + " or Octave text file (Theta1, Theta2, ...), data from a CSV or IDX file. --check also compares the"
            + " gradient with central differences."})
public final class CostCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--weights", required = true, paramLabel = "FILE",
            description = "Theta1, Theta2, ... as .npz, .npy-free Octave text (save -text) or a theta model.")
    Path weights;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "Examples: a CSV file (label first) or an IDX image file (with --label-file).")
    Path dataFile;

    @Option(names = "--label-file", paramLabel = "FILE", description = "IDX labels for an IDX image file.")
    Path labelFile;

    @Option(names = "--labels", defaultValue = "0..9", paramLabel = "0..9|1..10",
            description = "Label convention; 1..10 is the classic exercise's, where 10 means digit 0 (default: ${DEFAULT-VALUE}).")
    String labels;

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
        WeightsAndData wd = WeightsAndData.read(weights, dataFile, labelFile, labels, limit,
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
