package theta.nn;

import theta.math.Parallel;
import theta.math.SparseMatrix;
import theta.math.Vec;

/**
 * The forward pass of inference (no gradient) in three steps, with one hand-off each:
 * <ol>
 * <li>the batch cut into parts of rows (one per thread, more for large batches), each part
 * filling its rows of the input (when the caller gives a filler), writing the first layer's bias
 * into them and indexing their nonzeros;
 * <li>the first layer's product, sliced by columns across all threads, each slice over every
 * part: each core reads only its share of W1 (784 x 400 floats), which stays in its own cache
 * (slicing by rows made each core read all 2.5 MB, and measured slower);
 * <li>the activations and the layers above, part by part on all threads.
 * </ol>
 * Nothing runs on one thread while the others wait (indexing a batch in one thread took about a
 * tenth of the time of a batch of 128).
 *
 * <p>Each example's row of the result depends only on that example, so the parts give what the
 * whole batch does (training, which keeps one index for the weight gradient, takes the whole batch
 * layer after layer).
 */
final class BlockForward {
    /**
     * Rows per part at most: a part's input (256 x 784 floats, 0.8 MB) is indexed while it is
     * still in the core's cache from its conversion (a batch of 10,000 in two parts would go
     * through main memory: 31 MB written, then read back).
     */
    static final int MAX_ROWS = 256;
    /** Rows per part at least: below this a hand-off to another thread does not pay. */
    static final int MIN_ROWS = 16;
    /** Column slices start on multiples of 16 floats (one cache line), as the products' own slices. */
    private static final int COLUMN_ALIGN = 16;
    /**
     * A first layer of fewer dense multiply-adds runs in one thread: one image (784 x 800, about
     * 30 us on the nonzeros) does not repay a hand-off of 10-20 us.
     */
    private static final double SPLIT_MULTIPLY_ADDS = 2e6;

    private BlockForward() {}

    /**
     * Forward pass in evaluation mode over the first m rows of {@code ws}, logits left in
     * {@link Workspace#logits()}; {@code fill}, when not null, first writes rows [from, to) of
     * the input (from the thread that then indexes them).
     */
    static void run(Network net, LayerProducts products, Vec params, int m, Workspace ws, Parallel.Range fill) {
        Architecture arch = net.architecture();
        Layout layout = net.layout();
        int layers = arch.layers();
        int parts = Math.max(Parallel.parts(m, MIN_ROWS), (m + MAX_ROWS - 1) / MAX_ROWS);
        SparseMatrix[] index = ws.partIndexes(parts);
        boolean[] sparse = ws.partSparse;
        Vec z1 = ws.z[1];
        int h1 = arch.units(1);
        Parallel.run(parts, p -> {
            int r0 = Parallel.bound(m, parts, p, 1);
            int r1 = Parallel.bound(m, parts, p + 1, 1);
            if (fill != null) {
                fill.run(r0, r1);
            }
            z1.fillRows(params, layout.theta(1), r0, r1 - r0, h1);
            sparse[p] = products.sparseRows(ws.input, r0, r1, index[p]);
        });
        ws.sparseInput = true;
        for (int p = 0; p < parts; p++) {
            ws.sparseInput &= sparse[p];
        }
        // Column slices, each over all parts: one hand-off, and each thread reads only its columns of W1.
        int slices = (double) m * arch.inputs() * h1 < SPLIT_MULTIPLY_ADDS ? 1 : Parallel.parts(h1, 4 * COLUMN_ALIGN);
        Parallel.run(slices, s -> {
            int j0 = Parallel.bound(h1, slices, s, COLUMN_ALIGN);
            int j1 = Parallel.bound(h1, slices, s + 1, COLUMN_ALIGN);
            for (int p = 0; p < parts; p++) {
                products.forwardBlock(1, params, ws.input, Parallel.bound(m, parts, p, 1),
                        Parallel.bound(m, parts, p + 1, 1), j0, j1, z1, sparse[p] ? index[p] : null);
            }
        });
        if (layers == 1) {
            return;
        }
        Parallel.run(parts, p -> {
            int r0 = Parallel.bound(m, parts, p, 1);
            int r1 = Parallel.bound(m, parts, p + 1, 1);
            for (int l = 1; l < layers; l++) {
                int units = arch.units(l);
                net.activation(params, l).f(ws.z[l], ws.a[l], r0 * units, r1 * units);
                int out = arch.units(l + 1);
                ws.z[l + 1].fillRows(params, layout.theta(l + 1), r0, r1 - r0, out);
                products.forwardRows(l + 1, params, ws.a[l], r0, r1, ws.z[l + 1], null);
            }
        });
    }
}
