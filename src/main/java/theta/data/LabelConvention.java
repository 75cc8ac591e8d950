package theta.data;

/**
 * How labels are written in a file: the first label ({@code 0} or {@code 1}) and the number of
 * classes K, fixed or {@link #INFERRED} from the data (or the weights). Classes inside theta are
 * always 0..K-1: label L is class L - first.
 *
 * <p>One exception keeps the classic Octave exercise's meaning: with labels 1..10 (K = 10 and
 * first 1, given or inferred) the labels are digits and 10 stands for the digit 0, so label L is
 * class L % 10. {@link #unit} gives back the exercise's output unit (L - 1) for its cost.
 */
public record LabelConvention(int first, int classes) {
    /** K is taken from the data (the largest label) or from the weights. */
    public static final int INFERRED = 0;
    /** Most classes a convention may name. */
    public static final int MAX_CLASSES = 1_000_000;
    /** With K inferred, a label must be below first + this: guards against reading a pixel column as labels. */
    public static final int INFERRED_LIMIT = 1000;

    /** 0..K-1, K inferred: the default for IDX and CSV files. */
    public static final LabelConvention ZERO_BASED = new LabelConvention(0, INFERRED);
    /** 1..K, K inferred: Octave's 1-based labels, the default for .mat files. */
    public static final LabelConvention ONE_BASED = new LabelConvention(1, INFERRED);
    /** The exercise's 1..10, 10 meaning the digit 0. */
    public static final LabelConvention ONE_TO_TEN = new LabelConvention(1, 10);

    public LabelConvention {
        if (first != 0 && first != 1) {
            throw new IllegalArgumentException("labels start at 0 or 1, not " + first);
        }
        if (classes != INFERRED && (classes < 2 || classes > MAX_CLASSES)) {
            throw new IllegalArgumentException("a label convention needs 2.." + MAX_CLASSES + " classes, not " + classes);
        }
    }

    /**
     * Parses "0..K-1", "1..K" (K inferred), or "A..B" with A = 0 or 1 ("0..9", "1..10", "1..4");
     * IllegalArgumentException saying what is allowed otherwise.
     */
    public static LabelConvention parse(String s) {
        String t = s.strip();
        if (t.equalsIgnoreCase("0..K-1")) {
            return ZERO_BASED;
        }
        if (t.equalsIgnoreCase("1..K")) {
            return ONE_BASED;
        }
        String[] ends = t.split("\\.\\.", -1);
        if (ends.length == 2 && ends[0].matches("[01]") && ends[1].matches("[0-9]{1,7}")) {
            int a = Integer.parseInt(ends[0]);
            int k = Integer.parseInt(ends[1]) - a + 1;
            if (k >= 2 && k <= MAX_CLASSES) {
                return new LabelConvention(a, k);
            }
        }
        throw new IllegalArgumentException("'" + s + "' is not a label convention; use 0..K-1 or 1..K (K inferred),"
                + " or 0..N or 1..N with at least 2 classes, e.g. 0..9 or 1..10 (the exercise's, 10 meaning 0)");
    }

    public boolean inferred() {
        return classes == INFERRED;
    }

    /** True for the exercise's digits 1..10, where label 10 is the digit 0. */
    public boolean digits() {
        return first == 1 && classes == 10;
    }

    /**
     * The position of {@code label} in this convention (label - first), or -1 when the label is
     * outside it; with K inferred, labels up to first + limit - 1 are allowed.
     */
    public int index(long label, int limit) {
        long i = label - first;
        return i >= 0 && i < (inferred() ? limit : classes) ? (int) i : -1;
    }

    /** This convention with K fixed: as given, else the largest index + 1, at least {@code floor} and 2. */
    public LabelConvention resolve(int maxIndex, int floor) {
        return inferred() ? new LabelConvention(first, Math.max(Math.max(2, floor), maxIndex + 1)) : this;
    }

    /** The class (0..K-1) of the label at {@code index}; digits 1..10 map label 10 to the digit 0. */
    public int toClass(int index) {
        return digits() ? (index + 1) % 10 : index;
    }

    /** The exercise's output unit (0-based) of a class: label - first, so unit 9 is label 10 (digit 0) in 1..10. */
    public int unit(int cls) {
        return digits() ? (cls + 9) % 10 : cls;
    }

    /** The labels allowed, for messages: "0..9", "1..10", or "0..999" with K inferred and that limit. */
    public String range(int limit) {
        return first + ".." + (first + (inferred() ? limit : classes) - 1);
    }

    /** How the option spells it: "0..9", "1..10", "1..K", "0..K-1". */
    public String spelling() {
        return inferred() ? (first == 0 ? "0..K-1" : "1..K") : first + ".." + (first + classes - 1);
    }

    @Override
    public String toString() {
        return spelling();
    }
}
