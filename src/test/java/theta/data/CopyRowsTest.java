package theta.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import theta.math.Precision;
import theta.math.Vec;

/** {@link Dataset#copyRows} gives what {@link Dataset#copyRow} gives, for bytes and raw values, on slices. */
class CopyRowsTest {
    @Test
    void sameAsRowByRow() {
        int rows = 2;
        int cols = 3;
        int n = rows * cols;
        byte[] bytes = new byte[5 * n];
        double[] reals = new double[5 * n];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 37);
            reals[i] = i * 0.1 - 1;
        }
        int[] labels = {0, 1, 2, 0, 1};
        for (Dataset d : new Dataset[] {Dataset.ofBytes("b", bytes, labels, rows, cols, 3).slice(1, 5),
            Dataset.ofDoubles("d", reals, labels, rows, cols, 3).slice(1, 5)}) {
            Vec got = Precision.F32.zeros(2 + 3 * n);
            d.copyRows(1, 3, got, 2);
            float[] row = new float[n];
            for (int i = 0; i < 3; i++) {
                d.copyRow(1 + i, row, 0);
                for (int j = 0; j < n; j++) {
                    assertEquals(row[j], (float) got.get(2 + i * n + j), d.name() + " example " + (1 + i));
                }
            }
        }
    }
}
