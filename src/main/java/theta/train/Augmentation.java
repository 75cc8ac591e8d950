package theta.train;

import theta.data.Dataset;
import theta.data.Inputs;
import theta.math.Parallel;
import theta.math.Vec;

/**
 * Fills a training batch, distorting each image when augmentation is on. Each image's distortion
 * depends only on (seed, epoch, example index), so batches are reproducible and resumable.
 */
final class Augmentation {
    private final Dataset data;
    private final Augmenter augmenter;
    private float[] src = new float[0];
    private float[] dst = new float[0];

    Augmentation(AugmentConfig cfg, Dataset data, long seed) {
        this.data = data;
        if (cfg.isIdentity()) {
            augmenter = null;
            return;
        }
        if (data.rows() * data.cols() != data.features() || data.rows() < 2) {
            throw new IllegalArgumentException("augmentation needs images; " + data.name() + " has "
                    + data.features() + " features without an image shape");
        }
        augmenter = new Augmenter(cfg, data.rows(), data.cols(), seed);
    }

    /**
     * The batch for {@link theta.nn.Network#cost(Vec, int[], int, double, int, Vec,
     * theta.nn.Workspace, theta.nn.Mode, Parallel.Range)} to fill: without augmentation the
     * filler of {@link Inputs#rows} (over byte images the cost may read only the bytes); with it,
     * the distorted batch is written into {@code input} here and null returned.
     */
    Parallel.Range rows(Inputs inputs, int[] order, int from, int m, Vec input, int epoch) {
        if (augmenter == null) {
            return inputs.rows(data, order, from, input);
        }
        augment(order, from, m, input, epoch);
        return null;
    }

    private void augment(int[] order, int from, int m, Vec input, int epoch) {
        int n = data.features();
        if (src.length < m * n) {
            src = new float[m * n];
            dst = new float[m * n];
        }
        float[] s = src;
        float[] d = dst;
        for (int k = 0; k < m; k++) {
            data.copyRow(order[from + k], s, k * n);
        }
        // Images are independent: distort them on theta's worker threads.
        Parallel.forRange(m, Augmenter.IMAGES_PER_PART, 1, (lo, hi) -> {
            for (int k = lo; k < hi; k++) {
                augmenter.augment(s, k * n, d, k * n, epoch, order[from + k]);
            }
        });
        input.copyFrom(d, 0, 0, m * n);
    }
}
