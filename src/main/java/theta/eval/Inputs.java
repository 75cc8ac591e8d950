package theta.eval;

import theta.data.Dataset;
import theta.math.Vec;

/** Copies examples of a dataset into a network's input buffer, converting bytes to [0,1] on the way. */
public final class Inputs {
    private final float[] row;
    private final double[] exactRow;

    public Inputs(int features) {
        this.row = new float[features];
        this.exactRow = new double[features];
    }

    /** Rows 0..count of {@code input} = examples order[from..from+count) of {@code data} (order null: identity). */
    public void fill(Dataset data, int[] order, int from, int count, Vec input) {
        int n = data.features();
        if (n != row.length) {
            throw new IllegalArgumentException(data.name() + " has " + n + " features, the network expects "
                    + row.length);
        }
        for (int i = 0; i < count; i++) {
            int idx = order == null ? from + i : order[from + i];
            if (input.precision() == theta.math.Precision.F64) {
                // float64 evaluations see byte / 255.0 exactly, as a float64 reference would.
                data.copyRow(idx, exactRow, 0);
                input.copyFrom(exactRow, 0, i * n, n);
            } else {
                data.copyRow(idx, row, 0);
                input.copyFrom(row, 0, i * n, n);
            }
        }
    }

    /** The labels of examples order[from..from+count) into labels[0..count). */
    public static void labels(Dataset data, int[] order, int from, int count, int[] labels) {
        for (int i = 0; i < count; i++) {
            labels[i] = data.label(order == null ? from + i : order[from + i]);
        }
    }
}
