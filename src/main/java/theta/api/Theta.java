package theta.api;

import java.io.IOException;
import java.nio.file.Path;

import theta.check.CheckOptions;
import theta.check.CheckReport;
import theta.check.GradientChecker;
import theta.data.Dataset;
import theta.data.FashionMnist;
import theta.data.Mnist;
import theta.data.Splits;
import theta.eval.Evaluation;
import theta.eval.Evaluator;
import theta.math.DifferentiableFunction;
import theta.math.Vec;
import theta.nn.Architecture;
import theta.nn.Initializer;
import theta.nn.Model;
import theta.nn.Network;
import theta.train.FullBatchTrainer;
import theta.train.Provenance;
import theta.train.Score;
import theta.train.TrainConfig;
import theta.train.TrainListener;
import theta.train.Trainer;
import theta.train.Validation;

/**
 * The entry point of theta as a library. Train, save, load and predict:
 * <pre>{@code
 * Splits mnist = Theta.mnist();
 * TrainedNetwork net = Theta.train(Recipe.DEFAULT.config().withEpochs(5), mnist);
 * net.save(Path.of("model.npz"));
 * Prediction p = Theta.load(Path.of("model.npz")).predict(Path.of("digit.png"));
 * }</pre>
 * Nothing here prints or exits: bad input throws {@link theta.InputException} or
 * {@link IllegalArgumentException} with a one-line message, and progress goes to a
 * {@link TrainListener}.
 */
public final class Theta {
    private Theta() {}

    /**
     * MNIST with the usual 50,000 / 10,000 / 10,000 split, fetched into the data root on first use
     * (see {@link Mnist#folder()}).
     */
    public static Splits mnist() {
        return Mnist.load(Splits.DEFAULT_VALIDATION, line -> { });
    }

    /** Fashion-MNIST from Debian's {@code dataset-fashion-mnist}, with the same split as {@link #mnist()}. */
    public static Splits fashionMnist() {
        return FashionMnist.load(Splits.DEFAULT_VALIDATION);
    }

    /** {@link #train(TrainConfig, Splits, TrainListener)} without a listener. */
    public static TrainedNetwork train(TrainConfig config, Splits data) {
        return train(config, data, TrainListener.NONE);
    }

    /**
     * Trains a network as {@code config} says on {@code data}'s training split (validating on its
     * validation split, when it has one) and measures it on the test split. The thread count is
     * {@link theta.math.Threads}'s.
     *
     * @param listener hears every batch and epoch (or every iteration of a full-batch minimiser)
     * @return the trained network, with its provenance and history
     */
    public static TrainedNetwork train(TrainConfig config, Splits data, TrainListener listener) {
        Splits s = config.limit() > 0 && config.limit() < data.train().size()
                ? new Splits(data.train().slice(0, config.limit()), data.validation(), data.test()) : data;
        Dataset train = s.train();
        Network net = new Network(new Architecture(train.features(), config.hidden(),
                Math.max(train.classes(), s.test().classes())), config.activation(), config.output());
        double[] init = Initializer.parameters(net, config.initialisation(), config.seed());
        long t0 = System.nanoTime();
        Trainer.Result r = config.fullBatch() ? FullBatchTrainer.train(net, config, s, init, validation(), listener)
                : new Trainer(net, config, s, validation(), listener).train(init, null, () -> false);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Vec params = config.precision().zeros(r.params().length);
        params.copyFrom(r.params());
        Evaluation test = Evaluator.evaluate(net, params, s.test(), net.workspace(1000, config.precision()), 0);
        Model model = new Model(net, r.params(), train.rows(), train.cols(),
                Provenance.of(config, train.name(), s, r, score(test), seconds));
        return new TrainedNetwork(model, r.history());
    }

    /**
     * The validation {@code theta train} and {@link #train} use: the {@link Evaluator}'s mean data
     * loss and accuracy. For those who build a {@link Trainer} or call
     * {@link FullBatchTrainer#train} themselves.
     */
    public static Validation validation() {
        return (net, params, data, ws) -> score(Evaluator.evaluate(net, params, data, ws, 0));
    }

    /** The loss and accuracy of an evaluation, as training records them. */
    public static Score score(Evaluation e) {
        return new Score(e.loss(), e.accuracy());
    }

    /**
     * A model saved by {@link TrainedNetwork#save} or {@code theta train}.
     *
     * @throws theta.InputException when the file is not a theta model or is damaged
     */
    public static TrainedNetwork load(Path file) throws IOException {
        return TrainedNetwork.load(file);
    }

    /**
     * Gradient-checks a function of your own: its analytical gradient against fourth-order central
     * differences (h = 1e-4) at {@code x}, every entry, with a diagnosis when they disagree.
     * {@link CheckReport#passed()} says whether norm(num-ana)/norm(num+ana) is below 1e-9.
     */
    public static CheckReport check(DifferentiableFunction f, double[] x) {
        return check(f, x, CheckOptions.defaults());
    }

    /** {@link #check(DifferentiableFunction, double[])} with other step, order, sampling or tolerance. */
    public static CheckReport check(DifferentiableFunction f, double[] x, CheckOptions options) {
        return GradientChecker.check(f, x, options);
    }
}
