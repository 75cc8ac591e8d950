package theta.cli;

import java.nio.file.Path;
import java.util.function.Consumer;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import theta.data.Csv;
import theta.data.FashionMnist;
import theta.data.IdxFolder;
import theta.data.LabelConvention;
import theta.data.Mnist;
import theta.data.Splits;

/**
 * Which data a command uses: MNIST (default, fetched when missing), Fashion-MNIST, a folder of
 * IDX files, or a pair of CSV files; and how many training examples to hold out for validation.
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

    @Option(names = "--train", paramLabel = "FILE", description = "Training CSV (label first; header optional).")
    Path train;

    @Option(names = "--test", paramLabel = "FILE", description = "Test CSV, used with --train.")
    Path test;

    @Option(names = "--validation", paramLabel = "N",
            description = "Hold out the last N training examples for validation (0 = none; default: 10000;"
                    + " 0 for the best and augmented recipes).")
    Integer validation;

    @Option(names = "--labels", paramLabel = "0..9|1..10", defaultValue = "0..9", converter = LabelsConverter.class,
            description = "Labels in --data/--train/--test files: 0..9 (default) or 1..10 (the Octave"
                    + " exercise convention, where 10 means the digit 0).")
    LabelConvention labels;

    /** Loads the chosen data; status lines (such as a fetch in progress) go to {@code log}. */
    public Splits load(Consumer<String> log) {
        return load(log, Splits.DEFAULT_VALIDATION);
    }

    /** As {@link #load(Consumer)}, holding out {@code defaultValidation} examples unless --validation is given. */
    public Splits load(Consumer<String> log, int defaultValidation) {
        check();
        int validation = this.validation != null ? this.validation : defaultValidation;
        if (train != null) {
            return Splits.of(Csv.read(train, labels), Csv.read(test, labels), validation);
        }
        if (data != null) {
            IdxFolder files = IdxFolder.find(data);
            String name = data.toAbsolutePath().normalize().getFileName() + "";
            return Splits.of(files.train(name + " train", labels), files.test(name + " test", labels), validation);
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
            b.append(" --train ").append(train).append(" --test ").append(test);
        }
        if (validation != null) {
            b.append(" --validation ").append(validation);
        }
        if (labels != LabelConvention.ZERO_BASED) {
            b.append(" --labels ").append(labels.spelling());
        }
        return b.toString().strip();
    }

    /** The name of the chosen data, for titles. */
    public String describe() {
        return train != null ? train + " + " + test : data != null ? data.toString()
                : dataset == Builtin.FASHION ? FashionMnist.NAME : Mnist.NAME;
    }

    private void check() {
        int sources = (dataset != null ? 1 : 0) + (data != null ? 1 : 0) + (train != null || test != null ? 1 : 0);
        if (sources > 1) {
            throw usage("--dataset, --data and --train/--test are alternatives; give only one of them");
        }
        if ((train == null) != (test == null)) {
            throw usage(train == null ? "--test needs --train" : "--train needs --test");
        }
        if (validation != null && validation < 0) {
            throw usage("--validation " + validation + ": must be 0 or more");
        }
        if (labels != LabelConvention.ZERO_BASED && data == null && train == null) {
            throw usage("--labels " + labels.spelling() + " applies to --data and --train/--test files;"
                    + " MNIST and Fashion-MNIST are labelled 0..9");
        }
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
            LabelConvention c = LabelConvention.parse(value);
            if (c == null) {
                throw new TypeConversionException("'" + value + "' is not a label convention; use 0..9 or 1..10");
            }
            return c;
        }
    }
}
