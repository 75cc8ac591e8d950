package theta.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import theta.InputException;

/**
 * One file of labelled examples, its format told by content: a MAT-file (X, y), an IDX image
 * file (with its IDX label file), or CSV (label first). Images come out row-major whatever the
 * file's order.
 */
public final class DataFile {
    private DataFile() {}

    /** The file's format, from its first bytes. */
    public enum Format {
        MAT, IDX, CSV;

        /** The label convention of files of this format when none is given. */
        public LabelConvention defaultLabels() {
            return this == MAT ? LabelConvention.ONE_BASED : LabelConvention.ZERO_BASED;
        }

        /** The image order of files of this format when none is given. */
        public ImageOrder defaultOrder() {
            return this == MAT ? ImageOrder.COLUMN : ImageOrder.ROW;
        }
    }

    public static Format detect(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file + ": no such file");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(128);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read (" + e + ")", e);
        }
        if (head.length >= 6 && new String(head, 0, 6, java.nio.charset.StandardCharsets.ISO_8859_1).equals("MATLAB")
                || head.length >= 4 && (head[0] & 0xff) == 0x89 && head[1] == 'H' && head[2] == 'D' && head[3] == 'F') {
            return Format.MAT;
        }
        boolean idx = head.length >= 3 && head[0] == 0 && head[1] == 0 && head[2] == 8
                || head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
        return idx ? Format.IDX : Format.CSV;
    }

    /**
     * Reads {@code file} ({@code labelFile} is needed for an IDX image file, refused otherwise).
     * Labels and image order are {@code how}'s, or the format's defaults.
     */
    public static Dataset read(Path file, Path labelFile, DataReading how) {
        Format format = detect(file);
        if (format != Format.IDX && labelFile != null) {
            throw new IllegalArgumentException(file + " is a " + format + " file, which holds its own labels:"
                    + " --label-file is for IDX image files");
        }
        LabelConvention labels = how.labelsOr(format.defaultLabels());
        ImageOrder order = how.orderOr(format.defaultOrder());
        Dataset d = switch (format) {
            case MAT -> MatData.read(file, how);
            case CSV -> Csv.read(file, labels);
            case IDX -> {
                if (labelFile == null) {
                    throw new IllegalArgumentException(file + " is an IDX image file: give its labels with --label-file");
                }
                yield Idx.read(file.getFileName().toString(), file, labelFile, labels);
            }
        };
        if (order == ImageOrder.COLUMN && (d.rows() == 1 || d.cols() == 1)) {
            order.shape(file.toString(), d.features());
        }
        return order.toRowMajor(d);
    }

    /** The label convention {@code file} is read with under {@code how}: given, else its format's. */
    public static LabelConvention labels(Path file, DataReading how) {
        return how.labelsOr(detect(file).defaultLabels());
    }
}
