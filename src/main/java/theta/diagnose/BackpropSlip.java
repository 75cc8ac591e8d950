package theta.diagnose;

import java.util.List;

import theta.loss.Loss;

/** Backprop mistakes other than the activation's derivative. */
public enum BackpropSlip implements BackpropMistake {
    GRADIENT_NOT_DIVIDED_BY_M("gradient-not-divided-by-m", Slot.GRADIENT_AVERAGING,
            "the accumulated Delta is not divided by m: Theta_grad = Delta + (lambda/m) Theta"),
    REGULARISATION_MISSING("regularisation-missing", Slot.REGULARISATION,
            "the gradient has no (lambda/m) Theta term"),
    REGULARISATION_ON_BIAS("regularisation-on-bias", Slot.REGULARISATION,
            "the gradient's (lambda/m) Theta term includes the bias column"),
    SQUARED_ERROR_DELTA("squared-error-delta", Slot.OUTPUT_DELTA,
            "the output delta is the squared error's, sigma3 = (h - Y).*h.*(1 - h), not the cross-entropy's h - Y"),
    DELTA_SIGN("delta-sign", Slot.OUTPUT_DELTA,
            "the output delta has the wrong sign: sigma3 = Y - h"),
    /**
     * sigma2 is computed with Theta2's bias column, (sigma3 * Theta2) .* [ones(m,1) g'(z2)] (m x (hidden+1)),
     * and the extra column dropped from the wrong end: sigma2(:, 1:end-1) keeps the bias column and
     * loses the last unit's, so hidden unit j gets the delta of unit j-1 (unit 1 the bias's).
     */
    BIAS_NOT_REMOVED("bias-column-kept", Slot.HIDDEN_BIAS,
            "sigma2 keeps Theta2's bias column and drops the last one instead: sigma2 = sigma2(:, 1:end-1)");

    private final String id;
    private final Slot slot;
    private final String description;

    BackpropSlip(String id, Slot slot, String description) {
        this.id = id;
        this.slot = slot;
        this.description = description;
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
    public Slot slot() {
        return slot;
    }

    @Override
    public boolean appliesTo(DiagnosisProblem problem) {
        return problem.output() == Loss.SOFTMAX || problem.output() == Loss.SIGMOID;
    }

    @Override
    public List<String> fix(DiagnosisProblem problem) {
        return switch (this) {
            case GRADIENT_NOT_DIVIDED_BY_M, REGULARISATION_MISSING, REGULARISATION_ON_BIAS -> OctaveLines.gradients();
            case SQUARED_ERROR_DELTA, DELTA_SIGN -> List.of(OctaveLines.outputDelta(problem.output()));
            case BIAS_NOT_REMOVED -> List.of(OctaveLines.hiddenDelta(problem.activation()));
        };
    }
}
