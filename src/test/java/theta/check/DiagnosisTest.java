package theta.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import theta.activation.Activation;
import theta.loss.Loss;
import theta.nn.Network;
import theta.nn.NetworkCost;
import theta.nn.TestActivations;

/** The checker must fail each simulated bug and name its cause. */
class DiagnosisTest {
    private static String diagnose(Activation g, SimulatedBug bug, double lambda) {
        Network net = DebugProblem.network(g, Loss.SOFTMAX);
        NetworkCost cost = DebugProblem.cost(net, lambda);
        CheckReport r = GradientChecker.check(bug.apply(cost), DebugProblem.parameters(net), net.layout().blocks(),
                CheckOptions.defaults(), new Diagnosis.Context(cost.m(), lambda));
        assertFalse(r.passed(), bug + " should fail");
        return String.join("\n", r.diagnosis());
    }

    @Test
    void theQuestionsCostIsDiagnosedAsNotAveragedAndPenaltySubtracted() {
        for (Activation g : new Activation[] {TestActivations.TANH, TestActivations.SOFTPLUS}) {
            String d = diagnose(g, SimulatedBug.QUESTION, 3);
            assertTrue(d.contains("m = 5 times"), d);
            assertTrue(d.contains("averaged over m"), d);
            assertTrue(d.contains("subtracts its regularisation term"), d);
        }
    }

    @Test
    void notAveragedWithoutRegularisation() {
        String d = diagnose(TestActivations.TANH, SimulatedBug.NOT_AVERAGED, 0);
        assertTrue(d.contains("averaged over m"), d);
        assertFalse(d.contains("regularisation terms"), d);
    }

    @Test
    void penaltySubtractedAlone() {
        String d = diagnose(TestActivations.SIGMOID, SimulatedBug.PENALTY_SUBTRACTED, 3);
        assertTrue(d.contains("subtracts its regularisation term"), d);
        assertFalse(d.contains("times the analytical"), d);
    }

    @Test
    void penaltyWithoutTheHalf() {
        String d = diagnose(TestActivations.TANH, SimulatedBug.PENALTY_NOT_HALVED, 3);
        assertTrue(d.contains("twice the gradient's"), d);
    }

    @Test
    void flippedSign() {
        String d = diagnose(TestActivations.TANH, SimulatedBug.GRADIENT_SIGN, 1);
        assertTrue(d.contains("opposite signs"), d);
    }

    @Test
    void correctCostHasNoDiagnosis() {
        Network net = DebugProblem.network(TestActivations.TANH, Loss.SOFTMAX);
        NetworkCost cost = DebugProblem.cost(net, 3);
        CheckReport r = GradientChecker.check(SimulatedBug.NONE.apply(cost), DebugProblem.parameters(net),
                net.layout().blocks(), CheckOptions.defaults(), new Diagnosis.Context(5, 3));
        assertTrue(r.passed());
        assertTrue(r.diagnosis().isEmpty());
    }
}
