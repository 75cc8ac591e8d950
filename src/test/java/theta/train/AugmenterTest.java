package theta.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class AugmenterTest {
    static final int SIDE = 28;
    static final int N = SIDE * SIDE;

    @Test
    void noneIsTheExactIdentityAndWritesOnlyItsSlot() {
        Augmenter aug = new Augmenter(AugmentConfig.none(), SIDE, SIDE, 7);
        float[] src = new float[3 * N];
        Random r = new Random(1);
        for (int i = 0; i < src.length; i++) {
            src[i] = r.nextFloat();
        }
        float[] dst = new float[2 * N + 5];
        Arrays.fill(dst, -7f);
        aug.augment(src, N, dst, 5, 3, 11);
        assertArrayEquals(Arrays.copyOfRange(src, N, 2 * N), Arrays.copyOfRange(dst, 5, 5 + N));
        for (int i = 0; i < 5; i++) {
            assertEquals(-7f, dst[i]);
        }
        for (int i = 5 + N; i < dst.length; i++) {
            assertEquals(-7f, dst[i]);
        }
    }

    @Test
    void outputStaysInUnitInterval() {
        AugmentConfig extreme = AugmentConfig.parse("elastic:shift=14,rotate=180,scale=0.25..4,shear=1,alpha=200,sigma=0.5");
        float[] ones = new float[N];
        Arrays.fill(ones, 1f);
        List<float[]> images = new ArrayList<>(SyntheticDigits.all());
        images.add(ones);
        images.add(noise(N, 3));
        for (AugmentConfig cfg : List.of(AugmentConfig.affine(), AugmentConfig.elastic(), extreme)) {
            Augmenter aug = new Augmenter(cfg, SIDE, SIDE, 5);
            float[] out = new float[N];
            for (float[] img : images) {
                for (int index = 0; index < 200; index++) {
                    aug.augment(img, 0, out, 0, 1, index);
                    for (float v : out) {
                        assertTrue(v >= 0f && v <= 1f, () -> cfg + ": value " + v + " outside [0,1]");
                    }
                }
            }
        }
    }

    @Test
    void affineInkMassStaysWithinTheScaleSquaredBand() {
        // Ink scales with the area, s^2 in 0.81..1.21; resampling blur changes the sum very little.
        double[] r = sorted(inkRatios(new Augmenter(AugmentConfig.affine(), SIDE, SIDE, 42), SyntheticDigits.all(), 300));
        assertTrue(r[0] >= 0.78 && r[r.length - 1] <= 1.24, "ink ratio range " + r[0] + ".." + r[r.length - 1]);
        assertEquals(1.0, mean(r), 0.03, "mean ink ratio");
    }

    @Test
    void elasticInkMassStaysWithinBandOfOriginal() {
        // alpha 34, sigma 4 stretches and squeezes strokes locally (displacement gradients have a
        // standard deviation of about 0.25), so single images vary more than under affine maps.
        double[] r = sorted(inkRatios(new Augmenter(AugmentConfig.elastic(), SIDE, SIDE, 42), SyntheticDigits.all(), 300));
        int n = r.length;
        assertTrue(r[n / 20] >= 0.65 && r[n - 1 - n / 20] <= 1.45, "5%..95% ink ratio " + r[n / 20] + ".." + r[n - 1 - n / 20]);
        assertTrue(r[0] >= 0.3 && r[n - 1] <= 3.0, "ink ratio range " + r[0] + ".." + r[n - 1]);
        assertEquals(1.0, mean(r), 0.05, "mean ink ratio");
        assertEquals(1.0, r[n / 2], 0.05, "median ink ratio");
    }

    @Test
    void realDigitsKeepTheirInkWithinTheSameBands() throws IOException {
        Path file = Path.of("data/mnist/t10k-images-idx3-ubyte");
        assumeTrue(Files.isReadable(file), "MNIST test images not fetched: " + file);
        List<float[]> digits = readIdxImages(file, 500);
        double[] a = sorted(inkRatios(new Augmenter(AugmentConfig.affine(), SIDE, SIDE, 42), digits, 10));
        assertTrue(a[0] >= 0.75 && a[a.length - 1] <= 1.25, "affine ink ratio range " + a[0] + ".." + a[a.length - 1]);
        assertEquals(1.0, mean(a), 0.03, "affine mean ink ratio");
        double[] e = sorted(inkRatios(new Augmenter(AugmentConfig.elastic(), SIDE, SIDE, 42), digits, 10));
        int n = e.length;
        assertTrue(e[n / 20] >= 0.65 && e[n - 1 - n / 20] <= 1.45, "elastic 5%..95% ink ratio " + e[n / 20] + ".." + e[n - 1 - n / 20]);
        assertEquals(1.0, mean(e), 0.05, "elastic mean ink ratio");
    }

    /** The first {@code limit} images of an IDX3 file of 28x28 unsigned bytes, scaled to [0,1]. */
    static List<float[]> readIdxImages(Path file, int limit) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            assertEquals(0x803, in.readInt(), "IDX3 magic of unsigned bytes");
            int count = in.readInt();
            assertEquals(SIDE, in.readInt());
            assertEquals(SIDE, in.readInt());
            List<float[]> images = new ArrayList<>();
            byte[] raw = new byte[N];
            for (int i = 0; i < Math.min(count, limit); i++) {
                in.readFully(raw);
                float[] img = new float[N];
                for (int j = 0; j < N; j++) {
                    img[j] = (raw[j] & 0xFF) / 255f;
                }
                images.add(img);
            }
            return images;
        }
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
        List<float[]> digits = SyntheticDigits.all();
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

    @Test
    void sameSeedEpochIndexGivesSameImageWhateverTheCallOrder() {
        float[] img = SyntheticDigits.all().get(2);
        List<long[]> keys = new ArrayList<>();
        for (long epoch = 0; epoch < 3; epoch++) {
            for (long index = 0; index < 40; index++) {
                keys.add(new long[] {epoch, index * 1_000_003L});
            }
        }
        Augmenter first = new Augmenter(AugmentConfig.elastic(), SIDE, SIDE, 123);
        List<float[]> inOrder = new ArrayList<>();
        for (long[] key : keys) {
            inOrder.add(augmented(first, img, key[0], key[1]));
        }
        Augmenter second = new Augmenter(AugmentConfig.elastic(), SIDE, SIDE, 123);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(4));
        for (int i : order) {
            augmented(second, img, 99, i); // unrelated calls in between change nothing
            long[] key = keys.get(i);
            assertArrayEquals(inOrder.get(i), augmented(second, img, key[0], key[1]), "key " + Arrays.toString(key));
        }
    }

    @Test
    void batchAndGatherMatchSequentialCalls() {
        List<float[]> digits = SyntheticDigits.all();
        int count = 1000; // above the parallel threshold, so the fork-join path runs
        float[] src = new float[count * N];
        for (int k = 0; k < count; k++) {
            System.arraycopy(digits.get(k % digits.size()), 0, src, k * N, N);
        }
        Augmenter aug = new Augmenter(AugmentConfig.elastic(), SIDE, SIDE, 77);
        float[] sequential = new float[count * N];
        for (int k = 0; k < count; k++) {
            aug.augment(src, k * N, sequential, k * N, 5, 500 + k);
        }
        float[] batch = new float[count * N];
        aug.augmentBatch(src, 0, batch, 0, count, 5, 500);
        assertArrayEquals(sequential, batch);

        int[] perm = new int[count];
        for (int i = 0; i < count; i++) {
            perm[i] = i;
        }
        shuffle(perm, new Random(8));
        float[] gathered = new float[(count - 100) * N];
        aug.augmentGather(src, perm, 100, count - 100, gathered, 0, 5);
        float[] one = new float[N];
        for (int k = 0; k < count - 100; k++) {
            int i = perm[100 + k];
            aug.augment(src, i * N, one, 0, 5, i);
            assertArrayEquals(one, Arrays.copyOfRange(gathered, k * N, (k + 1) * N), "gathered image " + i);
        }
    }

    @Test
    void differentEpochsIndicesAndSeedsGiveDifferentImages() {
        float[] img = SyntheticDigits.all().get(0);
        Augmenter aug = new Augmenter(AugmentConfig.elastic(), SIDE, SIDE, 1);
        List<float[]> seen = new ArrayList<>();
        for (long epoch = 0; epoch < 30; epoch++) {
            seen.add(augmented(aug, img, epoch, 17));
        }
        seen.add(augmented(aug, img, 0, 18));
        seen.add(augmented(new Augmenter(AugmentConfig.elastic(), SIDE, SIDE, 2), img, 0, 17));
        for (int i = 0; i < seen.size(); i++) {
            for (int j = i + 1; j < seen.size(); j++) {
                assertFalse(Arrays.equals(seen.get(i), seen.get(j)), "images " + i + " and " + j + " are equal");
            }
        }
    }

    @Test
    void elasticProbabilityWarpsThatShareOfImagesOnTopOfTheSameAffineMap() {
        float[] img = SyntheticDigits.all().get(1);
        Augmenter affine = new Augmenter(AugmentConfig.affine(), SIDE, SIDE, 3);
        Augmenter never = new Augmenter(AugmentConfig.elastic().withElasticProbability(0), SIDE, SIDE, 3);
        Augmenter half = new Augmenter(AugmentConfig.parse("elastic:p=0.5"), SIDE, SIDE, 3);
        Augmenter always = new Augmenter(AugmentConfig.elastic(), SIDE, SIDE, 3);
        int halfWarped = 0;
        for (int index = 0; index < 400; index++) {
            float[] plain = augmented(affine, img, 0, index);
            assertArrayEquals(plain, augmented(never, img, 0, index));
            assertFalse(Arrays.equals(plain, augmented(always, img, 0, index)), "p=1 left image " + index + " affine");
            halfWarped += Arrays.equals(plain, augmented(half, img, 0, index)) ? 0 : 1;
        }
        assertTrue(halfWarped > 150 && halfWarped < 250, "p=0.5 warped " + halfWarped + " of 400");
    }

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

    static float[] augmented(Augmenter aug, float[] img, long epoch, long index) {
        float[] out = new float[img.length];
        aug.augment(img, 0, out, 0, epoch, index);
        return out;
    }

    static double[] sorted(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s;
    }

    static double max(double[] a) {
        return Arrays.stream(a).max().orElseThrow();
    }

    static double mean(double[] a) {
        return Arrays.stream(a).average().orElseThrow();
    }

    static double sum(float[] img) {
        double s = 0;
        for (float v : img) {
            s += v;
        }
        return s;
    }

    /** (x, y) of the intensity-weighted mean position. */
    static double[] centreOfMass(float[] img) {
        double sx = 0;
        double sy = 0;
        double m = 0;
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                double v = img[y * SIDE + x];
                sx += v * x;
                sy += v * y;
                m += v;
            }
        }
        return new double[] {sx / m, sy / m};
    }

    static float[] noise(int n, long seed) {
        Random r = new Random(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextFloat();
        }
        return a;
    }

    static void shuffle(int[] a, Random r) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
