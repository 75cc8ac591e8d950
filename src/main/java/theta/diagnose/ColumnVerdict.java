package theta.diagnose;

import java.util.List;

/**
 * What one column is.
 *
 * @param matches CORRECT: the correct candidate; MISTAKE: every candidate with the fewest mistakes
 *     that matches (more than one: they cannot be told apart on this problem); UNKNOWN: none
 * @param alsoMatching for CORRECT: single mistakes that give the same numbers on these rows (e.g.
 *     every penalty mistake when lambda is 0), so this check cannot rule them out
 * @param blocks agreement with the correct column, per block of the parameter vector
 * @param nearest the closest candidates, nearest first (for UNKNOWN)
 */
public record ColumnVerdict(Side side, Kind kind, List<Candidate> matches, List<Candidate> alsoMatching,
                            List<BlockAgreement> blocks, List<Nearest> nearest) {
    /** The column matches the correct candidate, one or more mistakes, or none of the candidates. */
    public enum Kind { CORRECT, MISTAKE, UNKNOWN }

    /**
     * A candidate and how far the column is from it: rows that disagree, norm(col - cand) /
     * norm(col + cand), and the least-squares ratio col / cand with what is left after it,
     * norm(col - ratio cand) / norm(col) (near 0: the column is that candidate times a constant).
     */
    public record Nearest(Candidate candidate, int disagreeing, int rows, double relativeDifference, double ratio,
                          double scaledDifference) {
        /** The column is the candidate times a constant other than 1, to about 4 digits. */
        public boolean proportional() {
            return scaledDifference < 1e-4 && Math.abs(ratio - 1) > 1e-3;
        }
    }

    /**
     * A block of the parameter vector (e.g. "Theta1 weights") on the table's rows: whether every
     * entry matches the correct column, norm(col - correct) / norm(col + correct), and the least-squares
     * ratio col / correct.
     */
    public record BlockAgreement(String block, int from, int to, boolean agrees, double relativeDifference,
                                 double ratio) {}

    public ColumnVerdict {
        matches = List.copyOf(matches);
        alsoMatching = List.copyOf(alsoMatching);
        blocks = List.copyOf(blocks);
        nearest = List.copyOf(nearest);
    }

    /** Number of mistakes in the explanation: 0 correct, n for n mistakes, none for unknown. */
    int mistakeCount() {
        return switch (kind) {
            case CORRECT -> 0;
            case MISTAKE -> matches.get(0).mistakes().size();
            case UNKNOWN -> Integer.MAX_VALUE / 4;
        };
    }

    /** One line: what this column is. */
    public String verdict() {
        return switch (kind) {
            case CORRECT -> matches.get(0).describe(side);
            case MISTAKE -> matches.size() == 1 ? matches.get(0).describe(side)
                    : "one of " + matches.size() + " mistakes that give the same numbers on this problem";
            case UNKNOWN -> "nothing theta knows";
        };
    }
}
