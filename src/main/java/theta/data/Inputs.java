package theta.data;

import theta.math.ByteRows;
import theta.math.Parallel;
import theta.math.Precision;
import theta.math.Vec;

/**
 * Copies examples of a dataset into a network's input buffer, converting bytes to [0,1] on the
 * way. The dataset stays in bytes; only the batch is ever held as numbers.
 */
public final class Inputs {
    /** Rows per parallel part: a 784-pixel row converts in about a microsecond. */
    private static final int ROWS_PER_PART = 32;

    private final int features;
    /** One scratch row per parallel part, float and double. */
    private float[][] rows = new float[0][];
    private double[][] exactRows = new double[0][];
    /** Scratch of {@link #fill}'s native conversion (see {@link #exampleScratch}). */
    private int[][] examples = new int[0][0];

    /** One scratch row per thread for {@link #fillRows}. */
    private final ThreadLocal<float[]> row;
    private final ThreadLocal<double[]> exactRow;
    /** Per thread, {@link #fillRows}'s examples and their offsets for the native conversion. */
    private final ThreadLocal<int[][]> rowScratch = ThreadLocal.withInitial(() -> new int[][] {new int[0], new int[0]});

    public Inputs(int features) {
        this.features = features;
        row = ThreadLocal.withInitial(() -> new float[features]);
        exactRow = ThreadLocal.withInitial(() -> new double[features]);
    }

    /** Rows 0..count of {@code input} = examples order[from..from+count) of {@code data} (order null: identity). */
    public void fill(Dataset data, int[] order, int from, int count, Vec input) {
        int n = data.features();
        if (n != features) {
            throw new IllegalArgumentException(data.name() + " has " + n + " features, the network expects "
                    + features);
        }
        int parts = Parallel.parts(count, ROWS_PER_PART);
        boolean exact = input.precision() == Precision.F64;
        grow(parts, exact);
        float[][] scratch = rows;
        double[][] exactScratch = exactRows;
        int[][] examples = exampleScratch(parts, count);
        Parallel.run(parts, p -> {
            int end = Parallel.bound(count, parts, p + 1, 1);
            int first = Parallel.bound(count, parts, p, 1);
            int[] ex = examples[2 * p];
            for (int i = first; i < end; i++) {
                ex[i - first] = order == null ? from + i : order[from + i];
            }
            if (data.copyRowsNative(ex, end - first, examples[2 * p + 1], input, first)) {
                return;
            }
            for (int i = first; i < end; i++) {
                int idx = order == null ? from + i : order[from + i];
                if (exact) {
                    // float64 evaluations see byte / 255.0 exactly, as a float64 reference would.
                    data.copyRow(idx, exactScratch[p], 0);
                    input.copyFrom(exactScratch[p], 0, i * n, n);
                } else {
                    data.copyRow(idx, scratch[p], 0);
                    input.copyFrom(scratch[p], 0, i * n, n);
                }
            }
        });
    }

    /**
     * The filler of a {@link theta.nn.Network#classify} call: rows [r0, r1) of {@code input} =
     * examples order[from+r0..from+r1) of {@code data} (order null: identity), as {@link #fillRows}.
     * Over byte pixels it is a {@link ByteRows}, and classify may index a part straight from the
     * bytes and leave its rows of {@code input} unwritten (when it goes sparse).
     */
    public Parallel.Range rows(Dataset data, int[] order, int from, Vec input) {
        if (data.features() != features) {
            throw new IllegalArgumentException(data.name() + " has " + data.features()
                    + " features, the network expects " + features);
        }
        Parallel.Range fill = (r0, r1) -> fillRows(data, order, from, r0, r1, input);
        byte[] bytes = data.pixelBytes();
        if (bytes == null) {
            return fill;
        }
        return new ByteRows() {
            @Override
            public void run(int r0, int r1) {
                fill.run(r0, r1);
            }

            @Override
            public byte[] bytes() {
                return bytes;
            }

            @Override
            public void starts(int r0, int r1, int[] starts) {
                for (int i = r0; i < r1; i++) {
                    starts[i - r0] = data.byteOffset(order == null ? from + i : order[from + i]);
                }
            }
        };
    }

    /**
     * Rows r0..r1 of {@code input} = examples order[from+r0..from+r1) of {@code data} (order null:
     * identity), in the calling thread: for a block of rows that a {@link
     * theta.nn.Network#classify} part fills and then reads. Safe to call from several threads at
     * once on disjoint rows.
     */
    public void fillRows(Dataset data, int[] order, int from, int r0, int r1, Vec input) {
        int n = data.features();
        if (n != features) {
            throw new IllegalArgumentException(data.name() + " has " + n + " features, the network expects "
                    + features);
        }
        boolean exact = input.precision() == Precision.F64;
        if (!exact) {
            int count = r1 - r0;
            int[][] scratch = rowScratch.get();
            if (scratch[0].length < count) {
                scratch[0] = new int[count];
                scratch[1] = new int[count];
            }
            for (int i = r0; i < r1; i++) {
                scratch[0][i - r0] = order == null ? from + i : order[from + i];
            }
            if (data.copyRowsNative(scratch[0], count, scratch[1], input, r0)) {
                return;
            }
        }
        for (int i = r0; i < r1; i++) {
            int idx = order == null ? from + i : order[from + i];
            if (exact) {
                double[] scratch = exactRow.get();
                data.copyRow(idx, scratch, 0);
                input.copyFrom(scratch, 0, i * n, n);
            } else {
                float[] scratch = row.get();
                data.copyRow(idx, scratch, 0);
                input.copyFrom(scratch, 0, i * n, n);
            }
        }
    }

    /** Per part, the examples of its rows and scratch for their offsets: 2 * parts arrays of count. */
    private int[][] exampleScratch(int parts, int count) {
        if (examples.length < 2 * parts || examples[0].length < count) {
            int[][] e = new int[2 * parts][count];
            examples = e;
        }
        return examples;
    }

    private void grow(int parts, boolean exact) {
        if (exact && exactRows.length < parts) {
            double[][] r = java.util.Arrays.copyOf(exactRows, parts);
            for (int p = exactRows.length; p < parts; p++) {
                r[p] = new double[features];
            }
            exactRows = r;
        } else if (!exact && rows.length < parts) {
            float[][] r = java.util.Arrays.copyOf(rows, parts);
            for (int p = rows.length; p < parts; p++) {
                r[p] = new float[features];
            }
            rows = r;
        }
    }

    /** The labels of examples order[from..from+count) into labels[0..count). */
    public static void labels(Dataset data, int[] order, int from, int count, int[] labels) {
        for (int i = 0; i < count; i++) {
            labels[i] = data.label(order == null ? from + i : order[from + i]);
        }
    }
}
