package theta.check;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import theta.activation.Activation;
import theta.loss.Loss;
import theta.math.Precision;
import theta.nn.Architecture;
import theta.nn.Initializer;
import theta.nn.Network;
import theta.nn.NetworkCost;

/**
 * Gradient checks of every activation x output x lambda combination: on the classic debug network,
 * and on a real-data batch through an inputs-h-K network with a sample of its parameters.
 */
public final class GradCheckSuite {
    /** One row of the suite: which problem, which combination, and its report. */
    public record Result(String problem, Activation activation, Loss loss, double lambda, SimulatedBug bug,
                         CheckReport report) {}

    /**
     * A real-data batch: m examples of n features (row-major) with labels in 0..classes-1.
     *
     * @param name e.g. "MNIST train[0..32)"
     */
    public record Batch(String name, double[] features, int[] labels, int m, int classes) {
        public Batch {
            if (m < 1 || features.length % m != 0 || labels.length < m) {
                throw new IllegalArgumentException("batch needs m >= 1 rows of features and m labels");
            }
        }

        public int inputs() {
            return features.length / m;
        }
    }

    private GradCheckSuite() {}

    /** The debug network for one combination. */
    public static Result debug(Activation g, Loss loss, double lambda, SimulatedBug bug, CheckOptions opts) {
        Network net = DebugProblem.network(g, loss);
        NetworkCost cost = DebugProblem.cost(net, lambda);
        CheckReport r = GradientChecker.check(bug.apply(cost), DebugProblem.parameters(net), net.layout().blocks(),
                opts, new Diagnosis.Context(cost.m(), lambda));
        String problem = "debug " + net.architecture() + " m=" + DebugProblem.M;
        return new Result(problem, g, loss, lambda, bug, r);
    }

    /**
     * A real-data batch through an inputs-hidden-K network with seeded random parameters (Glorot
     * uniform weights, small random biases); checks opts.perBlock() entries of each block.
     */
    public static Result batch(Batch batch, int hidden, Activation g, Loss loss, double lambda, SimulatedBug bug,
                               CheckOptions opts) {
        Network net = new Network(new Architecture(batch.inputs(), hidden, batch.classes()), g, loss);
        NetworkCost cost = new NetworkCost(net, batch.features(), batch.labels(), batch.m(), lambda, Precision.F64);
        double[] params = randomParameters(net, opts.seed());
        CheckReport r = GradientChecker.check(bug.apply(cost), params, net.layout().blocks(), opts,
                new Diagnosis.Context(batch.m(), lambda));
        return new Result(batch.name() + " " + net.architecture() + " m=" + batch.m(), g, loss, lambda, bug, r);
    }

    /** Runs every combination on the debug network and, when {@code batch} is not null, on the batch too. */
    public static List<Result> all(List<Activation> activations, List<Loss> losses, double[] lambdas,
                                   SimulatedBug bug, CheckOptions debugOpts, Batch batch, int hidden,
                                   CheckOptions batchOpts, Consumer<Result> progress) {
        List<Result> out = new ArrayList<>();
        for (Activation g : activations) {
            for (Loss loss : losses) {
                for (double lambda : lambdas) {
                    Result r = debug(g, loss, lambda, bug, debugOpts);
                    out.add(r);
                    progress.accept(r);
                    if (batch != null) {
                        r = GradCheckSuite.batch(batch, hidden, g, loss, lambda, bug, batchOpts);
                        out.add(r);
                        progress.accept(r);
                    }
                }
            }
        }
        return out;
    }

    /** Glorot-uniform weights and small nonzero biases, so that the bias gradients are checked away from 0. */
    static double[] randomParameters(Network net, long seed) {
        return Initializer.parameters(net, (in, out, rng) -> {
            double r = Math.sqrt(6.0 / (in + out));
            return rng.nextDouble(-r, r);
        }, (in, out, rng) -> rng.nextDouble(-0.1, 0.1), seed);
    }
}
