package theta.nn;

import java.util.SplittableRandom;

import theta.activation.Init;

/**
 * Initial parameter vectors, the one place they are drawn: each layer's weights, then its biases,
 * from one random stream of the seed, and the activation's learnable parameters at their
 * defaults. Same network, scheme and seed: the same vector, bit for bit.
 */
public final class Initializer {
    /** One parameter's initial value, given the layer's fan-in and fan-out and the random stream. */
    @FunctionalInterface
    public interface Draw {
        /** A value for one entry of a layer with {@code fanIn} inputs and {@code fanOut} units. */
        double next(int fanIn, int fanOut, SplittableRandom rng);
    }

    private Initializer() {}

    /** Weights drawn by {@code init}; biases 0, or drawn alike for {@link Init#CLASSIC}. */
    public static double[] parameters(Network net, Init init, long seed) {
        Draw weight = init::sample;
        return parameters(net, weight, init.randomBias() ? weight : (in, out, rng) -> 0, seed);
    }

    /**
     * Every layer's weights by {@code weight} and then its biases by {@code bias}, both from one
     * stream seeded by {@code seed}; activation parameters at the activation's values.
     */
    public static double[] parameters(Network net, Draw weight, Draw bias, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Layout layout = net.layout();
        Architecture arch = net.architecture();
        double[] p = new double[layout.size()];
        for (int l = 1; l <= arch.layers(); l++) {
            int in = arch.units(l - 1);
            int out = arch.units(l);
            for (int i = layout.weights(l); i < layout.theta(l) + layout.thetaLength(l); i++) {
                p[i] = weight.next(in, out, rng);
            }
            for (int i = layout.theta(l); i < layout.weights(l); i++) {
                p[i] = bias.next(in, out, rng);
            }
        }
        return withActivationDefaults(net, p);
    }

    /** Writes the activation's learnable parameters (PReLU's slope) into every hidden layer of {@code p}. */
    public static double[] withActivationDefaults(Network net, double[] p) {
        Layout layout = net.layout();
        double[] act = net.activation().learnable();
        for (int l = 1; l < net.architecture().layers(); l++) {
            System.arraycopy(act, 0, p, layout.activation(l), act.length);
        }
        return p;
    }
}
