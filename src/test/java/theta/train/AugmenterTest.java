package theta.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static theta.train.TestImages.N;
import static theta.train.TestImages.SIDE;
import static theta.train.TestImages.augmented;
import static theta.train.TestImages.noise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Exactness, value range, reproducibility and the batch entry points. */
class AugmenterTest {
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
        List<float[]> images = new ArrayList<>(TestImages.digits());
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
    void sameSeedEpochIndexGivesSameImageWhateverTheCallOrder() {
        float[] img = TestImages.digits().get(2);
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
        float[] inPlace = img.clone();
        second.augment(inPlace, 0, inPlace, 0, keys.get(5)[0], keys.get(5)[1]);
        assertArrayEquals(inOrder.get(5), inPlace, "augmenting in place");
    }

    @Test
    void batchAndGatherMatchSequentialCalls() {
        List<float[]> digits = TestImages.digits();
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
        float[] img = TestImages.digits().get(0);
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
        float[] img = TestImages.digits().get(1);
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

    static void shuffle(int[] a, Random r) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
