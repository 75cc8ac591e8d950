package theta.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import theta.InputException;
import theta.activation.Activation;
import theta.data.DataFile;
import theta.data.DataReading;
import theta.data.Dataset;
import theta.data.ImageOrder;
import theta.data.LabelConvention;
import theta.io.ArrayFiles;
import theta.io.ModelFile;
import theta.io.NamedArrays;
import theta.loss.Loss;
import theta.nn.Architecture;
import theta.nn.Network;

/**
 * Weights (Theta1, Theta2, ... from .mat, .npz, Octave text or a model) and the first m examples
 * of a .mat, CSV or IDX file, checked against each other: what {@code theta cost} and
 * {@code theta diagnose} run on.
 *
 * @param features m x inputs, row-major, pixels in the order the data file stores them
 * @param labels the exercise's output units 0..K-1: output k stands for label first + k
 */
record WeightsAndData(Network network, double[] parameters, double[] features, int[] labels, int m) {
    static WeightsAndData read(Path weights, Path dataFile, Path labelFile, String labels, int limit,
                               Activation activation, Loss output) throws IOException {
        return read(weights, List.of(), dataFile, labelFile,
                new DataReading(LabelConvention.parse(labels), ImageOrder.ROW, DataReading.X, DataReading.Y), limit,
                activation, output);
    }

    /**
     * Reads the weights ({@code weightVars} name the variables holding Theta1, Theta2, ... when not
     * empty) and the data as {@code how} says (null labels: the file format's default).
     */
    static WeightsAndData read(Path weights, List<String> weightVars, Path dataFile, Path labelFile, DataReading how,
                               int limit, Activation activation, Loss output) throws IOException {
        Dataset data = DataFile.read(dataFile, labelFile, how);
        if (limit < 0) {
            throw new IllegalArgumentException("--limit " + limit + ": must be 0 or more (0: all)");
        }
        int m = limit > 0 ? Math.min(limit, data.size()) : data.size();
        LabelConvention convention = DataFile.labels(dataFile, how);
        LabelConvention resolved = convention.resolve(data.classes() - 1, 2);
        int[] y = data.labels();
        // In 1..10 the reader gave digits (label 10 is class 0); unit() turns classes into output units.
        for (int i = 0; i < y.length; i++) {
            y[i] = resolved.unit(y[i]);
        }
        NamedArrays arrays = renamed(ArrayFiles.read(weights), weightVars);
        Network net = network(arrays, weights, data, dataFile, Arrays.stream(y, 0, m).max().orElse(0),
                resolved.first(), activation, output);
        // 1..10 keeps today's meaning (the labels present must fit the outputs); another K must be Theta's.
        if (!convention.inferred() && !convention.digits() && convention.classes() != net.architecture().outputs()) {
            throw new InputException(weights + ": --labels " + convention.spelling() + " names " + convention.classes()
                    + " classes but the last Theta has " + net.architecture().outputs() + " rows (outputs)");
        }
        double[] params = ModelFile.parameters(net, arrays);
        double[] x = new double[Math.multiplyExact(m, data.features())];
        for (int i = 0; i < m; i++) {
            data.copyRow(i, x, i * data.features());
        }
        return new WeightsAndData(net, params, x, Arrays.copyOf(y, m), m);
    }

    /** The weight arrays, with those named in {@code names} renamed Theta1, Theta2, ... */
    private static NamedArrays renamed(NamedArrays file, List<String> names) {
        if (names == null || names.isEmpty()) {
            return file;
        }
        if (names.size() < 2) {
            throw new IllegalArgumentException("--weight-vars needs at least two names (Theta1, Theta2), got "
                    + names.size());
        }
        NamedArrays a = file;
        for (int l = 0; l < names.size(); l++) {
            a = a.with(file.get(names.get(l).strip()).withName("Theta" + (l + 1)));
        }
        return a;
    }

    /** The network whose shapes the weight matrices describe. */
    private static Network network(NamedArrays arrays, Path weights, Dataset data, Path dataFile, int maxClass,
                                   int firstLabel, Activation activation, Loss output) {
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
            // Said in the file's own numbering: a 0..9 reader of 1..10 labels needs the hint, not unit numbers.
            int label = maxClass + firstLabel;
            throw new InputException(dataFile + ": label " + label + " is out of range for Theta" + layers + " in " + weights
                    + ", whose " + outputs + " outputs take labels " + firstLabel + ".." + (outputs - 1 + firstLabel)
                    + (firstLabel == 0 && label == outputs ? "; if the labels run 1.." + outputs + ", give --labels 1.."
                    + outputs : ""));
        }
        return new Network(new Architecture(inputs, hidden, outputs), activation, output);
    }
}
