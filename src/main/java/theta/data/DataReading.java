package theta.data;

import java.util.Objects;

/**
 * How to read a data file: its label convention and image order (null: the format's default,
 * 0..K-1 and row order for IDX and CSV, 1..K and column order for .mat), and the names of the
 * .mat variables that hold the examples (m x n) and their labels.
 */
public record DataReading(LabelConvention labels, ImageOrder order, String xVar, String yVar) {
    /** The exercise's variable names. */
    public static final String X = "X";
    public static final String Y = "y";

    /** Every default: the format's conventions, variables X and y. */
    public static final DataReading DEFAULTS = new DataReading(null, null, X, Y);

    public DataReading {
        Objects.requireNonNull(xVar, "xVar");
        Objects.requireNonNull(yVar, "yVar");
    }

    /** The label convention to use for a file whose own default is {@code formatDefault}. */
    LabelConvention labelsOr(LabelConvention formatDefault) {
        return labels != null ? labels : formatDefault;
    }

    /** The image order to use for a file whose own default is {@code formatDefault}. */
    ImageOrder orderOr(ImageOrder formatDefault) {
        return order != null ? order : formatDefault;
    }
}
