package theta.eval;

import theta.data.Dataset;
import theta.math.Parallel;
import theta.math.Vec;

/**
 * Copies examples of a dataset into a network's input buffer, converting bytes to [0,1] on the
 * way. The dataset stays in bytes; only the batch is ever held as numbers.
 */
public final class Inputs {
    /** Rows per parallel part: a 784-pixel row converts in about a microsecond. */
    private static final int ROWS_PER_PART = 32;

    private final int features;
    /** One scratch row per parallel part. */
    private float[][] rows = new float[0][];

    public Inputs(int features) {
        this.features = features;
    }

    /** Rows 0..count of {@code input} = examples order[from..from+count) of {@code data} (order null: identity). */
    public void fill(Dataset data, int[] order, int from, int count, Vec input) {
        int n = data.features();
        if (n != features) {
            throw new IllegalArgumentException(data.name() + " has " + n + " features, the network expects "
                    + features);
        }
        int parts = Parallel.parts(count, ROWS_PER_PART);
        if (rows.length < parts) {
            float[][] r = java.util.Arrays.copyOf(rows, parts);
            for (int p = rows.length; p < parts; p++) {
                r[p] = new float[n];
            }
            rows = r;
        }
        float[][] scratch = rows;
        Parallel.run(parts, p -> {
            float[] row = scratch[p];
            for (int i = Parallel.bound(count, parts, p, 1), end = Parallel.bound(count, parts, p + 1, 1); i < end; i++) {
                int idx = order == null ? from + i : order[from + i];
                data.copyRow(idx, row, 0);
                input.copyFrom(row, 0, i * n, n);
            }
        });
    }

    /** The labels of examples order[from..from+count) into labels[0..count). */
    public static void labels(Dataset data, int[] order, int from, int count, int[] labels) {
        for (int i = 0; i < count; i++) {
            labels[i] = data.label(order == null ? from + i : order[from + i]);
        }
    }
}
