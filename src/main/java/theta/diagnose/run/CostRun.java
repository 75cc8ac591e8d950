package theta.diagnose.run;

/**
 * What a user's cost function gave at a problem: J, its analytical gradient, and the numerical
 * gradient of its J (central differences, step {@code epsilon}), both in theta's parameter layout.
 */
public record CostRun(double j, double[] analytical, double[] numerical, double epsilon) {
    public CostRun {
        analytical = analytical.clone();
        numerical = numerical.clone();
    }

    @Override
    public double[] analytical() {
        return analytical.clone();
    }

    @Override
    public double[] numerical() {
        return numerical.clone();
    }
}
