package theta.data;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import theta.InputException;
import theta.io.InputFiles;

/**
 * IDX files, the format MNIST is published in: magic 0x00000803 (unsigned byte images, three
 * big-endian dimensions count, rows, cols) or 0x00000801 (labels, one dimension), then the
 * bytes. Files may be gzip-compressed; that is recognised by content, not name.
 */
public final class Idx {
    /** Labels in an IDX label file are digits (or Fashion-MNIST's ten classes). */
    public static final int CLASSES = 10;

    private Idx() {}

    /** Images as stored: {@code count} images of rows x cols unsigned bytes, and the file's SHA-256. */
    public record Images(int count, int rows, int cols, byte[] pixels, String sha256) {}

    /** Labels as classes 0..count-1 (after the convention), and the file's SHA-256. */
    public record Labels(int[] classes, int count, String sha256) {}

    public static Images readImages(Path file) {
        try (IdxInput in = IdxInput.open(file)) {
            long[] dims = in.header(3, "images");
            if (dims[1] == 0 || dims[2] == 0) {
                throw in.fault("image size " + dims[1] + "x" + dims[2] + " is empty");
            }
            byte[] pixels = in.data(dims);
            return new Images((int) dims[0], (int) dims[1], (int) dims[2], pixels, in.sha256());
        } catch (IOException e) {
            throw new InputException(file + ": cannot read it (" + InputFiles.reason(e) + ")", e);
        }
    }

    public static Labels readLabels(Path file, LabelConvention convention) {
        try (IdxInput in = IdxInput.open(file)) {
            byte[] raw = in.data(in.header(1, "labels"));
            int[] classes = new int[raw.length];
            int max = 0;
            for (int i = 0; i < raw.length; i++) {
                classes[i] = convention.index(raw[i] & 0xFF, CLASSES);
                if (classes[i] < 0) {
                    throw in.fault("label " + (raw[i] & 0xFF) + " at index " + i + " is out of range "
                            + convention.range(CLASSES));
                }
                max = Math.max(max, classes[i]);
            }
            // IDX label files hold digits: ten classes unless the convention names another K.
            LabelConvention resolved = convention.resolve(max, CLASSES);
            for (int i = 0; i < raw.length; i++) {
                classes[i] = resolved.toClass(classes[i]);
            }
            return new Labels(classes, resolved.classes(), in.sha256());
        } catch (IOException e) {
            throw new InputException(file + ": cannot read it (" + InputFiles.reason(e) + ")", e);
        }
    }

    /** Reads an image file and its label file into one dataset (10 classes unless the convention fixes K). */
    public static Dataset read(String name, Path images, Path labels, LabelConvention convention) {
        Images im = readImages(images);
        Labels lb = readLabels(labels, convention);
        if (lb.classes().length != im.count()) {
            throw new InputException(labels + ": " + lb.classes().length + " labels, but " + images
                    + " has " + im.count() + " images");
        }
        Path folder = images.toAbsolutePath().getParent();
        return Dataset.ofBytes(name, im.pixels(), lb.classes(), im.rows(), im.cols(), lb.count())
                .withSource(folder == null ? images.toString() : folder.toString(),
                        List.of(Sha256.line(im.sha256(), images), Sha256.line(lb.sha256(), labels)));
    }

    /** Writes images (gzip-compressed when the name ends in .gz), via a temporary file and a rename. */
    public static void writeImages(Path file, byte[] pixels, int count, int rows, int cols) throws IOException {
        if ((long) count * rows * cols != pixels.length) {
            throw new IllegalArgumentException(pixels.length + " bytes do not hold " + count + " images of "
                    + rows + "x" + cols);
        }
        write(file, 0x803, new int[] {count, rows, cols}, pixels);
    }

    /** Writes labels 0..255 (gzip-compressed when the name ends in .gz), via a temporary file and a rename. */
    public static void writeLabels(Path file, int[] labels) throws IOException {
        byte[] b = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] > 255) {
                throw new IllegalArgumentException("label " + labels[i] + " at index " + i + " does not fit a byte");
            }
            b[i] = (byte) labels[i];
        }
        write(file, 0x801, new int[] {labels.length}, b);
    }

    /** Writes a byte-stored dataset's images. */
    public static void writeImages(Path file, Dataset d) throws IOException {
        byte[] pixels = new byte[d.size() * d.features()];
        for (int i = 0, k = 0; i < d.size(); i++) {
            for (int j = 0; j < d.features(); j++) {
                pixels[k++] = (byte) d.rawByte(i, j);
            }
        }
        writeImages(file, pixels, d.size(), d.rows(), d.cols());
    }

    /** Writes a dataset's labels (its classes, 0-based). */
    public static void writeLabels(Path file, Dataset d) throws IOException {
        writeLabels(file, d.labels());
    }

    private static void write(Path file, int magic, int[] dims, byte[] data) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
                 DataOutputStream out = new DataOutputStream(
                         file.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw)) {
                out.writeInt(magic);
                for (int d : dims) {
                    out.writeInt(d);
                }
                out.write(data);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }
}
