package theta.train;

import java.util.ArrayList;
import java.util.List;

import theta.activation.Activations;
import theta.data.Dataset;
import theta.data.Splits;
import theta.math.Precision;
import theta.math.Vec;
import theta.nn.Network;
import theta.nn.NetworkCost;
import theta.optim.Minimizer;

/**
 * Full-batch training, as in the classic exercise: the cost over the whole training set is one
 * differentiable function, minimised by L-BFGS or nonlinear conjugate gradient for a number of
 * iterations (line searches). Always float64.
 */
public final class FullBatchTrainer {
    private FullBatchTrainer() {}

    /**
     * Minimises the full-batch cost from {@code initial} for {@code cfg.epochs()} iterations, then
     * scores the result on the validation split (when {@code data} has one) with {@code validation}.
     *
     * @throws IllegalArgumentException for a mini-batch config (use {@link Trainer})
     */
    public static Trainer.Result train(Network net, TrainConfig cfg, Splits data, double[] initial,
                                       Validation validation, TrainListener listener) {
        Activations.requireVerified(net.activation());
        Dataset train = data.train();
        int n = train.size();
        NetworkCost cost = new NetworkCost(net, train.rowsAsDoubles(n), train.labels(), n, cfg.lambda(), Precision.F64);
        if (!(cfg.optimization() instanceof Optimization.FullBatch full)) {
            throw new IllegalArgumentException(cfg.optimization().spec() + " trains in mini-batches: use Trainer");
        }
        Minimizer minimizer = full.minimizer().create();
        long t0 = System.nanoTime();
        listener.onStart(1, cfg.epochs(), 1);
        Minimizer.Result r = minimizer.minimize(cost, initial, new Minimizer.Options(cfg.epochs(), 1e-9),
                listener::onIteration);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Score v = Score.NONE;
        if (data.hasValidation()) {
            Vec p = Precision.F64.zeros(r.x().length);
            p.copyFrom(r.x());
            v = validation.score(net, p, data.validation(), net.workspace(1000, Precision.F64));
        }
        List<EpochRecord> history = new ArrayList<>();
        history.add(new EpochRecord(1, r.cost(), v.loss(), v.accuracy(), Double.NaN, seconds));
        listener.onEpoch(history.get(0));
        return new Trainer.Result(r.x(), 1, history, false, null);
    }
}
