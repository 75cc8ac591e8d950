package theta.data;

import java.util.Objects;

import theta.InputException;

/**
 * Training, validation and test sets. The validation set is carved from the end of the
 * training file and never from the test set; with no validation it is an empty dataset
 * (see {@link #hasValidation()}). All three have the same features and classes.
 */
public record Splits(Dataset train, Dataset validation, Dataset test) {
    /** The usual MNIST split: the last 10,000 of the 60,000 training images validate. */
    public static final int DEFAULT_VALIDATION = 10_000;

    public Splits {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(test, "test");
        for (Dataset d : new Dataset[] {validation, test}) {
            if (d.features() != train.features()) {
                throw new InputException(d.name() + ": " + d.features() + " features per example, but "
                        + train.name() + " has " + train.features());
            }
            if (d.classes() != train.classes()) {
                throw new IllegalArgumentException(d.name() + ": " + d.classes() + " classes, but "
                        + train.name() + " has " + train.classes());
            }
        }
    }

    /**
     * Splits {@code full} into its first size-n examples (train) and its last n (validation),
     * without copying; the classes of all three sets are made to agree.
     */
    public static Splits of(Dataset full, Dataset test, int validation) {
        if (validation < 0 || validation >= full.size()) {
            throw new ValidationSizeException(validation, full);
        }
        if (full.isBytes() != test.isBytes()) {
            // Gray levels 0..255 are scaled to 0..1; raw values are used as they are: mixing them
            // would train on one scale and test on another.
            Dataset raw = full.isBytes() ? test : full;
            Dataset bytes = full.isBytes() ? full : test;
            throw new InputException(raw.source() + ": pixels are raw values (not all whole numbers 0..255), while "
                    + bytes.source() + " has gray levels 0..255; give both the same scale");
        }
        int classes = Math.max(full.classes(), test.classes());
        Dataset all = full.withClasses(classes);
        String base = full.name().endsWith(" train") ? full.name().substring(0, full.name().length() - 6)
                : full.name();
        int cut = full.size() - validation;
        return new Splits(all.slice(0, cut), all.slice(cut, full.size()).named(base + " validation"),
                test.withClasses(classes));
    }

    public boolean hasValidation() {
        return validation.size() > 0;
    }

    /**
     * A validation size the training data cannot give, with the numbers, so that the CLI can name
     * its option for it.
     */
    public static final class ValidationSizeException extends InputException {
        private final int requested;
        private final int available;
        private final String training;

        ValidationSizeException(int requested, Dataset full) {
            super("validation size " + requested + " must be 0.." + (full.size() - 1) + " (" + full.name() + " has "
                    + full.size() + " examples)");
            this.requested = requested;
            this.available = full.size();
            this.training = full.name();
        }

        /** The name of the training data. */
        public String training() {
            return training;
        }

        /** The validation size asked for. */
        public int requested() {
            return requested;
        }

        /** Examples in the training data, validation included. */
        public int available() {
            return available;
        }
    }
}
