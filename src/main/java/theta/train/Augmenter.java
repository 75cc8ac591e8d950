package theta.train;

import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Seeded, on-the-fly distortion of training images (row-major, values in [0,1], background 0).
 *
 * <p><b>Reproducible.</b> The distortion of an image is a pure function of (seed, epoch, index):
 * its random parameters come from a {@link SplittableRandom} seeded by hashing the three numbers,
 * so the result does not depend on call order, threads or what was augmented before. A resumed
 * run that replays the same epochs and indices sees bit-identical images.
 *
 * <p><b>The map.</b> Output pixel q (x = column, y = row, centre c) takes its value by bilinear
 * interpolation at the source position
 * <pre>  p = c + R(theta) H(k) (q - c - t) / s + alpha * (u(q), v(q))</pre>
 * with R a rotation, H = [[1, k], [0, 1]] a shear, s the scale, t the shift and (u, v) the
 * smoothed displacement field (only when the image is warped elastically). The affine part and
 * the elastic part are composed into one resampling pass, so the image is interpolated once.
 * Positions outside the image read 0. Each output value is a convex combination of input values
 * and zeros, so it stays in [0,1].
 *
 * <p><b>Elastic fields: a bank, not a fresh field per image.</b> Simard et al. (2003) smooth a new
 * uniform(-1,1) field with a Gaussian (sigma 4) for every image. Done directly that costs about
 * 3,600 random numbers and 80,000 multiply-adds per component, tens of microseconds per image,
 * more than the training step it feeds. Instead the constructor smooths {@value ElasticFieldBank#SIZE}
 * independent fields once (about 20 ms for sigma 4) and each image takes its horizontal and its
 * vertical displacement from two fields of the bank, each under a random mirror/transposition and
 * sign: 256 x 8 x 2 = 4,096 variants per component and about 16.8 million pairs, composed with a
 * fresh affine map. The price is that fields repeat across images (each is used a few hundred times
 * per 60,000-image epoch), which matters little next to the other random parameters; the benefit is
 * an elastic warp that costs the same as an affine one.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class Augmenter {
    /** Below this many images a batch runs on the calling thread. */
    private static final int PARALLEL_MIN = 128;

    private final AugmentConfig cfg;
    private final int rows;
    private final int cols;
    private final long seed;
    private final ElasticFieldBank bank; // null unless elastic warps are on
    private final double cx;
    private final double cy;

    /** Builds the augmenter; with elastic warps on this smooths the field bank (milliseconds). */
    public Augmenter(AugmentConfig cfg, int rows, int cols, long seed) {
        this.cfg = Objects.requireNonNull(cfg, "cfg");
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("augment: image size " + rows + "x" + cols + " must be at least 1x1");
        }
        this.rows = rows;
        this.cols = cols;
        this.seed = seed;
        this.cx = (cols - 1) / 2.0;
        this.cy = (rows - 1) / 2.0;
        this.bank = cfg.isElastic()
                ? new ElasticFieldBank(rows, cols, cfg.elasticSigma(), mix64(seed ^ 0x13198A2E03707344L))
                : null;
    }

    public AugmentConfig config() {
        return cfg;
    }

    public long seed() {
        return seed;
    }

    /** Pixels per image, rows * cols. */
    public int pixels() {
        return rows * cols;
    }

    /**
     * Writes the distorted image {@code src[srcOff .. srcOff+pixels)} to {@code dst[dstOff ..)}.
     * The source is read completely before the destination is written, so they may be the same.
     */
    public void augment(float[] src, int srcOff, float[] dst, int dstOff, long epoch, long index) {
        int n = pixels();
        Objects.checkFromIndexSize(srcOff, n, src.length);
        Objects.checkFromIndexSize(dstOff, n, dst.length);
        if (cfg.isIdentity()) {
            System.arraycopy(src, srcOff, dst, dstOff, n);
            return;
        }
        SplittableRandom rnd = new SplittableRandom(imageSeed(seed, epoch, index));
        double theta = Math.toRadians(symmetric(rnd, cfg.maxRotation()));
        double scale = cfg.minScale() + (cfg.maxScale() - cfg.minScale()) * rnd.nextDouble();
        double shear = symmetric(rnd, cfg.maxShear());
        double tx = symmetric(rnd, cfg.maxShift());
        double ty = symmetric(rnd, cfg.maxShift());
        // R(theta) H(k) / s = [[c, c k - s], [s, s k + c]] / s, with c = cos, s = sin.
        double cos = Math.cos(theta) / scale;
        double sin = Math.sin(theta) / scale;
        Affine a = new Affine(cos, cos * shear - sin, sin, sin * shear + cos, tx, ty);
        double[] padded = pad(src, srcOff);
        if (bank != null && rnd.nextDouble() < cfg.elasticProbability()) {
            warpElastic(padded, dst, dstOff, a, rnd.nextLong());
        } else {
            warpAffine(padded, dst, dstOff, a);
        }
    }

    /**
     * Augments {@code count} consecutive images: image k is read at {@code srcOff + k*pixels},
     * written at {@code dstOff + k*pixels} and distorted as index {@code firstIndex + k}. Runs on
     * the common fork-join pool; the result equals calling {@link #augment} for each image.
     */
    public void augmentBatch(float[] src, int srcOff, float[] dst, int dstOff, int count, long epoch, long firstIndex) {
        int n = pixels();
        Objects.checkFromIndexSize(srcOff, Math.multiplyExact(count, n), src.length);
        Objects.checkFromIndexSize(dstOff, Math.multiplyExact(count, n), dst.length);
        forEach(count, k -> augment(src, srcOff + k * n, dst, dstOff + k * n, epoch, firstIndex + k));
    }

    /**
     * Gathers and augments a minibatch: image {@code i = indices[from + k]} is read at
     * {@code i*pixels} in {@code src}, distorted as index {@code i} and written at
     * {@code dstOff + k*pixels}. Keying on the example's own index keeps its distortion independent
     * of how the epoch was shuffled into batches. Parallel like {@link #augmentBatch}.
     */
    public void augmentGather(float[] src, int[] indices, int from, int count, float[] dst, int dstOff, long epoch) {
        int n = pixels();
        Objects.checkFromIndexSize(from, count, indices.length);
        Objects.checkFromIndexSize(dstOff, Math.multiplyExact(count, n), dst.length);
        forEach(count, k -> {
            int i = indices[from + k];
            augment(src, Math.multiplyExact(i, n), dst, dstOff + k * n, epoch, i);
        });
    }

    private static void forEach(int count, IntConsumer body) {
        if (count < PARALLEL_MIN) {
            for (int k = 0; k < count; k++) {
                body.accept(k);
            }
        } else {
            IntStream.range(0, count).parallel().forEach(body);
        }
    }

    /** Inverse map p = c + M (q - c - t): output pixel q reads source p; m01 multiplies y in x. */
    private record Affine(double m00, double m01, double m10, double m11, double tx, double ty) {
    }

    private void warpAffine(double[] padded, float[] dst, int dstOff, Affine a) {
        int r = rows;
        int c = cols;
        double m00 = a.m00();
        double m10 = a.m10();
        for (int y = 0; y < r; y++) {
            double ox = cx - m00 * (cx + a.tx()) + a.m01() * (y - cy - a.ty());
            double oy = cy - m10 * (cx + a.tx()) + a.m11() * (y - cy - a.ty());
            int row = dstOff + y * c;
            double xd = 0; // a double counter: converting x from int in the loop costs half the time
            for (int x = 0; x < c; x++, xd++) {
                dst[row + x] = sample(padded, c, r, ox + m00 * xd, oy + m10 * xd);
            }
        }
    }

    /**
     * As {@link #warpAffine}, plus alpha times two bank fields. Bits of {@code pick}: 0-7 the field
     * for x, 8-10 its symmetry, 11 its sign; 12-19, 20-22 and 23 the same for y.
     */
    private void warpElastic(double[] padded, float[] dst, int dstOff, Affine a, long pick) {
        int mask = ElasticFieldBank.SIZE - 1;
        int symU = (int) (pick >>> 8) & 7;
        int symV = (int) (pick >>> 20) & 7;
        int u0 = bank.start((int) pick & mask, symU);
        int v0 = bank.start((int) (pick >>> 12) & mask, symV);
        int uRow = bank.rowStride(symU);
        int uCol = bank.colStride(symU);
        int vRow = bank.rowStride(symV);
        int vCol = bank.colStride(symV);
        double alpha = cfg.elasticAlpha();
        double au = (pick & (1L << 11)) != 0 ? -alpha : alpha;
        double av = (pick & (1L << 23)) != 0 ? -alpha : alpha;
        double[] f = bank.data();
        int r = rows;
        int c = cols;
        double m00 = a.m00();
        double m10 = a.m10();
        for (int y = 0; y < r; y++) {
            double ox = cx - m00 * (cx + a.tx()) + a.m01() * (y - cy - a.ty());
            double oy = cy - m10 * (cx + a.tx()) + a.m11() * (y - cy - a.ty());
            int row = dstOff + y * c;
            int ui = u0 + y * uRow;
            int vi = v0 + y * vRow;
            double xd = 0;
            for (int x = 0; x < c; x++, xd++) {
                double px = ox + m00 * xd + au * f[ui + x * uCol];
                double py = oy + m10 * xd + av * f[vi + x * vCol];
                dst[row + x] = sample(padded, c, r, px, py);
            }
        }
    }

    /**
     * Copy of the image with a zero border: 1 pixel above and left, 2 below and right, so that
     * {@link #sample} can read the 2x2 neighbourhood of any position in [-1, cols] x [-1, rows].
     */
    private double[] pad(float[] src, int srcOff) {
        int w = cols + 3;
        double[] p = new double[(rows + 3) * w];
        for (int y = 0; y < rows; y++) {
            int from = srcOff + y * cols;
            int to = (y + 1) * w + 1;
            for (int x = 0; x < cols; x++) {
                p[to + x] = src[from + x];
            }
        }
        return p;
    }

    /**
     * Bilinear interpolation at (px, py) in source pixel coordinates. Positions further out than
     * one pixel are clamped onto the zero border. The weights are products of non-negative factors,
     * so the value is never negative, and an integer position returns the pixel exactly.
     */
    private static float sample(double[] padded, int cols, int rows, double px, double py) {
        // Ternaries, not Math.min/max: the double intrinsics handle NaN and -0.0 and cost twice the loop.
        px = px < -1.0 ? -1.0 : px > cols ? cols : px;
        py = py < -1.0 ? -1.0 : py > rows ? rows : py;
        int x0 = (int) (px + 1.0) - 1; // floor, since px + 1 >= 0
        int y0 = (int) (py + 1.0) - 1;
        double fx = px - x0;
        double fy = py - y0;
        int w = cols + 3;
        int i = (y0 + 1) * w + x0 + 1;
        double top = (1 - fx) * padded[i] + fx * padded[i + 1];
        double bottom = (1 - fx) * padded[i + w] + fx * padded[i + w + 1];
        return (float) ((1 - fy) * top + fy * bottom);
    }

    /** Uniform in [-max, max]. */
    private static double symmetric(SplittableRandom rnd, double max) {
        return max * (2 * rnd.nextDouble() - 1);
    }

    /** The per-image seed: a hash of (seed, epoch, index), each stage a bijective 64-bit mix. */
    static long imageSeed(long seed, long epoch, long index) {
        long h = mix64(seed ^ 0x243F6A8885A308D3L);
        h = mix64(h ^ mix64(epoch + 0x9E3779B97F4A7C15L));
        return mix64(h ^ mix64(index + 0x3C6EF372FE94F82AL));
    }

    /** A 64-bit finaliser (the splitmix64 output function): a bijection with good avalanche. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
