package theta.diagnose;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * What theta says about a learner's two columns: each column's verdict for the lambda that fits
 * best, and the fix.
 *
 * @param problem the setup, with the lambda that fits best
 * @param lambdasTried the lambdas tried (one when it was given)
 * @param lambdasFitting the tried lambdas that explain the columns with the fewest mistakes
 * @param digits the fewest significant digits of a written entry
 */
public record DiagnosisResult(DiagnosisProblem problem, List<Double> lambdasTried, List<Double> lambdasFitting,
                              int rows, int digits, ColumnVerdict numerical, ColumnVerdict analytical) {
    public DiagnosisResult {
        lambdasTried = List.copyOf(lambdasTried);
        lambdasFitting = List.copyOf(lambdasFitting);
    }

    public double lambda() {
        return problem.lambda();
    }

    /** Both columns are what correct code gives. */
    public boolean correct() {
        return numerical.kind() == ColumnVerdict.Kind.CORRECT && analytical.kind() == ColumnVerdict.Kind.CORRECT;
    }

    public ColumnVerdict column(Side side) {
        return side == Side.NUMERICAL ? numerical : analytical;
    }

    /** The combined verdict in one line. */
    public String verdict() {
        if (correct()) {
            return "both columns are right: the cost and its gradient agree";
        }
        List<String> parts = new ArrayList<>();
        for (ColumnVerdict c : List.of(numerical, analytical)) {
            String where = c.side() == Side.NUMERICAL ? "the cost" : "the backprop";
            switch (c.kind()) {
                case CORRECT -> parts.add(where + " is right");
                case MISTAKE -> parts.add(where + " has " + (c.matches().size() == 1
                        ? (c.matches().get(0).mistakes().size() == 1 ? "a mistake: " : "mistakes: ")
                                + c.matches().get(0).id()
                        : "one of: " + String.join(", ", c.matches().stream().map(Candidate::id).toList())));
                case UNKNOWN -> parts.add(where + " is wrong in a way theta does not know");
            }
        }
        return String.join("; ", parts);
    }

    /** The Octave lines that fix what was found (of the first explanation when several fit), without repeats. */
    public List<String> fix() {
        Set<String> lines = new LinkedHashSet<>();
        for (ColumnVerdict c : List.of(numerical, analytical)) {
            if (c.kind() == ColumnVerdict.Kind.MISTAKE) {
                for (Mistake mk : c.matches().get(0).mistakes()) {
                    lines.addAll(mk.fix(problem));
                }
            }
        }
        return List.copyOf(lines);
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("network", problem.architecture().toString());
        o.addProperty("m", problem.m());
        o.addProperty("activation", problem.activation().spec());
        o.addProperty("output", problem.output().id());
        o.addProperty("lambda", lambda());
        o.add("lambdasTried", numbers(lambdasTried));
        o.add("lambdasFitting", numbers(lambdasFitting));
        o.addProperty("rows", rows);
        o.addProperty("parameters", problem.size());
        o.addProperty("digits", digits);
        o.addProperty("correct", correct());
        o.addProperty("verdict", verdict());
        o.add("numerical", column(numerical));
        o.add("analytical", column(analytical));
        JsonArray fix = new JsonArray();
        fix().forEach(fix::add);
        o.add("fix", fix);
        return o;
    }

    private static JsonArray numbers(List<Double> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    private static JsonObject column(ColumnVerdict c) {
        JsonObject o = new JsonObject();
        o.addProperty("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT));
        o.addProperty("verdict", c.verdict());
        o.add("matches", candidates(c.matches(), c.side()));
        o.add("alsoMatching", candidates(c.alsoMatching(), c.side()));
        JsonArray blocks = new JsonArray();
        for (ColumnVerdict.BlockAgreement b : c.blocks()) {
            JsonObject j = new JsonObject();
            j.addProperty("block", b.block());
            j.addProperty("from", b.from());
            j.addProperty("to", b.to());
            j.addProperty("agrees", b.agrees());
            j.addProperty("relativeDifference", b.relativeDifference());
            j.addProperty("ratio", b.ratio());
            blocks.add(j);
        }
        o.add("blocks", blocks);
        JsonArray nearest = new JsonArray();
        for (ColumnVerdict.Nearest n : c.nearest()) {
            JsonObject j = candidate(n.candidate(), c.side());
            j.addProperty("disagreeing", n.disagreeing());
            j.addProperty("relativeDifference", n.relativeDifference());
            j.addProperty("ratio", n.ratio());
            j.addProperty("scaledDifference", n.scaledDifference());
            j.addProperty("proportional", n.proportional());
            nearest.add(j);
        }
        o.add("nearest", nearest);
        return o;
    }

    private static JsonArray candidates(List<Candidate> list, Side side) {
        JsonArray a = new JsonArray();
        list.forEach(c -> a.add(candidate(c, side)));
        return a;
    }

    private static JsonObject candidate(Candidate c, Side side) {
        JsonObject j = new JsonObject();
        j.addProperty("id", c.id());
        j.addProperty("description", c.describe(side));
        JsonArray ids = new JsonArray();
        c.mistakes().forEach(mk -> ids.add(mk.id()));
        j.add("mistakes", ids);
        return j;
    }
}
