package theta.check;

import theta.activation.Activation;
import theta.loss.Loss;
import theta.math.Precision;
import theta.nn.Architecture;
import theta.nn.Initializer;
import theta.nn.Layout;
import theta.nn.Network;
import theta.nn.NetworkCost;

/**
 * The classic exercise's debug problem: 3 inputs, 5 hidden units, 3 classes, m = 5. Each weight
 * matrix W (fan-out x (1 + fan-in)) is filled column-major with sin(1), sin(2), ... divided by 10;
 * the inputs are such a 5 x 3 matrix too; labels are 1 + (i mod 3) for i = 1..m (here 0-based).
 */
public final class DebugProblem {
    public static final int INPUTS = 3;
    public static final int HIDDEN = 5;
    public static final int CLASSES = 3;
    public static final int M = 5;

    private DebugProblem() {}

    public static Network network(Activation g, Loss loss) {
        return new Network(new Architecture(INPUTS, HIDDEN, CLASSES), g, loss);
    }

    /** The network's cost on the debug inputs and labels. */
    public static NetworkCost cost(Network net, double lambda) {
        return new NetworkCost(net, features(), labels(), M, lambda, Precision.F64);
    }

    /** The debug inputs, m x inputs row-major: the column-major sin fill of X = debugInitializeWeights(m, inputs - 1). */
    public static double[] features() {
        double[] colMajor = sinFill(M * INPUTS);
        double[] x = new double[M * INPUTS];
        for (int i = 0; i < M; i++) {
            for (int j = 0; j < INPUTS; j++) {
                x[i * INPUTS + j] = colMajor[j * M + i];
            }
        }
        return x;
    }

    /** The debug labels as classes 0..K-1: 1 + (i mod 3) in the exercise's 1-based labels, i = 1..m. */
    public static int[] labels() {
        int[] y = new int[M];
        for (int i = 1; i <= M; i++) {
            y[i - 1] = i % CLASSES;
        }
        return y;
    }

    /** Debug parameters: each Theta_l filled from sin(1..N)/10 column-major; activation parameters at their defaults. */
    public static double[] parameters(Network net) {
        Layout layout = net.layout();
        double[] p = new double[layout.size()];
        for (int l = 1; l <= net.architecture().layers(); l++) {
            double[] w = sinFill(layout.thetaLength(l));
            System.arraycopy(w, 0, p, layout.theta(l), w.length);
        }
        return Initializer.withActivationDefaults(net, p);
    }

    private static double[] sinFill(int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = Math.sin(i + 1) / 10;
        }
        return w;
    }
}
