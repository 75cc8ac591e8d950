package examples;

import java.nio.file.Path;

import theta.api.Theta;
import theta.api.TrainedNetwork;
import theta.data.Splits;
import theta.train.EpochRecord;
import theta.train.Recipe;
import theta.train.TrainConfig;
import theta.train.TrainListener;

/**
 * Trains the default recipe on MNIST, prints each epoch, saves the model.
 * Arguments: [model file] [epochs] [training images, 0 for all] [hidden units].
 */
public final class TrainAndSave {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "model.npz");
        TrainConfig config = Recipe.DEFAULT.config()
                .withEpochs(args.length > 1 ? Integer.parseInt(args[1]) : 50)
                .withLimit(args.length > 2 ? Integer.parseInt(args[2]) : 0)
                .withHidden(args.length > 3 ? Integer.parseInt(args[3]) : 800);
        Splits mnist = Theta.mnist();
        TrainedNetwork net = Theta.train(config, mnist, new TrainListener() {
            @Override
            public void onEpoch(EpochRecord e) {
                System.out.printf("epoch %d: loss %.4f, validation accuracy %.2f%%%n", e.epoch(), e.trainLoss(),
                        100 * e.validationAccuracy());
            }
        });
        net.save(out);
        System.out.printf("test accuracy %.2f%%, saved to %s%n", 100 * net.evaluate(mnist.test()).accuracy(), out);
    }
}
