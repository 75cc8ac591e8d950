package theta.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.SplittableRandom;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** Colour images read from their raster give exactly what the per-pixel getRGB path gives. */
class GrayImagesTest {
    /** The slow, obvious twin: getRGB per pixel, then the luminance and alpha formulas. */
    static void viaGetRgb(BufferedImage img, double[] lum, double[] alpha) {
        int w = img.getWidth();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < w; x++) {
                int argb = img.getRGB(x, y);
                lum[y * w + x] = (0.299 * ((argb >> 16) & 255) + 0.587 * ((argb >> 8) & 255) + 0.114 * (argb & 255)) / 255.0;
                alpha[y * w + x] = ((argb >>> 24) & 255) / 255.0;
            }
        }
    }

    static BufferedImage random(int type, SplittableRandom rng) {
        BufferedImage img = new BufferedImage(37, 23, type);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                img.setRGB(x, y, rng.nextInt());
            }
        }
        return img;
    }

    static void assertSame(BufferedImage img, String what) {
        int n = img.getWidth() * img.getHeight();
        double[] lum = new double[n];
        double[] alpha = new double[n];
        double[] lumExpected = new double[n];
        double[] alphaExpected = new double[n];
        GrayImages.readLuminance(img, lum, alpha);
        viaGetRgb(img, lumExpected, alphaExpected);
        assertArrayEquals(lumExpected, lum, what);
        assertArrayEquals(alphaExpected, alpha, what);
    }

    @Test
    void everyColourImageTypeReadsAsGetRgbWouldReadIt() throws Exception {
        SplittableRandom rng = new SplittableRandom(7);
        int[] types = {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_BGR,
            BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_INT_ARGB_PRE,
            BufferedImage.TYPE_4BYTE_ABGR_PRE, BufferedImage.TYPE_USHORT_565_RGB, BufferedImage.TYPE_BYTE_INDEXED};
        for (int type : types) {
            BufferedImage img = random(type, rng);
            assertSame(img, "type " + type);
            assertSame(img.getSubimage(3, 2, 20, 10), "part of an image of type " + type);
            // As ImageIO decodes it from PNG (its own colour models and sample layouts).
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(img, "png", png);
            assertSame(ImageIO.read(new ByteArrayInputStream(png.toByteArray())), "type " + type + " through PNG");
        }
        assertEquals(true, GrayImages.plainRgb(random(BufferedImage.TYPE_4BYTE_ABGR, rng)), "the fast path is tried");
        assertEquals(false, GrayImages.plainRgb(random(BufferedImage.TYPE_INT_ARGB_PRE, rng)));
    }
}
