package examples;

import java.nio.file.Path;

import theta.api.Prediction;
import theta.api.Theta;
import theta.api.TrainedNetwork;

/** Loads a model and predicts the digit in image files. Arguments: model file, image files. */
public final class PredictImage {
    public static void main(String[] args) throws Exception {
        TrainedNetwork net = Theta.load(Path.of(args[0]));
        for (int i = 1; i < args.length; i++) {
            Prediction p = net.predict(Path.of(args[i]));
            System.out.printf("%s: %d (%.1f%%)%n", args[i], p.digit(), 100 * p.probability());
        }
    }
}
