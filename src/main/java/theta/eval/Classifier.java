package theta.eval;

import theta.math.Precision;
import theta.math.Vec;
import theta.nn.Mode;
import theta.nn.Model;
import theta.nn.Network;
import theta.nn.Workspace;

/** Classifies single inputs with a model. Not thread-safe: one per thread. */
public final class Classifier {
    private final Network net;
    private final Vec params;
    private final Workspace ws;

    public Classifier(Model model) {
        // One example at a time is a matrix-vector product: the plain loop answers in about a
        // millisecond and spares a one-off command the loading of the native BLAS library.
        this(model, theta.math.Gemm.naive());
    }

    /** With the given products: a server answering many requests gains from BLAS. */
    public Classifier(Model model, theta.math.Gemm gemm) {
        this(model, gemm, Precision.F64);
    }

    /**
     * With the given products and precision: float32 reads half the weights' bytes (a server's
     * choice; probabilities then agree with float64 to about 1e-6).
     */
    public Classifier(Model model, theta.math.Gemm gemm, Precision precision) {
        Network m = model.network();
        this.net = new Network(m.architecture(), m.activation(), m.loss(), gemm);
        this.params = precision.zeros(model.params().length);
        params.copyFrom(model.params());
        this.ws = net.workspace(1, precision);
    }

    public Network network() {
        return net;
    }

    /** The K output probabilities (softmax, or the sigmoids for sigmoid outputs) of one input. */
    public double[] probabilities(float[] features) {
        int n = net.architecture().inputs();
        if (features.length != n) {
            throw new IllegalArgumentException("input has " + features.length + " values, the model expects " + n);
        }
        ws.input().copyFrom(features, 0, 0, n);
        net.forward(params, 1, ws, Mode.eval());
        return net.probabilities(ws, 0, new double[net.architecture().outputs()]);
    }
}
