package theta.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import theta.InputException;
import theta.io.ArrayFormat;

/**
 * One file of labelled examples, its format told by content: named arrays X and y in a MAT-file,
 * Octave text or NumPy file; an IDX image file (with its IDX label file); or CSV (label first).
 * Images come out row-major whatever the file's order.
 */
public final class DataFile {
    private DataFile() {}

    /** A data file's format, from its first bytes. */
    public enum Format {
        /** MATLAB/Octave binary (save -v6/-v7, savemat); also HDF5, which the reader refuses in one line. */
        MAT,
        /** Octave's save -text. */
        OCTAVE_TEXT,
        /** NumPy .npz or .npy. */
        NUMPY,
        IDX,
        CSV;

        /** The label convention of files of this format when none is given: Octave's are 1-based. */
        public LabelConvention defaultLabels() {
            return octave() ? LabelConvention.ONE_BASED : LabelConvention.ZERO_BASED;
        }

        /** The image order of files of this format when none is given: Octave's img(:) is column by column. */
        public ImageOrder defaultOrder() {
            return octave() ? ImageOrder.COLUMN : ImageOrder.ROW;
        }

        private boolean octave() {
            return this == MAT || this == OCTAVE_TEXT;
        }
    }

    public static Format detect(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file + ": no such file");
        }
        try {
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(16);
            }
            if (head.length >= 4 && (head[0] & 0xff) == 0x89 && head[1] == 'H' && head[2] == 'D' && head[3] == 'F') {
                return Format.MAT;
            }
            ArrayFormat a = ArrayFormat.detectOrNull(file);
            if (a != null) {
                return switch (a) {
                    case MAT -> Format.MAT;
                    case OCTAVE_TEXT -> Format.OCTAVE_TEXT;
                    case NPY, NPZ -> Format.NUMPY;
                };
            }
            String text = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (text.startsWith("MATLAB") || text.startsWith("Octave-1-")) {
                return Format.MAT; // damaged, or Octave's own binary format: the array reader says which, in one line
            }
            boolean idx = head.length >= 3 && head[0] == 0 && head[1] == 0 && head[2] == 8
                    || head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
            return idx ? Format.IDX : Format.CSV;
        } catch (IOException e) {
            throw new InputException(file + ": cannot read (" + e + ")", e);
        }
    }

    /**
     * Reads {@code file} ({@code labelFile} is needed for an IDX image file, refused otherwise).
     * Labels and image order are {@code how}'s, or the format's defaults.
     */
    public static Dataset read(Path file, Path labelFile, DataReading how) {
        Format format = detect(file);
        if (format != Format.IDX && labelFile != null) {
            throw new IllegalArgumentException(file + " holds its own labels: --label-file is for IDX image files");
        }
        LabelConvention labels = how.labelsOr(format.defaultLabels());
        ImageOrder order = how.orderOr(format.defaultOrder());
        Dataset d = switch (format) {
            case MAT, OCTAVE_TEXT, NUMPY -> ArrayData.read(file, new DataReading(labels, order, how.xVar(), how.yVar()));
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
