package examples;

import java.nio.file.Path;
import theta.api.*;
import theta.data.Splits;
import theta.train.Recipe;

/**
 * The README's first program, imports and lines between the markers as the README shows them
 * ({@code ReadmeExampleTest} compares the two and runs this one): trains the default network on
 * 10,000 MNIST images for two epochs, saves it, loads it and reads {@code my-digit.png} from the
 * working folder.
 */
public final class QuickStart {
    private QuickStart() {}

    /** The program: no arguments; model.npz and my-digit.png are in the working folder. */
    public static void main(String[] args) throws Exception {
        // README begin
        Splits mnist = Theta.mnist();                                   // fetched on first use
        TrainedNetwork net = Theta.train(Recipe.DEFAULT.config().withEpochs(2).withLimit(10_000), mnist);
        net.save(Path.of("model.npz"));
        TrainedNetwork loaded = Theta.load(Path.of("model.npz"));
        Prediction p = loaded.predict(Path.of("my-digit.png"));        // or a float[784], or a List<float[]>
        System.out.println(p.digit() + " " + p.probability() + " " + loaded.evaluate(mnist.test()).accuracy());
        // README end
    }
}
