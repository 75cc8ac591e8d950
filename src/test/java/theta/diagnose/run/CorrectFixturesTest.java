package theta.diagnose.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import theta.testing.Tools;

/**
 * The correct Octave and Python fixtures agree with theta's own J and gradient on the debug
 * problem, for every hidden activation x output x lambda: this checks the bridge (files, layouts,
 * labels) and the fixtures independently of any diagnosis. All setups run in one process each.
 */
class CorrectFixturesTest {
    private record Setup(String activation, String output, double lambda) {}

    private static List<Setup> setups() {
        List<Setup> s = new ArrayList<>();
        for (String a : Fixtures.ACTIVATIONS) {
            for (String o : Fixtures.OUTPUTS) {
                for (double lambda : new double[] {0, 3}) {
                    s.add(new Setup(a, o, lambda));
                }
            }
        }
        return s;
    }

    @Test
    void octaveFixtureAgreesWithTheta() {
        Tools.requireOctave();
        List<Setup> setups = setups();
        List<CostJob> jobs = setups.stream()
                .map(s -> Fixtures.octave("nnCostFunction", s.activation(), s.output(), s.lambda())).toList();
        check(setups, new OctaveInterpreter(Tools.octave(), Duration.ofMinutes(2)).costs(jobs));
    }

    @Test
    void pythonFixtureAgreesWithTheta() {
        Tools.requirePython("numpy");
        List<Setup> setups = setups();
        List<CostJob> jobs = setups.stream()
                .map(s -> Fixtures.python("net", s.activation(), s.output(), s.lambda())).toList();
        check(setups, new PythonInterpreter(Tools.python(), Duration.ofMinutes(2)).costs(jobs));
    }

    private static void check(List<Setup> setups, List<Interpreter.Result<CostRun>> results) {
        for (int i = 0; i < setups.size(); i++) {
            Setup s = setups.get(i);
            Interpreter.Result<CostRun> r = results.get(i);
            assertNull(r.error(), s + ": " + r.error());
            double[] want = Fixtures.theta(s.activation(), s.output(), s.lambda());
            CostRun run = r.value();
            assertEquals(want[0], run.j(), 1e-9 * Math.abs(want[0]), s + ": J");
            double[] g = run.analytical();
            double[] num = run.numerical();
            for (int k = 0; k < g.length; k++) {
                assertEquals(want[k + 1], g[k], 1e-9 * (1e-3 + Math.abs(want[k + 1])), s + ": grad(" + (k + 1) + ")");
                // central differences with e = 1e-4 are good to about e^2 = 1e-8 here
                assertEquals(want[k + 1], num[k], 1e-7, s + ": numerical grad(" + (k + 1) + ")");
            }
        }
    }
}
