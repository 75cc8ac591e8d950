package theta.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import theta.activation.Activation;
import theta.activation.Activations;
import theta.activation.Init;
import theta.api.Theta;
import theta.data.Splits;
import theta.eval.Evaluator;
import theta.loss.Loss;
import theta.math.Precision;
import theta.math.Vec;
import theta.nn.Architecture;
import theta.nn.Initializer;
import theta.nn.Network;
import theta.optim.MinimizerConfig;
import theta.optim.Optimizers;
import theta.optim.Schedules;

class TrainerTest {
    private static final Splits DATA = Quadrants.splits();

    static TrainConfig config(String optimizer, double dropout, int patience, double lr, Precision p) {
        return new TrainConfig(new int[] {12}, Activations.parse("tanh"), Loss.SOFTMAX, null,
                new Optimization.MiniBatch(Optimizers.parse(optimizer), LearningRate.fixed(lr), Schedules.parse("cosine"),
                        32, 0.1, dropout, 2.0, patience, AugmentConfig.none()), 4, 0.5, 7, p, 0);
    }

    static Network network(TrainConfig cfg) {
        return new Network(new Architecture(64, cfg.hidden(), 4), cfg.activation(), cfg.output());
    }

    static Trainer.Result run(TrainConfig cfg) {
        Network net = network(cfg);
        double[] init = Initializer.parameters(net, cfg.initialisation(), cfg.seed());
        return new Trainer(net, cfg, DATA, Theta.validation(), TrainListener.NONE).train(init, null, () -> false);
    }

    @Test
    void learnsTheQuadrantsAndKeepsTheBestEpoch() {
        TrainConfig cfg = config("sgd:momentum=0.9", 0.2, 0, 0.1, Precision.F32);
        Trainer.Result r = run(cfg);
        assertEquals(4, r.history().size());
        double best = r.history().stream().mapToDouble(EpochRecord::validationAccuracy).max().orElseThrow();
        assertTrue(best > 0.9, "validation accuracy " + best);
        assertEquals(best, r.history().get(r.bestEpoch() - 1).validationAccuracy());
        Network net = network(cfg);
        Vec p = Precision.F32.zeros(r.params().length);
        p.copyFrom(r.params());
        double acc = Evaluator.evaluate(net, p, DATA.validation(), net.workspace(50, Precision.F32), 0).accuracy();
        assertEquals(best, acc, 1e-12, "returned parameters are the best epoch's");
    }

    @Test
    void sameSeedSameModelBitForBit() {
        TrainConfig cfg = config("adam", 0.3, 0, 0.01, Precision.F32);
        assertArrayEquals(run(cfg).params(), run(cfg).params());
        TrainConfig other = cfg.withSeed(8);
        assertFalse(java.util.Arrays.equals(run(cfg).params(), run(other).params()));
    }

    @Test
    void anInterruptedRunResumesToTheSameModel(@TempDir Path dir) throws Exception {
        for (String opt : new String[] {"sgd:momentum=0.9,nesterov=true", "adamw:weight_decay=0.01"}) {
            TrainConfig cfg = config(opt, 0.25, 0, opt.startsWith("sgd") ? 0.1 : 0.01, Precision.F32);
            Trainer.Result whole = run(cfg);
            Network net = network(cfg);
            double[] init = Initializer.parameters(net, cfg.initialisation(), cfg.seed());
            AtomicInteger batches = new AtomicInteger();
            // Stop in the middle of epoch 2 (there are 16 batches per epoch).
            Trainer.Result cut = new Trainer(net, cfg, DATA, Theta.validation(), TrainListener.NONE)
                    .train(init, null, () -> batches.incrementAndGet() == 21);
            assertNotNull(cut.checkpoint());
            assertEquals(2, cut.checkpoint().epoch());
            Path file = dir.resolve("run.checkpoint.npz");
            CheckpointFile.write(file, cut.checkpoint());
            Checkpoint loaded = CheckpointFile.read(file);
            assertEquals(cfg, loaded.config());
            assertEquals(cut.checkpoint().data(), loaded.data());
            assertEquals(cut.checkpoint().validation(), loaded.validation());
            Trainer.Result resumed = new Trainer(network(loaded.config()), loaded.config(), DATA, Theta.validation(),
                    TrainListener.NONE)
                    .train(null, loaded, () -> false);
            assertArrayEquals(whole.params(), resumed.params(), opt);
            assertEquals(whole.history().size(), resumed.history().size());
            for (int i = 0; i < whole.history().size(); i++) {
                assertEquals(whole.history().get(i).validationAccuracy(), resumed.history().get(i).validationAccuracy());
                assertEquals(whole.history().get(i).trainLoss(), resumed.history().get(i).trainLoss());
            }
        }
    }

    @Test
    void aPeriodicCheckpointResumesToTheSameModel() {
        TrainConfig cfg = config("adam", 0.25, 0, 0.01, Precision.F32);
        Trainer.Result whole = run(cfg);
        Network net = network(cfg);
        double[] init = Initializer.parameters(net, cfg.initialisation(), cfg.seed());
        java.util.List<Checkpoint> saved = new java.util.ArrayList<>();
        EpochCheckpoints every2 = new EpochCheckpoints() {
            @Override
            public boolean due(int epoch) {
                return epoch % 2 == 0;
            }

            @Override
            public void save(Checkpoint c) {
                saved.add(c);
            }
        };
        Trainer.Result same = new Trainer(net, cfg, DATA, Theta.validation(), TrainListener.NONE).train(init, null, () -> false, every2);
        assertArrayEquals(whole.params(), same.params(), "saving checkpoints changes nothing");
        assertEquals(cfg.epochs() / 2, saved.size());
        for (Checkpoint c : saved) {
            Trainer.Result resumed = new Trainer(network(cfg), cfg, DATA, Theta.validation(), TrainListener.NONE)
                    .train(null, c, () -> false);
            assertArrayEquals(whole.params(), resumed.params(), "resumed after epoch " + c.epoch());
            assertEquals(whole.history().stream().map(EpochRecord::trainLoss).toList(),
                    resumed.history().stream().map(EpochRecord::trainLoss).toList());
            assertEquals(whole.bestEpoch(), resumed.bestEpoch());
        }
    }

    @Test
    void aCheckpointResumesOnlyOnTheDataItWasTrainedOn() {
        TrainConfig cfg = config("sgd:momentum=0.9", 0.25, 0, 0.1, Precision.F32);
        Network net = network(cfg);
        double[] init = Initializer.parameters(net, cfg.initialisation(), cfg.seed());
        AtomicInteger batches = new AtomicInteger();
        Checkpoint cut = new Trainer(net, cfg, DATA, Theta.validation(), TrainListener.NONE)
                .train(init, null, () -> batches.incrementAndGet() == 5).checkpoint();
        assertEquals(Trainer.dataIdentity(DATA), cut.data());
        assertEquals(DATA.validation().size(), cut.validation());
        // The same examples split differently (another --validation) are other data.
        Splits other = Splits.of(Quadrants.make("train", DATA.train().size() + DATA.validation().size(), 1), DATA.test(),
                DATA.validation().size() / 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(network(cfg), cfg, other, Theta.validation(), TrainListener.NONE).train(null, cut, () -> false));
        assertTrue(e.getMessage().startsWith("the checkpoint's run trained on " + cut.data()), e.getMessage());
        assertTrue(e.getMessage().contains("resume with the original run's data"), e.getMessage());
    }

    @Test
    void earlyStoppingStopsAfterPatienceEpochsWithoutImprovement() {
        // A rate so small that validation accuracy cannot improve after the first epoch.
        TrainConfig cfg = config("sgd", 0, 1, 1e-12, Precision.F64);
        Trainer.Result r = run(cfg);
        assertTrue(r.stoppedEarly());
        assertEquals(2, r.history().size());
        assertEquals(1, r.bestEpoch());
    }

    @Test
    void fullBatchConjugateGradientLowersTheCost() {
        TrainConfig cfg = new TrainConfig(new int[] {6}, Activations.parse("sigmoid"), Loss.SIGMOID, Init.CLASSIC,
                new Optimization.FullBatch(new MinimizerConfig.Cg()), 30, 1, 1, Precision.F64, 0);
        Network net = network(cfg);
        double[] init = Initializer.parameters(net, cfg.initialisation(), cfg.seed());
        AtomicInteger iterations = new AtomicInteger();
        double[] first = {Double.NaN};
        Trainer.Result r = FullBatchTrainer.train(net, cfg, DATA, init, Theta.validation(), new TrainListener() {
            @Override
            public void onIteration(int iteration, double cost) {
                if (iterations.incrementAndGet() == 1) {
                    first[0] = cost;
                }
            }
        });
        assertEquals(30, iterations.get());
        assertTrue(r.history().get(0).trainLoss() < first[0]);
        assertTrue(r.history().get(0).validationAccuracy() > 0.9, "" + r.history().get(0));
    }

    @Test
    void aUserActivationWithAWrongDerivativeIsRefused() {
        Activation wrong = new Activation() {
            public String spec() { return "mytanh"; }
            public double f(double x) { return Math.tanh(x); }
            public double df(double x, double y) { return 1 - x * x; }
        };
        TrainConfig cfg = config("sgd", 0, 0, 0.1, Precision.F64);
        Network net = new Network(new Architecture(64, 12, 4), wrong, Loss.SOFTMAX);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(net, cfg, DATA, Theta.validation(), TrainListener.NONE));
        assertTrue(e.getMessage().startsWith("mytanh: df disagrees with f"), e.getMessage());
    }

    @Test
    void aDivergingRunStopsWithAClearMessage() {
        TrainConfig cfg = config("sgd:momentum=0.9", 0, 0, 50, Precision.F32)
                .withActivation(Activations.parse("exponential")).withSchedule(Schedules.parse("constant"))
                .withLambda(0).withDropout(0, 0).withMaxNorm(0);
        Trainer.Diverged e = assertThrows(Trainer.Diverged.class, () -> run(cfg));
        assertTrue(e.getMessage().startsWith("training diverged at epoch 1, batch "), e.getMessage());
        assertTrue(e.getMessage().endsWith("try a smaller learning rate"), e.getMessage());
    }

    @Test
    void configValidationSaysWhatIsAllowed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> config("sgd", 1.5, 0, 0.1, Precision.F32));
        assertEquals("dropout must be in [0, 1), got 1.5", e.getMessage());
    }
}
