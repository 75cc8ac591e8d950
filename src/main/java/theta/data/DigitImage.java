package theta.data;

import java.nio.file.Path;

import theta.InputException;

/**
 * Turns a picture of one digit into the 28x28 format of MNIST, the way MNIST's own digits were
 * made: a white digit on black, its bounding box scaled (anti-aliased) so that the larger side
 * is 20 pixels, placed in a 28x28 frame with its centre of mass at the centre.
 *
 * <p>The steps of {@link #fromGray}:
 * <ol>
 * <li>polarity: the median of the border pixels is the background; if it is bright the image
 *     is inverted, so that ink is bright;</li>
 * <li>contrast: {@code v = clamp((g - background) / (max - background), 0, 1)};</li>
 * <li>bounding box of the ink: pixels with {@code v > INK_THRESHOLD} (v is relative to the max);</li>
 * <li>the box is resized so that its larger side is {@code BOX} pixels, keeping the aspect ratio;</li>
 * <li>it is placed in the {@code SIDE x SIDE} frame so that its centre of mass (in pixel index
 *     coordinates, as measured on MNIST: the mean is (14.0, 14.0)) lands at the centre, shifted by
 *     whole pixels (rounded) and clamped inside the frame.</li>
 * </ol>
 */
public final class DigitImage {
    /** Side of the output frame. */
    public static final int SIDE = 28;
    /** Larger side of the digit's box inside the frame. */
    public static final int BOX = 20;
    /** Images with more pixels are refused before decoding (a 4096 x 4096 photo still fits). */
    public static final long MAX_FILE_PIXELS = 1L << 24;
    /** Ink: normalised value above this fraction of the maximum. */
    static final double INK_THRESHOLD = 0.05;
    /** Max minus background below this (about 13/255) counts as a blank image. */
    static final double MIN_CONTRAST = 0.05;

    private DigitImage() {
    }

    /** Reads a PNG/JPEG/GIF/BMP file of any size and returns 784 values in [0,1], row-major. */
    public static float[] fromFile(Path file) {
        GrayImages.Gray g = GrayImages.decode(file, MAX_FILE_PIXELS);
        return fromGray(g.pixels(), g.width(), g.height(), file.toString());
    }

    /**
     * Decodes an encoded image (PNG, JPEG, GIF, BMP) held in memory; {@code source} names it in
     * error messages. Images with more than {@code maxPixels} pixels are refused undecoded.
     */
    public static float[] fromBytes(byte[] encoded, String source, long maxPixels) {
        GrayImages.Gray g = GrayImages.decode(encoded, source, maxPixels);
        return fromGray(g.pixels(), g.width(), g.height(), source);
    }

    /**
     * MNIST's preprocessing of a grayscale image, row-major, values in [0,1] (either polarity).
     * Returns 784 values in [0,1], row-major, white digit on black. The input is not modified.
     *
     * @throws InputException if the sizes disagree or the image is blank
     */
    public static float[] fromGray(double[] gray, int width, int height) {
        return fromGray(gray, width, height, "image");
    }

    static float[] fromGray(double[] gray, int width, int height, String source) {
        if (width <= 0 || height <= 0 || (long) width * height != gray.length) {
            throw new InputException(source + ": " + gray.length + " pixels do not make a "
                    + width + "x" + height + " image");
        }
        double[] v = normalise(gray, width, height, source);
        Box box = inkBox(v, width, height);
        int bw = box.x1() - box.x0() + 1;
        int bh = box.y1() - box.y0() + 1;
        double scale = (double) BOX / Math.max(bw, bh);
        int ow = Math.max(1, Math.min(BOX, (int) Math.round(bw * scale)));
        int oh = Math.max(1, Math.min(BOX, (int) Math.round(bh * scale)));
        double[] crop = new double[bw * bh];
        for (int y = 0; y < bh; y++) {
            System.arraycopy(v, (box.y0() + y) * width + box.x0(), crop, y * bw, bw);
        }
        return centre(GrayImages.resize(crop, bw, bh, ow, oh), ow, oh);
    }

    /** Polarity and contrast: returns a new array, ink bright, background 0, max 1. */
    private static double[] normalise(double[] gray, int w, int h, String source) {
        double[] g = new double[gray.length];
        for (int i = 0; i < g.length; i++) {
            double x = gray[i];
            if (!(x >= 0 && x <= 1)) {
                throw new InputException(source + ": pixel " + i + " is " + x + ", not in [0,1]");
            }
            g[i] = x;
        }
        double background = borderMedian(g, w, h);
        if (background > 0.5) {
            for (int i = 0; i < g.length; i++) {
                g[i] = 1 - g[i];
            }
            background = 1 - background;
        }
        double max = 0;
        for (double x : g) {
            max = Math.max(max, x);
        }
        if (max - background < MIN_CONTRAST) {
            throw new InputException(source + ": no digit found (the image is blank)");
        }
        for (int i = 0; i < g.length; i++) {
            g[i] = Math.min(1, Math.max(0, (g[i] - background) / (max - background)));
        }
        return g;
    }

    /** The median of the pixels on the image's outer frame: the background level. */
    static double borderMedian(double[] g, int w, int h) {
        int n = h == 1 || w == 1 ? w * h : 2 * w + 2 * (h - 2);
        double[] border = new double[n];
        int k = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (y == 0 || y == h - 1 || x == 0 || x == w - 1) {
                    border[k++] = g[y * w + x];
                }
            }
        }
        java.util.Arrays.sort(border);
        return n % 2 == 1 ? border[n / 2] : (border[n / 2 - 1] + border[n / 2]) / 2;
    }

    /** Inclusive pixel bounds. */
    private record Box(int x0, int y0, int x1, int y1) {
    }

    /** The bounds of the pixels above the ink threshold (there is at least one). */
    private static Box inkBox(double[] v, int w, int h) {
        int x0 = w;
        int y0 = h;
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (v[y * w + x] > INK_THRESHOLD) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return new Box(x0, y0, x1, y1);
    }

    /** Places a {@code w x h} patch so that its centre of mass is at (SIDE/2, SIDE/2). */
    private static float[] centre(double[] patch, int w, int h) {
        double mass = 0;
        double mx = 0;
        double my = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double p = patch[y * w + x];
                mass += p;
                mx += p * x;
                my += p * y;
            }
        }
        int ox = clamp((int) Math.round(SIDE / 2.0 - mx / mass), 0, SIDE - w);
        int oy = clamp((int) Math.round(SIDE / 2.0 - my / mass), 0, SIDE - h);
        float[] out = new float[SIDE * SIDE];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[(oy + y) * SIDE + ox + x] = (float) Math.min(1, Math.max(0, patch[y * w + x]));
            }
        }
        return out;
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
