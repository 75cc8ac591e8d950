package theta.train;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Images and measurements for the augmentation tests: digit-like 28x28 images drawn as thick
 * anti-aliased polylines (stroke about 3 px wide, values in [0,1], centred by mass like MNIST) for
 * tests and benchmarks that must run without the data set, the real MNIST test images when they
 * have been fetched, and small statistics.
 */
final class TestImages {
    static final int SIDE = 28;
    static final int N = SIDE * SIDE;
    private static final double HALF_WIDTH = 1.5;

    private TestImages() {
    }

    /** Seven shapes: 0, 1, 2, 4, 7, L and a slanted 1; a fresh list of fresh arrays each call. */
    static List<float[]> digits() {
        List<float[]> d = new ArrayList<>();
        d.add(draw(ellipse(14, 14, 5.5, 8, 32)));
        d.add(draw(new double[] {15, 5, 13, 23}));
        d.add(draw(new double[] {8, 9, 11, 6, 16, 5, 19, 8, 18, 12, 9, 22, 20, 22}));
        d.add(draw(new double[] {17, 22, 17, 5, 8, 17, 21, 17}));
        d.add(draw(new double[] {8, 6, 20, 6, 12, 22}));
        d.add(draw(new double[] {10, 5, 10, 22, 19, 22}));
        d.add(draw(new double[] {17, 5, 11, 23}));
        return d;
    }

    /** Closed polyline around an ellipse, as x0,y0,x1,y1,... */
    private static double[] ellipse(double cx, double cy, double rx, double ry, int segments) {
        double[] p = new double[2 * (segments + 1)];
        for (int i = 0; i <= segments; i++) {
            double t = 2 * Math.PI * i / segments;
            p[2 * i] = cx + rx * Math.cos(t);
            p[2 * i + 1] = cy + ry * Math.sin(t);
        }
        return p;
    }

    /** The polyline drawn, then moved so its centre of mass is the image centre (as in MNIST). */
    private static float[] draw(double[] xy) {
        float[] img = render(xy);
        double sx = 0;
        double sy = 0;
        double m = 0;
        for (int i = 0; i < img.length; i++) {
            sx += img[i] * (i % SIDE);
            sy += img[i] * (i / SIDE);
            m += img[i];
        }
        double[] moved = xy.clone();
        for (int i = 0; i < moved.length; i += 2) {
            moved[i] += (SIDE - 1) / 2.0 - sx / m;
            moved[i + 1] += (SIDE - 1) / 2.0 - sy / m;
        }
        return render(moved);
    }

    /** Intensity 1 within HALF_WIDTH of the polyline, fading linearly to 0 over the next pixel. */
    private static float[] render(double[] xy) {
        float[] img = new float[SIDE * SIDE];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                double d = Double.MAX_VALUE;
                for (int i = 0; i + 3 < xy.length; i += 2) {
                    d = Math.min(d, segmentDistance(x, y, xy[i], xy[i + 1], xy[i + 2], xy[i + 3]));
                }
                img[y * SIDE + x] = (float) Math.min(1, Math.max(0, HALF_WIDTH + 1 - d));
            }
        }
        return img;
    }

    private static double segmentDistance(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double t = ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy);
        t = Math.max(0, Math.min(1, t));
        return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
    }

    /** The first {@code limit} images of an IDX3 file of 28x28 unsigned bytes, scaled to [0,1]. */
    static List<float[]> readIdxImages(Path file, int limit) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != 0x803) {
                throw new IOException(file + ": not an IDX3 file of unsigned bytes");
            }
            int count = in.readInt();
            if (in.readInt() != SIDE || in.readInt() != SIDE) {
                throw new IOException(file + ": images are not " + SIDE + "x" + SIDE);
            }
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
}
