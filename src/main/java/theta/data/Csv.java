package theta.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;

import theta.InputException;
import theta.io.InputFiles;

/**
 * Labelled examples in CSV: one example a line, the label first, then the pixels. The Kaggle
 * digit-recognizer layout ({@code label,pixel0,...,pixel783} under a header row) and headerless
 * files both work, with any pixel count. Integer pixels 0..255 are stored as bytes (scaled to
 * [0,1]); any other value makes the whole file float (raw values, as in the classic 20x20
 * exercise data).
 */
public final class Csv {
    private Csv() {}

    /** Reads {@code file}; labels are written in {@code convention}, whose K (when inferred) is the largest label's. */
    public static Dataset read(Path file, LabelConvention convention) {
        InputFiles.requireFile(file);
        MessageDigest digest = Sha256.digest();
        Rows rows = new Rows();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new DigestInputStream(Files.newInputStream(file), digest), StandardCharsets.UTF_8), 1 << 16)) {
            int lineNo = 0;
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1); // a UTF-8 byte-order mark, as spreadsheets write
                }
                if (!line.isBlank()) {
                    rows.line(file + ":" + lineNo, line, convention);
                }
            }
        } catch (IOException e) {
            throw new InputException(file + ": cannot read it (" + InputFiles.reason(e) + ")", e);
        }
        if (rows.count == 0) {
            throw new InputException(file + ": no examples (expected lines of label,pixel,pixel,...)");
        }
        return rows.dataset(file, convention, Sha256.line(Sha256.hex(digest), file));
    }

    /** The rows read so far: labels, and pixels as bytes until a value does not fit one. */
    private static final class Rows {
        int fields = -1;
        int count;
        int maxClass;
        int[] labels = new int[1024];
        byte[] bytes = new byte[1 << 16];
        double[] floats;
        int values;

        void line(String where, String line, LabelConvention convention) {
            // Counted before splitting, so that one huge line is refused before it is cut into strings.
            long commas = line.chars().filter(c -> c == ',').count();
            theta.Limits.checkFeatures(where, "the line", commas);
            theta.Limits.checkValues(where, "the pixels up to this line", values + commas);
            String[] f = line.split(",", -1);
            if (fields < 0) {
                fields = f.length;
                if (fields < 2) {
                    throw new InputException(where + ": expected a label and at least one pixel, found "
                            + fields + " field");
                }
                if (!number(f[0])) {
                    header(where, f);
                    return;
                }
            }
            if (f.length != fields) {
                throw new InputException(where + ": expected " + fields + " fields, found " + f.length);
            }
            label(where, f[0], convention);
            for (int k = 1; k < f.length; k++) {
                pixel(where, k, f[k]);
            }
            count++;
        }

        /** A header names its columns: a first line with a word, then numbers, is data with a bad label. */
        private void header(String where, String[] f) {
            String first = f[0].strip();
            if (first.startsWith("pixel") || first.startsWith("\"pixel")) {
                throw new InputException(where + ": no label column (the header starts with " + first
                        + "); theta needs labelled examples, label first");
            }
            int numbers = 0;
            for (int k = 1; k < f.length; k++) {
                numbers += number(f[k]) ? 1 : 0;
            }
            if (numbers * 2 > f.length - 1) {
                throw new InputException(where + ": label '" + first + "' is not a number (and the line is not a"
                        + " header: " + numbers + " of its " + (f.length - 1) + " other fields are numbers)");
            }
        }

        private void label(String where, String field, LabelConvention convention) {
            double v = parse(where, 1, field);
            int c = v == Math.rint(v) ? convention.index((long) v, LabelConvention.INFERRED_LIMIT) : -1;
            if (c < 0) {
                throw new InputException(where + ": label " + field.strip() + " is out of range "
                        + convention.range(LabelConvention.INFERRED_LIMIT));
            }
            if (count == labels.length) {
                labels = Arrays.copyOf(labels, 2 * count);
            }
            labels[count] = c;
            maxClass = Math.max(maxClass, c);
        }

        private void pixel(String where, int column, String field) {
            double v = parse(where, column + 1, field);
            if (floats == null && (v != Math.rint(v) || v < 0 || v > 255)) {
                floats = new double[Math.max(bytes.length, 1024)];
                for (int k = 0; k < values; k++) {
                    floats[k] = bytes[k] & 0xFF;
                }
                bytes = null;
            }
            if (floats != null) {
                if (values == floats.length) {
                    floats = Arrays.copyOf(floats, grown(values));
                }
                floats[values++] = v;
            } else {
                if (values == bytes.length) {
                    bytes = Arrays.copyOf(bytes, grown(values));
                }
                bytes[values++] = (byte) v;
            }
        }

        /** Twice the size, short of the largest Java array. */
        private static int grown(int n) {
            return (int) Math.min(2L * n, Integer.MAX_VALUE - 8);
        }

        private double parse(String where, int column, String field) {
            int small = smallInteger(field);
            if (small >= 0) {
                return small;
            }
            String s = field.strip();
            try {
                double v = Double.parseDouble(s);
                if (Double.isFinite(v)) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new InputException(where + ": field " + column + " '" + s + "' is not a finite number");
        }

        /** A field of one to three plain digits (the common case, parsed fast), else -1. */
        private static int smallInteger(String field) {
            int n = field.length();
            if (n == 0 || n > 3) {
                return -1;
            }
            int v = 0;
            for (int k = 0; k < n; k++) {
                char c = field.charAt(k);
                if (c < '0' || c > '9') {
                    return -1;
                }
                v = 10 * v + (c - '0');
            }
            return v;
        }

        private static boolean number(String field) {
            try {
                Double.parseDouble(field.strip());
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        Dataset dataset(Path file, LabelConvention convention, String checksum) {
            int features = fields - 1;
            int side = (int) Math.round(Math.sqrt(features));
            int rowsOfImage = side * side == features ? side : 1;
            int colsOfImage = features / rowsOfImage;
            LabelConvention resolved = convention.resolve(maxClass, 2);
            int classes = resolved.classes();
            int[] l = Arrays.copyOf(labels, count);
            for (int i = 0; i < count; i++) {
                l[i] = resolved.toClass(l[i]);
            }
            Dataset d = floats != null
                    ? Dataset.ofDoubles(file.getFileName().toString(), Arrays.copyOf(floats, values), l,
                            rowsOfImage, colsOfImage, classes)
                    : Dataset.ofBytes(file.getFileName().toString(), Arrays.copyOf(bytes, values), l,
                            rowsOfImage, colsOfImage, classes);
            return d.withSource(file.toAbsolutePath().toString(), List.of(checksum));
        }
    }
}
