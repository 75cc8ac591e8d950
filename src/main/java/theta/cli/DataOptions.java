package theta.cli;

import java.nio.file.Path;
import java.util.function.Consumer;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import theta.InputException;
import theta.data.DataFile;
import theta.data.DataReading;
import theta.data.Dataset;
import theta.data.FashionMnist;
import theta.data.ImageOrder;
import theta.data.IdxFolder;
import theta.data.LabelConvention;
import theta.data.Mnist;
import theta.data.Splits;

/**
 * Which data a command uses: MNIST (default, fetched when missing), Fashion-MNIST, a folder of
 * IDX files, or CSV/.mat files; how they are labelled and their images ordered; and how many
 * training examples to hold out for validation.
 */
public final class DataOptions {
    /** The datasets theta knows by name. */
    public enum Builtin { MNIST, FASHION }

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--dataset", paramLabel = "mnist|fashion", converter = BuiltinConverter.class,
            description = "Named dataset: mnist (default; fetched when missing) or fashion (Fashion-MNIST,"
                    + " Debian package dataset-fashion-mnist).")
    Builtin dataset;

    @Option(names = "--data", paramLabel = "DIR",
            description = "A folder with the four MNIST-style IDX files (raw or .gz).")
    Path data;

    @Option(names = "--train", paramLabel = "FILE",
            description = "Training examples: CSV (label first; header optional) or a .mat file (X, y).")
    Path train;

    @Option(names = "--test", paramLabel = "FILE",
            description = "Test examples, used with --train; without it the training file is also the test set.")
    Path test;

    @Option(names = "--validation", paramLabel = "N",
            description = "Hold out the last N training examples for validation (0 = none; default: 10000;"
                    + " 0 for the best and augmented recipes, and for --train without --test).")
    Integer validation;

    @Option(names = "--labels", paramLabel = "0..K-1|1..K", converter = LabelsConverter.class,
            description = "Labels in --data/--train/--test files: 0..K-1 or 1..K (K from the data), or with K"
                    + " given, e.g. 0..9 or 1..10 (the Octave exercise's: 10 means the digit 0). Default: 0..K-1,"
                    + " 1..K for .mat files.")
    LabelConvention labels;

    @Option(names = "--image-order", paramLabel = "row|column", converter = ImageOrderConverter.class,
            description = "How files store each image: row by row (default for IDX and CSV) or column by column"
                    + " (default for .mat, as MATLAB/Octave's img(:)); column images are turned upright.")
    ImageOrder imageOrder;

    @Option(names = "--x-var", paramLabel = "NAME", defaultValue = DataReading.X,
            description = "The .mat variable with the examples, one a row (default: ${DEFAULT-VALUE}).")
    String xVar;

    @Option(names = "--y-var", paramLabel = "NAME", defaultValue = DataReading.Y,
            description = "The .mat variable with the labels (default: ${DEFAULT-VALUE}).")
    String yVar;

    /** Loads the chosen data; status lines (such as a fetch in progress) go to {@code log}. */
    public Splits load(Consumer<String> log) {
        return load(log, Splits.DEFAULT_VALIDATION);
    }

    /** As {@link #load(Consumer)}, holding out {@code defaultValidation} examples unless --validation is given. */
    public Splits load(Consumer<String> log, int defaultValidation) {
        check();
        int validation = this.validation != null ? this.validation : defaultValidation;
        try {
            return split(log, validation);
        } catch (Splits.ValidationSizeException e) {
            String range = "0.." + (e.available() - 1) + " (" + e.training() + " has " + e.available() + " examples)";
            throw usage(this.validation != null ? "--validation " + e.requested() + ": must be " + range
                    : "--validation: the default " + e.requested() + " is too many; give --validation N, N in " + range);
        }
    }

    private Splits split(Consumer<String> log, int validation) {
        if (train != null) {
            DataReading how = reading();
            Dataset full = DataFile.read(train, null, how);
            if (test == null) {
                // The exercise measures accuracy on its training set; say so in the test set's name.
                int v = this.validation != null ? this.validation : 0;
                return Splits.of(full, full.named(full.name() + " (training data, no --test)"), v);
            }
            Dataset testSet = DataFile.read(test, null, how);
            if (this.validation == null && validation >= full.size()) {
                throw new InputException(train + ": " + full.size() + " examples, too few to hold out the default "
                        + validation + " for validation; give --validation N (0.." + (full.size() - 1) + ")");
            }
            return Splits.of(full, testSet, validation);
        }
        if (data != null) {
            IdxFolder files = IdxFolder.find(data);
            String name = data.toAbsolutePath().normalize().getFileName() + "";
            LabelConvention l = labels != null ? labels : LabelConvention.ZERO_BASED;
            ImageOrder order = imageOrder != null ? imageOrder : ImageOrder.ROW;
            return Splits.of(order.toRowMajor(files.train(name + " train", l)),
                    order.toRowMajor(files.test(name + " test", l)), validation);
        }
        return dataset == Builtin.FASHION ? FashionMnist.load(validation) : Mnist.load(validation, log);
    }

    /** The options as given, for a command line that picks the same data again (empty for the defaults). */
    public String args() {
        StringBuilder b = new StringBuilder();
        if (dataset != null) {
            b.append(" --dataset ").append(dataset.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (data != null) {
            b.append(" --data ").append(data);
        }
        if (train != null) {
            b.append(" --train ").append(train).append(test != null ? " --test " + test : "");
        }
        if (validation != null) {
            b.append(" --validation ").append(validation);
        }
        if (labels != null) {
            b.append(" --labels ").append(labels.spelling());
        }
        if (imageOrder != null) {
            b.append(" --image-order ").append(imageOrder.spelling());
        }
        if (!xVar.equals(DataReading.X)) {
            b.append(" --x-var ").append(xVar);
        }
        if (!yVar.equals(DataReading.Y)) {
            b.append(" --y-var ").append(yVar);
        }
        return b.toString().strip();
    }

    /** True when the test set is the training file itself (--train without --test). */
    public boolean testIsTraining() {
        return train != null && test == null;
    }

    /** The name of the chosen data, for titles. */
    public String describe() {
        return train != null ? train + (test != null ? " + " + test : "") : data != null ? data.toString()
                : dataset == Builtin.FASHION ? FashionMnist.NAME : Mnist.NAME;
    }

    private void check() {
        int sources = (dataset != null ? 1 : 0) + (data != null ? 1 : 0) + (train != null || test != null ? 1 : 0);
        if (sources > 1) {
            throw usage("--dataset, --data and --train/--test are alternatives; give only one of them");
        }
        if (test != null && train == null) {
            throw usage("--test needs --train");
        }
        if (validation != null && validation < 0) {
            throw usage("--validation " + validation + ": must be 0 or more");
        }
        boolean builtin = data == null && train == null;
        if (builtin && labels != null && labels.first() != 0) {
            throw usage("--labels " + labels.spelling() + " applies to --data and --train/--test files;"
                    + " MNIST and Fashion-MNIST are labelled 0..9");
        }
        if (builtin && imageOrder == ImageOrder.COLUMN) {
            throw usage("--image-order column applies to --data and --train/--test files;"
                    + " MNIST and Fashion-MNIST are stored row by row");
        }
    }

    /** How --train/--test files are read. */
    DataReading reading() {
        return new DataReading(labels, imageOrder, xVar, yVar);
    }

    private ParameterException usage(String message) {
        return new ParameterException(mixee.commandLine(), message);
    }

    static final class BuiltinConverter implements ITypeConverter<Builtin> {
        @Override
        public Builtin convert(String value) {
            for (Builtin b : Builtin.values()) {
                if (b.name().equalsIgnoreCase(value)) {
                    return b;
                }
            }
            throw new TypeConversionException("'" + value + "' is not a dataset; use mnist or fashion");
        }
    }

    static final class LabelsConverter implements ITypeConverter<LabelConvention> {
        @Override
        public LabelConvention convert(String value) {
            try {
                return LabelConvention.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class ImageOrderConverter implements ITypeConverter<ImageOrder> {
        @Override
        public ImageOrder convert(String value) {
            try {
                return ImageOrder.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
