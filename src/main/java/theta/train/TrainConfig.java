package theta.train;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import theta.activation.Activation;
import theta.activation.Init;
import theta.loss.Loss;
import theta.math.Precision;
import theta.math.Spec;
import theta.optim.MinimizerConfig;
import theta.optim.OptimizerConfig;
import theta.optim.ScheduleConfig;

/**
 * Everything that decides a training run, as typed values. Same config, same data, same seed,
 * same thread count: the same model, bit for bit. Start from a recipe and change what differs:
 * <pre>{@code
 * TrainConfig c = Recipe.DEFAULT.config().withActivation(Activations.parse("tanh")).withEpochs(20);
 * }</pre>
 * Settings that only mini-batch training has live in {@link Optimization.MiniBatch}; their
 * withers refuse a full-batch (L-BFGS, CG) config in one line instead of ignoring the value.
 *
 * @param hidden hidden layer sizes (usually one)
 * @param activation the hidden activation
 * @param output the output layer and its loss
 * @param init weight initialisation; null for the activation's own ({@link Activation#defaultInit()})
 * @param optimization mini-batch optimiser with its settings, or full-batch minimiser
 * @param epochs passes over the training set (iterations for a full-batch minimiser), 1..100000
 * @param lambda L2 strength: cost term lambda/(2N) sum theta^2 over non-bias weights, N = training examples
 * @param seed seeds initialisation, shuffling, dropout and augmentation
 * @param precision F32 for speed, F64 for reference (full-batch minimisers always use F64)
 * @param limit train on the first {@code limit} training examples only (0: all)
 */
public record TrainConfig(int[] hidden, Activation activation, Loss output, Init init, Optimization optimization,
                          int epochs, double lambda, long seed, Precision precision, int limit) {
    /** Validates every field; messages name the setting, not a command-line option. */
    public TrainConfig {
        hidden = hidden.clone();
        require(hidden.length > 0, "at least one hidden layer is needed");
        for (int h : hidden) {
            require(h >= 1, "hidden layer sizes must be >= 1, got " + h);
        }
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(optimization, "optimization");
        Objects.requireNonNull(precision, "precision");
        require(epochs >= 1 && epochs <= 100_000, "epochs must be in 1..100000, got " + epochs);
        require(lambda >= 0 && Double.isFinite(lambda), "lambda must be >= 0, got " + lambda);
        require(limit >= 0, "limit must be >= 0 (0: all), got " + limit);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    /** True for L-BFGS and CG, which minimise the full-batch cost. */
    public boolean fullBatch() {
        return optimization instanceof Optimization.FullBatch;
    }

    /**
     * The mini-batch settings.
     *
     * @throws IllegalArgumentException for a full-batch config, which has none
     */
    public Optimization.MiniBatch miniBatch() {
        return miniBatch("mini-batch settings");
    }

    private Optimization.MiniBatch miniBatch(String what) {
        if (optimization instanceof Optimization.MiniBatch m) {
            return m;
        }
        throw new IllegalArgumentException(what + " cannot apply to full-batch " + optimization.spec()
                + ", which minimises the cost over the whole training set; use a mini-batch optimizer (sgd, adam)");
    }

    /** The initialisation used: {@link #init()}, or the activation's own when that is null. */
    public Init initialisation() {
        return init != null ? init : activation.defaultInit();
    }

    /** The rate a mini-batch run starts from (its rate times the activation's factor where that applies). */
    public double learningRate() {
        return miniBatch("a learning rate").learningRate(activation);
    }

    /** Other hidden layer sizes. */
    public TrainConfig withHidden(int... sizes) {
        return new TrainConfig(sizes, activation, output, init, optimization, epochs, lambda, seed, precision, limit);
    }

    /** Another hidden activation (a recipe's rate follows its factor; a fixed rate stays). */
    public TrainConfig withActivation(Activation a) {
        return new TrainConfig(hidden, a, output, init, optimization, epochs, lambda, seed, precision, limit);
    }

    /** Another output layer and loss. */
    public TrainConfig withOutput(Loss o) {
        return new TrainConfig(hidden, activation, o, init, optimization, epochs, lambda, seed, precision, limit);
    }

    /** Another initialisation (null: the activation's own). */
    public TrainConfig withInit(Init i) {
        return new TrainConfig(hidden, activation, output, i, optimization, epochs, lambda, seed, precision, limit);
    }

    /** Another optimisation, mini-batch or full-batch. */
    public TrainConfig withOptimization(Optimization o) {
        return new TrainConfig(hidden, activation, output, init, o, epochs, lambda, seed, precision, limit);
    }

    /**
     * A mini-batch optimiser; a full-batch config becomes mini-batch with
     * {@link Optimization.MiniBatch#PLAIN}'s other settings.
     */
    public TrainConfig withOptimizer(OptimizerConfig o) {
        Optimization.MiniBatch m = optimization instanceof Optimization.MiniBatch mb ? mb : Optimization.MiniBatch.PLAIN;
        return withOptimization(m.withOptimizer(o));
    }

    /** A full-batch minimiser instead of mini-batches (the mini-batch settings go). */
    public TrainConfig withMinimizer(MinimizerConfig m) {
        return withOptimization(new Optimization.FullBatch(m));
    }

    /** A fixed learning rate, whatever the activation. */
    public TrainConfig withLearningRate(double rate) {
        return withRate(LearningRate.fixed(rate));
    }

    /** A learning rate, fixed or scaled by the activation's factor. */
    public TrainConfig withRate(LearningRate rate) {
        return withOptimization(miniBatch("a learning rate").withRate(rate));
    }

    /** Another learning-rate schedule. */
    public TrainConfig withSchedule(ScheduleConfig s) {
        return withOptimization(miniBatch("a schedule").withSchedule(s));
    }

    /** Another batch size. */
    public TrainConfig withBatchSize(int b) {
        return withOptimization(miniBatch("a batch size").withBatchSize(b));
    }

    /** Other dropout probabilities on inputs and hidden units. */
    public TrainConfig withDropout(double input, double hidden) {
        return withOptimization(miniBatch("dropout").withDropout(input, hidden));
    }

    /** Another max-norm bound (0: off). */
    public TrainConfig withMaxNorm(double c) {
        return withOptimization(miniBatch("max-norm").withMaxNorm(c));
    }

    /** Another early-stopping patience (0: off). */
    public TrainConfig withPatience(int epochs) {
        return withOptimization(miniBatch("early stopping").withPatience(epochs));
    }

    /** Another augmentation. */
    public TrainConfig withAugment(AugmentConfig a) {
        return withOptimization(miniBatch("augmentation").withAugment(a));
    }

    /** Another number of epochs (iterations for a full-batch minimiser). */
    public TrainConfig withEpochs(int e) {
        return new TrainConfig(hidden, activation, output, init, optimization, e, lambda, seed, precision, limit);
    }

    /** Another L2 strength. */
    public TrainConfig withLambda(double l) {
        return new TrainConfig(hidden, activation, output, init, optimization, epochs, l, seed, precision, limit);
    }

    /** Another seed. */
    public TrainConfig withSeed(long s) {
        return new TrainConfig(hidden, activation, output, init, optimization, epochs, lambda, s, precision, limit);
    }

    /** Another precision. */
    public TrainConfig withPrecision(Precision p) {
        return new TrainConfig(hidden, activation, output, init, optimization, epochs, lambda, seed, p, limit);
    }

    /** Train on the first {@code n} examples only (0: all). */
    public TrainConfig withLimit(int n) {
        return new TrainConfig(hidden, activation, output, init, optimization, epochs, lambda, seed, precision, n);
    }

    /**
     * The config as spec strings and numbers, for a model's provenance and a checkpoint; read back
     * by {@link CheckpointFile#read}. Mini-batch keys are left out of a full-batch config.
     */
    public Map<String, Object> specs() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hidden", hidden());
        m.put("activation", activation.spec());
        m.put("output", output.id());
        m.put("init", init == null ? "auto" : init.spec());
        m.put("optimizer", optimization.spec());
        if (optimization instanceof Optimization.MiniBatch mb) {
            m.put("learningRate", mb.learningRate(activation));
            m.put("schedule", mb.schedule().spec());
        }
        m.put("epochs", epochs);
        if (optimization instanceof Optimization.MiniBatch mb) {
            m.put("batchSize", mb.batchSize());
        }
        m.put("lambda", lambda);
        if (optimization instanceof Optimization.MiniBatch mb) {
            m.put("inputDropout", mb.inputDropout());
            m.put("hiddenDropout", mb.hiddenDropout());
            m.put("maxNorm", mb.maxNorm());
            m.put("patience", mb.patience());
            m.put("augment", mb.augment().spec());
        }
        m.put("seed", seed);
        m.put("precision", precision.name());
        m.put("limit", limit);
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainConfig c && toString().equals(c.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    /** One line of {@code key=value} settings, as the specs write them. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("TrainConfig[");
        specs().forEach((k, v) -> b.append(b.length() > 12 ? ", " : "").append(k).append('=')
                .append(v instanceof int[] a ? Arrays.toString(a) : v instanceof Double d ? Spec.format(d) : v));
        return b.append(']').toString();
    }
}
