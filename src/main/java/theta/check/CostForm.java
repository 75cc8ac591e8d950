package theta.check;

import java.util.Objects;

/**
 * How a cost J is put together from its pieces, as a learner may write it. theta's own cost is
 * {@link #CORRECT}; the others are the known mistakes that {@code gradcheck --bug} plants and
 * {@code theta diagnose} recognises. With D a data term averaged over the m examples, P =
 * lambda/(2m) sum(theta^2) over the non-bias weights and P_bias the same over the bias columns:
 * <pre>J = (summed ? m : 1) * D + penalty.factor(m) * (P + (biasPenalised ? P_bias : 0))</pre>
 */
public record CostForm(DataTerm data, boolean summed, Penalty penalty, boolean biasPenalised) {
    /** Which data term: theta's loss for the output, or one of the two cross-entropies written over h. */
    public enum DataTerm {
        /** The network's own loss (softmax: categorical cross-entropy; sigmoid: binary cross-entropy). */
        LOSS,
        /** {@code sum(sum(-Y.*log(h) - (1-Y).*log(1-h)))} of the outputs h, whatever they are. */
        BINARY_CROSS_ENTROPY,
        /** {@code -sum(sum(Y.*log(h)))} of the outputs h, whatever they are. */
        CATEGORICAL_CROSS_ENTROPY
    }

    /** How the penalty P enters J. */
    public enum Penalty {
        ADDED, MISSING, SUBTRACTED, NOT_HALVED, NOT_DIVIDED_BY_M;

        /** The multiple of P = lambda/(2m) sum(theta^2) that this form adds. */
        public double factor(int m) {
            return switch (this) {
                case ADDED -> 1;
                case MISSING -> 0;
                case SUBTRACTED -> -1;
                case NOT_HALVED -> 2;
                case NOT_DIVIDED_BY_M -> m;
            };
        }
    }

    public static final CostForm CORRECT = new CostForm(DataTerm.LOSS, false, Penalty.ADDED, false);

    public CostForm {
        Objects.requireNonNull(data);
        Objects.requireNonNull(penalty);
    }

    public CostForm withData(DataTerm d) {
        return new CostForm(d, summed, penalty, biasPenalised);
    }

    /** The data term summed over the examples instead of averaged. */
    public CostForm summedOverM() {
        return new CostForm(data, true, penalty, biasPenalised);
    }

    public CostForm withPenalty(Penalty p) {
        return new CostForm(data, summed, p, biasPenalised);
    }

    public CostForm withBiasPenalised() {
        return new CostForm(data, summed, penalty, true);
    }

    /**
     * J of this form.
     *
     * @param dataTerm the form's data term, averaged over m
     * @param penaltyTerm lambda/(2m) sum(theta^2) over the non-bias weights
     * @param biasPenalty lambda/(2m) sum(theta^2) over the bias columns
     */
    public double value(double dataTerm, double penaltyTerm, double biasPenalty, int m) {
        return (summed ? m : 1) * dataTerm + penalty.factor(m) * (penaltyTerm + (biasPenalised ? biasPenalty : 0));
    }
}
