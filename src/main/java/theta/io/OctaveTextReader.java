package theta.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import theta.InputException;

/**
 * Parses Octave's {@code save -text} format. Each variable is a block of keyword comments then
 * its numbers:
 * <pre>
 * # name: Theta1          # name: s        # name: c
 * # type: matrix          # type: scalar   # type: int32 matrix
 * # rows: 2               2.5              # ndims: 3
 * # columns: 3                              2 2 2
 *  1 2 3                                    1
 *  4 5 6                                    ... (8 values, one a line, column-major)
 * </pre>
 * Other comment lines (such as "# Created by Octave ...") and blank lines between variables are
 * skipped. Faults are reported as "FILE:LINE: ...".
 */
final class OctaveTextReader {
    private static final Pattern KEYWORD = Pattern.compile("#\\s*([A-Za-z_]\\w*)\\s*:\\s*(.*?)\\s*");
    private static final Pattern INT_TYPE = Pattern.compile("(u?int(?:8|16|32|64)) (scalar|matrix)");

    private final BufferedReader in;
    private final String where;
    /** Bytes in the file (or -1): each number takes at least two, which bounds believable sizes. */
    private final long fileBytes;
    private int lineNo;

    OctaveTextReader(BufferedReader in, String where, long fileBytes) {
        this.in = in;
        this.where = where;
        this.fileBytes = fileBytes;
    }

    NamedArrays readAll() throws IOException {
        List<NdArray> arrays = new ArrayList<>();
        for (String line = nextNonBlank(); line != null; line = nextNonBlank()) {
            if (!line.startsWith("#")) {
                throw fault("expected '# name: ...', found '" + clip(line.strip()) + "'" + (arrays.isEmpty() ? ""
                        : " after the values of '" + arrays.get(arrays.size() - 1).name() + "'"));
            }
            Matcher m = KEYWORD.matcher(line);
            if (m.matches() && m.group(1).equals("name")) {
                String name = m.group(2);
                if (name.isEmpty()) {
                    throw fault("empty variable name");
                }
                arrays.add(variable(name, keyword("type")));
            }
        }
        return NamedArrays.fromFile(where, arrays);
    }

    private NdArray variable(String name, String declared) throws IOException {
        String type = declared.startsWith("global ") ? declared.substring(7) : declared;
        Matcher intType = INT_TYPE.matcher(type);
        if (intType.matches()) {
            Dtype t = Dtype.valueOf(intType.group(1).replace("uint", "U").replace("int", "I"));
            return intType.group(2).equals("scalar") ? scalar(name, t) : nd(name, t);
        }
        return switch (type) {
            case "scalar" -> scalar(name, Dtype.F64);
            case "float scalar" -> scalar(name, Dtype.F32);
            case "bool" -> scalar(name, Dtype.BOOL);
            case "matrix" -> matrix(name, Dtype.F64);
            case "float matrix" -> matrix(name, Dtype.F32);
            case "bool matrix" -> matrix(name, Dtype.BOOL);
            default -> throw fault("variable '" + name + "' has unsupported type '" + declared
                    + "' (reads matrix, scalar, bool and integer types; convert with double(full(" + name + ")))");
        };
    }

    private NdArray scalar(String name, Dtype t) throws IOException {
        String line = nextNonBlank();
        String[] tok = line == null ? new String[0] : tokens(line);
        if (tok.length != 1) {
            throw fault("variable '" + name + "': expected one number" + (line == null ? ", found the end of the file" : ""));
        }
        return NdArray.wrap(name, new int[] {1, 1}, new double[] {number(tok[0])}, t);
    }

    /** "# rows:"/"# columns:" then one line per row, or "# ndims:" for any rank. */
    private NdArray matrix(String name, Dtype t) throws IOException {
        String line = nextLine();
        Matcher m = line == null ? null : KEYWORD.matcher(line);
        if (m != null && m.matches() && m.group(1).equals("ndims")) {
            return ndBody(name, t, count(m.group(2), "ndims"));
        }
        if (m == null || !m.matches() || !m.group(1).equals("rows")) {
            throw fault("variable '" + name + "': expected '# rows:' or '# ndims:'");
        }
        int rows = count(m.group(2), "rows");
        int cols = count(keyword("columns"), "columns");
        int[] shape = {rows, cols};
        double[] data = new double[checkedSize(name, shape)];
        for (int i = 0; i < rows && cols > 0; i++) {
            String row = nextLine();
            String[] tok = row == null ? new String[0] : tokens(row);
            if (tok.length != cols) {
                throw fault("variable '" + name + "' row " + (i + 1) + ": expected " + cols + " numbers, found "
                        + (row == null ? "the end of the file" : String.valueOf(tok.length)));
            }
            for (int j = 0; j < cols; j++) {
                data[i * cols + j] = number(tok[j]);
            }
        }
        return NdArray.wrap(name, shape, data, t);
    }

    private NdArray nd(String name, Dtype t) throws IOException {
        return ndBody(name, t, count(keyword("ndims"), "ndims"));
    }

    /** A line of the ndims dimensions, then the elements column-major, read across lines. */
    private NdArray ndBody(String name, Dtype t, int ndims) throws IOException {
        String line = nextLine();
        String[] tok = line == null ? new String[0] : tokens(line);
        if (tok.length != ndims) {
            throw fault("variable '" + name + "': expected " + ndims + " dimensions");
        }
        int[] shape = new int[ndims];
        for (int k = 0; k < ndims; k++) {
            shape[k] = count(tok[k], "dimension");
        }
        double[] colMajor = new double[checkedSize(name, shape)];
        int filled = 0;
        while (filled < colMajor.length) {
            line = nextNonBlank();
            if (line == null) {
                throw fault("variable '" + name + "': expected " + colMajor.length + " numbers, found " + filled);
            }
            tok = tokens(line);
            if (tok.length > colMajor.length - filled) {
                throw fault("variable '" + name + "': more numbers than its " + NdArray.shapeString(shape) + " shape holds");
            }
            for (String s : tok) {
                colMajor[filled++] = number(s);
            }
        }
        return NdArray.wrap(name, shape, Layout.fortranToC(colMajor, shape), t);
    }

    private int checkedSize(String name, int[] shape) {
        long n = NdArray.elementCount(shape);
        if (n < 0 || n > Npy.MAX_ELEMENTS || (fileBytes >= 0 && n > fileBytes / 2)) {
            throw fault("variable '" + name + "': absurd size " + NdArray.shapeString(shape)
                    + (fileBytes >= 0 ? " for a file of " + fileBytes + " bytes" : ""));
        }
        return (int) n;
    }

    /** Octave writes Inf, -Inf, NaN and NA (a NaN with a marker, read here as plain NaN). */
    private double number(String s) {
        switch (s) {
            case "Inf", "+Inf", "inf" -> { return Double.POSITIVE_INFINITY; }
            case "-Inf", "-inf" -> { return Double.NEGATIVE_INFINITY; }
            case "NaN", "-NaN", "nan", "NA" -> { return Double.NaN; }
            default -> { }
        }
        // Only decimal notation: parseDouble alone would also take "Infinity", hex and "1d".
        for (int i = 0; i < s.length(); i++) {
            if ("0123456789+-.eE".indexOf(s.charAt(i)) < 0) {
                throw fault("not a number: '" + clip(s) + "'");
            }
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw fault("not a number: '" + clip(s) + "'");
        }
    }

    private int count(String s, String what) {
        if (!s.matches("\\d{1,10}") || Long.parseLong(s) > Integer.MAX_VALUE) {
            throw fault("'" + what + "' must be a non-negative integer, found '" + clip(s) + "'");
        }
        return Integer.parseInt(s);
    }

    /** The value of the next line, which must be "# key: value". */
    private String keyword(String key) throws IOException {
        String line = nextLine();
        Matcher m = line == null ? null : KEYWORD.matcher(line);
        if (m == null || !m.matches() || !m.group(1).equals(key)) {
            throw fault("expected '# " + key + ": ...', found " + (line == null ? "the end of the file" : "'" + clip(line) + "'"));
        }
        return m.group(2);
    }

    private static String[] tokens(String line) {
        String t = line.strip();
        return t.isEmpty() ? new String[0] : t.split("\\s+");
    }

    private String nextLine() throws IOException {
        String line = in.readLine();
        if (line != null) {
            lineNo++;
        }
        return line;
    }

    private String nextNonBlank() throws IOException {
        String line;
        do {
            line = nextLine();
        } while (line != null && line.isBlank());
        return line;
    }

    private InputException fault(String what) {
        return new InputException(where + ":" + lineNo + ": " + what);
    }

    private static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
