package theta.diagnose.run;

import java.util.List;

import theta.diagnose.Side;

/**
 * A fixture: its Octave function and Python module, the catalogue entry it holds (null: the correct
 * code) and the column it shows in, and the setups where it gives the correct numbers all the same.
 */
record Variant(String octave, String python, String mistake, Side side) {
    static final List<Variant> ALL = List.of(
            new Variant("nnCostFunction", "net", null, null),
            new Variant("nnCostNotAveraged", "net_not_averaged", "not-averaged", Side.NUMERICAL),
            new Variant("nnCostPenaltyMissing", "net_penalty_missing", "penalty-missing", Side.NUMERICAL),
            new Variant("nnCostPenaltySubtracted", "net_penalty_subtracted", "penalty-subtracted", Side.NUMERICAL),
            new Variant("nnCostPenaltyNotHalved", "net_penalty_not_halved", "penalty-not-halved", Side.NUMERICAL),
            new Variant("nnCostPenaltyNotDividedByM", "net_penalty_not_divided_by_m", "penalty-not-divided-by-m",
                    Side.NUMERICAL),
            new Variant("nnCostBiasRegularised", "net_bias_regularised", "bias-regularised", Side.NUMERICAL),
            new Variant("nnCostBinaryCostOnSoftmax", "net_binary_cost_on_softmax", "binary-cross-entropy-on-softmax",
                    Side.NUMERICAL),
            new Variant("nnCostSoftmaxCostOnSigmoid", "net_softmax_cost_on_sigmoid", "softmax-cross-entropy-on-sigmoid",
                    Side.NUMERICAL),
            new Variant("nnCostOneLineCost", "net_one_line_cost", "one-line-cost", Side.NUMERICAL),
            new Variant("nnCostSigmoidGradientHardcoded", "net_sigmoid_gradient_hardcoded", "sigmoid-derivative-of-z2",
                    Side.ANALYTICAL),
            new Variant("nnCostGradientOfA2", "net_gradient_of_a2", "%s-derivative-of-a2", Side.ANALYTICAL),
            new Variant("nnCostGradientFromAOfZ2", "net_gradient_from_a_of_z2", "%s-output-form-of-z2", Side.ANALYTICAL),
            new Variant("nnCostGradNotAveraged", "net_grad_not_averaged", "gradient-not-divided-by-m", Side.ANALYTICAL),
            new Variant("nnCostGradNotRegularised", "net_grad_not_regularised", "regularisation-missing",
                    Side.ANALYTICAL),
            new Variant("nnCostGradBiasRegularised", "net_grad_bias_regularised", "regularisation-on-bias",
                    Side.ANALYTICAL),
            new Variant("nnCostSigmoidOutputDelta", "net_sigmoid_output_delta", "squared-error-delta", Side.ANALYTICAL),
            new Variant("nnCostDeltaSign", "net_delta_sign", "delta-sign", Side.ANALYTICAL),
            new Variant("nnCostBiasNotRemoved", "net_bias_not_removed", "bias-column-kept", Side.ANALYTICAL));

    /** The catalogue id this fixture shows at a setup, or null where its numbers are the correct ones. */
    String expected(String activation, String output, double lambda) {
        if (mistake == null) {
            return null;
        }
        boolean penalty = mistake.startsWith("penalty-") || mistake.equals("bias-regularised")
                || mistake.startsWith("regularisation-");
        boolean same = penalty && lambda == 0
                || mistake.equals("binary-cross-entropy-on-softmax") && output.equals("sigmoid")
                || mistake.equals("softmax-cross-entropy-on-sigmoid") && output.equals("softmax")
                || mistake.startsWith("sigmoid-derivative") && activation.equals("sigmoid")
                // relu'(a) = relu'(z) and (a > 0) = (z > 0): a ReLU layer cannot tell z2 and a2 apart
                || mistake.startsWith("%s") && activation.equals("relu");
        return same ? null : String.format(mistake, activation);
    }
}
