package theta.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import theta.InputException;

class DigitImageTest {
    private static final Path MNIST_TEST_IMAGES = Path.of("data/mnist/t10k-images-idx3-ubyte");

    @TempDir
    Path dir;

    /** A thick '7' (a bar and a diagonal), ink and paper colours given, on a 200x300 canvas. */
    static BufferedImage seven(int type, Color ink, Color paper, int dx, int dy, double size) {
        BufferedImage img = new BufferedImage(200, 300, type);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setComposite(java.awt.AlphaComposite.Src);
        g.setColor(paper);
        g.fillRect(0, 0, 200, 300);
        g.setColor(ink);
        g.translate(dx, dy);
        g.scale(size, size);
        g.setStroke(new BasicStroke(28, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawPolyline(new int[] {40, 160, 85}, new int[] {50, 50, 260}, 3);
        g.dispose();
        return img;
    }

    static BufferedImage blackOnWhite() {
        return seven(BufferedImage.TYPE_INT_RGB, Color.BLACK, Color.WHITE, 0, 0, 1);
    }

    Path write(BufferedImage img, String format, String name) throws IOException {
        Path p = dir.resolve(name);
        assertTrue(ImageIO.write(img, format, p.toFile()), "no writer for " + format);
        return p;
    }

    /** Shape checks every output must pass: MNIST's frame, box and centring. */
    static void assertMnistShaped(float[] d) {
        assertEquals(784, d.length);
        double mass = 0;
        double mx = 0;
        double my = 0;
        int x0 = 28;
        int y0 = 28;
        int x1 = -1;
        int y1 = -1;
        float max = 0;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                float v = d[y * 28 + x];
                assertTrue(v >= 0 && v <= 1, "value " + v + " outside [0,1]");
                mass += v;
                mx += v * x;
                my += v * y;
                max = Math.max(max, v);
                if (v > 0) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        assertTrue(max > 0.9, "ink is bright (white digit on black), max " + max);
        assertEquals(14, mx / mass, 1.0, "centre of mass x");
        assertEquals(14, my / mass, 1.0, "centre of mass y");
        int side = Math.max(x1 - x0 + 1, y1 - y0 + 1);
        assertTrue(side >= 18 && side <= 20, "larger side of the box is " + side);
        assertEquals(0, DigitImage.borderMedian(toDouble(d), 28, 28), "background is black");
    }

    static double meanAbsDiff(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.abs(a[i] - b[i]);
        }
        return s / a.length;
    }

    static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    @Test
    void blackOnWhitePngBecomesWhiteOnBlackCentredDigit() throws IOException {
        float[] d = DigitImage.fromFile(write(blackOnWhite(), "png", "seven.png"));
        assertMnistShaped(d);
        // Upright, not mirrored or turned: the first row with ink is the bar of the 7.
        int first = 0;
        while (rowInk(d, first) == 0) {
            first++;
        }
        assertTrue(rowInk(d, first) + rowInk(d, first + 1) > 15, "the bar of the 7 is at the top");
        assertTrue(rowInk(d, first + 10) < 5, "the stem is narrow");
    }

    /** Sum of the ink in row y of a 28x28 image. */
    static double rowInk(float[] d, int y) {
        double s = 0;
        for (int x = 0; x < 28; x++) {
            s += d[y * 28 + x];
        }
        return s;
    }

    @Test
    void invertedInputGivesTheSameOutput() throws IOException {
        float[] dark = DigitImage.fromFile(write(blackOnWhite(), "png", "a.png"));
        float[] light = DigitImage.fromFile(write(
                seven(BufferedImage.TYPE_INT_RGB, Color.WHITE, Color.BLACK, 0, 0, 1), "png", "b.png"));
        assertMnistShaped(light);
        assertTrue(meanAbsDiff(dark, light) < 0.01, "diff " + meanAbsDiff(dark, light));
    }

    @Test
    void transparentPngWithBlackStrokesIsCompositedOverPaper() throws IOException {
        // Transparent background whose colour channels are black: naive compositing erases the ink.
        BufferedImage img = seven(BufferedImage.TYPE_INT_ARGB, Color.BLACK, new Color(0, 0, 0, 0), 0, 0, 1);
        float[] d = DigitImage.fromFile(write(img, "png", "t.png"));
        assertMnistShaped(d);
        float[] opaque = DigitImage.fromFile(write(blackOnWhite(), "png", "o.png"));
        assertTrue(meanAbsDiff(d, opaque) < 0.01, "diff " + meanAbsDiff(d, opaque));
    }

    @Test
    void jpegGivesNearlyThePngResult() throws IOException {
        float[] jpeg = DigitImage.fromFile(write(blackOnWhite(), "jpeg", "s.jpg"));
        assertMnistShaped(jpeg);
        float[] png = DigitImage.fromFile(write(blackOnWhite(), "png", "s.png"));
        assertTrue(meanAbsDiff(jpeg, png) < 0.03, "diff " + meanAbsDiff(jpeg, png));
    }

    @Test
    void smallOffCentreDigitIsEnlargedAndCentred() throws IOException {
        BufferedImage img = seven(BufferedImage.TYPE_INT_RGB, Color.BLACK, Color.WHITE, 10, 5, 0.25);
        float[] d = DigitImage.fromFile(write(img, "bmp", "small.bmp"));
        assertMnistShaped(d);
        float[] large = DigitImage.fromFile(write(blackOnWhite(), "png", "large.png"));
        assertTrue(meanAbsDiff(d, large) < 0.05, "diff " + meanAbsDiff(d, large));
    }

    @Test
    void garbageBytesAreNotAnImage() throws IOException {
        Path p = dir.resolve("garbage.png");
        Files.write(p, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        InputException e = assertThrows(InputException.class, () -> DigitImage.fromFile(p));
        assertEquals(p + ": not a PNG/JPEG image (or unreadable)", e.getMessage());
        Path missing = dir.resolve("missing.png");
        e = assertThrows(InputException.class, () -> DigitImage.fromFile(missing));
        assertEquals(missing + ": no such file", e.getMessage());
    }

    @Test
    void truncatedPngIsNotAnImage() throws IOException {
        byte[] png = Files.readAllBytes(write(blackOnWhite(), "png", "full.png"));
        Path p = dir.resolve("cut.png");
        Files.write(p, java.util.Arrays.copyOf(png, 60));
        InputException e = assertThrows(InputException.class, () -> DigitImage.fromFile(p));
        assertEquals(p + ": not a PNG/JPEG image (or unreadable)", e.getMessage());
    }

    @Test
    void blankImageIsRefused() throws IOException {
        BufferedImage img = new BufferedImage(50, 40, BufferedImage.TYPE_INT_RGB);
        Path p = write(img, "png", "blank.png");
        InputException e = assertThrows(InputException.class, () -> DigitImage.fromFile(p));
        assertEquals(p + ": no digit found (the image is blank)", e.getMessage());
        double[] white = new double[30 * 30];
        java.util.Arrays.fill(white, 1.0);
        e = assertThrows(InputException.class, () -> DigitImage.fromGray(white, 30, 30));
        assertEquals("image: no digit found (the image is blank)", e.getMessage());
    }

    @Test
    void oversizedImageIsRefusedBeforeDecoding() throws IOException {
        byte[] png = Files.readAllBytes(write(blackOnWhite(), "png", "big.png"));
        InputException e = assertThrows(InputException.class,
                () -> DigitImage.fromBytes(png, "upload", 100 * 100));
        assertEquals("upload: image too large (200x300; at most 10000 pixels)", e.getMessage());
        assertMnistShaped(DigitImage.fromBytes(png, "upload", 200 * 300));
    }

    @Test
    void wrongSizesAndValuesAreRefused() {
        assertThrows(InputException.class, () -> DigitImage.fromGray(new double[10], 3, 3));
        assertThrows(InputException.class, () -> DigitImage.fromGray(new double[0], 0, 0));
        double[] nan = new double[9];
        nan[4] = Double.NaN;
        InputException e = assertThrows(InputException.class, () -> DigitImage.fromGray(nan, 3, 3));
        assertEquals("image: pixel 4 is NaN, not in [0,1]", e.getMessage());
    }

    @Test
    void fromGrayLeavesItsInputAlone() {
        double[] g = new double[40 * 40];
        for (int y = 10; y < 30; y++) {
            g[y * 40 + 20] = 0.8;
        }
        double[] copy = g.clone();
        assertMnistShaped(DigitImage.fromGray(g, 40, 40));
        assertArrayEquals(copy, g);
    }

    /** MNIST digits were made by this very procedure, so they must come back nearly unchanged. */
    @Test
    void mnistDigitsWrittenAsPngComeBackNearlyUnchanged() throws IOException {
        List<float[]> digits = mnistLikeDigits(100);
        double total = 0;
        for (int k = 0; k < digits.size(); k++) {
            float[] digit = digits.get(k);
            BufferedImage img = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
            for (int i = 0; i < 784; i++) {
                img.getRaster().setSample(i % 28, i / 28, 0, Math.round(digit[i] * 255));
            }
            float[] back = DigitImage.fromFile(write(img, "png", "mnist" + k + ".png"));
            double diff = meanAbsDiff(digit, back);
            assertTrue(diff < 0.01, "digit " + k + " changed by " + diff);
            total += diff;
        }
        assertTrue(total / digits.size() < 0.002, "mean abs diff " + total / digits.size());
    }

    /**
     * The first n digits of MNIST's test set when data/mnist holds it; otherwise MNIST-like digits
     * made from drawn sevens of several shapes (so the round trip is still exercised).
     */
    static List<float[]> mnistLikeDigits(int n) throws IOException {
        List<float[]> out = new ArrayList<>();
        if (Files.isRegularFile(MNIST_TEST_IMAGES)) {
            byte[] b = Files.readAllBytes(MNIST_TEST_IMAGES);
            for (int k = 0; k < n; k++) {
                float[] d = new float[784];
                for (int i = 0; i < 784; i++) {
                    d[i] = (b[16 + k * 784 + i] & 255) / 255f;
                }
                out.add(d);
            }
            return out;
        }
        for (int k = 0; k < 12; k++) {
            BufferedImage img = seven(BufferedImage.TYPE_INT_RGB, Color.BLACK, Color.WHITE,
                    k * 3, k * 2, 0.5 + 0.04 * k);
            double[] g = new double[200 * 300];
            for (int i = 0; i < g.length; i++) {
                g[i] = (img.getRGB(i % 200, i / 200) & 255) / 255.0;
            }
            float[] d = DigitImage.fromGray(g, 200, 300);
            for (int i = 0; i < d.length; i++) {
                d[i] = Math.round(d[i] * 255) / 255f;
            }
            out.add(d);
        }
        return out;
    }

    @Test
    void resizeWeightsSumToOneAndScaleOneIsIdentity() {
        for (int[] nm : new int[][] {{300, 20}, {7, 20}, {20, 20}, {21, 20}, {1, 5}}) {
            double[][] w = GrayImages.weights(nm[0], nm[1]);
            for (double[] row : w) {
                double s = 0;
                for (double x : row) {
                    assertTrue(x >= 0);
                    s += x;
                }
                assertEquals(1, s, 1e-12, "weights " + nm[0] + "->" + nm[1]);
            }
        }
        double[] src = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6};
        assertArrayEquals(src, GrayImages.resize(src, 3, 2, 3, 2), 0);
        // Shrinking 4 -> 2 averages pairs.
        assertArrayEquals(new double[] {0.15, 0.35}, GrayImages.resize(new double[] {0.1, 0.2, 0.3, 0.4}, 4, 1, 2, 1), 1e-12);
    }
}
