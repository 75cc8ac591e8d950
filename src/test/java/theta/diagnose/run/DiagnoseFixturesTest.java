package theta.diagnose.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import theta.diagnose.Candidate;
import theta.diagnose.ColumnVerdict;
import theta.diagnose.Columns;
import theta.diagnose.DiagnosisResult;
import theta.diagnose.Diagnoser;
import theta.diagnose.Side;
import theta.testing.Tools;

/**
 * Every fixture, run in the real interpreter, is diagnosed as the catalogue entry it holds, and the
 * correct ones as correct. NumPy runs every fixture at hidden sigmoid, tanh, softplus, relu x output
 * softmax, sigmoid at lambda 3, and at two of those setups with lambda 0 (the correct code at all
 * eight), in one process; Octave, slower per call, runs every fixture at four setups that together
 * cover each activation, both outputs and both lambdas, also in one process.
 */
class DiagnoseFixturesTest {
    private record Case(Variant variant, String activation, String output, double lambda) {
        @Override
        public String toString() {
            return variant.octave() + " " + activation + "/" + output + " lambda " + lambda;
        }
    }

    @Test
    void pythonFixturesAreDiagnosedAsWhatTheyAre() {
        Tools.requirePython("numpy");
        List<Case> cases = new ArrayList<>();
        for (Variant v : Variant.ALL) {
            for (String a : Fixtures.ACTIVATIONS) {
                for (String o : Fixtures.OUTPUTS) {
                    cases.add(new Case(v, a, o, 3));
                    // lambda 0 hides the penalty mistakes; the full lambda-0 row for the correct code and two setups for the rest
                    if (v.mistake() == null || a.equals("tanh") && o.equals("softmax") || a.equals("relu") && o.equals("sigmoid")) {
                        cases.add(new Case(v, a, o, 0));
                    }
                }
            }
        }
        List<CostJob> jobs = cases.stream()
                .map(c -> Fixtures.python(c.variant().python(), c.activation(), c.output(), c.lambda())).toList();
        check(cases, new PythonInterpreter(Tools.python(), Duration.ofMinutes(3)).costs(jobs));
    }

    @Test
    void octaveFixturesAreDiagnosedAsWhatTheyAre() {
        Tools.requireOctave();
        String[][] setups = {{"tanh", "softmax", "3"}, {"softplus", "sigmoid", "3"}, {"relu", "softmax", "3"},
            {"sigmoid", "sigmoid", "0"}};
        List<Case> cases = new ArrayList<>();
        for (Variant v : Variant.ALL) {
            for (String[] s : setups) {
                String output = v.mistake() != null && v.mistake().endsWith("-on-sigmoid") ? "sigmoid"
                        : v.mistake() != null && v.mistake().endsWith("-on-softmax") ? "softmax" : s[1];
                cases.add(new Case(v, s[0], output, Double.parseDouble(s[2])));
            }
        }
        List<CostJob> jobs = cases.stream()
                .map(c -> Fixtures.octave(c.variant().octave(), c.activation(), c.output(), c.lambda())).toList();
        check(cases, new OctaveInterpreter(Tools.octave(), Duration.ofMinutes(3)).costs(jobs));
    }

    private static void check(List<Case> cases, List<Interpreter.Result<CostRun>> results) {
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            Interpreter.Result<CostRun> r = results.get(i);
            if (r.error() != null) {
                wrong.add(c + ": " + r.error());
                continue;
            }
            DiagnosisResult d = Diagnoser.diagnose(Fixtures.problem(c.activation(), c.output(), c.lambda()),
                    Columns.exact(r.value().numerical(), r.value().analytical()));
            String want = c.variant().expected(c.activation(), c.output(), c.lambda());
            Side side = c.variant().side();
            boolean ok = want == null ? d.correct()
                    : names(d.column(side), want) && d.column(other(side)).kind() == ColumnVerdict.Kind.CORRECT;
            if (!ok) {
                wrong.add(c + ": expected " + (want == null ? "correct" : want) + ", got " + d.verdict());
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + cases.size() + " misdiagnosed:\n" + String.join("\n", wrong));
    }

    private static boolean names(ColumnVerdict v, String id) {
        return v.kind() == ColumnVerdict.Kind.MISTAKE && v.matches().stream().map(Candidate::id).anyMatch(id::equals);
    }

    private static Side other(Side s) {
        return s == Side.NUMERICAL ? Side.ANALYTICAL : Side.NUMERICAL;
    }
}
