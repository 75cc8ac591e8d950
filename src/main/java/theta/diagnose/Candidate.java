package theta.diagnose;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What one column would show, on the table's rows, if the code had exactly these mistakes (none:
 * the correct column).
 */
public record Candidate(List<Mistake> mistakes, double[] values) {
    public Candidate {
        mistakes = List.copyOf(mistakes);
    }

    public boolean correct() {
        return mistakes.isEmpty();
    }

    /** e.g. "correct" or "not-averaged + penalty-subtracted". */
    public String id() {
        return correct() ? "correct" : mistakes.stream().map(Mistake::id).collect(Collectors.joining(" + "));
    }

    /** What the column is, in words. */
    public String describe(Side side) {
        if (correct()) {
            return side == Side.NUMERICAL ? "the numerical gradient of the correct cost" : "the correct gradient";
        }
        String what = mistakes.stream().map(Mistake::description).collect(Collectors.joining("; and "));
        return side == Side.NUMERICAL ? "the numerical gradient of a mistaken cost: " + what
                : "the analytical gradient with a mistake: " + what;
    }

    @Override
    public String toString() {
        return id();
    }
}
