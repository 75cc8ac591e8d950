package theta.plot;

import java.awt.image.BufferedImage;
import java.util.Locale;

import theta.nn.Architecture;
import theta.nn.Layout;
import theta.nn.Model;

/**
 * What the hidden units learned: each unit's incoming weights (a row of Theta1 without its bias)
 * as an image tile, scaled by the row's largest |w| as the exercise's displayData does, so that
 * -max is black, 0 mid-gray and +max white.
 */
public final class WeightTiles {
    /** Units drawn when not told otherwise. */
    public static final int DEFAULT_UNITS = 100;
    static final int SCALE = 3;
    static final int PAD = 2;
    static final int TITLE_LINES = 2;

    private WeightTiles() {}

    /** The grid for {@code units} tiles of a model's input image. */
    public static TileGrid grid(Model model, int units) {
        int[] shape = imageShape(model);
        return TileGrid.square(shown(model, units), shape[0], shape[1], SCALE, PAD, TileGrid.titleHeight(TITLE_LINES), 0);
    }

    /** The first {@code units} hidden units (all when fewer), each tile's gray levels in [0, 1], row-major. */
    public static double[][] tiles(Model model, int units) {
        Architecture arch = model.network().architecture();
        Layout layout = model.network().layout();
        int inputs = arch.inputs();
        int n = shown(model, units);
        double[] p = model.params();
        double[][] out = new double[n][inputs];
        for (int j = 0; j < n; j++) {
            double max = 0;
            for (int k = 0; k < inputs; k++) {
                // Theta1 is column-major, hidden x (inputs + 1), the bias in column 0.
                max = Math.max(max, Math.abs(p[layout.index(1, j, k + 1)]));
            }
            for (int k = 0; k < inputs; k++) {
                double w = max == 0 ? 0 : p[layout.index(1, j, k + 1)] / max;
                out[j][k] = (w + 1) / 2;
            }
        }
        return out;
    }

    /** The figure; {@code name} is the model's name for the title. */
    public static BufferedImage draw(Model model, int units, String name) {
        if (units < 1) {
            throw new IllegalArgumentException("units to draw: at least 1, got " + units);
        }
        TileGrid grid = grid(model, units);
        int hidden = model.network().architecture().units(1);
        String what = grid.count() == hidden ? "all " + hidden : "first " + grid.count() + " of " + hidden;
        BufferedImage img = grid.canvas(
                String.format(Locale.ROOT, "%s: incoming weights of the %s hidden units", name, what),
                "one tile per unit, each scaled by its largest |w|: black -max, gray 0, white +max");
        double[][] t = tiles(model, units);
        for (int i = 0; i < t.length; i++) {
            grid.draw(img, i, t[i]);
        }
        return img;
    }

    private static int shown(Model model, int units) {
        return Math.min(Math.max(units, 1), model.network().architecture().units(1));
    }

    /** rows x cols of the input image: the model's own, else the nearest square. */
    static int[] imageShape(Model model) {
        int inputs = model.network().architecture().inputs();
        if (model.imageRows() > 0 && model.imageRows() * model.imageCols() == inputs) {
            return new int[] {model.imageRows(), model.imageCols()};
        }
        int side = (int) Math.round(Math.sqrt(inputs));
        if (side * side != inputs) {
            throw new IllegalArgumentException("the model's " + inputs + " inputs are not an image; no tiles to draw");
        }
        return new int[] {side, side};
    }
}
