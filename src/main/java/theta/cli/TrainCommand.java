package theta.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import theta.api.Theta;
import theta.data.Dataset;
import theta.data.Splits;
import theta.eval.Evaluation;
import theta.eval.Evaluator;
import theta.io.AtomicFile;
import theta.io.ModelFile;
import theta.math.Vec;
import theta.nn.Architecture;
import theta.nn.Initializer;
import theta.nn.Model;
import theta.nn.Network;
import theta.train.Checkpoint;
import theta.train.CheckpointFile;
import theta.train.HistoryFiles;
import theta.train.FullBatchTrainer;
import theta.train.Provenance;
import theta.train.TrainConfig;
import theta.train.Trainer;

/** theta train: trains a network, saves it with its provenance, prints its test accuracy. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Trains a network, saves the model and prints its test accuracy.",
        description = "Trains on MNIST unless the data options say otherwise. Ctrl-C saves a checkpoint that --resume"
                + " continues, to the same final model.")
public final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TrainOptions opts;

    @Mixin
    DataOptions data;

    @Mixin
    PlotOptions plots;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "runs/model.npz",
            description = "Where to save the model; the history goes beside it as .history.csv/.json (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--resume", paramLabel = "CHECKPOINT", description = "Continue an interrupted run from its checkpoint.")
    Path resume;

    @Option(names = "--threads", description = "Threads for matrix products (default: all cores).")
    Integer threads;

    @Option(names = "--quiet", description = "No progress output.")
    boolean quiet;

    @Option(names = "--checkpoint-every", paramLabel = "EPOCHS",
            description = "Save a checkpoint every N epochs, as Ctrl-C does (0: never; default: after any epoch ending "
                    + PeriodicCheckpoints.AUTO_MINUTES + " minutes or more after the last save).")
    Integer checkpointEvery;

    /** Set when this run wrote periodic checkpoints, which the finished model makes stale. */
    private boolean staleCheckpoint;

    @Override
    public Integer call() throws Exception {
        try (theta.math.Threads.Scope t = theta.math.Threads.use(threads)) {
            return train();
        }
    }

    private Integer train() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (resume != null && !opts.given(spec.commandLine().getParseResult()).isEmpty()) {
            throw new IllegalArgumentException("--resume continues a run with its checkpoint's settings; "
                    + String.join(", ", opts.given(spec.commandLine().getParseResult())) + " cannot apply");
        }
        plots.check();
        Checkpoint cp = resume == null ? null : CheckpointFile.read(resume);
        prepareOutputFolder();
        PeriodicCheckpoints periodic = new PeriodicCheckpoints(checkpointEvery, CheckpointFile.pathFor(out));
        TrainConfig cfg = cp != null ? cp.config() : opts.config();
        // A resumed run holds out what the interrupted one did; a new one what its recipe says.
        Splits splits = data.load(err::println, cp != null ? cp.validation() : opts.recipe().validation());
        int limit = cfg.limit();
        if (limit > 0 && limit < splits.train().size()) {
            splits = new Splits(splits.train().slice(0, limit), splits.validation(), splits.test());
        }
        Dataset train = splits.train();
        Network net = new Network(new Architecture(train.features(), cfg.hidden(), Math.max(train.classes(),
                splits.test().classes())), cfg.activation(), cfg.output());
        o.printf(Locale.ROOT, "theta train: %s %s/%s on %s (%d train, %d validation, %d test), %d parameters%n",
                net.architecture(), cfg.activation().spec(), cfg.output().id(), data.describe(), train.size(),
                splits.hasValidation() ? splits.validation().size() : 0, splits.test().size(), net.layout().size());
        o.printf(Locale.ROOT, "  %s%n", cfg);
        o.flush();
        Progress progress = new Progress(err, !quiet && Progress.isTerminal());
        theta.train.TrainListener listener = quiet ? theta.train.TrainListener.NONE : progress;
        long t0 = System.nanoTime();
        Trainer.Result result;
        // Full-batch minimisers cannot stop midway: Ctrl-C ends them at once, so guard only the save.
        ShutdownGuard guard = cfg.fullBatch() ? null : ShutdownGuard.install();
        try {
            if (cfg.fullBatch()) {
                double[] init = Initializer.parameters(net, cfg.initialisation(), cfg.seed());
                result = FullBatchTrainer.train(net, cfg, splits, init, Theta.validation(), listener);
                guard = ShutdownGuard.install();
            } else {
                double[] init = cp != null ? null
                        : Initializer.parameters(net, cfg.initialisation(), cfg.seed());
                result = new Trainer(net, cfg, splits, Theta.validation(), listener)
                        .train(init, cp, guard::interrupted, periodic);
                if (result.checkpoint() != null) {
                    saveCheckpoint(result, err);
                    return Main.OK;
                }
                staleCheckpoint = periodic.wrote();
            }
            progress.done();
            save(net, cfg, splits, result, (System.nanoTime() - t0) / 1e9, o, err);
            if (guard.interrupted()) {
                err.println("theta: interrupted after training; the model was saved first");
            }
            return Main.OK;
        } finally {
            if (guard != null) {
                guard.close();
            }
        }
    }

    /** Evaluates on the test set, writes the model and its history, prints the summary. */
    private void save(Network net, TrainConfig cfg, Splits splits, Trainer.Result result, double seconds,
                      PrintWriter o, PrintWriter err) throws java.io.IOException {
        Dataset train = splits.train();
        Vec params = cfg.precision().zeros(result.params().length);
        params.copyFrom(result.params());
        Evaluation test = Evaluator.evaluate(net, params, splits.test(), net.workspace(1000, cfg.precision()), 0);
        Evaluation trainEval = cfg.fullBatch()
                ? Evaluator.evaluate(net, params, train, net.workspace(1000, cfg.precision()), 0) : null;
        Model model = new Model(net, result.params(), train.rows(), train.cols(),
                Provenance.of(cfg, data.describe(), splits, result, Theta.score(test), seconds));
        ModelFile.write(out, model);
        HistoryFiles.write(out, result.history());
        if (staleCheckpoint) {
            // The finished model supersedes this run's periodic checkpoint.
            java.nio.file.Files.deleteIfExists(CheckpointFile.pathFor(out));
        }
        plots.afterTraining(o, err, out, model, result.history());
        if (trainEval != null) {
            o.printf(Locale.ROOT, "training accuracy: %.2f%% (%d/%d)%n", 100 * trainEval.accuracy(),
                    trainEval.correct(), trainEval.size());
        }
        o.printf(Locale.ROOT, "trained in %s%s; model saved to %s%n", Progress.time(seconds),
                result.bestEpoch() > 0 && !cfg.fullBatch() ? " (best validation epoch " + result.bestEpoch() + ")" : "",
                out);
        o.printf(Locale.ROOT, "%s: %.2f%% (%d/%d)%n", data.testIsTraining() ? "accuracy on the training data (no --test)"
                : "test accuracy", 100 * test.accuracy(), test.correct(), test.size());
        o.flush();
    }

    private void saveCheckpoint(Trainer.Result r, PrintWriter err) throws java.io.IOException {
        Path file = CheckpointFile.pathFor(out);
        CheckpointFile.write(file, r.checkpoint());
        err.println();
        String dataArgs = data.args().isEmpty() ? "" : " " + data.args();
        err.println("theta: interrupted; checkpoint saved. Continue with: ./theta train --resume " + file
                + " --out " + out + dataArgs);
    }

    /**
     * Checks --out and creates its folder now, so that a long run cannot fail at the end for want of
     * it; removes the temporary files a killed save of this model left behind.
     */
    private void prepareOutputFolder() throws java.io.IOException {
        if (out.getFileName() == null || out.getFileName().toString().isBlank()) {
            throw new IllegalArgumentException("--out '" + out + "': name a model file, e.g. runs/model.npz");
        }
        if (java.nio.file.Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + ": is a folder; name a model file in it, e.g. "
                    + out.resolve("model.npz"));
        }
        Path folder = out.toAbsolutePath().getParent();
        try {
            java.nio.file.Files.createDirectories(folder);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new IllegalArgumentException("--out " + out + ": " + folder + " is not a folder");
        }
        if (!java.nio.file.Files.isWritable(folder)) {
            throw new IllegalArgumentException("--out " + out + ": cannot write in " + folder);
        }
        for (Path written : new Path[] {out, CheckpointFile.pathFor(out), HistoryFiles.csvPath(out),
            HistoryFiles.jsonPath(out)}) {
            AtomicFile.removeStale(written);
        }
    }
}
