package theta.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import theta.data.Dataset;
import theta.data.DigitImage;
import theta.eval.Classifier;
import theta.eval.Evaluation;
import theta.eval.Evaluator;
import theta.io.ModelFile;
import theta.math.ArgMax;
import theta.math.Precision;
import theta.math.Vec;
import theta.nn.Model;
import theta.train.EpochRecord;

/**
 * A trained network with its parameters and provenance: save it, predict with it, evaluate it.
 * Predictions run in float64 one image at a time; not thread-safe (use one per thread).
 */
public final class TrainedNetwork {
    private final Model model;
    private final List<EpochRecord> history;
    private Classifier classifier;

    /** Wraps a model; {@code history} is its training history (empty for a loaded model). */
    public TrainedNetwork(Model model, List<EpochRecord> history) {
        this.model = model;
        this.history = List.copyOf(history);
    }

    /**
     * Reads a model file written by {@link #save} or {@code theta train}.
     *
     * @throws theta.InputException when the file is not a theta model or is damaged
     */
    public static TrainedNetwork load(Path file) throws IOException {
        return new TrainedNetwork(ModelFile.read(file), List.of());
    }

    /** Writes the model atomically as a NumPy .npz with its provenance ({@code np.load} reads it). */
    public void save(Path file) throws IOException {
        ModelFile.write(file, model);
    }

    /** The network, parameters and provenance. */
    public Model model() {
        return model;
    }

    /** Per-epoch figures of the run that trained this network (empty when it was loaded). */
    public List<EpochRecord> history() {
        return history;
    }

    /**
     * The class probabilities of one input: for MNIST 784 pixels in [0, 1], row-major, white
     * digit on black, as {@link DigitImage} prepares them.
     */
    public double[] probabilities(float[] input) {
        if (classifier == null) {
            classifier = new Classifier(model);
        }
        return classifier.probabilities(input);
    }

    /** The prediction for one input (see {@link #probabilities}). */
    public Prediction predict(float[] input) {
        double[] p = probabilities(input);
        return new Prediction(ArgMax.of(p), p);
    }

    /** The predictions for a batch of inputs, in order. */
    public List<Prediction> predict(List<float[]> inputs) {
        return inputs.stream().map(this::predict).toList();
    }

    /**
     * The prediction for an image file (PNG, JPEG, GIF, BMP, any size), prepared as MNIST's digits
     * were: grayscale, polarity detected, fitted into 20x20 and centred in 28x28.
     *
     * @throws theta.InputException when the file is not an image or shows no digit
     */
    public Prediction predict(Path imageFile) {
        return predict(DigitImage.fromFile(imageFile));
    }

    /** Accuracy, loss, confusion matrix and per-class scores on a labelled dataset, in float64. */
    public Evaluation evaluate(Dataset data) {
        Vec params = Precision.F64.zeros(model.params().length);
        params.copyFrom(model.params());
        return Evaluator.evaluate(model.network(), params, data, model.network().workspace(500, Precision.F64), 0);
    }
}
