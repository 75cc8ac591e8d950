package theta.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/**
 * The geometry of a grid of image tiles under a title strip, as the exercise's displayData lays
 * them out: floor(sqrt(n)) rows (at least enough for n), a dark padding between tiles.
 *
 * @param count tiles drawn
 * @param columns tiles per row
 * @param rows rows of tiles
 * @param tileRows pixels of the source image, vertically
 * @param tileCols pixels of the source image, horizontally
 * @param scale screen pixels per source pixel
 * @param pad screen pixels between tiles and around the grid
 * @param top height of the title strip above the grid
 * @param caption height of a caption strip under each tile (0 for none)
 */
public record TileGrid(int count, int columns, int rows, int tileRows, int tileCols, int scale, int pad, int top,
                       int caption) {
    static final Color PAD = new Color(40, 40, 40);

    /** displayData's layout for n tiles: rows = floor(sqrt(n)), columns = ceil(n / rows). */
    public static TileGrid square(int n, int tileRows, int tileCols, int scale, int pad, int top, int caption) {
        if (n < 1) {
            throw new IllegalArgumentException("nothing to draw: 0 tiles");
        }
        int rows = Math.max(1, (int) Math.floor(Math.sqrt(n)));
        int cols = (n + rows - 1) / rows;
        return new TileGrid(n, cols, rows, tileRows, tileCols, scale, pad, top, caption);
    }

    public int cellWidth() {
        return tileCols * scale;
    }

    public int cellHeight() {
        return tileRows * scale + caption;
    }

    public int width() {
        return pad + columns * (cellWidth() + pad);
    }

    public int height() {
        return top + pad + rows * (cellHeight() + pad);
    }

    /** Left edge of tile i (row-major order). */
    public int x(int i) {
        return pad + (i % columns) * (cellWidth() + pad);
    }

    /** Top edge of tile i's image. */
    public int y(int i) {
        return top + pad + (i / columns) * (cellHeight() + pad);
    }

    /** A canvas of this size with the title strip drawn and the grid area padded. */
    BufferedImage canvas(String... titleLines) {
        BufferedImage img = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Charts.canvas(img);
        g.setColor(PAD);
        g.fillRect(0, top, width(), height() - top);
        g.setColor(Color.BLACK);
        int y = 20;
        for (int i = 0; i < titleLines.length; i++) {
            g.setFont(new Font(Font.SANS_SERIF, i == 0 ? Font.BOLD : Font.PLAIN, i == 0 ? 15 : 12));
            g.drawString(titleLines[i], 8, y);
            y += i == 0 ? 20 : 16;
        }
        g.dispose();
        return img;
    }

    /** Draws one tile of gray levels in [0, 1] (row-major, tileRows x tileCols) at position i. */
    void draw(BufferedImage img, int i, double[] gray) {
        int x0 = x(i);
        int y0 = y(i);
        for (int r = 0; r < tileRows; r++) {
            for (int c = 0; c < tileCols; c++) {
                int v = (int) Math.round(255 * Math.max(0, Math.min(1, gray[r * tileCols + c])));
                int rgb = (v << 16) | (v << 8) | v;
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        img.setRGB(x0 + c * scale + dx, y0 + r * scale + dy, rgb);
                    }
                }
            }
        }
    }

    /** The title strip's height for a number of lines (a bold first line, then smaller ones). */
    static int titleHeight(int lines) {
        return lines == 0 ? 0 : 28 + 16 * (lines - 1);
    }
}
