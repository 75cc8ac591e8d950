package theta.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import theta.InputException;
import theta.activation.Activation;
import theta.data.Csv;
import theta.data.Dataset;
import theta.data.Idx;
import theta.data.LabelConvention;
import theta.io.ArrayFiles;
import theta.io.ModelFile;
import theta.io.NamedArrays;
import theta.loss.Loss;
import theta.nn.Architecture;
import theta.nn.Network;

/**
 * Weights (Theta1, Theta2, ... from .npz, Octave text or a model) and the first m examples of a
 * CSV or IDX file, checked against each other: what {@code theta cost} and {@code theta diagnose}
 * run on.
 *
 * @param features m x inputs, row-major
 * @param labels classes 0..K-1 (the exercise's 1..10 are mapped so that output k stands for label k)
 */
record WeightsAndData(Network network, double[] parameters, double[] features, int[] labels, int m) {
    static WeightsAndData read(Path weights, Path dataFile, Path labelFile, String labels, int limit,
                               Activation activation, Loss output) throws IOException {
        LabelConvention convention = LabelConvention.parse(labels);
        Dataset data = readData(dataFile, labelFile, convention);
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
        Network net = network(arrays, weights, data, dataFile, Arrays.stream(y, 0, m).max().orElse(0), activation,
                output);
        double[] params = ModelFile.parameters(net, arrays);
        double[] x = new double[Math.multiplyExact(m, data.features())];
        for (int i = 0; i < m; i++) {
            data.copyRow(i, x, i * data.features());
        }
        return new WeightsAndData(net, params, x, Arrays.copyOf(y, m), m);
    }

    private static Dataset readData(Path dataFile, Path labelFile, LabelConvention convention) throws IOException {
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
    private static Network network(NamedArrays arrays, Path weights, Dataset data, Path dataFile, int maxClass,
                                   Activation activation, Loss output) {
        List<String> names = arrays.names();
        int layers = 0;
        while (names.contains("Theta" + (layers + 1))) {
            layers++;
        }
        if (layers < 2) {
            throw new InputException(weights + ": expected matrices Theta1, Theta2 (has: " + String.join(", ", names)
                    + ")");
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
            throw new InputException(dataFile + ": labels go up to output " + (maxClass + 1) + " but Theta"
                    + layers + " has " + outputs + " outputs");
        }
        return new Network(new Architecture(inputs, hidden, outputs), activation, output);
    }
}
