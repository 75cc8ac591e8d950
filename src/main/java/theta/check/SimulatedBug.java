package theta.check;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import theta.math.KinkAware;
import theta.nn.NetworkCost;

/**
 * Deliberate mistakes in the cost (the gradient stays correct), to see what the checker says
 * about them. {@link #QUESTION} is the classic one: the data term summed instead of averaged
 * and the penalty subtracted, J = sum L - lambda/(2m) sum theta^2.
 */
public enum SimulatedBug {
    NONE("none", CostForm.CORRECT),
    /** J = sum L + penalty: the data term is not divided by m. */
    NOT_AVERAGED("not-averaged", CostForm.CORRECT.summedOverM()),
    /** J = (1/m) sum L - penalty. */
    PENALTY_SUBTRACTED("penalty-subtracted", CostForm.CORRECT.withPenalty(CostForm.Penalty.SUBTRACTED)),
    /** J = (1/m) sum L + lambda/m sum theta^2: the 1/2 is missing. */
    PENALTY_NOT_HALVED("penalty-not-halved", CostForm.CORRECT.withPenalty(CostForm.Penalty.NOT_HALVED)),
    /** J = sum L - penalty. */
    QUESTION("question", CostForm.CORRECT.summedOverM().withPenalty(CostForm.Penalty.SUBTRACTED)),
    /** The gradient's sign is flipped. */
    GRADIENT_SIGN("gradient-sign", CostForm.CORRECT);

    private final String id;
    private final CostForm form;

    SimulatedBug(String id, CostForm form) {
        this.id = id;
        this.form = form;
    }

    public String id() {
        return id;
    }

    public static SimulatedBug parse(String s) {
        for (SimulatedBug b : values()) {
            if (b.id.equals(s.trim().toLowerCase(Locale.ROOT))) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown bug '" + s + "' (allowed: "
                + Arrays.stream(values()).map(SimulatedBug::id).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public String toString() {
        return id;
    }

    /** The network's cost with this bug in it; kink detection is kept. */
    public KinkAware apply(NetworkCost cost) {
        if (this == NONE) {
            return cost;
        }
        return new KinkAware() {
            @Override
            public double value(double[] x, double[] grad) {
                double j = cost.value(x, grad);
                return buggy(j, cost, grad);
            }

            @Override
            public Object kinkState() {
                return cost.kinkState();
            }
        };
    }

    private double buggy(double j, NetworkCost cost, double[] grad) {
        if (this == GRADIENT_SIGN) {
            if (grad != null) {
                for (int i = 0; i < grad.length; i++) {
                    grad[i] = -grad[i];
                }
            }
            return j;
        }
        return form.value(cost.lastDataTerm(), cost.lastPenalty(), 0, cost.m());
    }
}
