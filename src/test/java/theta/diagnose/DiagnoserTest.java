package theta.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import theta.activation.Activations;
import theta.loss.Loss;

class DiagnoserTest {
    @Test
    void theClassicQuestionsTableIsNamed() {
        DiagnosisProblem p = DiagnosisProblem.debug(Activations.parse("tanh"), Loss.SOFTMAX, 3);
        CandidateSet set = Tables.set(p);
        Candidate left = Tables.find(set.numerical(3), "one-line-cost");
        Candidate right = Tables.find(set.analytical(3), "sigmoid-derivative-of-z2");
        String table = Tables.print(left.values(), right.values(), p.size());
        System.out.println(table);
        DiagnosisResult r = Diagnoser.diagnose(p, TableParser.parse(table, "t"), Lambdas.EXERCISE);
        System.out.println(r.verdict());
        System.out.println(r.fix());
        System.out.println(r.lambdasFitting());
        assertEquals(3.0, r.lambda());
        assertEquals("one-line-cost", r.numerical().matches().get(0).id());
        assertEquals("sigmoid-derivative-of-z2", r.analytical().matches().get(0).id());
    }

    @Test
    void correctTableIsCorrect() {
        DiagnosisProblem p = DiagnosisProblem.debug(Activations.parse("tanh"), Loss.SOFTMAX, 3);
        CandidateSet set = Tables.set(p);
        String table = Tables.print(Tables.find(set.numerical(3), "correct").values(),
                Tables.find(set.analytical(3), "correct").values(), 15);
        DiagnosisResult r = Diagnoser.diagnose(p, TableParser.parse(table, "t"), List.of(0.0, 1.0, 3.0));
        System.out.println(r.verdict() + " " + r.lambdasFitting() + " " + r.numerical().alsoMatching()
                + r.analytical().alsoMatching());
        assertTrue(r.correct());
    }
}
