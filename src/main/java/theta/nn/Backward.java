package theta.nn;

import theta.activation.Activation;
import theta.math.Parallel;
import theta.math.Parallel;
import theta.math.Vec;

/**
 * The backward pass of {@link Network#cost}: from dL/dZ of the output layer, layer by layer, the
 * weight and bias gradients ({@link LayerProducts}), dZ of each hidden layer through its
 * activation's derivative and dropout mask, the learnable activation parameters' gradient, and the
 * L2 term. Written once for every precision, as the forward pass.
 */
final class Backward {
    private Backward() {}

    /** Back-propagates ws.dz[layers] (dL/dz per example, not yet divided by m) into grad. */
    static void run(Network net, LayerProducts products, Vec params, int m, double lambda, int regM, Vec grad,
                    Workspace ws, Mode mode) {
        Architecture arch = net.architecture();
        Layout layout = net.layout();
        int layers = arch.layers();
        ws.dz()[layers].scale(1.0 / m, 0, m * arch.outputs());
        for (int l = layers; l >= 1; l--) {
            Vec dz = ws.dz()[l];
            Vec in = layerInput(l, ws, mode);
            products.weightGradient(l, in, dz, m, grad, ws);
            if (l > 1) {
                hidden(net, products, params, l - 1, m, grad, ws, mode);
            }
        }
        if (lambda == 0) {
            return;
        }
        double r = lambda / regM;
        for (int l = 1; l <= layers; l++) {
            addScaled(grad, r, params, layout.weights(l), layout.thetaLength(l) - arch.units(l));
        }
    }

    /**
     * grad[off..off+n) += r * params[off..off+n), in parts on all threads for large blocks (one
     * axpy over the first layer's weights was a pass over 2.5 MB on one thread while the other
     * waited). Each entry is computed on its own, so the result is the single call's on any number
     * of threads; parts start on multiples of 64 entries from off, so that a BLAS kernel that
     * treats a short tail differently meets the same tail as the single call.
     */
    static void addScaled(Vec grad, double r, Vec params, int off, int n) {
        int parts = Parallel.parts(n, 1 << 16);
        Parallel.run(parts, p -> {
            int from = Parallel.bound(n, parts, p, 64);
            grad.axpy(r, params, off + from, off + from, Parallel.bound(n, parts, p + 1, 64) - from);
        });
    }

    /** From dZ_{l+1} to dZ_l through W_{l+1}, dropout and g' of hidden layer l. */
    private static void hidden(Network net, LayerProducts products, Vec params, int l, int m, Vec grad, Workspace ws,
                               Mode mode) {
        Architecture arch = net.architecture();
        int units = arch.units(l);
        Vec dz = ws.dz()[l];
        products.inputGradient(l + 1, params, ws.dz()[l + 1], m, dz);
        Activation g = net.activation(params, l);
        Vec z = ws.z[l];
        Vec a = ws.a[l];
        // The layer above saw a * mask (mask = 0 or 1/keep), so dA gets multiplied by the mask.
        Vec mask = mode.training() && mode.hiddenDropout() > 0 ? ws.mask[l] : null;
        int n = m * units;
        int nAct = g.learnableCount();
        if (nAct == 0) {
            Parallel.forRange(m, Network.rowsPerPart(units), 1, (r0, r1) -> {
                if (mask != null) {
                    dz.setProduct(dz, mask, r0 * units, r1 * units);
                }
                g.dfTimes(z, a, dz, r0 * units, r1 * units);
            });
            return;
        }
        // Learnable parameters: dJ/dp = sum over the layer of dA * dg/dp, summed in one thread.
        double[] dAct = new double[nAct];
        for (int idx = 0; idx < n; idx++) {
            double da = dz.get(idx);
            if (mask != null) {
                da *= mask.get(idx);
            }
            double x = z.get(idx);
            double y = a.get(idx);
            for (int p = 0; p < nAct; p++) {
                dAct[p] += da * g.dLearnable(p, x, y);
            }
            dz.set(idx, da * g.df(x, y));
        }
        for (int p = 0; p < nAct; p++) {
            grad.set(net.layout().activation(l) + p, dAct[p]);
        }
    }

    /** What layer l read in the forward pass: its input after dropout, where dropout was on. */
    private static Vec layerInput(int l, Workspace ws, Mode mode) {
        if (l == 1) {
            return mode.training() && mode.inputDropout() > 0 ? ws.inputDropped : ws.input;
        }
        return mode.training() && mode.hiddenDropout() > 0 ? ws.dropped[l - 1] : ws.a[l - 1];
    }
}
