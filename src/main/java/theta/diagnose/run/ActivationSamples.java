package theta.diagnose.run;

/**
 * A user's activation code on a grid: their derivative d(z) and, when they gave their activation,
 * a(z), a(z + epsilon), a(z - epsilon) (null otherwise).
 */
public record ActivationSamples(double[] z, double[] derivative, double[] value, double[] plus, double[] minus,
        double epsilon) {
    public boolean hasActivation() {
        return value != null;
    }

    /** Their activation's central difference at z[i]. */
    public double numericalDerivative(int i) {
        return (plus[i] - minus[i]) / (2 * epsilon);
    }
}
