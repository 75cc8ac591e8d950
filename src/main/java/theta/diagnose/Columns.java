package theta.diagnose;

import java.util.Arrays;

/**
 * The two columns of a gradient check, numerical (left) and analytical (right), for the first
 * {@link #rows()} entries of the parameter vector, with how precisely they were written.
 *
 * <p>{@code numericalResolution[i]} bounds how far the written value may be from the value the
 * learner's code computed (half a unit of its last printed digit); 0 for columns taken straight
 * from an interpreter in float64. {@code digits} is the fewest significant digits of any non-zero
 * entry (17 for float64 columns), for the report.
 */
public record Columns(double[] numerical, double[] analytical, double[] numericalResolution,
                      double[] analyticalResolution, int digits) {
    public Columns {
        if (numerical.length == 0 || numerical.length != analytical.length
                || numericalResolution.length != numerical.length || analyticalResolution.length != numerical.length) {
            throw new IllegalArgumentException("columns need the same, non-zero number of rows: " + numerical.length
                    + " numerical, " + analytical.length + " analytical");
        }
        if (digits < 1) {
            throw new IllegalArgumentException("digits must be >= 1, got " + digits);
        }
        numerical = numerical.clone();
        analytical = analytical.clone();
        numericalResolution = numericalResolution.clone();
        analyticalResolution = analyticalResolution.clone();
    }

    /** Columns computed in float64 (e.g. by the learner's own function run in Octave or Python). */
    public static Columns exact(double[] numerical, double[] analytical) {
        return new Columns(numerical, analytical, new double[numerical.length], new double[analytical.length], 17);
    }

    public int rows() {
        return numerical.length;
    }

    /** The column on one side. */
    public double[] column(Side side) {
        return side == Side.NUMERICAL ? numerical.clone() : analytical.clone();
    }

    double[] resolution(Side side) {
        return side == Side.NUMERICAL ? numericalResolution : analyticalResolution;
    }

    double[] view(Side side) {
        return side == Side.NUMERICAL ? numerical : analytical;
    }

    @Override
    public double[] numerical() {
        return numerical.clone();
    }

    @Override
    public double[] analytical() {
        return analytical.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Columns c && Arrays.equals(c.numerical, numerical) && Arrays.equals(c.analytical, analytical)
                && c.digits == digits;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(numerical) + Arrays.hashCode(analytical);
    }

    @Override
    public String toString() {
        return "Columns[" + rows() + " rows, " + digits + " digits]";
    }
}
