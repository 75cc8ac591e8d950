package theta.web;

import java.util.Map;

/**
 * What the web server needs from a model: class probabilities for one MNIST-format image.
 * The server calls it from several threads at once (one a core): an implementation must be
 * thread-safe, e.g. one classifier per thread.
 */
public interface Predictor {
    /**
     * Class probabilities for one image: 784 values in [0,1], row-major 28x28, white digit on
     * black (the output of {@link theta.data.DigitImage}). Returns {@link #classes()} values.
     */
    double[] probabilities(float[] image784);

    /** Number of classes (10 for digits). */
    int classes();

    /**
     * A description of the model for {@code GET /api/model}, served as one JSON object of
     * strings in the map's iteration order (e.g. architecture, activation, accuracy, trained).
     */
    Map<String, String> describe();
}
