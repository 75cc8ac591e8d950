package theta.nn;

import java.util.BitSet;

import theta.math.DifferentiableFunction;
import theta.math.KinkAware;
import theta.math.Precision;
import theta.math.Vec;

/**
 * The network's cost J(params) on a fixed set of m examples, as a {@link DifferentiableFunction}
 * over double[]: what the gradient checker checks and what the full-batch minimisers minimise.
 * Evaluates in the given precision (float64 for checks); deterministic (evaluation mode).
 */
public final class NetworkCost implements KinkAware {
    private final Network net;
    private final int[] labels;
    private final int m;
    private final double lambda;
    private final Workspace ws;
    private final Vec params;
    private final Vec grad;
    private double lastData;
    private double lastPenalty;

    /**
     * @param features m x inputs, row-major
     * @param labels classes 0..K-1, length >= m
     */
    public NetworkCost(Network net, double[] features, int[] labels, int m, double lambda, Precision precision) {
        this.net = net;
        this.m = m;
        this.labels = labels.clone();
        this.lambda = lambda;
        int n = net.architecture().inputs();
        if (features.length != (long) m * n || labels.length < m) {
            throw new IllegalArgumentException("expected " + m + " x " + n + " features and " + m + " labels, got "
                    + features.length + " values and " + labels.length + " labels");
        }
        this.ws = net.workspace(m, precision);
        ws.input.copyFrom(features);
        this.params = precision.zeros(net.layout().size());
        this.grad = precision.zeros(net.layout().size());
    }

    public Network network() {
        return net;
    }

    public int m() {
        return m;
    }

    public double lambda() {
        return lambda;
    }

    @Override
    public double value(double[] x, double[] g) {
        params.copyFrom(x);
        double j = net.cost(params, labels, m, lambda, m, g == null ? null : grad, ws, Mode.eval());
        lastPenalty = lambda / (2.0 * m) * net.regularisedSumSquares(params);
        lastData = j - lastPenalty;
        if (g != null) {
            for (int i = 0; i < g.length; i++) {
                g[i] = grad.get(i);
            }
        }
        return j;
    }

    /** The data term (1/m) sum L of the last evaluation. */
    public double lastDataTerm() {
        return lastData;
    }

    /** The penalty lambda/(2m) sum theta^2 of the last evaluation. */
    public double lastPenalty() {
        return lastPenalty;
    }

    /**
     * For every hidden pre-activation of the last evaluation and every kink k of the activation,
     * whether z > k. Two evaluations with different states straddle a kink.
     */
    @Override
    public BitSet kinkState() {
        double[] kinks = net.activation().kinks();
        BitSet bits = new BitSet();
        if (kinks.length == 0) {
            return bits;
        }
        int bit = 0;
        Architecture arch = net.architecture();
        for (int l = 1; l < arch.layers(); l++) {
            Vec z = ws.preActivations(l);
            int n = m * arch.units(l);
            for (int i = 0; i < n; i++) {
                double v = z.get(i);
                for (double k : kinks) {
                    bits.set(bit++, v > k);
                }
            }
        }
        return bits;
    }
}
