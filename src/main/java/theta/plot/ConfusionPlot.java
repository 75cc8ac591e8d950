package theta.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.Locale;

import theta.eval.Evaluation;

/**
 * The confusion matrix as a heat map with its counts written in the cells: rows are the actual
 * class, columns the predicted one. The colour follows log(1 + count), so that the few mistakes
 * off the diagonal show beside the thousands on it.
 */
public final class ConfusionPlot {
    static final int CELL = 54;
    static final int LEFT = 90;
    static final int TOP = 92;
    static final int RIGHT = 24;
    static final int BOTTOM = 44;
    private static final Color HIGH = new Color(8, 48, 107);

    private ConfusionPlot() {}

    /** Left edge of column {@code predicted}. */
    public static int cellX(int predicted) {
        return LEFT + predicted * CELL;
    }

    /** Top edge of row {@code actual}. */
    public static int cellY(int actual) {
        return TOP + actual * CELL;
    }

    /** The fill of a cell holding {@code count} when the largest count is {@code max}: white to dark blue. */
    public static Color colour(int count, int max) {
        double t = max <= 0 ? 0 : Math.log1p(count) / Math.log1p(max);
        return new Color(mix(255, HIGH.getRed(), t), mix(255, HIGH.getGreen(), t), mix(255, HIGH.getBlue(), t));
    }

    private static int mix(int a, int b, double t) {
        return (int) Math.round(a + (b - a) * t);
    }

    public static BufferedImage draw(Evaluation e, String title) {
        int[][] m = e.confusion();
        int k = m.length;
        int max = 0;
        for (int[] row : m) {
            for (int c : row) {
                max = Math.max(max, c);
            }
        }
        BufferedImage img = new BufferedImage(LEFT + k * CELL + RIGHT, TOP + k * CELL + BOTTOM, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Charts.canvas(img);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, 8, 20);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(String.format(Locale.ROOT, "%s: %d images, accuracy %.2f%%; colour ~ log(1 + count)",
                e.dataset(), e.size(), 100 * e.accuracy()), 8, 38);
        Font axis = new Font(Font.SANS_SERIF, Font.BOLD, 13);
        Font tick = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        g.setFont(axis);
        centred(g, "predicted class", LEFT + k * CELL / 2, TOP - 30);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        centred(g, "actual class", -(TOP + k * CELL / 2), 28);
        g.setTransform(saved);
        g.setFont(tick);
        for (int i = 0; i < k; i++) {
            centred(g, Integer.toString(i), cellX(i) + CELL / 2, TOP - 8);
            centred(g, Integer.toString(i), LEFT - 18, cellY(i) + CELL / 2 + 5);
        }
        Font count = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        Font diagonal = new Font(Font.SANS_SERIF, Font.BOLD, 13);
        for (int a = 0; a < k; a++) {
            for (int p = 0; p < k; p++) {
                Color fill = colour(m[a][p], max);
                g.setColor(fill);
                g.fillRect(cellX(p), cellY(a), CELL, CELL);
                g.setColor(luminance(fill) < 0.5 ? Color.WHITE : m[a][p] == 0 ? new Color(170, 170, 170) : Color.BLACK);
                g.setFont(a == p ? diagonal : count);
                centred(g, Integer.toString(m[a][p]), cellX(p) + CELL / 2, cellY(a) + CELL / 2 + 5);
            }
        }
        g.setColor(new Color(200, 200, 200));
        for (int i = 0; i <= k; i++) {
            g.drawLine(cellX(0), cellY(i), cellX(k), cellY(i));
            g.drawLine(cellX(i), cellY(0), cellX(i), cellY(k));
        }
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString("rows: actual, columns: predicted; the diagonal holds the correct predictions", LEFT,
                TOP + k * CELL + 26);
        g.dispose();
        return img;
    }

    private static double luminance(Color c) {
        return (0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue()) / 255;
    }

    static void centred(Graphics2D g, String s, int cx, int baseline) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(s, cx - fm.stringWidth(s) / 2, baseline);
    }
}
