package theta.train;

import java.util.SplittableRandom;

/**
 * A fixed bank of smoothed random scalar fields for elastic distortion, computed once from a seed.
 *
 * <p>Each field is uniform(-1,1) noise convolved with a normalised Gaussian of standard deviation
 * sigma, truncated at 4 sigma (Simard et al. 2003). The noise is drawn on a grid padded by the
 * kernel radius on every side and the centre is kept, so the field is statistically the same at
 * every pixel (zero padding would make it fade towards the border). Such a field is as likely as
 * its mirror images, its transpose and its negation, which lets {@link Augmenter} read one field
 * under any of the 8 symmetries of the square (or 4 of a rectangle) with either sign, through a
 * start index and two strides: {@code value(y, x) = data[start + y * rowStride + x * colStride]}.
 */
final class ElasticFieldBank {
    /** Number of fields; a power of two so a field can be picked with a bit mask. */
    static final int SIZE = 256;

    private final int rows;
    private final int cols;
    /** Doubles, not floats: the warp's inner loop reads them, and converting there was slower. */
    private final double[] data;

    ElasticFieldBank(int rows, int cols, double sigma, long seed) {
        this.rows = rows;
        this.cols = cols;
        this.data = new double[SIZE * rows * cols];
        double[] kernel = gaussian(sigma);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int f = 0; f < SIZE; f++) {
            smooth(rnd, kernel, f * rows * cols);
        }
    }

    /** Normalised Gaussian taps g[-r..r] stored at g[k + r], r = ceil(4 sigma). */
    static double[] gaussian(double sigma) {
        int r = (int) Math.ceil(4 * sigma);
        double[] g = new double[2 * r + 1];
        double sum = 0;
        for (int k = -r; k <= r; k++) {
            g[k + r] = Math.exp(-0.5 * k * k / (sigma * sigma));
            sum += g[k + r];
        }
        for (int i = 0; i < g.length; i++) {
            g[i] /= sum;
        }
        return g;
    }

    /** One field: separable convolution of padded noise, rows pass then columns pass. */
    private void smooth(SplittableRandom rnd, double[] g, int out) {
        int r = g.length / 2;
        int h = rows + 2 * r;
        int w = cols + 2 * r;
        double[] noise = new double[h * w];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = 2 * rnd.nextDouble() - 1;
        }
        double[] across = new double[h * cols]; // smoothed along x, only the kept columns
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < cols; x++) {
                double s = 0;
                for (int k = 0; k < g.length; k++) {
                    s += g[k] * noise[y * w + x + k];
                }
                across[y * cols + x] = s;
            }
        }
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                double s = 0;
                for (int k = 0; k < g.length; k++) {
                    s += g[k] * across[(y + k) * cols + x];
                }
                data[out + y * cols + x] = s;
            }
        }
    }

    double[] data() {
        return data;
    }

    /**
     * Symmetry bits: 1 mirrors x, 2 mirrors y, 4 transposes (square only; ignored otherwise).
     * Reading {@code (y, x)} of the transformed field reads {@code (u, v)} of the stored one, where
     * {@code (u, v) = (x, y)} if transposed else {@code (y, x)}, then u mirrored if bit 2, v if bit 1.
     */
    int start(int field, int sym) {
        return field * rows * cols + ((sym & 2) != 0 ? (rows - 1) * cols : 0) + ((sym & 1) != 0 ? cols - 1 : 0);
    }

    int rowStride(int sym) {
        return transposed(sym) ? colStep(sym) : rowStep(sym);
    }

    int colStride(int sym) {
        return transposed(sym) ? rowStep(sym) : colStep(sym);
    }

    private boolean transposed(int sym) {
        return (sym & 4) != 0 && rows == cols;
    }

    private int rowStep(int sym) {
        return (sym & 2) != 0 ? -cols : cols;
    }

    private int colStep(int sym) {
        return (sym & 1) != 0 ? -1 : 1;
    }
}
