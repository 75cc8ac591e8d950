package theta.nn;

import java.util.Objects;

import theta.activation.Activation;
import theta.loss.Loss;
import theta.math.ArgMax;
import theta.math.ByteRows;
import theta.math.Gemm;
import theta.math.Parallel;
import theta.math.Vec;

/**
 * A fully connected network {@code inputs -> hidden (activation g) -> outputs (loss)} over one
 * flat parameter vector laid out by {@link Layout}. Forward and backward are written once, for
 * every precision: the gradient checker checks the code that trains.
 *
 * <p>Cost, for m examples with one-hot targets y and the non-bias weights theta:
 * <pre>J = (1/m) sum_i L(z_i, y_i) + lambda/(2 m') sum theta^2</pre>
 * where m' is usually m; a mini-batch passes the training-set size so that every batch estimates
 * the same full cost. The gradient is exactly dJ/dparams.
 */
public final class Network {
    private final Architecture arch;
    private final Activation hidden;
    private final Loss loss;
    private final Layout layout;
    private final Gemm gemm;
    private final InputProducts inputProducts;
    private final LayerProducts products;

    public Network(Architecture arch, Activation hidden, Loss loss) {
        this(arch, hidden, loss, Gemm.blas());
    }

    public Network(Architecture arch, Activation hidden, Loss loss, Gemm gemm) {
        this(arch, hidden, loss, gemm, InputProducts.AUTO);
    }

    public Network(Architecture arch, Activation hidden, Loss loss, Gemm gemm, InputProducts inputProducts) {
        this.arch = Objects.requireNonNull(arch);
        this.hidden = Objects.requireNonNull(hidden);
        this.loss = Objects.requireNonNull(loss);
        this.gemm = Objects.requireNonNull(gemm);
        this.inputProducts = Objects.requireNonNull(inputProducts);
        this.layout = new Layout(arch, hidden.learnableCount());
        this.products = new LayerProducts(gemm, layout, arch, inputProducts);
    }

    /** This network with the first layer's products done as {@code p} says. */
    public Network withInputProducts(InputProducts p) {
        return new Network(arch, hidden, loss, gemm, p);
    }

    public InputProducts inputProducts() {
        return inputProducts;
    }

    public Architecture architecture() {
        return arch;
    }

    public Activation activation() {
        return hidden;
    }

    public Loss loss() {
        return loss;
    }

    public Layout layout() {
        return layout;
    }

    public Workspace workspace(int capacity, theta.math.Precision precision) {
        return new Workspace(arch, capacity, precision);
    }

    /** Hidden layer l's activation, with its learnable parameters read from {@code params}. */
    Activation activation(Vec params, int l) {
        int n = hidden.learnableCount();
        if (n == 0) {
            return hidden;
        }
        return hidden.withLearnable(params.toArray(layout.activation(l), n));
    }

    /**
     * Forward pass over the first m examples of {@code ws.input()}, logits left in {@link
     * Workspace#logits()}; in evaluation mode as {@link #classify} does it.
     */
    public void forward(Vec params, int m, Workspace ws, Mode mode) {
        if (mode.training()) {
            forwardWhole(params, m, ws, mode, null);
        } else {
            check(params, m, ws);
            // Keeps the hidden pre-activations, as the cost's kink state reads them (classify does not).
            BlockForward.run(this, products, params, m, ws, null, false);
        }
    }

    /**
     * Evaluation-mode forward pass by parts of rows ({@link BlockForward}) that keeps only the
     * logits ({@link Workspace#logits()}; the hidden pre-activations are not kept); {@code fill},
     * when not null, first writes rows [from, to) of {@code ws.input()}, in the thread that then
     * reads them. A fill that gives the rows' bytes ({@link theta.math.ByteRows}, as {@code
     * Inputs.rows} gives over byte images) may be asked only for the bytes, and then leaves the rows of
     * {@code ws.input()} unwritten.
     */
    public void classify(Vec params, int m, Workspace ws, Parallel.Range fill) {
        check(params, m, ws);
        BlockForward.run(this, products, params, m, ws, fill, true);
    }

    /**
     * The whole batch layer after layer (each product sliced across threads), as training needs;
     * the input first from {@code fill} (see {@link #cost(Vec, int[], int, double, int, Vec,
     * Workspace, Mode, Parallel.Range)}).
     */
    private void forwardWhole(Vec params, int m, Workspace ws, Mode mode, Parallel.Range fill) {
        check(params, m, ws);
        // 1: indexed from the bytes and sparse; 0: indexed, dense; -1: not indexed.
        int indexed = fill instanceof ByteRows bytes && !(mode.training() && mode.inputDropout() > 0)
                ? products.sparseBytes(bytes, 0, m, ws.inputIndex()) : -1;
        if (indexed != 1) {
            fillAll(fill, m);
        }
        Vec in = ws.input;
        if (mode.training() && mode.inputDropout() > 0) {
            ws.inputDropped = Dropout.apply(in, m * arch.inputs(), mode, mode.inputDropout(), ws, 0);
            in = ws.inputDropped;
        }
        int layers = arch.layers();
        for (int l = 1; l <= layers; l++) {
            int out = arch.units(l);
            Vec z = ws.z[l];
            // Z = 1 b^T + in * W^T: the bias copied into every row, then the product added in.
            z.fillRows(params, layout.theta(l), m, out);
            if (l == 1 && indexed >= 0) {
                ws.sparseInput = indexed == 1;
                products.forwardRows(1, params, in, 0, m, z, ws.sparseInput ? ws.inputIndex() : null);
            } else {
                products.forward(l, params, in, m, z, ws);
            }
            if (l == layers) {
                break;
            }
            Activation g = activation(params, l);
            Vec a = ws.a[l];
            if (mode.training() && g.stochastic()) {
                // One draw from the run's generator; each entry's draws are a function of it and the
                // entry's index (EntryDraws), so a seeded run repeats exactly on any number of threads.
                long key = mode.rng().nextLong();
                Parallel.forRange(m, rowsPerPart(out), 1, (r0, r1) -> {
                    EntryDraws draws = new EntryDraws();
                    for (int idx = r0 * out; idx < r1 * out; idx++) {
                        a.set(idx, g.fTrain(z.get(idx), draws.at(key, idx)));
                    }
                });
            } else {
                Parallel.forRange(m, rowsPerPart(out), 1, (r0, r1) -> g.f(z, a, r0 * out, r1 * out));
            }
            in = a;
            if (mode.training() && mode.hiddenDropout() > 0) {
                ws.dropped[l] = Dropout.apply(a, m * out, mode, mode.hiddenDropout(), ws, l);
                in = ws.dropped[l];
            }
        }
    }

    /**
     * Cost J over the first m examples of {@code ws.input()} with classes {@code labels[0..m)},
     * and, when {@code grad} is not null, its gradient written into {@code grad}.
     *
     * @param regM the m' of the regularisation term lambda/(2m') sum theta^2 (usually m)
     */
    public double cost(Vec params, int[] labels, int m, double lambda, int regM, Vec grad, Workspace ws, Mode mode) {
        return cost(params, labels, m, lambda, regM, grad, ws, mode, null);
    }

    /**
     * {@link #cost}, the batch first written into rows [0, m) of {@code ws.input()} by {@code fill}
     * (null: it is there already), in parts across the threads. With a gradient, a fill that gives
     * the rows' bytes ({@link ByteRows}, as {@code Inputs.rows} gives over byte images) may be
     * asked only for the bytes: when the batch goes sparse and no input dropout needs the numbers,
     * the first layer's products read the index built straight from them, and {@code ws.input()}
     * is left unwritten: one thread read and indexed an epoch of MNIST at batch 512 in 84-85 ms
     * this way against 112-119 ms through floats ({@code TrainStepCpu}).
     */
    public double cost(Vec params, int[] labels, int m, double lambda, int regM, Vec grad, Workspace ws, Mode mode,
                       Parallel.Range fill) {
        if (lambda < 0 || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("lambda must be >= 0, got " + lambda);
        }
        check(params, m, ws);
        if (grad == null) {
            fillAll(fill, m);
            forward(params, m, ws, mode);
        } else {
            forwardWhole(params, m, ws, mode, fill); // the backward pass reuses the whole batch's index
        }
        int layers = arch.layers();
        int k = arch.outputs();
        Vec logits = ws.z[layers];
        Vec dz = grad == null ? null : ws.dz()[layers];
        for (int i = 0; i < m; i++) {
            if (labels[i] < 0 || labels[i] >= k) {
                throw new IllegalArgumentException("label " + labels[i] + " of example " + i + " is outside 0.."
                        + (k - 1));
            }
        }
        // Examples are independent: their losses are summed in parts on all threads, the parts
        // added in order (the same thread count gives the same sum).
        int parts = Parallel.parts(m, 32);
        double[] sums = new double[parts];
        Parallel.run(parts, p -> {
            double s = 0;
            for (int i = Parallel.bound(m, parts, p, 1), end = Parallel.bound(m, parts, p + 1, 1); i < end; i++) {
                s += loss.loss(logits, i * k, k, labels[i], dz, i * k);
            }
            sums[p] = s;
        });
        double data = 0;
        for (double s : sums) {
            data += s;
        }
        double cost = data / m + (lambda == 0 ? 0 : lambda / (2.0 * regM) * regularisedSumSquares(params));
        if (grad != null) {
            Backward.run(this, products, params, m, lambda, regM, grad, ws, mode);
        }
        return cost;
    }

    /** Rows [0, m) of the input from {@code fill} (null: nothing to do), in parts across the threads. */
    private void fillAll(Parallel.Range fill, int m) {
        if (fill != null) {
            Parallel.forRange(m, rowsPerPart(arch.inputs()), 1, fill);
        }
    }

    /** Rows per parallel part of an element-wise pass: enough that a hand-off pays (about 16k entries). */
    static int rowsPerPart(int units) {
        return Math.max(1, (1 << 14) / units);
    }

    /**
     * Sum of squares of the regularised (non-bias) weights. Large blocks are summed in parts on
     * all threads, the parts added in order: the same thread count gives the same sum.
     */
    public double regularisedSumSquares(Vec params) {
        double s = 0;
        for (int l = 1; l <= arch.layers(); l++) {
            int off = layout.weights(l);
            int n = layout.thetaLength(l) - arch.units(l);
            int parts = Parallel.parts(n, 1 << 16);
            double[] sums = new double[parts];
            Parallel.run(parts, p -> {
                int from = Parallel.bound(n, parts, p, 16);
                sums[p] = params.sumSquares(off + from, Parallel.bound(n, parts, p + 1, 16) - from);
            });
            for (double x : sums) {
                s += x;
            }
        }
        return s;
    }

    /** Output probabilities of example i of the last forward pass (softmax or sigmoids). */
    public double[] probabilities(Workspace ws, int i, double[] out) {
        int k = arch.outputs();
        loss.probabilities(ws.logits(), i * k, k, out);
        return out;
    }

    /** The class with the largest logit for example i of the last forward pass. */
    public int predicted(Workspace ws, int i) {
        int k = arch.outputs();
        Vec z = ws.logits();
        return ArgMax.of(k, c -> z.get(i * k + c));
    }

    private void check(Vec params, int m, Workspace ws) {
        if (params.length() != layout.size()) {
            throw new IllegalArgumentException("parameter vector has " + params.length() + " entries, network "
                    + arch + " needs " + layout.size());
        }
        if (m < 1 || m > ws.capacity) {
            throw new IllegalArgumentException("batch of " + m + " examples does not fit the workspace (capacity "
                    + ws.capacity + ")");
        }
        if (params.precision() != ws.precision) {
            throw new IllegalArgumentException("parameters are " + params.precision() + ", workspace is " + ws.precision);
        }
    }
}
