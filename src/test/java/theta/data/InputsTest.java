package theta.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import theta.math.Precision;
import theta.math.Threads;
import theta.math.UnitBytes;
import theta.math.Vec;

/**
 * {@link Inputs#fill} (float32 batches of byte pixels converted natively, {@link UnitBytes}) gives
 * exactly the numbers of {@link Dataset#copyRow}, v / 255f, for every byte value, in the order
 * asked, on one and two threads, for batches that do not split evenly; rows past the batch are
 * left alone.
 */
class InputsTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void nativeConversionEqualsTheTable(int threads) {
        int features = 300;
        int images = 1000;
        byte[] pixels = new byte[features * images];
        SplittableRandom rng = new SplittableRandom(4);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i < 256 ? i : rng.nextInt(256)); // every value at least once
        }
        int[] labels = new int[images];
        Dataset all = Dataset.ofBytes("bytes", pixels, labels, 1, features, 10);
        Dataset data = all.slice(3, images - 3); // a view: rows start past the array's start
        int[] order = MnistFixture.scattered(data.size());
        try (Threads.Scope t = Threads.use(threads)) {
            Inputs inputs = new Inputs(features);
            for (int count : new int[] {1, 77, 128, 130}) {
                Vec x = Precision.F32.zeros((count + 1) * features);
                x.fill(-1);
                int from = 11;
                inputs.fill(data, order, from, count, x);
                float[] row = new float[features];
                for (int i = 0; i < count; i++) {
                    data.copyRow(order[from + i], row, 0);
                    for (int j = 0; j < features; j++) {
                        assertEquals(row[j], (float) x.get(i * features + j), 0f, "row " + i + ", pixel " + j);
                    }
                }
                assertEquals(-1, x.get(count * features), 0, "past the batch");
                inputs.fill(data, null, 0, count, x);
                data.copyRow(count - 1, row, 0);
                assertEquals(row[features - 1], (float) x.get(count * features - 1), 0f, "in order");
            }
        }
        Vec x = Precision.F32.zeros(features);
        assertTrue(data.copyRowsNative(new int[] {0}, 1, new int[1], x, 0) == UnitBytes.available());
        assertFalse(data.copyRowsNative(new int[] {0}, 1, new int[1], Precision.F64.zeros(features), 0),
                "float64 keeps its exact path");
    }
}
