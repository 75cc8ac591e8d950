package theta.cli;

import picocli.CommandLine.Option;
import theta.activation.Activations;
import theta.math.Precision;
import theta.nn.Architecture;
import theta.train.Recipe;
import theta.train.TrainConfig;

/** The training options; each unset one takes the recipe's value. */
final class TrainOptions {
    @Option(names = "--recipe", defaultValue = "default",
            description = "Preset: default, classic (25 sigmoid units, CG, 5,000 images), best, augmented (default: ${DEFAULT-VALUE}).")
    String recipe;

    @Option(names = "--hidden", paramLabel = "N[,N...]", description = "Hidden layer sizes, e.g. 800 or 512,256.")
    String hidden;

    @Option(names = "--activation", paramLabel = "SPEC", description = "Hidden activation, e.g. relu, tanh, elu:alpha=0.5 (see 'theta activations').")
    String activation;

    @Option(names = "--output", paramLabel = "OUT", description = "Output and loss: softmax, sigmoid, sigmoid_mse.")
    String output;

    @Option(names = "--init", paramLabel = "SCHEME", description = "Weight init: auto, classic, glorot_uniform, glorot_normal, he_normal, he_uniform, lecun_normal, lecun_uniform.")
    String init;

    @Option(names = "--optimizer", paramLabel = "SPEC", description = "sgd[:momentum=0.9,nesterov=true], adam[:beta1=..,beta2=..], adamw[:weight_decay=..], or full-batch lbfgs, cg.")
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
        return Recipe.parse(recipe);
    }

    /** The recipe's config with every given option applied. */
    TrainConfig config() {
        TrainConfig r = recipe().config();
        String act = or(activation, r.activation());
        return new TrainConfig(
                hidden == null ? r.hidden() : Architecture.parseHidden(hidden),
                act, or(output, r.output()), or(init, r.init()),
                or(optimizer, r.optimizer()), or(lr, r.learningRate() * Activations.parse(act).learningRateScale()),
                or(schedule, r.schedule()),
                or(epochs, r.epochs()), or(batch, r.batchSize()), or(lambda, r.lambda()),
                or(inputDropout, r.inputDropout()), or(dropout, r.hiddenDropout()), or(maxNorm, r.maxNorm()),
                or(patience, r.patience()), or(augment, r.augment()), or(seed, r.seed()),
                precision == null ? r.precision() : parsePrecision(precision), or(limit, r.limit()));
    }

    static Precision parsePrecision(String s) {
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "f32", "float32", "float" -> Precision.F32;
            case "f64", "float64", "double" -> Precision.F64;
            default -> throw new IllegalArgumentException("--precision must be f32 or f64, got '" + s + "'");
        };
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
