package theta.data;

import java.util.Locale;

import theta.InputException;

/**
 * How a file stores each image's pixels: row by row (IDX, CSV, theta itself) or column by column
 * (MATLAB/Octave, whose {@code X(i,:) = img(:)'} stacks columns; the exercise's 20x20 digits are
 * stored so). Column-stored images are transposed to theta's row-major order on load.
 */
public enum ImageOrder {
    ROW, COLUMN;

    /** "row" or "column"; IllegalArgumentException saying what is allowed otherwise. */
    public static ImageOrder parse(String s) {
        for (ImageOrder o : values()) {
            if (o.name().equalsIgnoreCase(s.strip())) {
                return o;
            }
        }
        throw new IllegalArgumentException("'" + s + "' is not an image order; use row or column");
    }

    /** How the option spells it. */
    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The image shape of {@code features} pixels: square when it is a square number, else a
     * single row, which only row order can mean (a column-stored image needs its side to be known).
     */
    public int[] shape(String where, int features) {
        int side = (int) Math.round(Math.sqrt(features));
        if (side * side == features) {
            return new int[] {side, side};
        }
        if (this == COLUMN) {
            throw new InputException(where + ": " + features + " pixels per example is not a square number, so"
                    + " column-stored images cannot be turned upright (theta reads square images only;"
                    + " use --image-order row to take the pixels as they are)");
        }
        return new int[] {1, features};
    }

    /** {@code d} with every image in row-major order: unchanged for ROW, each image transposed for COLUMN. */
    public Dataset toRowMajor(Dataset d) {
        if (this == ROW || d.rows() == 1 || d.cols() == 1) {
            return d;
        }
        return d.withImagesTransposed();
    }
}
