package theta.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static theta.train.TestImages.N;
import static theta.train.TestImages.SIDE;
import static theta.train.TestImages.noise;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The warp itself: the source positions, the resampling and the elastic field bank. */
class AugmenterWarpTest {
    @Test
    void bankFieldsHaveTheSpreadOfSmoothedUniformNoise() {
        double sigma = 4;
        ElasticFieldBank bank = new ElasticFieldBank(SIDE, SIDE, sigma, 5);
        // var(sum g_i u_i) = var(u) * sum g_i^2 = (1/3) (sum_k g1[k]^2)^2 for the separable kernel.
        double g2 = 0;
        for (double g : ElasticFieldBank.gaussian(sigma)) {
            g2 += g * g;
        }
        double expected = Math.sqrt(1.0 / 3) * g2;
        double s = 0;
        double s2 = 0;
        for (double v : bank.data()) {
            s += v;
            s2 += v * v;
        }
        int n = bank.data().length;
        double mean = s / n;
        double std = Math.sqrt(s2 / n - mean * mean);
        assertEquals(expected, std, 0.1 * expected, "field std");
        assertEquals(0, mean, 0.2 * expected, "field mean");
    }

    @Test
    void everyBankSymmetryVisitsEachFieldValueOnce() {
        for (int[] shape : new int[][] {{SIDE, SIDE}, {5, 9}}) {
            int rows = shape[0];
            int cols = shape[1];
            ElasticFieldBank bank = new ElasticFieldBank(rows, cols, 1, 5);
            for (int sym = 0; sym < 8; sym++) {
                boolean[] hit = new boolean[rows * cols];
                for (int y = 0; y < rows; y++) {
                    for (int x = 0; x < cols; x++) {
                        int i = bank.start(3, sym) + y * bank.rowStride(sym) + x * bank.colStride(sym) - 3 * rows * cols;
                        assertFalse(hit[i], "symmetry " + sym + " reads " + i + " twice");
                        hit[i] = true;
                    }
                }
            }
        }
    }

    @Test
    void resamplingMatchesANaiveBilinearTwin() {
        AugmentConfig extreme = AugmentConfig.parse("elastic:shift=14,rotate=180,scale=0.25..4,shear=1,alpha=200,sigma=0.5");
        for (AugmentConfig cfg : List.of(AugmentConfig.affine(), AugmentConfig.elastic(), extreme)) {
            assertMatchesTwin(cfg, SIDE, SIDE, images(SIDE, SIDE));
            assertMatchesTwin(cfg, 5, 9, images(5, 9)); // not square: rows and columns must not mix
        }
    }

    /** Noise, an empty image, and single bright pixels in two corners (ink at the box edges). */
    private static List<float[]> images(int rows, int cols) {
        List<float[]> list = new ArrayList<>();
        if (rows == SIDE && cols == SIDE) {
            list.addAll(TestImages.digits());
        }
        list.add(noise(rows * cols, 7));
        list.add(new float[rows * cols]);
        float[] corners = new float[rows * cols];
        corners[0] = 1;
        corners[rows * cols - 1] = 0.5f;
        list.add(corners);
        return list;
    }

    private static void assertMatchesTwin(AugmentConfig cfg, int rows, int cols, List<float[]> images) {
        Augmenter aug = new Augmenter(cfg, rows, cols, 11);
        double[] px = new double[rows * cols];
        double[] py = new double[rows * cols];
        float[] out = new float[rows * cols];
        for (float[] img : images) {
            for (int index = 0; index < 40; index++) {
                aug.sourcePositions(3, index, px, py);
                aug.augment(img, 0, out, 0, 3, index);
                for (int k = 0; k < out.length; k++) {
                    double expected = naiveBilinear(img, rows, cols, px[k], py[k]);
                    assertEquals(expected, out[k], 1e-6, cfg + " " + rows + "x" + cols + " pixel " + k);
                }
            }
        }
    }

    /** Bilinear interpolation with every pixel outside the image 0, written the obvious way. */
    private static double naiveBilinear(float[] img, int rows, int cols, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        return (1 - fy) * ((1 - fx) * at(img, rows, cols, x0, y0) + fx * at(img, rows, cols, x0 + 1, y0))
                + fy * ((1 - fx) * at(img, rows, cols, x0, y0 + 1) + fx * at(img, rows, cols, x0 + 1, y0 + 1));
    }

    private static double at(float[] img, int rows, int cols, int x, int y) {
        return x < 0 || y < 0 || x >= cols || y >= rows ? 0 : img[y * cols + x];
    }

    @Test
    void eachAffineParameterActsAsDocumented() {
        double c = (SIDE - 1) / 2.0;
        double[] px = new double[N];
        double[] py = new double[N];
        double largestShift = 0;
        double largestAngle = 0;
        double smallestRatio = 2;
        double largestShear = 0;
        Augmenter shift = new Augmenter(AugmentConfig.parse("none:shift=2"), SIDE, SIDE, 1);
        Augmenter rotate = new Augmenter(AugmentConfig.parse("none:rotate=12"), SIDE, SIDE, 1);
        Augmenter scale = new Augmenter(AugmentConfig.parse("none:scale=0.1"), SIDE, SIDE, 1);
        Augmenter shear = new Augmenter(AugmentConfig.parse("none:shear=0.15"), SIDE, SIDE, 1);
        for (int index = 0; index < 100; index++) {
            // Shift: p = q - t, the same t for every pixel, |t| <= 2 on each axis.
            shift.sourcePositions(0, index, px, py);
            double tx = 0 - px[0];
            double ty = 0 - py[0];
            for (int k = 0; k < N; k++) {
                assertEquals(k % SIDE - tx, px[k], 1e-9);
                assertEquals(k / SIDE - ty, py[k], 1e-9);
            }
            assertTrue(Math.abs(tx) <= 2 && Math.abs(ty) <= 2, "shift " + tx + ", " + ty);
            largestShift = Math.max(largestShift, Math.max(Math.abs(tx), Math.abs(ty)));
            // Rotation about the centre: distances to the centre kept, one angle of at most 12 degrees.
            rotate.sourcePositions(0, index, px, py);
            double angle = Math.toDegrees(Math.atan2(py[0] - c, px[0] - c) - Math.atan2(0 - c, 0 - c));
            for (int k = 0; k < N; k++) {
                double qx = k % SIDE - c;
                double qy = k / SIDE - c;
                assertEquals(Math.hypot(qx, qy), Math.hypot(px[k] - c, py[k] - c), 1e-9);
            }
            assertTrue(Math.abs(angle) <= 12 + 1e-9, "angle " + angle);
            largestAngle = Math.max(largestAngle, Math.abs(angle));
            // Scale s about the centre: output at distance d reads the source at d / s, s in 0.9..1.1.
            scale.sourcePositions(0, index, px, py);
            double s = (0 - c) / (px[0] - c);
            for (int k = 0; k < N; k++) {
                assertEquals(c + (k % SIDE - c) / s, px[k], 1e-9);
                assertEquals(c + (k / SIDE - c) / s, py[k], 1e-9);
            }
            assertTrue(s >= 0.9 - 1e-12 && s <= 1.1 + 1e-12, "scale " + s);
            smallestRatio = Math.min(smallestRatio, s);
            // Shear: rows stay, x moves by k (y - c) with |k| <= 0.15.
            shear.sourcePositions(0, index, px, py);
            double slope = (px[0] - 0) / (0 - c);
            for (int k = 0; k < N; k++) {
                assertEquals(k / SIDE, py[k], 1e-9);
                assertEquals(k % SIDE + slope * (k / SIDE - c), px[k], 1e-9);
            }
            assertTrue(Math.abs(slope) <= 0.15 + 1e-12, "shear " + slope);
            largestShear = Math.max(largestShear, Math.abs(slope));
        }
        // The ranges are used, not just respected.
        assertTrue(largestShift > 1.8 && largestAngle > 10 && smallestRatio < 0.92 && largestShear > 0.13,
                largestShift + " " + largestAngle + " " + smallestRatio + " " + largestShear);
    }

    @Test
    void elasticDisplacementHasSimardsAmplitudeAndSmoothness() {
        // Same seed: the affine draws are identical, so the difference is alpha * (u, v).
        Augmenter affine = new Augmenter(AugmentConfig.affine(), SIDE, SIDE, 21);
        Augmenter elastic = new Augmenter(AugmentConfig.elastic(), SIDE, SIDE, 21);
        double[] ax = new double[N];
        double[] ay = new double[N];
        double[] ex = new double[N];
        double[] ey = new double[N];
        double sum = 0;
        double sq = 0;
        double stepSq = 0;
        int count = 0;
        int steps = 0;
        for (int index = 0; index < 300; index++) {
            affine.sourcePositions(1, index, ax, ay);
            elastic.sourcePositions(1, index, ex, ey);
            for (int k = 0; k < N; k++) {
                double du = ex[k] - ax[k];
                double dv = ey[k] - ay[k];
                sum += du + dv;
                sq += du * du + dv * dv;
                count += 2;
                if (k % SIDE + 1 < SIDE) { // horizontal neighbour difference of both components
                    double nu = ex[k + 1] - ax[k + 1];
                    double nv = ey[k + 1] - ay[k + 1];
                    stepSq += (nu - du) * (nu - du) + (nv - dv) * (nv - dv);
                    steps += 2;
                }
            }
        }
        double[] g = ElasticFieldBank.gaussian(4);
        double g2 = 0;
        double dg2 = 0;
        for (int i = 0; i <= g.length; i++) {
            double here = i < g.length ? g[i] : 0;
            double before = i > 0 ? g[i - 1] : 0;
            g2 += i < g.length ? here * here : 0;
            dg2 += (here - before) * (here - before);
        }
        // Smoothed uniform(-1,1) noise: var = (1/3) (sum g^2)^2; a one-pixel step along one axis
        // replaces one factor by the sum of squared kernel differences.
        double rms = 34 * Math.sqrt(1.0 / 3) * g2;
        double stepRms = 34 * Math.sqrt(g2 * dg2 / 3);
        assertEquals(rms, Math.sqrt(sq / count), 0.1 * rms, "displacement rms (pixels)");
        assertEquals(stepRms, Math.sqrt(stepSq / steps), 0.1 * stepRms, "neighbour step rms (pixels)");
        assertEquals(0, sum / count, 0.1 * rms, "mean displacement");
    }
}
