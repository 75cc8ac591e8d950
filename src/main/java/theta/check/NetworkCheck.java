package theta.check;

import theta.nn.NetworkCost;

/** Gradient-checks theta's own network: its cost, with kink detection and the diagnosis context. */
public final class NetworkCheck {
    private NetworkCheck() {}

    public static CheckReport check(NetworkCost cost, double[] params, CheckOptions opts) {
        return GradientChecker.check(kinkAware(cost), params, cost.network().layout().blocks(), opts,
                new Diagnosis.Context(cost.m(), cost.lambda()));
    }

    static KinkAware kinkAware(NetworkCost cost) {
        return new KinkAware() {
            @Override
            public double value(double[] x, double[] grad) {
                return cost.value(x, grad);
            }

            @Override
            public Object kinkState() {
                return cost.kinkState();
            }
        };
    }
}
