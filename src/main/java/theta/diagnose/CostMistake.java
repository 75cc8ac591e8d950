package theta.diagnose;

import java.util.ArrayList;
import java.util.List;

import theta.check.CostForm;
import theta.check.CostForm.DataTerm;
import theta.check.CostForm.Penalty;
import theta.loss.Loss;

/** The known mistakes in a cost J: each one changes theta's {@link CostForm#CORRECT} in one place. */
public enum CostMistake implements Mistake {
    NOT_AVERAGED("not-averaged", Slot.AVERAGING,
            "the data term is summed over the m examples, not averaged (the 1/m is missing)",
            "divide the data term by m"),
    PENALTY_MISSING("penalty-missing", Slot.PENALTY,
            "the regularisation term lambda/(2m) sum(theta^2) is left out", "add the penalty"),
    PENALTY_SUBTRACTED("penalty-subtracted", Slot.PENALTY,
            "the penalty is subtracted: J = ... - lambda/(2m) sum(theta^2)", "add the penalty, do not subtract it"),
    PENALTY_NOT_HALVED("penalty-not-halved", Slot.PENALTY,
            "the penalty is lambda/m sum(theta^2): its 1/2 is missing", "halve the penalty: lambda / (2*m)"),
    PENALTY_NOT_DIVIDED_BY_M("penalty-not-divided-by-m", Slot.PENALTY,
            "the penalty is lambda/2 sum(theta^2): it is not divided by m", "divide the penalty by m: lambda / (2*m)"),
    BIAS_REGULARISED("bias-regularised", Slot.PENALTY,
            "the penalty includes the bias columns Theta1(:,1) and Theta2(:,1)",
            "leave the bias columns out of the penalty: Theta(:, 2:end)"),
    BINARY_CE_ON_SOFTMAX("binary-cross-entropy-on-softmax", Slot.DATA_TERM,
            "the binary (sigmoid) cross-entropy -Y.*log(h) - (1-Y).*log(1-h) is applied to softmax outputs",
            "with a softmax output the cross-entropy is -sum(sum(Y .* log(h))): drop the (1-Y).*log(1-h) term"),
    SOFTMAX_CE_ON_SIGMOID("softmax-cross-entropy-on-sigmoid", Slot.DATA_TERM,
            "the softmax cross-entropy -Y.*log(h) is applied to sigmoid outputs (the (1-Y).*log(1-h) term is missing)",
            "with sigmoid outputs the cross-entropy is -Y.*log(h) - (1-Y).*log(1-h)"),
    ONE_LINE_COST("one-line-cost", Slot.WHOLE_COST,
            "the one-line cost J = -(sum(sum(Y.*log(h))) + lambda*p/(2*m)): the data term is not averaged over m"
                    + " and the penalty is subtracted (the minus sign covers both)",
            "average the data term and add the penalty");

    private final String id;
    private final Slot slot;
    private final String description;
    private final String change;

    CostMistake(String id, Slot slot, String description, String change) {
        this.id = id;
        this.slot = slot;
        this.description = description;
        this.change = change;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Side side() {
        return Side.NUMERICAL;
    }

    @Override
    public Slot slot() {
        return slot;
    }

    @Override
    public boolean appliesTo(DiagnosisProblem problem) {
        return switch (this) {
            case BINARY_CE_ON_SOFTMAX -> problem.output() == Loss.SOFTMAX;
            case SOFTMAX_CE_ON_SIGMOID -> problem.output() == Loss.SIGMOID;
            default -> true;
        };
    }

    /** The cost form with this mistake put into {@code form}. */
    public CostForm apply(CostForm form) {
        return switch (this) {
            case NOT_AVERAGED -> form.summedOverM();
            case PENALTY_MISSING -> form.withPenalty(Penalty.MISSING);
            case PENALTY_SUBTRACTED -> form.withPenalty(Penalty.SUBTRACTED);
            case PENALTY_NOT_HALVED -> form.withPenalty(Penalty.NOT_HALVED);
            case PENALTY_NOT_DIVIDED_BY_M -> form.withPenalty(Penalty.NOT_DIVIDED_BY_M);
            case BIAS_REGULARISED -> form.withBiasPenalised();
            case BINARY_CE_ON_SOFTMAX -> form.withData(DataTerm.BINARY_CROSS_ENTROPY);
            case SOFTMAX_CE_ON_SIGMOID -> form.withData(DataTerm.CATEGORICAL_CROSS_ENTROPY);
            case ONE_LINE_COST -> new CostForm(DataTerm.CATEGORICAL_CROSS_ENTROPY, true, Penalty.SUBTRACTED, false);
        };
    }

    /** The imperative one-liner that goes in the fix's comment. */
    public String change() {
        return change;
    }

    @Override
    public List<String> fix(DiagnosisProblem problem) {
        List<String> lines = new ArrayList<>();
        lines.add("% " + change);
        lines.addAll(OctaveLines.cost(problem.output()));
        return lines;
    }
}
