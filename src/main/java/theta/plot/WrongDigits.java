package theta.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

import theta.data.Dataset;
import theta.eval.Evaluation;

/** The most confidently wrong images as a grid, each captioned with its label, the prediction and its probability. */
public final class WrongDigits {
    static final int SCALE = 4;
    static final int PAD = 4;
    static final int CAPTION = 34;

    private WrongDigits() {}

    /** The grid for {@code n} mistakes of images of the given shape. */
    public static TileGrid grid(int n, int rows, int cols) {
        return TileGrid.square(n, rows, cols, SCALE, PAD, TileGrid.titleHeight(2), CAPTION);
    }

    /** The figure for the mistakes (most confident first) of {@code data}, which the evaluation measured. */
    public static BufferedImage draw(List<Evaluation.Mistake> mistakes, Dataset data, String title) {
        if (mistakes.isEmpty()) {
            throw new IllegalArgumentException(title + ": no mistakes to show");
        }
        TileGrid grid = grid(mistakes.size(), data.rows(), data.cols());
        BufferedImage img = grid.canvas(title, "label -> predicted; its probability; #index in " + data.name());
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING,
                java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        Font big = new Font(Font.SANS_SERIF, Font.BOLD, 13);
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        double[] gray = new double[data.features()];
        for (int i = 0; i < mistakes.size(); i++) {
            Evaluation.Mistake m = mistakes.get(i);
            for (int j = 0; j < gray.length; j++) {
                gray[j] = data.value(m.index(), j);
            }
            grid.draw(img, i, gray);
            int x = grid.x(i);
            int y = grid.y(i) + grid.tileRows() * grid.scale();
            g.setColor(Color.WHITE);
            g.fillRect(x, y, grid.cellWidth(), CAPTION);
            g.setColor(Color.BLACK);
            g.setFont(big);
            ConfusionPlot.centred(g, m.label() + " -> " + m.predicted(), x + grid.cellWidth() / 2, y + 14);
            g.setFont(small);
            ConfusionPlot.centred(g, String.format(Locale.ROOT, "%.1f%%  #%d", 100 * m.probability(), m.index()),
                    x + grid.cellWidth() / 2, y + 29);
        }
        g.dispose();
        return img;
    }
}
