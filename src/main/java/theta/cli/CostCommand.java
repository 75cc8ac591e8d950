package theta.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import theta.InputException;
import theta.activation.Activations;
import theta.check.CheckOptions;
import theta.check.CheckReport;
import theta.check.NetworkCheck;
import theta.data.Csv;
import theta.data.Dataset;
import theta.data.Idx;
import theta.data.LabelConvention;
import theta.io.ArrayFiles;
import theta.io.ModelFile;
import theta.io.NamedArrays;
import theta.loss.Loss;
import theta.math.Precision;
import theta.nn.Architecture;
import theta.nn.Block;
import theta.nn.Network;
import theta.nn.NetworkCost;

/** theta cost: J and its gradient for given weights and data - the question's workflow. */
@Command(name = "cost", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Computes the cost J = (1/m) sum L + lambda/(2m) sum(theta^2) (biases excluded) and the",
            "gradient norms per block, for weights from a NumPy .npz or Octave text file (Theta1, Theta2, ...)",
            "and data from a CSV or IDX file. --check also compares the gradient with central differences."})
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
        LabelConvention convention = LabelConvention.parse(labels);
        Dataset data = readData(convention);
        if (limit < 0) {
            throw new IllegalArgumentException("--limit must be >= 0, got " + limit);
        }
        int m = limit > 0 ? Math.min(limit, data.size()) : data.size();
        int[] y = data.labels();
        if (convention == LabelConvention.ONE_TO_TEN) {
            // The exercise's output unit k (1-based) stands for label k, so label 10 (digit 0) is the
            // last output: class index = label - 1, where the reader gave label % 10.
            for (int i = 0; i < y.length; i++) {
                y[i] = (y[i] + 9) % 10;
            }
        }
        NamedArrays arrays = ArrayFiles.read(weights);
        Network net = network(arrays, data, java.util.Arrays.stream(y, 0, m).max().orElse(0));
        double[] params = ModelFile.parameters(net, arrays);
        double[] x = new double[Math.multiplyExact(m, data.features())];
        for (int i = 0; i < m; i++) {
            data.copyRow(i, x, i * data.features());
        }
        NetworkCost cost = new NetworkCost(net, x, y, m, lambda, Precision.F64);
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

    private Dataset readData(LabelConvention convention) throws java.io.IOException {
        if (!Files.isRegularFile(dataFile)) {
            throw new InputException(dataFile + ": no such file");
        }
        byte[] head = new byte[4];
        try (var in = Files.newInputStream(dataFile)) {
            in.readNBytes(head, 0, 4);
        }
        boolean idx = head[0] == 0 && head[1] == 0 && head[2] == 8 || (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
        if (!idx) {
            return Csv.read(dataFile, convention);
        }
        if (labelFile == null) {
            throw new IllegalArgumentException(dataFile + " is an IDX image file: give its labels with --label-file");
        }
        return Idx.read(dataFile.getFileName().toString(), dataFile, labelFile, convention);
    }

    /** The network whose shapes the weight matrices describe. */
    private Network network(NamedArrays arrays, Dataset data, int maxClass) {
        List<String> names = arrays.names();
        int layers = 0;
        while (names.contains("Theta" + (layers + 1))) {
            layers++;
        }
        if (layers < 2) {
            throw new InputException(weights + ": expected matrices Theta1, Theta2 (has: " + String.join(", ", names)
                    + ")");
        }
        for (int l = 1; l <= layers; l++) {
            int[] shape = arrays.get("Theta" + l).shape();
            if (shape.length != 2) {
                String is = shape.length == 0 ? "a scalar" : shape.length == 1 ? "a 1-D array of " + shape[0] + " values"
                        : arrays.get("Theta" + l).shapeString() + " (" + shape.length + " dimensions)";
                throw new InputException(weights + ": Theta" + l + " is " + is + ", expected a matrix of units x"
                        + " (inputs + 1)");
            }
        }
        int[] hidden = new int[layers - 1];
        for (int l = 1; l < layers; l++) {
            hidden[l - 1] = arrays.get("Theta" + l).rows();
        }
        int inputs = arrays.get("Theta1").cols() - 1;
        int outputs = arrays.get("Theta" + layers).rows();
        if (inputs != data.features()) {
            throw new InputException(weights + ": Theta1 takes " + inputs + " inputs (+ bias) but " + dataFile + " has "
                    + data.features() + " features");
        }
        if (maxClass >= outputs) {
            throw new InputException(dataFile + ": its labels need " + (maxClass + 1) + " outputs (classes 0.." + maxClass
                    + ") but Theta" + layers + " in " + weights + " has " + outputs);
        }
        return new Network(new Architecture(inputs, hidden, outputs), Activations.parse(activation),
                Loss.parse(output));
    }
}
