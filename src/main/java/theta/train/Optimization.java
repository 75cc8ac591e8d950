package theta.train;

import java.util.Locale;

import theta.activation.Activation;
import theta.math.Spec;
import theta.optim.MinimizerConfig;
import theta.optim.OptimizerConfig;
import theta.optim.Optimizers;
import theta.optim.ScheduleConfig;
import theta.optim.Schedules;

/**
 * How the parameters are optimised: in mini-batches by an {@link OptimizerConfig} (SGD, Adam),
 * with everything that only mini-batches have (rate, schedule, batch size, dropout, max-norm,
 * early stopping, augmentation); or on the whole training set at once by a
 * {@link MinimizerConfig} (L-BFGS, conjugate gradient), which has none of them. A mini-batch
 * setting therefore cannot be given to a full-batch run and silently ignored.
 */
public sealed interface Optimization {
    /** The optimiser or minimiser spec, e.g. {@code sgd:momentum=0.9,nesterov=true} or {@code lbfgs}. */
    String spec();

    /**
     * Parses an optimiser spec of either kind: {@code sgd}, {@code adam}, {@code adamw} with their
     * options give a {@link MiniBatch} with {@code defaults}'s other settings; {@code lbfgs} and
     * {@code cg} a {@link FullBatch}.
     *
     * @throws IllegalArgumentException one line naming what is wrong and what is allowed
     */
    static Optimization parse(String spec, MiniBatch defaults) {
        String name = Spec.parse(spec).name().toLowerCase(Locale.ROOT);
        if (MinimizerConfig.NAMES.contains(name)) {
            return new FullBatch(MinimizerConfig.parse(spec));
        }
        if (Optimizers.NAMES.contains(name) || name.isEmpty()) {
            return defaults.withOptimizer(Optimizers.parse(spec));
        }
        throw new IllegalArgumentException("optimizer '" + name + "' is unknown; allowed: "
                + String.join(", ", Optimizers.NAMES) + " (mini-batch), "
                + String.join(", ", MinimizerConfig.NAMES) + " (full-batch)");
    }

    /**
     * Mini-batch training.
     *
     * @param optimizer the update rule
     * @param rate the base learning rate of the schedule
     * @param schedule how the rate changes over the run
     * @param batchSize examples per update, 1..65536
     * @param inputDropout probability of dropping an input while training, in [0, 1)
     * @param hiddenDropout probability of dropping a hidden unit while training, in [0, 1)
     * @param maxNorm upper bound on the L2 norm of each hidden unit's incoming weights (0: off)
     * @param patience stop after this many epochs without a better validation accuracy (0: off)
     * @param augment how training images are distorted
     */
    record MiniBatch(OptimizerConfig optimizer, LearningRate rate, ScheduleConfig schedule, int batchSize,
                     double inputDropout, double hiddenDropout, double maxNorm, int patience, AugmentConfig augment)
            implements Optimization {
        /** Plain SGD at 0.1 (times the activation's factor), constant rate, batches of 128, nothing else. */
        public static final MiniBatch PLAIN = new MiniBatch(Optimizers.parse("sgd"), LearningRate.scaled(0.1),
                Schedules.parse("constant"), 128, 0, 0, 0, 0, AugmentConfig.none());

        /** Validates every setting. */
        public MiniBatch {
            require(optimizer != null && rate != null && schedule != null && augment != null,
                    "optimizer, rate, schedule and augmentation must be given");
            require(batchSize >= 1 && batchSize <= 65_536, "batch size must be in 1..65536, got " + batchSize);
            require(inputDropout >= 0 && inputDropout < 1, "input dropout must be in [0, 1), got " + inputDropout);
            require(hiddenDropout >= 0 && hiddenDropout < 1, "dropout must be in [0, 1), got " + hiddenDropout);
            require(maxNorm >= 0 && Double.isFinite(maxNorm), "max-norm must be >= 0 (0: off), got " + maxNorm);
            require(patience >= 0, "patience must be >= 0 (0: off), got " + patience);
        }

        @Override
        public String spec() {
            return optimizer.spec();
        }

        /** The rate the schedule starts from, for hidden activation {@code a}. */
        public double learningRate(Activation a) {
            return rate.of(a);
        }

        /** Another update rule, the same other settings. */
        public MiniBatch withOptimizer(OptimizerConfig o) {
            return new MiniBatch(o, rate, schedule, batchSize, inputDropout, hiddenDropout, maxNorm, patience, augment);
        }

        /** Another base rate. */
        public MiniBatch withRate(LearningRate r) {
            return new MiniBatch(optimizer, r, schedule, batchSize, inputDropout, hiddenDropout, maxNorm, patience, augment);
        }

        /** Another schedule. */
        public MiniBatch withSchedule(ScheduleConfig s) {
            return new MiniBatch(optimizer, rate, s, batchSize, inputDropout, hiddenDropout, maxNorm, patience, augment);
        }

        /** Another batch size. */
        public MiniBatch withBatchSize(int b) {
            return new MiniBatch(optimizer, rate, schedule, b, inputDropout, hiddenDropout, maxNorm, patience, augment);
        }

        /** Other dropout probabilities on inputs and hidden units. */
        public MiniBatch withDropout(double input, double hidden) {
            return new MiniBatch(optimizer, rate, schedule, batchSize, input, hidden, maxNorm, patience, augment);
        }

        /** Another max-norm bound (0: off). */
        public MiniBatch withMaxNorm(double c) {
            return new MiniBatch(optimizer, rate, schedule, batchSize, inputDropout, hiddenDropout, c, patience, augment);
        }

        /** Another early-stopping patience (0: off). */
        public MiniBatch withPatience(int epochs) {
            return new MiniBatch(optimizer, rate, schedule, batchSize, inputDropout, hiddenDropout, maxNorm, epochs, augment);
        }

        /** Another augmentation. */
        public MiniBatch withAugment(AugmentConfig a) {
            return new MiniBatch(optimizer, rate, schedule, batchSize, inputDropout, hiddenDropout, maxNorm, patience, a);
        }
    }

    /**
     * Full-batch minimisation: each epoch of the run is one iteration (one line search) of the
     * minimiser on the cost over the whole training set, in float64.
     *
     * @param minimizer L-BFGS or conjugate gradient
     */
    record FullBatch(MinimizerConfig minimizer) implements Optimization {
        /** Validates the minimiser. */
        public FullBatch {
            require(minimizer != null, "minimizer must be given");
        }

        @Override
        public String spec() {
            return minimizer.spec();
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
