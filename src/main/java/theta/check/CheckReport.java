package theta.check;

import java.util.List;

/**
 * The outcome of a gradient check: every checked entry side by side, a summary per block, and,
 * when the check fails, a diagnosis in words.
 *
 * @param entries checked entries, kinks included (flagged)
 * @param blocks per-block summaries over entries away from kinks
 * @param normRatio norm(num - ana) / norm(num + ana) over all entries away from kinks
 * @param worstRelativeError the largest entry-wise relative error away from kinks
 * @param passed normRatio below the tolerance
 * @param diagnosis what the disagreement looks like and its likely cause (empty when passed)
 */
public record CheckReport(List<Entry> entries, List<BlockResult> blocks, double normRatio,
                          double worstRelativeError, double tolerance, boolean passed, List<String> diagnosis) {

    /** One parameter: numerical and analytical derivative. */
    public record Entry(int index, String block, double numerical, double analytical, boolean nearKink) {
        /** |num - ana| / max(|num|, |ana|), with a floor of 1e-10 for derivatives that are both ~0. */
        public double relativeError() {
            return relError(numerical, analytical);
        }

        static double relError(double num, double ana) {
            return Math.abs(num - ana) / Math.max(1e-10, Math.max(Math.abs(num), Math.abs(ana)));
        }
    }

    /** Summary of one named block. */
    public record BlockResult(String name, int checked, int nearKink, double normRatio, double worstRelativeError,
                              boolean passed) {}

    public long kinkCount() {
        return entries.stream().filter(Entry::nearKink).count();
    }
}
