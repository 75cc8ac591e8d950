package theta.train;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import theta.activation.Activations;
import theta.activation.Init;
import theta.data.Splits;
import theta.loss.Loss;
import theta.math.Precision;
import theta.optim.MinimizerConfig;
import theta.optim.Optimizers;
import theta.optim.Schedules;

/**
 * Known-good settings. Every value can still be overridden option by option.
 */
public enum Recipe {
    /**
     * What ./theta train does: a strong one-hidden-layer ReLU network in a few minutes on 2 cores.
     * Hidden dropout 0.3 and no input dropout: on MNIST as good as 0.5/0.2 (98.53% vs 98.50%), on
     * Fashion-MNIST much better (89.8% vs 88.3%), where dropping input pixels erases texture.
     */
    DEFAULT("default", relu(800, 50).withDropout(0, 0.3).withMaxNorm(3.5), Splits.DEFAULT_VALIDATION),
    /**
     * The classic exercise: 25 sigmoid hidden units, sigmoid outputs with cross-entropy, lambda 1,
     * 50 iterations of conjugate gradient on 5,000 training images.
     */
    CLASSIC("classic", new TrainConfig(new int[] {25}, Activations.parse("sigmoid"), Loss.SIGMOID, Init.CLASSIC,
            new Optimization.FullBatch(new MinimizerConfig.Cg()), 50, 1, 1, Precision.F64, 5000),
            Splits.DEFAULT_VALIDATION),
    /**
     * Best without augmentation: a wide hidden layer with dropout and max-norm, trained long on all
     * 60,000 training images (no validation split), as published figures are.
     */
    BEST("best", relu(2048, 60).withRate(LearningRate.scaled(0.05))
            .withLambda(0).withDropout(0.2, 0.5).withMaxNorm(3.5), 0),
    /**
     * Best with augmentation: elastic distortions alone (Simard et al. 2003), no dropout (the
     * distortions regularise enough; with dropout 0.3 and the affine map too it underfit), trained long
     * on all 60,000 training images.
     */
    AUGMENTED("augmented", relu(1600, 100).withLambda(0).withAugment(AugmentConfig.warp()), 0);

    private final String id;
    private final TrainConfig config;
    private final int validation;

    Recipe(String id, TrainConfig config, int validation) {
        this.id = id;
        this.config = config;
        this.validation = validation;
    }

    /** Training examples held out for validation unless --validation says otherwise. */
    public int validation() {
        return validation;
    }

    /** The name of the recipe, as {@code --recipe} takes it. */
    public String id() {
        return id;
    }

    /** The recipe's settings, to run as they are or to change with the config's withers. */
    public TrainConfig config() {
        return config;
    }

    /**
     * The recipe with this name.
     *
     * @throws IllegalArgumentException one line listing the recipes
     */
    public static Recipe parse(String s) {
        for (Recipe r : values()) {
            if (r.id.equals(s.trim().toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown recipe '" + s + "' (allowed: "
                + Arrays.stream(values()).map(Recipe::id).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public String toString() {
        return id;
    }

    /**
     * What the mini-batch recipes share: ReLU, softmax, He initialisation (the activation's own),
     * Nesterov SGD at 0.1 (times the activation's factor) on a cosine schedule, batches of 128,
     * lambda 1, seed 1, float32; no dropout, max-norm or augmentation until a recipe adds them.
     */
    private static TrainConfig relu(int hidden, int epochs) {
        Optimization.MiniBatch mb = Optimization.MiniBatch.PLAIN
                .withOptimizer(Optimizers.parse("sgd:momentum=0.9,nesterov=true"))
                .withSchedule(Schedules.parse("cosine"));
        return new TrainConfig(new int[] {hidden}, Activations.parse("relu"), Loss.SOFTMAX, null, mb, epochs, 1, 1,
                Precision.F32, 0);
    }
}
