package examples;

import theta.activation.Activations;
import theta.api.Theta;
import theta.data.Splits;
import theta.train.Recipe;
import theta.train.TrainConfig;

/**
 * Trains one small network per activation and prints its test accuracy; each activation's own
 * learning-rate factor and initialisation apply. Arguments: [epochs] [training images] [activations...].
 */
public final class SweepActivations {
    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        String[] names = args.length > 2 ? java.util.Arrays.copyOfRange(args, 2, args.length)
                : Activations.names().toArray(String[]::new);
        Splits mnist = Theta.mnist();
        TrainConfig base = Recipe.DEFAULT.config().withHidden(256).withEpochs(epochs).withLimit(limit)
                .withBatchSize(32).withDropout(0, 0).withMaxNorm(0);
        for (String name : names) {
            TrainConfig c = base.withActivation(Activations.parse(name));
            double accuracy = Theta.train(c, mnist).evaluate(mnist.test()).accuracy();
            System.out.printf("%-20s %6.2f%%  (lr %.3g)%n", name, 100 * accuracy, c.learningRate());
        }
    }
}
