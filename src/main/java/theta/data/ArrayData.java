package theta.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import theta.InputException;
import theta.io.Dtype;
import theta.io.ArrayFiles;
import theta.io.NamedArrays;
import theta.io.NdArray;
import theta.math.Spec;

/**
 * Labelled examples as named arrays in a MATLAB/Octave MAT-file (as the classic exercise ships
 * them), an Octave text file or a NumPy .npz: X (m x n, one example a row) and y (m labels, a
 * column or a row), under those names or others. X of class uint8 is taken as pixels 0..255 and
 * scaled to [0,1] like IDX images; any other class (double, single, integers, logical) is used
 * as stored.
 */
public final class ArrayData {
    private ArrayData() {}

    /** Reads the examples of {@code file}; {@code how} must name the label convention and image order. */
    public static Dataset read(Path file, DataReading how) {
        NamedArrays vars;
        try {
            vars = ArrayFiles.read(file);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read (" + e + ")", e);
        }
        NdArray x = vars.get(how.xVar());
        NdArray y = vars.get(how.yVar());
        if (x.rank() != 2 || x.rows() < 1 || x.cols() < 1) {
            throw new InputException(file + ": variable '" + how.xVar() + "' is " + x.shapeString()
                    + "; expected a matrix of examples, one a row (m x n)");
        }
        int m = x.rows();
        int n = x.cols();
        if (y.rank() > 2 || Math.min(y.rows(), y.cols()) != 1 || y.size() != m) {
            throw new InputException(file + ": variable '" + how.yVar() + "' is " + y.shapeString() + "; expected "
                    + m + " labels (a column or a row), one for each row of " + how.xVar());
        }
        LabelConvention conv = how.labels();
        Labels labels = labels(file + ": " + how.yVar(), y.data(), conv);
        int[] shape = how.order().shape(file.toString(), n);
        String name = file.getFileName().toString();
        double[] values = x.data();
        Dataset d;
        if (x.dtype() == Dtype.U8) {
            byte[] b = new byte[values.length];
            for (int k = 0; k < b.length; k++) {
                b[k] = (byte) values[k];
            }
            d = Dataset.ofBytes(name, b, labels.classes(), shape[0], shape[1], labels.count());
        } else {
            for (int k = 0; k < values.length; k++) {
                if (!Double.isFinite(values[k])) {
                    throw new InputException(file + ": " + how.xVar() + "(" + (k / n + 1) + "," + (k % n + 1) + ") is "
                            + values[k] + "; theta needs finite values");
                }
            }
            d = Dataset.ofDoubles(name, values, labels.classes(), shape[0], shape[1], labels.count());
        }
        try {
            return d.withSource(file.toAbsolutePath().toString(), List.of(Sha256.line(Sha256.of(file), file)));
        } catch (IOException e) {
            throw new InputException(file + ": cannot read (" + e + ")", e);
        }
    }

    /** Labels as classes 0..count-1. */
    private record Labels(int[] classes, int count) {}

    /** The classes of the labels y; InputException naming the first label outside the convention. */
    private static Labels labels(String where, double[] y, LabelConvention conv) {
        int[] idx = new int[y.length];
        int max = 0;
        for (int i = 0; i < y.length; i++) {
            double v = y[i];
            idx[i] = v == Math.rint(v) ? conv.index((long) v, LabelConvention.INFERRED_LIMIT) : -1;
            if (idx[i] < 0) {
                String shown = Spec.format(v);
                throw new InputException(where + "(" + (i + 1) + ") = " + shown + " is out of range "
                        + conv.range(LabelConvention.INFERRED_LIMIT) + " (labels " + conv.spelling()
                        + "; choose with --labels)");
            }
            max = Math.max(max, idx[i]);
        }
        LabelConvention resolved = conv.resolve(max, 2);
        for (int i = 0; i < y.length; i++) {
            idx[i] = resolved.toClass(idx[i]);
        }
        return new Labels(idx, resolved.classes());
    }
}
