package theta.diagnose;

import java.util.ArrayList;
import java.util.List;

import theta.InputException;

/**
 * Says what a learner's gradient-check columns are: for the problem they ran on, theta computes
 * the correct columns and those of every known mistake ({@link CandidateSet}) and matches each
 * column on its own ({@link Matcher}), so a cost mistake and a backprop mistake are found together.
 */
public final class Diagnoser {
    private Diagnoser() {}

    /** Diagnoses the columns for the problem's own lambda. */
    public static DiagnosisResult diagnose(DiagnosisProblem problem, Columns columns) {
        return diagnose(problem, columns, List.of(problem.lambda()));
    }

    /**
     * Diagnoses the columns for each lambda and keeps the one whose explanation needs the fewest
     * mistakes (the first of equals, in the order given).
     */
    public static DiagnosisResult diagnose(DiagnosisProblem problem, Columns columns, List<Double> lambdas) {
        if (lambdas.isEmpty()) {
            throw new IllegalArgumentException("no lambda to try");
        }
        if (columns.rows() > problem.size()) {
            throw new InputException("the table has " + columns.rows() + " rows but the parameter vector of "
                    + problem.architecture() + " has " + problem.size() + " entries");
        }
        return diagnose(problem, columns, lambdas, new CandidateSet(problem, columns.rows()));
    }

    /** With the candidates already computed (they depend on the problem and the number of rows, not on lambda). */
    static DiagnosisResult diagnose(DiagnosisProblem problem, Columns columns, List<Double> lambdas, CandidateSet set) {
        if (set.rows() != columns.rows()) {
            throw new IllegalArgumentException("candidates for " + set.rows() + " rows, table of " + columns.rows());
        }
        List<DiagnosisResult> results = new ArrayList<>();
        for (double lambda : lambdas) {
            DiagnosisProblem p = problem.withLambda(lambda);
            ColumnVerdict num = Matcher.verdict(Side.NUMERICAL, columns.view(Side.NUMERICAL),
                    columns.resolution(Side.NUMERICAL), set.numerical(lambda), p.layout());
            ColumnVerdict ana = Matcher.verdict(Side.ANALYTICAL, columns.view(Side.ANALYTICAL),
                    columns.resolution(Side.ANALYTICAL), set.analytical(lambda), p.layout());
            results.add(new DiagnosisResult(p, lambdas, List.of(), columns.rows(), columns.digits(), num, ana));
        }
        long best = results.stream().mapToLong(Diagnoser::score).min().orElseThrow();
        List<Double> fitting = new ArrayList<>();
        DiagnosisResult chosen = null;
        for (DiagnosisResult r : results) {
            if (score(r) == best) {
                fitting.add(r.lambda());
                chosen = chosen == null ? r : chosen;
            }
        }
        return new DiagnosisResult(chosen.problem(), lambdas, fitting, chosen.rows(), chosen.digits(),
                chosen.numerical(), chosen.analytical());
    }

    private static long score(DiagnosisResult r) {
        return (long) r.numerical().mistakeCount() + r.analytical().mistakeCount();
    }
}
