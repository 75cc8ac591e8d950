package theta.train;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

import theta.activation.Activations;
import theta.data.Dataset;
import theta.data.Splits;
import theta.eval.Evaluation;
import theta.eval.Evaluator;
import theta.eval.Inputs;
import theta.math.Vec;
import theta.nn.Block;
import theta.nn.Mode;
import theta.nn.Network;
import theta.nn.Workspace;
import theta.optim.Optimizer;
import theta.optim.Optimizers;
import theta.optim.Schedule;
import theta.optim.Schedules;

/**
 * Mini-batch training: shuffle, (augment,) forward, backward, update; validate after each
 * epoch, keep the best parameters, stop early when told to.
 */
public final class Trainer {
    /** How a run ended. {@code checkpoint} is set when it was interrupted and can be resumed. */
    public record Result(double[] params, int bestEpoch, List<EpochRecord> history, boolean stoppedEarly,
                         Checkpoint checkpoint) {}

    private final Network net;
    private final TrainConfig cfg;
    private final Splits data;
    private final TrainListener listener;

    public Trainer(Network net, TrainConfig cfg, Splits data, TrainListener listener) {
        this.net = net;
        this.cfg = cfg;
        this.data = data;
        this.listener = listener;
        Activations.requireVerified(net.activation());
        if (cfg.fullBatch()) {
            throw new IllegalArgumentException(cfg.optimizer() + " is a full-batch minimiser: use FullBatchTrainer");
        }
    }

    /**
     * Trains from {@code initial} parameters, or continues {@code resume} when not null.
     * {@code stop} is polled after every batch (e.g. set by Ctrl-C); when it says true the run
     * returns with a checkpoint.
     */
    public Result train(double[] initial, Checkpoint resume, BooleanSupplier stop) {
        return train(initial, resume, stop, EpochCheckpoints.NONE);
    }

    /** As {@link #train(double[], Checkpoint, BooleanSupplier)}, offering a checkpoint after every epoch. */
    public Result train(double[] initial, Checkpoint resume, BooleanSupplier stop, EpochCheckpoints checkpoints) {
        Dataset train = data.train();
        int n = train.size();
        int batches = (n + cfg.batchSize() - 1) / cfg.batchSize();
        long total = (long) batches * cfg.epochs();
        Schedule schedule = Schedules.parse(cfg.schedule()).create(cfg.learningRate(), batches);
        Optimizer opt = Optimizers.create(cfg.optimizer(), decayed());
        Vec params = cfg.precision().zeros(net.layout().size());
        Vec grad = cfg.precision().zeros(net.layout().size());
        Workspace ws = net.workspace(cfg.batchSize(), cfg.precision());
        Workspace evalWs = net.workspace(Math.max(cfg.batchSize(), 1000), cfg.precision());
        Augmentation aug = new Augmentation(cfg.augment(), train, cfg.seed());
        Inputs inputs = new Inputs(train.features());
        int[] labels = new int[cfg.batchSize()];
        MaxNorm maxNorm = new MaxNorm(net, cfg.maxNorm());
        List<EpochRecord> history = new ArrayList<>();
        State s = new State();
        if (resume != null) {
            String data = dataIdentity(this.data);
            if (!resume.data().equals(data)) {
                throw new IllegalArgumentException("--resume: the checkpoint's run trained on " + resume.data()
                        + ", these options give " + data + "; pass the original run's data options");
            }
            params.copyFrom(resume.params());
            opt.restore(resume.optimizerSteps(), resume.optimizerState());
            history.addAll(resume.history());
            s.restore(resume);
        } else {
            params.copyFrom(initial);
            s.epoch = 1;
        }
        listener.onStart(cfg.epochs(), batches, s.epoch);
        // Epochs since the best one, so that a resumed run stops early where the original would.
        int stale = history.isEmpty() || s.bestEpoch == 0 ? 0 : history.get(history.size() - 1).epoch() - s.bestEpoch;
        for (; s.epoch <= cfg.epochs(); s.epoch++, s.batch = 0, s.loss = 0, s.seconds = 0) {
            int[] order = permutation(n, mix(cfg.seed(), s.epoch));
            long t0 = System.nanoTime();
            double rate = 0;
            for (; s.batch < batches; s.batch++) {
                int from = s.batch * cfg.batchSize();
                int m = Math.min(cfg.batchSize(), n - from);
                aug.fill(inputs, order, from, m, ws.input(), s.epoch);
                Inputs.labels(train, order, from, m, labels);
                double cost = net.cost(params, labels, m, cfg.lambda(), n, grad, ws, mode(s.epoch, s.batch));
                if (!Double.isFinite(cost)) {
                    throw new Diverged("training diverged at epoch " + s.epoch + ", batch " + (s.batch + 1)
                            + ": the cost is " + cost + " (" + net.activation().spec() + ", --lr "
                            + cfg.learningRate() + "); try a smaller --lr");
                }
                rate = schedule.rate(s.step, total);
                opt.step(params, grad, rate);
                maxNorm.apply(params);
                s.step++;
                s.loss += cost;
                listener.onBatch(s.epoch, s.batch + 1, batches, cost);
                if (stop.getAsBoolean()) {
                    s.batch++;
                    s.seconds += (System.nanoTime() - t0) / 1e9;
                    Checkpoint c = s.checkpoint(cfg, params, opt, history, dataIdentity(data),
                            data.hasValidation() ? data.validation().size() : 0);
                    return new Result(finalParams(params, s), s.bestEpoch, history, false, c);
                }
            }
            s.seconds += (System.nanoTime() - t0) / 1e9;
            if (checkpoints.due(s.epoch)) {
                checkpoints.save(s.checkpoint(cfg, params, opt, history, dataIdentity(data),
                        data.hasValidation() ? data.validation().size() : 0));
            }
            EpochRecord rec = validate(params, evalWs, s, batches, rate);
            history.add(rec);
            listener.onEpoch(rec);
            if (data.hasValidation()) {
                if (rec.validationAccuracy() > s.bestAccuracy) {
                    s.bestAccuracy = rec.validationAccuracy();
                    s.bestEpoch = s.epoch;
                    s.best = params.toArray();
                    stale = 0;
                } else if (cfg.patience() > 0 && ++stale >= cfg.patience()) {
                    return new Result(finalParams(params, s), s.bestEpoch, history, true, null);
                }
            }
        }
        return new Result(finalParams(params, s), s.bestEpoch, history, false, null);
    }

    /**
     * The training and validation data as a resumed run must find them again: sizes and the
     * checksums of the files they came from (not paths, so a checkpoint may move between machines).
     */
    public static String dataIdentity(Splits s) {
        int validation = s.hasValidation() ? s.validation().size() : 0;
        // "sha256  name" lines: 12 hex digits and the name tell files apart well enough here.
        String sums = s.train().checksums().stream()
                .map(line -> line.indexOf(' ') < 12 ? line
                        : line.substring(0, 12) + " " + line.substring(line.indexOf(' ')).strip())
                .collect(java.util.stream.Collectors.joining(", "));
        return s.train().size() + " training and " + validation + " validation examples of "
                + s.train().features() + " features" + (sums.isEmpty() ? "" : " (sha256 " + sums + ")");
    }

    /** With a validation split: the best epoch's parameters; without one: the last. */
    private double[] finalParams(Vec params, State s) {
        return s.best != null ? s.best.clone() : params.toArray();
    }

    private EpochRecord validate(Vec params, Workspace evalWs, State s, int batches, double rate) {
        double valLoss = Double.NaN;
        double valAcc = Double.NaN;
        if (data.hasValidation()) {
            Evaluation e = Evaluator.evaluate(net, params, data.validation(), evalWs, 0);
            valLoss = e.loss();
            valAcc = e.accuracy();
        }
        return new EpochRecord(s.epoch, s.loss / batches, valLoss, valAcc, rate, s.seconds);
    }

    private Mode mode(int epoch, int batch) {
        boolean random = cfg.inputDropout() > 0 || cfg.hiddenDropout() > 0 || net.activation().stochastic();
        if (!random) {
            return Mode.eval();
        }
        return Mode.train(new SplittableRandom(mix(mix(cfg.seed(), epoch), batch + 1L)), cfg.inputDropout(),
                cfg.hiddenDropout());
    }

    /** Blocks that decoupled weight decay (AdamW) applies to: the non-bias weights. */
    private BitSet decayed() {
        BitSet b = new BitSet(net.layout().size());
        for (Block block : net.layout().blocks()) {
            if (block.regularised()) {
                b.set(block.offset(), block.end());
            }
        }
        return b;
    }

    /** A Fisher-Yates shuffle of 0..n-1 from the seed. */
    static int[] permutation(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** Mixes two numbers into a seed (SplitMix64's finaliser on their combination). */
    static long mix(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The cost became NaN or infinite: the run cannot go on. */
    public static final class Diverged extends IllegalArgumentException {
        public Diverged(String message) {
            super(message);
        }
    }

    /** The mutable progress of a run. */
    private static final class State {
        int epoch;
        int batch;
        long step;
        double loss;
        double seconds;
        double[] best;
        int bestEpoch;
        double bestAccuracy = Double.NEGATIVE_INFINITY;

        void restore(Checkpoint c) {
            epoch = c.epoch();
            batch = c.batch();
            step = c.step();
            loss = c.epochLoss();
            seconds = c.epochSeconds();
            best = c.best() == null ? null : c.best().clone();
            bestEpoch = c.bestEpoch();
            bestAccuracy = c.bestAccuracy();
        }

        Checkpoint checkpoint(TrainConfig cfg, Vec params, Optimizer opt, List<EpochRecord> history, String data,
                              int validation) {
            List<double[]> state = opt.state().stream().map(Vec::toArray).toList();
            return new Checkpoint(cfg, epoch, batch, step, params.toArray(), opt.steps(), state, loss, seconds,
                    best == null ? null : best.clone(), bestEpoch, bestAccuracy, List.copyOf(history), data,
                    validation);
        }
    }
}
