package theta.diagnose;

import java.util.List;
import java.util.Locale;

import theta.activation.Activation;
import theta.activation.Activations;
import theta.loss.Loss;

/** Tables as checkNNGradients prints them, made from theta's own candidates. */
final class Tables {
    static final List<Activation> HIDDEN = List.of(Activations.parse("sigmoid"), Activations.parse("tanh"),
            Activations.parse("softplus"), Activations.parse("relu"));
    static final List<Loss> OUTPUTS = List.of(Loss.SOFTMAX, Loss.SIGMOID);

    private Tables() {}

    /** disp([numgrad grad]) of the first rows, with 5 significant digits (%.4e). */
    static String print(double[] numerical, double[] analytical, int rows) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            sb.append(String.format(Locale.ROOT, "  %11.4e  %11.4e%n", numerical[i], analytical[i]));
        }
        return sb.toString();
    }

    /** The candidate with exactly these mistake ids ("correct" for none). */
    static Candidate find(List<Candidate> candidates, String id) {
        return candidates.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no candidate " + id));
    }

    static CandidateSet set(DiagnosisProblem p) {
        return new CandidateSet(p, p.size());
    }
}
