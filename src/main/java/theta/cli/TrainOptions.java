package theta.cli;

import java.util.List;
import java.util.function.BiFunction;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import theta.InputException;
import theta.activation.Activations;
import theta.activation.Init;
import theta.loss.Loss;
import theta.math.Precision;
import theta.math.Spec;
import theta.nn.Architecture;
import theta.optim.Schedules;
import theta.train.AugmentConfig;
import theta.train.Optimization;
import theta.train.Recipe;
import theta.train.TrainConfig;

/** The training options; each unset one takes the recipe's value. */
final class TrainOptions {
    @Option(names = "--recipe", paramLabel = "NAME",
            description = "Preset: default, classic (25 sigmoid units, CG, 5,000 images), best, augmented (default: default).")
    String recipe;

    @Option(names = "--hidden", paramLabel = "N[,N...]", description = "Hidden layer sizes, e.g. 800 or 512,256.")
    String hidden;

    @Option(names = "--activation", paramLabel = "SPEC", description = "Hidden activation, e.g. relu, tanh, elu:alpha=0.5 (see 'theta activations').")
    String activation;

    @Option(names = "--output", paramLabel = "OUT", description = "Output and loss: softmax, sigmoid, sigmoid_mse.")
    String output;

    @Option(names = "--init", paramLabel = "SCHEME", description = "Weight init: auto, classic, glorot_uniform, glorot_normal, he_normal, he_uniform, lecun_normal, lecun_uniform.")
    String init;

    @Option(names = "--optimizer", paramLabel = "SPEC", description = "sgd[:momentum=0.9,nesterov=true], adam[:beta1=0.9,beta2=0.999,eps=1e-8], adamw[:weight_decay=0.01]; or full-batch lbfgs[:history=10] or cg, which take no mini-batch options (--lr, --schedule, --batch, dropout, --max-norm, --patience, --augment).")
    String optimizer;

    @Option(names = "--lr", description = "Base learning rate (default: the recipe's, times the activation's scale; see 'theta activations').")
    Double lr;

    @Option(names = "--schedule", paramLabel = "SPEC", description = "constant, step:gamma=0.1,every_epochs=10, cosine[:floor=0], each with optional warmup_epochs=N.")
    String schedule;

    @Option(names = "--epochs", description = "Passes over the training data (iterations for lbfgs/cg).")
    Integer epochs;

    @Option(names = "--batch", description = "Mini-batch size.")
    Integer batch;

    @Option(names = "--lambda", description = "L2 strength: cost += lambda/(2N) * sum(theta^2), biases excluded.")
    Double lambda;

    @Option(names = "--input-dropout", paramLabel = "P", description = "Probability of dropping an input pixel while training.")
    Double inputDropout;

    @Option(names = "--dropout", paramLabel = "P", description = "Probability of dropping a hidden unit while training.")
    Double dropout;

    @Option(names = "--max-norm", paramLabel = "C", description = "Max L2 norm of each hidden unit's incoming weights (0: off).")
    Double maxNorm;

    @Option(names = "--patience", paramLabel = "EPOCHS", description = "Early stopping: stop after this many epochs without a better validation accuracy (0: off).")
    Integer patience;

    @Option(names = "--augment", paramLabel = "SPEC", description = "none, affine, warp (elastic alone), elastic (affine + warp), or e.g. elastic:alpha=34,sigma=4,rotate=12,shift=2,scale=0.1,shear=0.15.")
    String augment;

    @Option(names = "--seed", description = "Seed for initialisation, shuffling, dropout and augmentation.")
    Long seed;

    @Option(names = "--precision", paramLabel = "f32|f64", description = "Numeric precision of training.")
    String precision;

    @Option(names = "--limit", paramLabel = "N", description = "Train on the first N training examples only (0: all).")
    Integer limit;

    Recipe recipe() {
        return Recipe.parse(recipe == null ? "default" : recipe);
    }

    /**
     * The recipe's config with every given option applied, typed. The optimizer goes first, so a
     * full-batch one (lbfgs, cg) refuses the mini-batch options given with it.
     */
    TrainConfig config() {
        TrainConfig c = recipe().config();
        try {
            if (optimizer != null) {
                Optimization given = Optimization.parse(optimizer, Optimization.MiniBatch.PLAIN);
                c = given instanceof Optimization.MiniBatch m ? c.withOptimizer(m.optimizer()) : c.withOptimization(given);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--optimizer: " + e.getMessage(), e);
        }
        c = apply(c, "--hidden", hidden, (t, v) -> t.withHidden(Architecture.parseHidden(v)));
        c = apply(c, "--activation", activation, (t, v) -> t.withActivation(Activations.parse(v)));
        c = apply(c, "--output", output, (t, v) -> t.withOutput(Loss.parse(v)));
        c = apply(c, "--init", init, (t, v) -> t.withInit(v.strip().equalsIgnoreCase("auto") ? null : Init.parse(v)));
        c = apply(c, "--lr", lr, TrainConfig::withLearningRate);
        c = apply(c, "--schedule", schedule, (t, v) -> t.withSchedule(Schedules.parse(v)));
        c = apply(c, "--epochs", epochs, TrainConfig::withEpochs);
        c = apply(c, "--batch", batch, TrainConfig::withBatchSize);
        c = apply(c, "--lambda", lambda, TrainConfig::withLambda);
        c = apply(c, "--input-dropout", inputDropout, (t, v) -> t.withDropout(v, t.miniBatch().hiddenDropout()));
        c = apply(c, "--dropout", dropout, (t, v) -> t.withDropout(t.miniBatch().inputDropout(), v));
        c = apply(c, "--max-norm", maxNorm, TrainConfig::withMaxNorm);
        c = apply(c, "--patience", patience, TrainConfig::withPatience);
        c = apply(c, "--augment", augment, (t, v) -> t.withAugment(AugmentConfig.parse(v)));
        c = apply(c, "--seed", seed, TrainConfig::withSeed);
        c = apply(c, "--precision", precision, (t, v) -> t.withPrecision(parsePrecision(v)));
        return apply(c, "--limit", limit, TrainConfig::withLimit);
    }

    /** The options given on the command line, as they were written (to refuse them with --resume). */
    List<String> given(CommandLine.ParseResult parsed) {
        return parsed.matchedOptions().stream()
                .filter(o -> TrainOptions.class.equals(o.userObject() instanceof java.lang.reflect.Field f
                        ? f.getDeclaringClass() : null))
                .map(o -> o.longestName() + " " + String.join(" ", o.originalStringValues()))
                .toList();
    }

    static Precision parsePrecision(String s) {
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "f32", "float32", "float" -> Precision.F32;
            case "f64", "float64", "double" -> Precision.F64;
            default -> throw new IllegalArgumentException("must be f32 or f64, got '" + s + "'");
        };
    }

    /** {@code with.apply(c, value)} when the option was given; its errors are prefixed with the option. */
    private static <T> TrainConfig apply(TrainConfig c, String option, T value, BiFunction<TrainConfig, T, TrainConfig> with) {
        if (value == null) {
            return c;
        }
        try {
            return with.apply(c, value);
        } catch (InputException | IllegalArgumentException e) {
            String shown = value instanceof Double d ? Spec.format(d) : String.valueOf(value);
            throw new IllegalArgumentException(option + " " + shown + ": " + e.getMessage(), e);
        }
    }
}
