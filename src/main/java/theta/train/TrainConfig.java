package theta.train;

import java.util.Arrays;

import theta.math.Precision;

/**
 * Everything that decides a training run. Same config, same data, same seed, same thread count:
 * the same model, bit for bit.
 *
 * @param hidden hidden layer sizes (usually one)
 * @param activation hidden activation spec, e.g. relu or elu:alpha=0.5
 * @param output softmax, sigmoid or sigmoid_mse
 * @param init weight initialisation, or "auto" for the activation's default
 * @param optimizer mini-batch optimiser spec (sgd:momentum=0.9, adam, ...) or a full-batch
 *     minimiser: lbfgs or cg, which then run {@code epochs} iterations on the whole training set
 * @param learningRate base rate of the schedule (ignored by lbfgs/cg)
 * @param schedule constant, step:..., cosine:... (with optional warm-up)
 * @param epochs passes over the training set (iterations for lbfgs/cg)
 * @param batchSize examples per update
 * @param lambda L2 strength: cost term lambda/(2N) sum theta^2 over non-bias weights, N = training examples
 * @param inputDropout probability of dropping an input pixel while training
 * @param hiddenDropout probability of dropping a hidden unit while training
 * @param maxNorm upper bound on the L2 norm of each hidden unit's incoming weights (0: off)
 * @param patience early stopping: stop after this many epochs without a better validation accuracy (0: off)
 * @param augment data augmentation spec: none, affine, elastic, ...
 * @param seed seeds initialisation, shuffling, dropout and augmentation
 * @param precision F32 for speed, F64 for reference
 * @param limit train on the first {@code limit} training examples only (0: all)
 */
public record TrainConfig(int[] hidden, String activation, String output, String init, String optimizer,
                          double learningRate, String schedule, int epochs, int batchSize, double lambda,
                          double inputDropout, double hiddenDropout, double maxNorm, int patience, String augment,
                          long seed, Precision precision, int limit) {
    public TrainConfig {
        hidden = hidden.clone();
        if (hidden.length == 0) {
            throw new IllegalArgumentException("--hidden: at least one hidden layer is needed");
        }
        require(epochs >= 1 && epochs <= 100_000, "--epochs must be in 1..100000, got " + epochs);
        require(batchSize >= 1 && batchSize <= 65_536, "--batch must be in 1..65536, got " + batchSize);
        require(learningRate > 0 && Double.isFinite(learningRate), "--lr must be > 0, got " + learningRate);
        require(lambda >= 0 && Double.isFinite(lambda), "--lambda must be >= 0, got " + lambda);
        require(inputDropout >= 0 && inputDropout < 1, "--input-dropout must be in [0, 1), got " + inputDropout);
        require(hiddenDropout >= 0 && hiddenDropout < 1, "--dropout must be in [0, 1), got " + hiddenDropout);
        require(maxNorm >= 0 && Double.isFinite(maxNorm), "--max-norm must be >= 0 (0: off), got " + maxNorm);
        require(patience >= 0, "--patience must be >= 0 (0: off), got " + patience);
        require(limit >= 0, "--limit must be >= 0 (0: all), got " + limit);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** True for lbfgs and cg, which minimise the full-batch cost. */
    public boolean fullBatch() {
        String o = optimizer.trim().toLowerCase(java.util.Locale.ROOT);
        return o.equals("lbfgs") || o.equals("cg") || o.startsWith("lbfgs:") || o.startsWith("cg:");
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainConfig c && Arrays.equals(c.hidden, hidden) && c.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return "TrainConfig[hidden=" + Arrays.toString(hidden) + ", activation=" + activation + ", output=" + output
                + ", init=" + init + ", optimizer=" + optimizer + ", lr=" + learningRate + ", schedule=" + schedule
                + ", epochs=" + epochs + ", batch=" + batchSize + ", lambda=" + lambda + ", inputDropout="
                + inputDropout + ", dropout=" + hiddenDropout + ", maxNorm=" + maxNorm + ", patience=" + patience
                + ", augment=" + augment + ", seed=" + seed + ", precision=" + precision + ", limit=" + limit + "]";
    }
}
