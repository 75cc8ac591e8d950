package theta.train;

import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

import theta.math.Parallel;
import theta.math.SplitMix64;

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
 * uniform(-1,1) field with a Gaussian (sigma 4) for every image. Done directly that costs, per
 * component, about 3,600 random numbers and 80,000 multiply-adds (the kernel reaches 4 sigma), some
 * 100 microseconds per image: more than the training step it feeds. Instead the constructor smooths
 * {@value ElasticFieldBank#SIZE} independent fields once (a fraction of a second at sigma 4; 1.6 MB)
 * and each image takes its horizontal and its vertical displacement from two fields of the bank,
 * each under a random mirror/transposition and sign: 256 x 8 x 2 = 4,096 variants per component
 * (2,048 for images that are not square) and about 16.8 million pairs, composed with a fresh affine
 * map. The price is that a field recurs (each is drawn a few hundred times per 60,000-image epoch),
 * so the warps are less varied than with fresh fields, although the pairing, the symmetries and the
 * affine part keep the composed maps distinct; the gain is an elastic warp that costs about the
 * same as an affine one.
 *
 * <p>Instances are immutable (each thread keeps its own working arrays) and safe to share.
 */
public final class Augmenter {
    /**
     * Images per parallel part at the least: one image costs tens of microseconds, so a part of
     * 16 outweighs a hand-off many times.
     */
    static final int IMAGES_PER_PART = 16;

    private final AugmentConfig cfg;
    private final int rows;
    private final int cols;
    private final long seed;
    private final ElasticFieldBank bank; // null unless elastic warps are on
    private final double cx;
    private final double cy;
    private final ThreadLocal<Scratch> scratch;

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
                ? new ElasticFieldBank(rows, cols, cfg.elasticSigma(), SplitMix64.mix(seed ^ 0x13198A2E03707344L))
                : null;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(rows, cols));
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
        Scratch s = scratch.get();
        sourcePositions(epoch, index, s.px, s.py);
        resample(src, srcOff, s, dst, dstOff);
    }

    /**
     * Augments {@code count} consecutive images: image k is read at {@code srcOff + k*pixels},
     * written at {@code dstOff + k*pixels} and distorted as index {@code firstIndex + k}. From
     * {@value #IMAGES_PER_PART} images per thread it runs on theta's worker threads ({@link Parallel},
     * as many as {@link theta.math.Threads} says); the result equals
     * calling {@link #augment} for each image. The destination range must not overlap other
     * images' sources.
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
        Parallel.forRange(count, IMAGES_PER_PART, 1, (from, to) -> {
            for (int k = from; k < to; k++) {
                body.accept(k);
            }
        });
    }

    /**
     * Fills {@code px[k], py[k]} (k = y * cols + x) with the source position that output pixel
     * (x, y) of image (epoch, index) reads: the map of the class comment, drawn from the image's seed.
     */
    void sourcePositions(long epoch, long index, double[] px, double[] py) {
        SplittableRandom rnd = new SplittableRandom(imageSeed(seed, epoch, index));
        double theta = Math.toRadians(symmetric(rnd, cfg.maxRotation()));
        double scale = cfg.minScale() + (cfg.maxScale() - cfg.minScale()) * rnd.nextDouble();
        double shear = symmetric(rnd, cfg.maxShear());
        double tx = symmetric(rnd, cfg.maxShift());
        double ty = symmetric(rnd, cfg.maxShift());
        // M = R(theta) H(k) / s = [[c, c k - s], [s, s k + c]] / s, with c = cos, s = sin.
        double cos = Math.cos(theta) / scale;
        double sin = Math.sin(theta) / scale;
        double m00 = cos;
        double m01 = cos * shear - sin;
        double m10 = sin;
        double m11 = sin * shear + cos;
        for (int y = 0; y < rows; y++) {
            // p = c + M (q - c - t), with the part that does not depend on x taken out of the loop.
            double ox = cx - m00 * (cx + tx) + m01 * (y - cy - ty);
            double oy = cy - m10 * (cx + tx) + m11 * (y - cy - ty);
            int row = y * cols;
            double xd = 0; // a double counter: converting x from int inside the loop was measurably slower
            for (int x = 0; x < cols; x++, xd++) {
                px[row + x] = ox + m00 * xd;
                py[row + x] = oy + m10 * xd;
            }
        }
        if (bank != null && rnd.nextDouble() < cfg.elasticProbability()) {
            addElastic(rnd.nextLong(), px, py);
        }
    }

    /**
     * Adds alpha times two bank fields to the positions. Bits of {@code pick}: 0-7 the field for
     * x, 8-10 its symmetry, 11 its sign; 12-19, 20-22 and 23 the same for y.
     */
    private void addElastic(long pick, double[] px, double[] py) {
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
        for (int y = 0; y < rows; y++) {
            int row = y * cols;
            int ui = u0 + y * uRow;
            int vi = v0 + y * vRow;
            for (int x = 0; x < cols; x++) {
                px[row + x] += au * f[ui + x * uCol];
                py[row + x] += av * f[vi + x * vCol];
            }
        }
    }

    /**
     * Bilinear resampling of the source at the positions in {@code s}. Positions that are not
     * strictly inside the box one pixel beyond the first and last non-zero row and column have four
     * zero neighbours and get 0 without interpolating, which skips most of the background (and
     * all of an image without ink). The weights are products of non-negative factors, so a value is
     * never negative, and an integer position returns its pixel exactly.
     */
    private void resample(float[] src, int srcOff, Scratch s, float[] dst, int dstOff) {
        int w = cols + 2; // one zero pixel on every side; the border is never written
        float[] p = s.padded;
        int minX = cols;
        int maxX = -1;
        int minY = rows;
        int maxY = -1;
        for (int y = 0; y < rows; y++) {
            int from = srcOff + y * cols;
            System.arraycopy(src, from, p, (y + 1) * w + 1, cols);
            int first = 0;
            while (first < cols && src[from + first] == 0) {
                first++;
            }
            if (first < cols) {
                int last = cols - 1;
                while (src[from + last] == 0) {
                    last--;
                }
                minX = Math.min(minX, first);
                maxX = Math.max(maxX, last);
                minY = Math.min(minY, y);
                maxY = y;
            }
        }
        double lx = minX - 1;
        double hx = maxX + 1;
        double ly = minY - 1;
        double hy = maxY + 1; // an empty image has hy < ly, so nothing is inside
        double[] px = s.px;
        double[] py = s.py;
        for (int k = 0; k < rows * cols; k++) {
            double x = px[k];
            double y = py[k];
            dst[dstOff + k] = x > lx && x < hx && y > ly && y < hy ? bilinear(p, w, x, y) : 0f;
        }
    }

    /** Interpolates at (x, y) with {@code -1 < x < cols, -1 < y < rows} in an image padded by one pixel. */
    private static float bilinear(float[] padded, int w, double x, double y) {
        int x0 = (int) (x + 1.0) - 1; // floor, since x + 1 > 0
        int y0 = (int) (y + 1.0) - 1;
        double fx = x - x0;
        double fy = y - y0;
        int i = (y0 + 1) * w + x0 + 1;
        double top = (1 - fx) * padded[i] + fx * padded[i + 1];
        double bottom = (1 - fx) * padded[i + w] + fx * padded[i + w + 1];
        return (float) ((1 - fy) * top + fy * bottom);
    }

    /** Per-thread working arrays; the padded image's border stays zero because it is never written. */
    private static final class Scratch {
        final double[] px;
        final double[] py;
        final float[] padded;

        Scratch(int rows, int cols) {
            px = new double[rows * cols];
            py = new double[rows * cols];
            padded = new float[(rows + 2) * (cols + 2)];
        }
    }

    /** Uniform in [-max, max]. */
    private static double symmetric(SplittableRandom rnd, double max) {
        return max * (2 * rnd.nextDouble() - 1);
    }

    /** The per-image seed: a hash of (seed, epoch, index), each stage a bijective 64-bit mix. */
    static long imageSeed(long seed, long epoch, long index) {
        long h = SplitMix64.mix(seed ^ 0x243F6A8885A308D3L);
        h = SplitMix64.mix(h ^ SplitMix64.mix(epoch + SplitMix64.GOLDEN));
        return SplitMix64.mix(h ^ SplitMix64.mix(index + 0x3C6EF372FE94F82AL));
    }
}
