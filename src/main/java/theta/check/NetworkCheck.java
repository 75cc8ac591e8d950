package theta.check;

import theta.nn.NetworkCost;

/** Gradient-checks theta's own network: its cost, with kink detection and the diagnosis context. */
public final class NetworkCheck {
    private NetworkCheck() {}

    public static CheckReport check(NetworkCost cost, double[] params, CheckOptions opts) {
        return GradientChecker.check(cost, params, cost.network().layout().blocks(), opts,
                new Diagnosis.Context(cost.m(), cost.lambda()));
    }
}
