package theta.diagnose;

import java.util.Objects;

import theta.InputException;
import theta.activation.Activation;
import theta.check.DebugProblem;
import theta.loss.Loss;
import theta.math.Precision;
import theta.nn.Architecture;
import theta.nn.Layout;
import theta.nn.Network;
import theta.nn.NetworkCost;

/**
 * The setup a learner's gradient check ran on: a one-hidden-layer network (inputs, hidden,
 * classes; hidden activation; softmax or sigmoid output), lambda, the parameter vector
 * {@code nn_params = [Theta1(:); Theta2(:)]} (theta's {@link Layout}), the m examples X (row-major,
 * m x inputs) and their labels as classes 0..K-1 (the exercise's label y is class y - 1).
 * Immutable: the arrays are copied in and out.
 */
public final class DiagnosisProblem {
    private final Network network;
    private final double lambda;
    private final double[] parameters;
    private final double[] features;
    private final int[] labels;
    private final int m;

    private DiagnosisProblem(Network network, double lambda, double[] parameters, double[] features, int[] labels) {
        this.network = Objects.requireNonNull(network);
        this.lambda = lambda;
        this.parameters = parameters.clone();
        this.features = features.clone();
        this.labels = labels.clone();
        this.m = labels.length;
        Architecture arch = network.architecture();
        if (arch.layers() != 2) {
            throw new InputException("diagnose: the network must have one hidden layer, got " + arch);
        }
        if (network.activation().learnableCount() > 0 || network.activation().stochastic()) {
            throw new InputException("diagnose: activation " + network.activation().spec()
                    + " has learnable or random parts; the exercise's backprop has neither");
        }
        if (network.loss() == Loss.SIGMOID_MSE) {
            throw new InputException("diagnose: --output must be softmax or sigmoid (the exercise's cross-entropy outputs)");
        }
        if (!(lambda >= 0) || !Double.isFinite(lambda)) {
            throw new InputException("diagnose: lambda must be a number >= 0, got " + lambda);
        }
        if (parameters.length != network.layout().size()) {
            throw new InputException("diagnose: network " + arch + " has " + network.layout().size()
                    + " parameters, got " + parameters.length);
        }
        if (m < 1 || features.length != (long) m * arch.inputs()) {
            throw new InputException("diagnose: expected " + m + " x " + arch.inputs() + " inputs for " + m
                    + " labels, got " + features.length + " values");
        }
        for (int i = 0; i < m; i++) {
            if (labels[i] < 0 || labels[i] >= arch.outputs()) {
                throw new InputException("diagnose: label " + (labels[i] + 1) + " of example " + (i + 1)
                        + " is outside 1.." + arch.outputs());
            }
        }
    }

    /**
     * The classic debug problem that {@code theta gradcheck} and the exercise's checkNNGradients
     * build: 3 inputs, 5 hidden, 3 classes, m = 5, sin-filled weights and inputs, labels 1 + mod(i, 3).
     */
    public static DiagnosisProblem debug(Activation activation, Loss output, double lambda) {
        Network net = DebugProblem.network(activation, output);
        return new DiagnosisProblem(net, lambda, DebugProblem.parameters(net), DebugProblem.features(),
                DebugProblem.labels());
    }

    /**
     * Any problem, e.g. weights and data read from files.
     *
     * @param features m x inputs, row-major
     * @param labels classes 0..K-1, length m
     */
    public static DiagnosisProblem of(Network network, double lambda, double[] parameters, double[] features,
                                      int[] labels) {
        return new DiagnosisProblem(network, lambda, parameters, features, labels);
    }

    /** The same problem with another lambda. */
    public DiagnosisProblem withLambda(double newLambda) {
        return new DiagnosisProblem(network, newLambda, parameters, features, labels);
    }

    public Network network() {
        return network;
    }

    public Architecture architecture() {
        return network.architecture();
    }

    public int inputs() {
        return architecture().inputs();
    }

    public int hidden() {
        return architecture().units(1);
    }

    public int classes() {
        return architecture().outputs();
    }

    public Activation activation() {
        return network.activation();
    }

    public Loss output() {
        return network.loss();
    }

    public Layout layout() {
        return network.layout();
    }

    public double lambda() {
        return lambda;
    }

    public int m() {
        return m;
    }

    /** Number of parameters. */
    public int size() {
        return parameters.length;
    }

    public double[] parameters() {
        return parameters.clone();
    }

    /** m x inputs, row-major. */
    public double[] features() {
        return features.clone();
    }

    /** Classes 0..K-1 (the exercise's y minus one). */
    public int[] labels() {
        return labels.clone();
    }

    /** theta's own cost on this problem, in float64: the reference every candidate is built from. */
    public NetworkCost cost() {
        return new NetworkCost(network, features, labels, m, lambda, Precision.F64);
    }

    /** e.g. "debug 3-5-3 m=5, tanh hidden, softmax output, lambda 3". */
    public String describe() {
        return architecture() + " m=" + m + ", " + activation().spec() + " hidden, " + output().id()
                + " output, lambda " + Lambdas.format(lambda);
    }

    /** Parameters packed as the exercise does (read-only view for the reference computations). */
    double[] parametersView() {
        return parameters;
    }

    double[] featuresView() {
        return features;
    }

    int[] labelsView() {
        return labels;
    }
}
