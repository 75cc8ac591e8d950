package theta.data;

/**
 * How labels are written in a file. Classes inside theta are always 0..classes-1.
 *
 * <p>{@link #ONE_TO_TEN} is the classic Octave exercise convention (1-based indexing): digits
 * are labelled 1..10 and 10 stands for the digit 0, so label L becomes class L % 10.
 */
public enum LabelConvention {
    ZERO_BASED("0..9"),
    ONE_TO_TEN("1..10");

    private final String spelling;

    LabelConvention(String spelling) {
        this.spelling = spelling;
    }

    /** How the option spells it: "0..9" or "1..10". */
    public String spelling() {
        return spelling;
    }

    /** The convention spelled "0..9" or "1..10" (or the constant's name), or null if unknown. */
    public static LabelConvention parse(String s) {
        for (LabelConvention c : values()) {
            if (c.spelling.equals(s) || c.name().equalsIgnoreCase(s)) {
                return c;
            }
        }
        return null;
    }

    /**
     * The class of a label as written in the file, or -1 when the label is not allowed.
     * {@code limit} is the number of classes a zero-based file may use (labels 0..limit-1).
     */
    public int toClass(long label, int limit) {
        if (this == ZERO_BASED) {
            return label >= 0 && label < limit ? (int) label : -1;
        }
        return label >= 1 && label <= 10 ? (int) (label % 10) : -1;
    }

    /** The labels allowed, for messages: "0..9" or "1..10". */
    public String range(int limit) {
        return this == ZERO_BASED ? "0.." + (limit - 1) : "1..10";
    }
}
