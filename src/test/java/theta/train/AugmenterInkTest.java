package theta.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static theta.train.TestImages.N;
import static theta.train.TestImages.SIDE;
import static theta.train.TestImages.centreOfMass;
import static theta.train.TestImages.max;
import static theta.train.TestImages.mean;
import static theta.train.TestImages.readIdxImages;
import static theta.train.TestImages.sorted;
import static theta.train.TestImages.sum;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** How much a distortion changes a digit's total ink and moves its centre of mass. */
class AugmenterInkTest {
    @Test
    void affineInkMassStaysWithinTheScaleSquaredBand() {
        // Ink scales with the area, s^2 in 0.81..1.21; resampling blur changes the sum very little.
        double[] r = sorted(inkRatios(new Augmenter(AugmentConfig.affine(), SIDE, SIDE, 42), TestImages.digits(), 300));
        assertTrue(r[0] >= 0.78 && r[r.length - 1] <= 1.24, "ink ratio range " + r[0] + ".." + r[r.length - 1]);
        assertEquals(1.0, mean(r), 0.03, "mean ink ratio");
    }

    @Test
    void elasticInkMassStaysWithinBandOfOriginal() {
        // alpha 34, sigma 4 stretches and squeezes strokes locally (displacement gradients have a
        // standard deviation of about 0.25), so single images vary more than under affine maps.
        double[] r = sorted(inkRatios(new Augmenter(AugmentConfig.elastic(), SIDE, SIDE, 42), TestImages.digits(), 300));
        int n = r.length;
        assertTrue(r[n / 20] >= 0.65 && r[n - 1 - n / 20] <= 1.45, "5%..95% ink ratio " + r[n / 20] + ".." + r[n - 1 - n / 20]);
        assertTrue(r[0] >= 0.3 && r[n - 1] <= 3.0, "ink ratio range " + r[0] + ".." + r[n - 1]);
        assertEquals(1.0, mean(r), 0.05, "mean ink ratio");
        assertEquals(1.0, r[n / 2], 0.05, "median ink ratio");
    }

    @Test
    void realDigitsKeepTheirInkWithinTheSameBands() throws IOException {
        theta.data.Dataset test = theta.data.MnistFixture.mnist().test();
        List<float[]> digits = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            float[] img = new float[N];
            test.copyRow(i, img, 0);
            digits.add(img);
        }
        double[] a = sorted(inkRatios(new Augmenter(AugmentConfig.affine(), SIDE, SIDE, 42), digits, 10));
        assertTrue(a[0] >= 0.75 && a[a.length - 1] <= 1.25, "affine ink ratio range " + a[0] + ".." + a[a.length - 1]);
        assertEquals(1.0, mean(a), 0.03, "affine mean ink ratio");
        double[] e = sorted(inkRatios(new Augmenter(AugmentConfig.elastic(), SIDE, SIDE, 42), digits, 10));
        int n = e.length;
        assertTrue(e[n / 20] >= 0.65 && e[n - 1 - n / 20] <= 1.45, "elastic 5%..95% ink ratio " + e[n / 20] + ".." + e[n - 1 - n / 20]);
        assertEquals(1.0, mean(e), 0.05, "elastic mean ink ratio");
    }

    /** Ratio sum(out)/sum(in) for perImage distortions of every image (a distinct index each). */
    static double[] inkRatios(Augmenter aug, List<float[]> images, int perImage) {
        double[] ratios = new double[images.size() * perImage];
        float[] out = new float[N];
        int k = 0;
        for (float[] img : images) {
            for (int j = 0; j < perImage; j++) {
                aug.augment(img, 0, out, 0, 0, k);
                ratios[k++] = sum(out) / sum(img);
            }
        }
        return ratios;
    }

    @Test
    void affineMapMovesCentreOfMassAtMostMaxShiftPlusSlack() {
        // Rotation, scale and shear act about the image centre, where the digits' mass centre is.
        double[] affine = comMoves(AugmentConfig.affine());
        assertTrue(max(affine) <= 2 + 0.25, "affine moved the centre of mass " + max(affine) + " px");
        double[] shift = comMoves(AugmentConfig.parse("none:shift=2"));
        assertTrue(max(shift) <= 2 + 0.05, "shift=2 moved the centre of mass " + max(shift) + " px");
        assertTrue(max(shift) > 1.9, "shift=2 never moved a digit more than " + max(shift) + " px");
    }

    @Test
    void elasticWarpAlsoMovesCentreOfMassByAboutAPixel() {
        // A sigma-4 field is nearly constant across a digit, so it translates as well as bends:
        // the ink-weighted mean of alpha * field has a spread of about a pixel per axis.
        double[] elasticOnly = comMoves(AugmentConfig.parse("elastic:shift=0,rotate=0,scale=0,shear=0"));
        double rms = Math.sqrt(Arrays.stream(elasticOnly).map(d -> d * d).average().orElseThrow());
        assertTrue(rms > 0.5 && rms < 1.5, "elastic warp moved the centre of mass by " + rms + " px rms per axis");
        double[] d = sorted(comMoves(AugmentConfig.elastic()));
        assertTrue(d[d.length * 9 / 10] <= 2 + 1.0, "90% of moves within " + d[d.length * 9 / 10] + " px");
        assertTrue(d[d.length - 1] <= 2 + 4, "largest move " + d[d.length - 1] + " px");
    }

    /** |dx| and |dy| of the centre of mass for every digit at indices 0..299 of epoch 2. */
    private static double[] comMoves(AugmentConfig cfg) {
        Augmenter aug = new Augmenter(cfg, SIDE, SIDE, 9);
        List<float[]> digits = TestImages.digits();
        double[] moves = new double[digits.size() * 300 * 2];
        float[] out = new float[N];
        int k = 0;
        for (float[] img : digits) {
            double[] c0 = centreOfMass(img);
            for (int index = 0; index < 300; index++) {
                aug.augment(img, 0, out, 0, 2, index);
                double[] c1 = centreOfMass(out);
                moves[k++] = Math.abs(c1[0] - c0[0]);
                moves[k++] = Math.abs(c1[1] - c0[1]);
            }
        }
        return moves;
    }
}
