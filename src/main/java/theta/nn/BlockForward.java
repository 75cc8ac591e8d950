package theta.nn;

import theta.activation.Activation;
import theta.activation.Activations;
import theta.math.ByteRows;
import theta.math.MatrixView;
import theta.math.Parallel;
import theta.math.Precision;
import theta.math.ReluOutput;
import theta.math.SparseMatrix;
import theta.math.Threads;
import theta.math.Vec;

/**
 * The forward pass of inference (no gradient), by parts of at most {@link #PART_ROWS} rows. Each
 * part fills its rows of the input (when the caller gives a filler), writes the first layer's bias
 * into them, indexes their nonzeros and their pixel pairs in the thread that runs it, while they
 * are in that core's cache. Then:
 * <ul>
 * <li>batches of at least {@link #WHOLE_PART_ROWS} rows per thread ({@link #wholeParts}): each
 * part goes on through every layer in the same thread, and the threads take parts until none are
 * left: one hand-off per batch, nothing of a part leaves the cache, and a thread that the OS
 * delays takes fewer parts. At batch 10,000 the whole batch used to go through each step in turn,
 * 31 MB of input and 32 MB of pre-activations through main memory between the steps, with a
 * hand-off per part and step; each core now reads all of W1 (2.5 MB) per part, which the
 * prefetching pair kernel hides (one thread: the first layer's product over 400 of the 800
 * columns took half the time of all 800);
 * <li>smaller batches ({@link #phases}): the first layer's product part after part, each sliced by
 * columns across the threads as in training (each core reads only its half of W1), then the
 * layers above part by part on all threads.
 * </ul>
 * ReLU and the output layer run as one native pass ({@link ReluOutput}) where they can. When only
 * the logits are kept ({@link Network#classify}), a network with one ReLU hidden layer leaves the
 * first layer's bias out of its product and adds it in that pass ({@link #lean}), and a sparse part
 * whose rows come as bytes ({@link ByteRows}) is indexed straight from them.
 *
 * <p>Each example's row of the result depends only on that example, so the parts give what the
 * whole batch does (training, which keeps one index for the weight gradient, takes the whole batch
 * layer after layer).
 */
final class BlockForward {
    /**
     * Rows per part at most: a part's input (128 x 784 floats, 0.4 MB) is indexed while it is
     * still in the core's cache from its conversion, and the pair kernel's block of pre-activations
     * (128 rows x 64 columns, 32 KB) stays in the first-level cache (256 rows overflowed it).
     */
    static final int PART_ROWS = 128;
    /**
     * Rows per thread from which each part goes through all layers in one thread ({@link
     * #wholeParts}); below, the first layer's product is sliced by columns across the threads.
     */
    static final int WHOLE_PART_ROWS = 64;
    /**
     * Rows from which the output layer of a ReLU network takes the fused pass ({@link ReluOutput}):
     * it first transposes W (8,000 numbers for 800 x 10), which for a single image cost more than
     * ReLU and sgemm (single-image latency went from 34 to 39-45 us p50 in {@code theta bench}).
     */
    static final int FUSED_MIN_ROWS = 16;
    /** Rows from which a part is indexed by pairs of pixels only ({@link SparseMatrix#indexPairs}). */
    static final int PAIRS_MIN_ROWS = 16;
    /** Rows per part at least: below this a hand-off to another thread does not pay. */
    static final int MIN_ROWS = 16;

    private BlockForward() {}

    /**
     * Forward pass in evaluation mode over the first m rows of {@code ws}, logits left in
     * {@link Workspace#logits()}; {@code fill}, when not null, first writes rows [from, to) of
     * the input (from the thread that then indexes them). With {@code logitsOnly}, the hidden
     * layers' pre-activations are not kept (see {@link #lean}) and a sparse part filled from
     * bytes leaves its rows of the input unwritten.
     */
    static void run(Network net, LayerProducts products, Vec params, int m, Workspace ws, Parallel.Range fill,
                    boolean logitsOnly) {
        Pass pass = new Pass(net, products, params, ws, fill, logitsOnly);
        if (m >= Threads.get() * WHOLE_PART_ROWS) {
            pass.wholeParts(m);
        } else {
            pass.phases(m);
        }
    }

    /**
     * Per thread, the pre-activations Z1 of the part it runs when only the logits are kept: they
     * stay in the core's cache. At batch 10,000 the workspace's Z1 is 32 MB, and each part's rows
     * of it went to memory and back.
     */
    private static final ThreadLocal<Vec[]> PART_Z = ThreadLocal.withInitial(() -> new Vec[Precision.values().length]);

    private static Vec partZ(Precision p, int n) {
        Vec[] z = PART_Z.get();
        if (z[p.ordinal()] == null || z[p.ordinal()].length() < n) {
            z[p.ordinal()] = p.zeros(n);
        }
        return z[p.ordinal()];
    }

    /** One forward pass: the network, its parameters and workspace, how the input is filled. */
    private record Pass(Network net, LayerProducts products, Vec params, Workspace ws, Parallel.Range fill,
                        boolean logitsOnly) {
        /** Every part through every layer in one thread, parts of at most {@link #PART_ROWS} rows. */
        void wholeParts(int m) {
            int parts = Math.max(Threads.get(), (m + PART_ROWS - 1) / PART_ROWS);
            SparseMatrix[] index = ws.partIndexes(parts);
            boolean[] sparse = ws.partSparse;
            int h1 = net.architecture().units(1);
            Parallel.run(parts, p -> {
                int r0 = Parallel.bound(m, parts, p, 1);
                int r1 = Parallel.bound(m, parts, p + 1, 1);
                boolean lean = lean(r1 - r0);
                sparse[p] = input(r0, r1, index[p], lean);
                Vec z1 = lean ? partZ(ws.precision(), (r1 - r0) * h1) : ws.z[1];
                int z1Row = lean ? 0 : r0;
                // A product started inside a part runs in this thread (Parallel does not nest).
                products.forwardRows(1, params, ws.input, r0, r1, z1, z1Row, sparse[p] ? index[p] : null, lean ? 0 : 1);
                above(r0, r1, z1, z1Row, lean);
            });
            ws.sparseInput = all(sparse, parts);
        }

        /** Small batches: the input by parts, then each part's product sliced by columns, then the rest. */
        void phases(int m) {
            int parts = Math.max(Parallel.parts(m, MIN_ROWS), (m + PART_ROWS - 1) / PART_ROWS);
            SparseMatrix[] index = ws.partIndexes(parts);
            boolean[] sparse = ws.partSparse;
            Parallel.run(parts, p -> {
                int r0 = Parallel.bound(m, parts, p, 1);
                int r1 = Parallel.bound(m, parts, p + 1, 1);
                sparse[p] = input(r0, r1, index[p], lean(r1 - r0));
            });
            ws.sparseInput = all(sparse, parts);
            // Part after part, each product sliced by columns across the threads by the products
            // themselves: an index is not shared between threads (it builds its own views on first use).
            for (int p = 0; p < parts; p++) {
                int r0 = Parallel.bound(m, parts, p, 1);
                int r1 = Parallel.bound(m, parts, p + 1, 1);
                products.forwardRows(1, params, ws.input, r0, r1, ws.z[1], r0, sparse[p] ? index[p] : null,
                        lean(r1 - r0) ? 0 : 1);
            }
            Parallel.run(parts, p -> {
                int r0 = Parallel.bound(m, parts, p, 1);
                int r1 = Parallel.bound(m, parts, p + 1, 1);
                above(r0, r1, ws.z[1], r0, lean(r1 - r0));
            });
        }

        /**
         * Whether a part of this many rows keeps only its logits the lean way: its first-layer
         * product leaves out the bias (beta 0: Z1 is not read) and the fused ReLU and output
         * layer ({@link ReluOutput}), which reads Z1 anyway, adds it: max(Z1 + b1, 0). Copying the
         * bias into each row was 2-6% of inference. One ReLU hidden layer, a part the fused pass
         * takes, and only when the caller keeps just the logits: {@link Network#forward} keeps
         * Z1 as the pre-activations ({@link NetworkCost#kinkState} reads them).
         */
        boolean lean(int rows) {
            return logitsOnly && net.architecture().layers() == 2 && rows >= FUSED_MIN_ROWS
                    && fusedRelu(net.activation(params, 1));
        }

        /**
         * Rows r0..r1: filled (when fill is not null), Z1 = bias (unless lean), nonzeros indexed
         * (and by pairs for the product); whether sparse. A part whose rows {@code fill} gives as
         * bytes ({@link ByteRows}) is indexed straight from them, and when it goes sparse its rows
         * of the input are not written: the product reads only the index.
         */
        private boolean input(int r0, int r1, SparseMatrix index, boolean lean) {
            if (!lean) {
                ws.z[1].fillRows(params, net.layout().theta(1), r0, r1 - r0, net.architecture().units(1));
            }
            if (logitsOnly && fill instanceof ByteRows bytes && r1 - r0 >= PAIRS_MIN_ROWS) {
                int indexed = products.sparseBytes(bytes, r0, r1, index);
                if (indexed == 1) {
                    return true;
                }
                fill.run(r0, r1);
                if (indexed == 0) {
                    return false;
                }
            } else if (fill != null) {
                fill.run(r0, r1);
            }
            // By pairs straight from the rows (no index by rows) where that pays: for one image the
            // index by rows and its pairs built on demand were quicker.
            return r1 - r0 >= PAIRS_MIN_ROWS ? products.sparsePairs(ws.input, r0, r1, index)
                    : products.sparseRows(ws.input, r0, r1, index);
        }

        /** Rows r0..r1 from Z1 (at z1Row of z1) to the logits: activations, then the layers above. */
        private void above(int r0, int r1, Vec z1, int z1Row, boolean lean) {
            Architecture arch = net.architecture();
            for (int l = 1; l < arch.layers(); l++) {
                int units = arch.units(l);
                Activation g = net.activation(params, l);
                int out = arch.units(l + 1);
                if (l + 1 == arch.layers() && r1 - r0 >= FUSED_MIN_ROWS && fusedRelu(g)) {
                    // The logits straight from Z: inference does not keep the last hidden activations.
                    MatrixView z = l == 1 ? new MatrixView(z1, z1Row * units, r1 - r0, units, Math.max(1, units))
                            : new MatrixView(ws.z[l], r0 * units, r1 - r0, units, Math.max(1, units));
                    ReluOutput.apply(z, lean ? params : null, net.layout().theta(1),
                            MatrixView.of(params, net.layout().weights(l + 1), units, out), params,
                            net.layout().theta(l + 1), new MatrixView(ws.z[l + 1], r0 * out, r1 - r0, out, Math.max(1, out)));
                    return;
                }
                // Not lean (which takes the branch above), so Z1 is the workspace's.
                g.f(ws.z[l], ws.a[l], r0 * units, r1 * units);
                ws.z[l + 1].fillRows(params, net.layout().theta(l + 1), r0, r1 - r0, out);
                products.forwardRows(l + 1, params, ws.a[l], r0, r1, ws.z[l + 1], null);
            }
        }
    }

    /** Whether the layer above an activation g can take the fused native ReLU pass ({@link ReluOutput}). */
    static boolean fusedRelu(Activation g) {
        return ReluOutput.available() && Activations.isRelu(g);
    }

    private static boolean all(boolean[] sparse, int parts) {
        boolean all = true;
        for (int p = 0; p < parts; p++) {
            all &= sparse[p];
        }
        return all;
    }
}
