package theta.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import theta.InputException;

/**
 * Reads the two columns a gradient check printed: Octave's {@code disp([numgrad grad])} rows such as
 * {@code   -9.2783e-03  -9.2783e-03} (any spaces, tabs or commas; signs; e exponents; fixed
 * notation; NaN and Inf as Octave writes them), MATLAB's common factor line {@code 1.0e-03 *},
 * and the lines checkNNGradients and ex4.m print around the table, which are skipped. Any other
 * text is refused with the line that holds it.
 */
public final class TableParser {
    private static final Pattern NUMBER = Pattern.compile(
            "([+-]?)(?:(\\d+)(?:\\.(\\d*))?|\\.(\\d+))(?:[eE]([+-]?\\d+))?");
    private static final Pattern SPECIAL = Pattern.compile("[+-]?(?:NaN|Inf)", Pattern.CASE_INSENSITIVE);
    private static final Pattern FACTOR = Pattern.compile("(\\S+)\\s*\\*");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;\\[\\]]+");
    /** What checkNNGradients, ex4.m and an Octave session print around the table. */
    private static final List<Pattern> PROSE = List.of(
            prose("the above two columns you get should be very similar\\.?"),
            prose("\\(left\\s*-\\s*your numerical gradient,\\s*right\\s*-\\s*analytical gradient\\)"),
            prose("if your backpropagation implementation is correct,? then"),
            prose("the relative difference will be small \\(less than 1e-9\\)\\.?"),
            prose("relative difference:.*"),
            prose("checking backpropagation.*"),
            prose("program paused\\..*"),
            prose("cost at \\(fixed\\) debugging parameters.*"),
            prose("\\(for lambda = .*this value should be about .*\\)"),
            prose("(>>|octave:\\d+>).*"),
            prose("ans\\s*="),
            prose("numgrad\\s+grad"));

    private TableParser() {}

    private static Pattern prose(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }

    /** One number as written: its value, half a unit of its last digit, its significant digits (0 for zero). */
    private record Written(double value, double resolution, int digits) {}

    /**
     * @param sourceName the file name (or "-") for messages
     * @throws InputException naming the source and line: no rows, one column, more than two, text
     */
    public static Columns parse(String text, String sourceName) {
        List<double[]> rows = new ArrayList<>();
        int digits = Integer.MAX_VALUE;
        double factor = 1;
        String[] lines = text.split("\\R", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || PROSE.stream().anyMatch(p -> p.matcher(line).matches())) {
                continue;
            }
            String where = sourceName + ":" + (n + 1) + ": ";
            Matcher f = FACTOR.matcher(line);
            if (f.matches()) {
                Written w = number(f.group(1));
                if (w == null || !(w.value() > 0) || Double.isInfinite(w.value())) {
                    throw new InputException(where + "not a common factor such as '1.0e-03 *': '" + shorten(line) + "'");
                }
                factor = w.value();
                continue;
            }
            String[] tokens = SEPARATORS.split(line);
            List<Written> values = new ArrayList<>();
            for (String t : tokens) {
                if (t.isEmpty()) {
                    continue;
                }
                Written w = number(t);
                if (w == null) {
                    throw new InputException(where + "expected two numbers (numerical, analytical), found text: '"
                            + shorten(line) + "'");
                }
                values.add(w);
            }
            if (values.size() == 1) {
                throw new InputException(where + "one number; expected two columns (numerical, analytical), as"
                        + " disp([numgrad grad]) prints them");
            }
            if (values.size() != 2) {
                throw new InputException(where + values.size() + " numbers; expected two columns (numerical,"
                        + " analytical)");
            }
            double[] row = new double[4];
            for (int c = 0; c < 2; c++) {
                Written w = values.get(c);
                row[c] = w.value() * factor;
                row[2 + c] = w.resolution() * factor;
                if (w.digits() > 0) {
                    digits = Math.min(digits, w.digits());
                }
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new InputException(sourceName + ": no rows of two numbers; expected the two columns"
                    + " checkNNGradients prints (numerical, analytical)");
        }
        int r = rows.size();
        double[] num = new double[r];
        double[] ana = new double[r];
        double[] numRes = new double[r];
        double[] anaRes = new double[r];
        for (int i = 0; i < r; i++) {
            double[] row = rows.get(i);
            num[i] = row[0];
            ana[i] = row[1];
            numRes[i] = row[2];
            anaRes[i] = row[3];
        }
        return new Columns(num, ana, numRes, anaRes, digits == Integer.MAX_VALUE ? 1 : digits);
    }

    private static Written number(String token) {
        if (SPECIAL.matcher(token).matches()) {
            String t = token.toLowerCase(Locale.ROOT);
            double v = t.endsWith("nan") ? Double.NaN : t.startsWith("-") ? Double.NEGATIVE_INFINITY
                    : Double.POSITIVE_INFINITY;
            return new Written(v, 0, 0);
        }
        Matcher m = NUMBER.matcher(token);
        if (!m.matches()) {
            return null;
        }
        String intPart = m.group(2) != null ? m.group(2) : "";
        String frac = m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : "";
        if (m.group(5) != null && m.group(5).replaceFirst("^[+-]?0*", "").length() > 4) {
            return null; // an exponent no double has
        }
        int exp = m.group(5) != null ? Integer.parseInt(m.group(5)) : 0;
        String allDigits = (intPart + frac).replaceFirst("^0+", "");
        double value = Double.parseDouble(token);
        double resolution = 0.5 * Math.pow(10, exp - frac.length());
        return new Written(value, resolution, allDigits.length());
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
