package theta.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The real MNIST files: counts, first labels, the default split, compact storage. */
class MnistTest {
    @Test
    void fullFilesHaveTheKnownCountsAndFirstLabels() {
        Path dir = Mnist.ensure(line -> System.err.println("[mnist] " + line));
        IdxFolder files = IdxFolder.find(dir);
        Dataset train = files.train("MNIST train", LabelConvention.ZERO_BASED);
        Dataset test = files.test("MNIST test", LabelConvention.ZERO_BASED);
        assertEquals(60_000, train.size());
        assertEquals(10_000, test.size());
        assertArrayEquals(new int[] {5, 0, 4, 1, 9, 2, 1, 3, 1, 4}, Arrays.copyOf(train.labels(), 10));
        assertArrayEquals(new int[] {7, 2, 1, 0, 4, 1, 4, 9, 5, 9}, Arrays.copyOf(test.labels(), 10));
        assertEquals(28, train.rows());
        assertEquals(28, train.cols());
        assertEquals(10, train.classes());
        assertTrue(train.isBytes(), "stored as bytes: 47 MB, not 188 MB of floats");
        List<FileChecksum> shipped = FileChecksum.resource("mnist.sha256");
        for (String line : train.checksums()) {
            assertTrue(shipped.stream().anyMatch(c -> c.line().equals(line)), line);
        }
    }

    @Test
    void defaultSplitIs50kTrain10kValidation10kTest() {
        Splits s = MnistFixture.mnist();
        assertEquals(50_000, s.train().size());
        assertEquals(10_000, s.validation().size());
        assertEquals(10_000, s.test().size());
        assertEquals(5, s.train().label(0));
        assertEquals(7, s.test().label(0));
        assertEquals("MNIST validation", s.validation().name());
        // Reference values read from the files with Python: the pixel sums of the first training
        // and test images, and the pixel at row 14, column 14 of the first training image.
        assertEquals(27525, pixelSum(s.train(), 0));
        assertEquals(18454, pixelSum(s.test(), 0));
        assertEquals(240, s.train().rawByte(0, 14 * 28 + 14));
        assertEquals(240 / 255f, s.train().value(0, 14 * 28 + 14));
        assertEquals(0f, s.train().value(0, 0));
    }

    @Test
    void pixelStatisticsMatchTheWellKnownValues() {
        // The usual normalisation constants for MNIST's 60,000 training images: 0.1307 and 0.3081.
        Dataset train = IdxFolder.find(Mnist.ensure(line -> { })).train("t", LabelConvention.ZERO_BASED);
        DatasetStats st = DatasetStats.of(train);
        assertEquals(0.1307, st.pixelMean(), 5e-5);
        assertEquals(0.3081, st.pixelStd(), 5e-5);
        assertEquals(6742, st.labelCounts()[1]);
    }

    private static int pixelSum(Dataset d, int i) {
        int sum = 0;
        for (int j = 0; j < d.features(); j++) {
            sum += d.rawByte(i, j);
        }
        return sum;
    }
}
