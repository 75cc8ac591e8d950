package theta.diagnose.run;

import java.nio.file.Path;

/**
 * A user's activation code evaluated on a grid: their derivative expression in {@code z}, and
 * optionally their activation expression in {@code z}, at z, z + epsilon and z - epsilon.
 *
 * @param folder where their files are (Octave: added to the path; Python: a module file whose
 *     names the expressions may use, or a folder on sys.path)
 * @param activation their activation's expression, or null
 */
public record ActivationJob(Path folder, String derivative, String activation, double[] z, double epsilon) {
    public ActivationJob {
        if (derivative == null || derivative.isBlank() || derivative.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("expected the derivative as one expression in z, got '" + derivative + "'");
        }
        if (activation != null && (activation.isBlank() || activation.indexOf('\n') >= 0)) {
            throw new IllegalArgumentException("expected the activation as one expression in z, got '" + activation + "'");
        }
        z = z.clone();
    }

    @Override
    public double[] z() {
        return z.clone();
    }
}
