package theta.train;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

import theta.activation.Activations;
import theta.data.Dataset;
import theta.data.Inputs;
import theta.data.Splits;
import theta.math.SplitMix64;
import theta.math.Parallel;
import theta.math.Vec;
import theta.nn.Block;
import theta.nn.Mode;
import theta.nn.Network;
import theta.nn.Workspace;
import theta.optim.Optimizer;
import theta.optim.Schedule;

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
    private final Optimization.MiniBatch mb;
    private final Splits data;
    private final Validation validation;
    private final TrainListener listener;

    /**
     * A trainer of {@code net} (built with the config's activation and output) on {@code data},
     * scoring each epoch on the validation split (when {@code data} has one) with {@code validation}.
     *
     * @throws IllegalArgumentException for a full-batch config (use {@link FullBatchTrainer}), or
     *     a user's activation whose derivative does not match its values
     */
    public Trainer(Network net, TrainConfig cfg, Splits data, Validation validation, TrainListener listener) {
        this.net = net;
        this.cfg = cfg;
        this.mb = cfg.miniBatch();
        this.data = data;
        this.validation = validation;
        this.listener = listener;
        Activations.requireVerified(net.activation());
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
        int batchSize = mb.batchSize();
        int batches = (n + batchSize - 1) / batchSize;
        long total = (long) batches * cfg.epochs();
        double learningRate = cfg.learningRate();
        Schedule schedule = mb.schedule().create(learningRate, batches);
        Optimizer opt = mb.optimizer().create(decayed());
        Vec params = cfg.precision().zeros(net.layout().size());
        Vec grad = cfg.precision().zeros(net.layout().size());
        Workspace ws = net.workspace(batchSize, cfg.precision());
        Workspace evalWs = net.workspace(Math.max(batchSize, 1000), cfg.precision());
        Augmentation aug = new Augmentation(mb.augment(), train, cfg.seed());
        Inputs inputs = new Inputs(train.features());
        int[] labels = new int[batchSize];
        MaxNorm maxNorm = new MaxNorm(net, mb.maxNorm());
        List<EpochRecord> history = new ArrayList<>();
        State s = new State();
        if (resume != null) {
            String data = dataIdentity(this.data);
            if (!resume.data().equals(data)) {
                throw new IllegalArgumentException("the checkpoint's run trained on " + resume.data()
                        + ", this data is " + data + "; resume with the original run's data");
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
            int[] order = permutation(n, SplitMix64.mix(cfg.seed(), s.epoch));
            long t0 = System.nanoTime();
            double rate = 0;
            for (; s.batch < batches; s.batch++) {
                int from = s.batch * batchSize;
                int m = Math.min(batchSize, n - from);
                Parallel.Range rows = aug.rows(inputs, order, from, m, ws.input(), s.epoch);
                Inputs.labels(train, order, from, m, labels);
                double cost = net.cost(params, labels, m, cfg.lambda(), n, grad, ws, mode(s.epoch, s.batch), rows);
                if (!Double.isFinite(cost)) {
                    throw new Diverged("training diverged at epoch " + s.epoch + ", batch " + (s.batch + 1)
                            + ": the cost is " + cost + " (" + net.activation().spec() + ", learning rate "
                            + learningRate + "); " + remedy(cfg.lambda(), learningRate, n));
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
                } else if (mb.patience() > 0 && ++stale >= mb.patience()) {
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
        Score v = data.hasValidation() ? validation.score(net, params, data.validation(), evalWs) : Score.NONE;
        return new EpochRecord(s.epoch, s.loss / batches, v.loss(), v.accuracy(), rate, s.seconds);
    }

    private Mode mode(int epoch, int batch) {
        boolean random = mb.inputDropout() > 0 || mb.hiddenDropout() > 0 || net.activation().stochastic();
        if (!random) {
            return Mode.eval();
        }
        return Mode.train(new SplittableRandom(SplitMix64.mix(SplitMix64.mix(cfg.seed(), epoch), batch + 1L)), mb.inputDropout(),
                mb.hiddenDropout());
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

    /**
     * What to change after a divergence. Each step shrinks the weights by learning rate x lambda / N;
     * from 2 on that overshoots and they grow without bound, whatever the data: then --lambda is
     * the cause (e.g. 1e308), not the learning rate.
     */
    static String remedy(double lambda, double learningRate, int n) {
        double decay = learningRate * lambda / n;
        if (!(decay < 2)) {
            return "--lambda " + lambda + " is too large for " + n + " examples (learning rate x lambda / N = " + decay
                    + " must stay below 2); try a smaller --lambda";
        }
        return "try a smaller learning rate";
    }
}
