package theta.io;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import theta.Version;

/**
 * Octave's text format, as written by {@code save -text FILE Theta1 Theta2} and read by
 * {@code load FILE}. Reading: see {@link OctaveTextReader}. Writing: a "# Created by" comment,
 * then per array its name, type and size comments and its numbers, each printed with as many
 * digits as needed to read back the same double (Inf, -Inf and NaN spelled as Octave does).
 *
 * <p>Octave has no arrays below two dimensions: a 0-d scalar and a 1x1 matrix are written as
 * {@code scalar} and read back as 1x1; a 1-D array of length n is written as an n x 1 column.
 * Arrays of three or more dimensions use Octave's {@code # ndims:} layout (column-major).
 */
public final class OctaveText {
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private OctaveText() {}

    /** Reads every variable in an Octave text file, in file order. */
    public static NamedArrays read(Path file) throws IOException {
        InputFiles.requireFile(file);
        long size = Files.size(file);
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            return new OctaveTextReader(r, file.toString(), size).readAll();
        }
    }

    /** Reads Octave text from {@code in}; faults are reported as "{@code where}:LINE: ...". */
    public static NamedArrays read(Reader in, String where) throws IOException {
        return new OctaveTextReader(new BufferedReader(in), where, -1).readAll();
    }

    /** Writes the arrays to {@code file} in Octave text format, atomically. */
    public static void write(Path file, NamedArrays arrays) throws IOException {
        checkNames(arrays);
        AtomicFile.write(file, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII));
            write(w, arrays);
            w.flush();
        });
    }

    /** Writes the arrays in Octave text format to {@code out} (not flushed or closed). */
    public static void write(Writer out, NamedArrays arrays) throws IOException {
        checkNames(arrays);
        out.write("# Created by theta " + Version.get() + "\n");
        for (NdArray a : arrays) {
            out.write("# name: " + a.name() + "\n");
            int[] shape = a.shape();
            if (a.size() == 1 && shape.length <= 2) {
                out.write("# type: scalar\n" + format(a.raw()[0]) + "\n");
            } else if (shape.length <= 2) {
                writeMatrix(out, a);
            } else {
                writeNd(out, a);
            }
            out.write("\n\n");
        }
    }

    private static void writeMatrix(Writer out, NdArray a) throws IOException {
        int rows = a.rows();
        int cols = a.cols();
        out.write("# type: matrix\n# rows: " + rows + "\n# columns: " + cols + "\n");
        double[] d = a.raw();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            line.setLength(0);
            for (int j = 0; j < cols; j++) {
                line.append(' ').append(format(d[i * cols + j]));
            }
            out.write(line.append('\n').toString());
        }
    }

    private static void writeNd(Writer out, NdArray a) throws IOException {
        StringBuilder dims = new StringBuilder();
        for (int d : a.shape()) {
            dims.append(' ').append(d);
        }
        out.write("# type: matrix\n# ndims: " + a.rank() + "\n" + dims + "\n");
        for (double v : a.toColumnMajor()) {
            out.write(" " + format(v) + "\n");
        }
    }

    /**
     * The shortest usual spelling that reads back as exactly {@code v}: integers without a
     * fraction, otherwise Java's round-trip decimal, checked, with %.17g as the fallback.
     */
    static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 0x1p53) {
            return v == 0 && 1 / v < 0 ? "-0" : Long.toString((long) v);
        }
        String s = Double.toString(v).replace('E', 'e');
        return Double.parseDouble(s) == v ? s : String.format(java.util.Locale.ROOT, "%.17g", v);
    }

    private static void checkNames(NamedArrays arrays) {
        for (NdArray a : arrays) {
            if (!VARIABLE_NAME.matcher(a.name()).matches()) {
                throw new IllegalArgumentException("cannot save array '" + a.name()
                        + "' as Octave text: not a valid Octave variable name");
            }
        }
    }
}
