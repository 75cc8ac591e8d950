package theta.train;

import java.util.SplittableRandom;

import theta.data.Dataset;
import theta.data.Splits;

/** Small generated data for training mechanics: 8x8 images whose class is the brightest quadrant (4 classes). */
public final class Quadrants {
    private Quadrants() {}

    public static Dataset make(String name, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        byte[] px = new byte[n * 64];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int c = rng.nextInt(4);
            labels[i] = c;
            for (int r = 0; r < 8; r++) {
                for (int col = 0; col < 8; col++) {
                    int q = (r / 4) * 2 + col / 4;
                    int v = rng.nextInt(90) + (q == c ? 120 : 0);
                    px[i * 64 + r * 8 + col] = (byte) v;
                }
            }
        }
        return Dataset.ofBytes(name, px, labels, 8, 8, 4);
    }

    public static Splits splits() {
        return Splits.of(make("quadrants train", 600, 1), make("quadrants test", 200, 2), 100);
    }
}
