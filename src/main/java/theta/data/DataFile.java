package theta.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import theta.InputException;
import theta.io.ArrayFormat;
import theta.io.InputFiles;

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


    /** A NUL or other control byte in the first bytes: CSV text has none (tab, CR, LF and form feed aside). */
    private static boolean binary(byte[] head) {
        for (byte b : head) {
            if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                return true;
            }
        }
        return false;
    }

    public static Format detect(Path file) {
        InputFiles.requireFile(file);
        try {
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(512);
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
            // Any IDX magic (0 0 type ndim; types: unsigned and signed byte, short, int, float, double), so that the IDX reader names an unsupported type such as float.
            boolean idx = head.length >= 4 && head[0] == 0 && head[1] == 0 && (head[2] == 0x08 || head[2] == 0x09 || head[2] >= 0x0B && head[2] <= 0x0E)
                    && head[3] >= 1 && head[3] <= 3
                    || head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
            if (!idx && binary(head)) {
                throw new InputException(file + ": not a data file theta reads (binary, but not IDX, .npy/.npz or"
                        + " .mat); expected CSV (label first), IDX, .npy/.npz, .mat or Octave text");
            }
            return idx ? Format.IDX : Format.CSV;
        } catch (IOException e) {
            throw new InputException(file + ": cannot read it (" + InputFiles.reason(e) + ")", e);
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
