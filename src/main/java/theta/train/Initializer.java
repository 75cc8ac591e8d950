package theta.train;

import java.util.SplittableRandom;

import theta.nn.Architecture;
import theta.nn.Layout;
import theta.nn.Network;
import theta.optim.Init;

/** Initial parameters: weights drawn by the chosen scheme from the seed, biases 0 (or random for the classic scheme). */
public final class Initializer {
    private Initializer() {}

    /** "auto" picks the activation's usual scheme (He for the ReLU family, Glorot otherwise, ...). */
    public static Init resolve(String init, String activationSpec) {
        if (init == null || init.equals("auto")) {
            return Init.defaultFor(activationSpec.split(":")[0]);
        }
        return Init.parse(init);
    }

    public static double[] parameters(Network net, Init init, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Layout layout = net.layout();
        Architecture arch = net.architecture();
        double[] p = new double[layout.size()];
        for (int l = 1; l <= arch.layers(); l++) {
            int in = arch.units(l - 1);
            int out = arch.units(l);
            for (int i = layout.weights(l); i < layout.theta(l) + layout.thetaLength(l); i++) {
                p[i] = init.sample(in, out, rng);
            }
            if (init.randomBias()) {
                for (int i = layout.theta(l); i < layout.weights(l); i++) {
                    p[i] = init.sample(in, out, rng);
                }
            }
        }
        double[] act = net.activation().learnable();
        for (int l = 1; l < arch.layers(); l++) {
            System.arraycopy(act, 0, p, layout.activation(l), act.length);
        }
        return p;
    }
}
