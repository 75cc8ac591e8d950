package theta.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import theta.InputException;
import theta.io.InputFiles;

/**
 * Decoding of image files into grayscale, and the one resampling kernel {@link DigitImage} needs.
 * Package-private helpers: the public entry points are in {@link DigitImage}.
 */
final class GrayImages {
    private GrayImages() {
    }

    /** A decoded grayscale image: row-major luminance in [0,1], alpha already composited. */
    record Gray(double[] pixels, int width, int height) {
    }

    /**
     * Decodes PNG/JPEG/GIF/BMP bytes. The header is read first so that an image whose pixel count
     * exceeds {@code maxPixels} is refused before its raster is allocated (a small compressed
     * file can expand to gigabytes).
     */
    static Gray decode(ImageInputStream input, String source, long maxPixels) {
        String notImage = source + ": not a PNG/JPEG image (or unreadable)";
        try (ImageInputStream iis = input) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
            if (!readers.hasNext()) {
                throw new InputException(notImage);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(iis, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > maxPixels) {
                    throw new InputException(source + ": image too large (" + reader.getWidth(0) + "x"
                            + reader.getHeight(0) + "; at most " + maxPixels + " pixels)");
                }
                return toGray(reader.read(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InputException ie) {
                throw ie;
            }
            // Decoders throw assorted runtime exceptions on corrupt data; all mean the same to the user.
            throw new InputException(notImage, e);
        }
    }

    /** In memory: no cache file is written (ImageIO's default for streams). */
    static Gray decode(byte[] encoded, String source, long maxPixels) {
        return decode(new MemoryCacheImageInputStream(new ByteArrayInputStream(encoded)), source, maxPixels);
    }

    static Gray decode(Path file, long maxPixels) {
        InputFiles.requireFile(file);
        ImageInputStream in;
        try {
            in = new FileImageInputStream(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new InputException(file + ": not a PNG/JPEG image (or unreadable)", e);
        }
        return decode(in, file.toString(), maxPixels);
    }

    /**
     * Luminance 0.299 R + 0.587 G + 0.114 B in [0,1]. Transparent pixels are composited over a
     * background that contrasts with the ink: a transparent PNG with black strokes has no colour
     * behind the strokes, so compositing over black would erase them.
     */
    static Gray toGray(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        double[] lum = new double[w * h];
        double[] alpha = new double[w * h];
        readLuminance(img, lum, alpha);
        double opaqueLum = 0;
        double opaque = 0;
        boolean transparent = false;
        for (int i = 0; i < lum.length; i++) {
            opaqueLum += alpha[i] * lum[i];
            opaque += alpha[i];
            transparent |= alpha[i] < 1;
        }
        if (transparent) {
            double background = opaque > 0 && opaqueLum / opaque < 0.5 ? 1.0 : 0.0;
            for (int i = 0; i < lum.length; i++) {
                lum[i] = alpha[i] * lum[i] + (1 - alpha[i]) * background;
            }
        }
        return new Gray(lum, w, h);
    }

    /**
     * Gray images are read from the raster: {@code getRGB} would pass their samples through a
     * linear-to-sRGB conversion and brighten every mid-tone.
     */
    static void readLuminance(BufferedImage img, double[] lum, double[] alpha) {
        int w = img.getWidth();
        int h = img.getHeight();
        Raster raster = img.getRaster();
        boolean gray = img.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY
                && raster.getNumBands() <= 2;
        if (gray) {
            double maxV = (1 << img.getColorModel().getComponentSize(0)) - 1;
            boolean hasAlpha = raster.getNumBands() == 2;
            double maxA = hasAlpha ? (1 << img.getColorModel().getComponentSize(1)) - 1 : 1;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    lum[y * w + x] = raster.getSample(x, y, 0) / maxV;
                    alpha[y * w + x] = hasAlpha ? raster.getSample(x, y, 1) / maxA : 1.0;
                }
            }
            return;
        }
        if (plainRgb(img)) {
            // 8-bit sRGB samples are what getRGB would return, read a row at a time without its
            // per-pixel colour-model call (which took most of a 280x280 drawing's preparation).
            int bands = raster.getNumBands();
            if (raster.getSampleModel() instanceof java.awt.image.PixelInterleavedSampleModel sm
                    && raster.getDataBuffer() instanceof java.awt.image.DataBufferByte data
                    && data.getNumBanks() == 1 && raster.getParent() == null) {
                // Bytes interleaved in one array (what ImageIO makes of PNG and JPEG): read it directly.
                byte[] bytes = data.getData();
                int[] offset = sm.getBandOffsets();
                int stride = sm.getPixelStride();
                for (int y = 0; y < h; y++) {
                    int at = data.getOffset() + y * sm.getScanlineStride();
                    for (int x = 0; x < w; x++, at += stride) {
                        lum[y * w + x] = (0.299 * (bytes[at + offset[0]] & 255) + 0.587 * (bytes[at + offset[1]] & 255)
                                + 0.114 * (bytes[at + offset[2]] & 255)) / 255.0;
                        alpha[y * w + x] = bands == 4 ? (bytes[at + offset[3]] & 255) / 255.0 : 1.0;
                    }
                }
                return;
            }
            int[] samples = new int[w * bands];
            for (int y = 0; y < h; y++) {
                raster.getPixels(0, y, w, 1, samples);
                for (int x = 0, k = 0; x < w; x++, k += bands) {
                    lum[y * w + x] = (0.299 * samples[k] + 0.587 * samples[k + 1] + 0.114 * samples[k + 2]) / 255.0;
                    alpha[y * w + x] = bands == 4 ? samples[k + 3] / 255.0 : 1.0;
                }
            }
            return;
        }
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                lum[y * w + x] = (0.299 * ((argb >> 16) & 255) + 0.587 * ((argb >> 8) & 255)
                        + 0.114 * (argb & 255)) / 255.0;
                alpha[y * w + x] = ((argb >>> 24) & 255) / 255.0;
            }
        }
    }

    /**
     * Whether the raster holds 8-bit sRGB red, green, blue (and straight alpha) samples, the case
     * where they equal what {@link BufferedImage#getRGB} returns (PNG, JPEG and BMP colour images).
     */
    static boolean plainRgb(BufferedImage img) {
        java.awt.image.ColorModel cm = img.getColorModel();
        int bands = img.getRaster().getNumBands();
        if (!(cm instanceof java.awt.image.ComponentColorModel || cm instanceof java.awt.image.DirectColorModel)
                || !cm.getColorSpace().isCS_sRGB() || cm.isAlphaPremultiplied()
                || cm.getNumComponents() != bands || !(bands == 3 || bands == 4 && cm.hasAlpha())) {
            return false;
        }
        for (int size : cm.getComponentSize()) {
            if (size != 8) {
                return false;
            }
        }
        return true;
    }

    /**
     * Resizes a {@code w x h} image to {@code ow x oh}, separably. Shrinking averages the source
     * area under each output pixel (anti-aliased, as MNIST's size normalisation); enlarging
     * interpolates linearly. A factor of exactly 1 is the identity.
     */
    static double[] resize(double[] src, int w, int h, int ow, int oh) {
        double[][] wx = weights(w, ow);
        double[][] wy = weights(h, oh);
        double[] rows = new double[h * ow];
        for (int y = 0; y < h; y++) {
            for (int ox = 0; ox < ow; ox++) {
                double s = 0;
                for (int x = 0; x < w; x++) {
                    s += wx[ox][x] * src[y * w + x];
                }
                rows[y * ow + ox] = s;
            }
        }
        double[] out = new double[oh * ow];
        for (int oy = 0; oy < oh; oy++) {
            for (int y = 0; y < h; y++) {
                double wgt = wy[oy][y];
                if (wgt != 0) {
                    for (int ox = 0; ox < ow; ox++) {
                        out[oy * ow + ox] += wgt * rows[y * ow + ox];
                    }
                }
            }
        }
        return out;
    }

    /** Row k: the weights of the n input samples in output sample k; each row sums to 1. */
    static double[][] weights(int n, int m) {
        double scale = (double) m / n;
        double[][] wt = new double[m][n];
        for (int k = 0; k < m; k++) {
            if (scale <= 1) {
                // Output k covers input interval [k/scale, (k+1)/scale); weight = overlap * scale.
                double lo = k / scale;
                double hi = (k + 1) / scale;
                for (int i = (int) Math.floor(lo); i < Math.min(n, Math.ceil(hi)); i++) {
                    wt[k][i] = (Math.min(hi, i + 1) - Math.max(lo, i)) * scale;
                }
            } else {
                // Centre of output k in input coordinates, then linear interpolation (clamped edges).
                double c = Math.min(n - 1, Math.max(0, (k + 0.5) / scale - 0.5));
                int i0 = (int) Math.floor(c);
                int i1 = Math.min(n - 1, i0 + 1);
                double f = c - i0;
                wt[k][i0] += 1 - f;
                wt[k][i1] += f;
            }
        }
        return wt;
    }
}
