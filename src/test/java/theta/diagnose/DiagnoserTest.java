package theta.diagnose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import theta.InputException;
import theta.activation.Activation;
import theta.activation.Activations;
import theta.check.DebugProblem;
import theta.loss.Loss;
import theta.nn.Network;

class DiagnoserTest {
    private static final Activation TANH = Activations.parse("tanh");

    @Test
    void theClassicQuestionIsNamedInBothColumns() {
        // tanh hidden, softmax output, J = -(sum(sum(Y.*log(h))) + lambda*p/(2*m)), sigmoidGradient(z2) in sigma2.
        DiagnosisProblem p = DiagnosisProblem.debug(TANH, Loss.SOFTMAX, 3);
        CandidateSet set = Tables.set(p);
        String table = Tables.print(Tables.find(set.numerical(3), "one-line-cost").values(),
                Tables.find(set.analytical(3), "sigmoid-derivative-of-z2").values(), 15);
        DiagnosisResult r = Diagnoser.diagnose(p.withLambda(0), TableParser.parse(table, "t"), Lambdas.EXERCISE);
        assertEquals(3.0, r.lambda());
        assertEquals(List.of(3.0), r.lambdasFitting());
        assertEquals("one-line-cost", r.numerical().matches().get(0).id());
        assertEquals(1, r.analytical().matches().size(), r.analytical().matches().toString());
        assertEquals("sigmoid-derivative-of-z2", r.analytical().matches().get(0).id());
        assertFalse(r.correct());
        assertTrue(r.fix().contains("J = -sum(sum(Y .* log(h))) / m + lambda / (2 * m) * p;"), r.fix().toString());
        assertTrue(r.fix().stream().anyMatch(l -> l.startsWith("sigma2 = (sigma3 * Theta2(:, 2:end)) .* (1-tanh(z2).^2);")),
                r.fix().toString());
        assertTrue(r.verdict().contains("one-line-cost") && r.verdict().contains("sigmoid-derivative-of-z2"));
    }

    @Test
    void anyCostMistakeWithAnyBackpropMistakeIsNamedColumnByColumn() {
        DiagnosisProblem p = DiagnosisProblem.debug(TANH, Loss.SOFTMAX, 3);
        CandidateSet set = Tables.set(p);
        List<String> backprop = List.of("sigmoid-derivative-of-z2", "bias-column-kept", "gradient-not-divided-by-m",
                "squared-error-delta", "regularisation-on-bias", "tanh-derivative-of-a2", "sigmoid-output-form-of-a2");
        for (CostMistake cost : CostMistake.values()) {
            if (!cost.appliesTo(p)) {
                continue;
            }
            for (String b : backprop) {
                String table = Tables.print(Tables.find(set.numerical(3), cost.id()).values(),
                        Tables.find(set.analytical(3), b).values(), p.size());
                DiagnosisResult r = Diagnoser.diagnose(p, TableParser.parse(table, "t"), List.of(3.0), set);
                assertEquals(cost.id(), r.numerical().matches().get(0).id(), cost + " with " + b);
                assertEquals(b, r.analytical().matches().get(0).id(), cost + " with " + b);
            }
        }
    }

    @Test
    void twoMistakesInOneColumnAreNamedTogether() {
        DiagnosisProblem p = DiagnosisProblem.debug(Activations.parse("softplus"), Loss.SIGMOID, 3);
        CandidateSet set = Tables.set(p);
        String left = "not-averaged + penalty-subtracted";
        String right = "softplus-derivative-of-a2 + gradient-not-divided-by-m";
        String table = Tables.print(Tables.find(set.numerical(3), left).values(),
                Tables.find(set.analytical(3), right).values(), p.size());
        DiagnosisResult r = Diagnoser.diagnose(p, TableParser.parse(table, "t"), List.of(3.0), set);
        assertEquals(left, r.numerical().matches().get(0).id());
        assertEquals(right, r.analytical().matches().get(0).id());
    }

    @Test
    void lambdaIsInferredFromZeroOneAndThree() {
        for (double lambda : Lambdas.EXERCISE) {
            DiagnosisProblem p = DiagnosisProblem.debug(TANH, Loss.SOFTMAX, lambda);
            CandidateSet set = Tables.set(p);
            String table = Tables.print(Tables.find(set.numerical(lambda), "correct").values(),
                    Tables.find(set.analytical(lambda), "sigmoid-derivative-of-z2").values(), 15);
            DiagnosisResult r = Diagnoser.diagnose(p.withLambda(7), TableParser.parse(table, "t"), Lambdas.EXERCISE);
            assertEquals(lambda, r.lambda());
            assertEquals(List.of(lambda), r.lambdasFitting());
            assertEquals(ColumnVerdict.Kind.CORRECT, r.numerical().kind());
            assertEquals("sigmoid-derivative-of-z2", r.analytical().matches().get(0).id());
        }
    }

    @Test
    void biasRowsAloneFitEveryLambda() {
        DiagnosisProblem p = DiagnosisProblem.debug(TANH, Loss.SOFTMAX, 1);
        CandidateSet set = Tables.set(p);
        String table = Tables.print(Tables.find(set.numerical(1), "correct").values(),
                Tables.find(set.analytical(1), "correct").values(), 5);
        DiagnosisResult r = Diagnoser.diagnose(p, TableParser.parse(table, "t"), Lambdas.EXERCISE);
        assertTrue(r.correct());
        assertEquals(Lambdas.EXERCISE, r.lambdasFitting());
    }

    @Test
    void aColumnNoMistakeExplainsGetsBlocksAndNearestCandidates() {
        DiagnosisProblem p = DiagnosisProblem.debug(TANH, Loss.SOFTMAX, 0);
        CandidateSet set = Tables.set(p);
        double[] right = Tables.find(set.analytical(0), "correct").values();
        double[] odd = right.clone();
        for (int i = 25; i < odd.length; i++) {
            odd[i] *= 1.5; // Theta2's weights off by half: no known mistake does that
        }
        String table = Tables.print(Tables.find(set.numerical(0), "correct").values(), odd, p.size());
        DiagnosisResult r = Diagnoser.diagnose(p, TableParser.parse(table, "t"), List.of(0.0), set);
        ColumnVerdict v = r.analytical();
        assertEquals(ColumnVerdict.Kind.UNKNOWN, v.kind());
        assertEquals("nothing theta knows", v.verdict());
        assertEquals(3, v.nearest().size());
        assertTrue(v.blocks().stream().filter(b -> b.block().equals("Theta1 weights")).allMatch(ColumnVerdict.BlockAgreement::agrees));
        assertTrue(v.blocks().stream().filter(b -> b.block().equals("Theta2 weights")).noneMatch(ColumnVerdict.BlockAgreement::agrees));
        assertFalse(r.correct());
        assertTrue(r.fix().isEmpty());
        assertTrue(r.toJson().getAsJsonObject("analytical").get("nearest").getAsJsonArray().size() == 3);
    }

    @Test
    void aColumnThatIsACandidateTimesAConstantSaysSo() {
        DiagnosisProblem p = DiagnosisProblem.debug(TANH, Loss.SOFTMAX, 3);
        CandidateSet set = Tables.set(p);
        double[] kept = Tables.find(set.analytical(3), "bias-column-kept").values().clone();
        for (int i = 0; i < kept.length; i++) {
            kept[i] *= -2;
        }
        String table = Tables.print(Tables.find(set.numerical(3), "correct").values(), kept, p.size());
        DiagnosisResult r = Diagnoser.diagnose(p, TableParser.parse(table, "t"), List.of(3.0), set);
        ColumnVerdict.Nearest first = r.analytical().nearest().get(0);
        assertEquals(ColumnVerdict.Kind.UNKNOWN, r.analytical().kind());
        assertTrue(first.proportional());
        assertEquals("bias-column-kept", first.candidate().id());
        assertEquals(-2, first.ratio(), 1e-4);
    }

    @Test
    void floatColumnsFromAnInterpreterMatchToo() {
        DiagnosisProblem p = DiagnosisProblem.debug(Activations.parse("relu"), Loss.SIGMOID, 3);
        CandidateSet set = Tables.set(p);
        Columns exact = Columns.exact(Tables.find(set.numerical(3), "penalty-not-halved").values(),
                Tables.find(set.analytical(3), "bias-column-kept").values());
        DiagnosisResult r = Diagnoser.diagnose(p, exact);
        assertEquals("penalty-not-halved", r.numerical().matches().get(0).id());
        assertEquals("bias-column-kept", r.analytical().matches().get(0).id());
        assertEquals(17, r.digits());
    }

    @Test
    void theReferenceBackpropWithoutMistakesIsThetasGradient() {
        for (Activation g : Tables.HIDDEN) {
            for (Loss out : Tables.OUTPUTS) {
                DiagnosisProblem p = DiagnosisProblem.debug(g, out, 0);
                double[] theirs = new double[p.size()];
                p.cost().value(p.parameters(), theirs);
                double[] ours = new ReferenceBackprop(p).dataGradient(p.parameters(), ReferenceBackprop.Rule.CORRECT);
                for (int i = 0; i < ours.length; i++) {
                    assertEquals(theirs[i], ours[i], 1e-14, g.spec() + "/" + out + " entry " + i);
                }
            }
        }
    }

    @Test
    void theDebugProblemIsGradchecks() {
        DiagnosisProblem p = DiagnosisProblem.debug(TANH, Loss.SOFTMAX, 3);
        Network net = DebugProblem.network(TANH, Loss.SOFTMAX);
        assertArrayEquals(DebugProblem.parameters(net), p.parameters());
        assertArrayEquals(new int[] {1, 2, 0, 1, 2}, p.labels());
        assertEquals(38, p.size());
        assertEquals(Math.sin(1) / 10, p.features()[0]);
        assertEquals(Math.sin(6) / 10, p.features()[1]); // X(1, 2): column-major, m = 5 rows
    }

    @Test
    void aTableLongerThanTheParameterVectorIsBadInput() {
        DiagnosisProblem p = DiagnosisProblem.debug(TANH, Loss.SOFTMAX, 0);
        Columns c = Columns.exact(new double[39], new double[39]);
        InputException e = assertThrows(InputException.class, () -> Diagnoser.diagnose(p, c));
        assertEquals("the table has 39 rows but the parameter vector of 3-5-3 has 38 entries", e.getMessage());
    }

    @Test
    void setupsTheExerciseDoesNotHaveAreBadInput() {
        assertThrows(InputException.class, () -> DiagnosisProblem.debug(Activations.parse("prelu"), Loss.SOFTMAX, 0));
        assertThrows(InputException.class, () -> DiagnosisProblem.debug(TANH, Loss.SIGMOID_MSE, 0));
        assertThrows(InputException.class, () -> DiagnosisProblem.debug(TANH, Loss.SOFTMAX, -1));
        Network net = DebugProblem.network(TANH, Loss.SOFTMAX);
        assertThrows(InputException.class,
                () -> DiagnosisProblem.of(net, 0, new double[10], DebugProblem.features(), DebugProblem.labels()));
        assertThrows(InputException.class,
                () -> DiagnosisProblem.of(net, 0, DebugProblem.parameters(net), new double[7], DebugProblem.labels()));
        assertThrows(InputException.class, () -> DiagnosisProblem.of(net, 0, DebugProblem.parameters(net),
                DebugProblem.features(), new int[] {0, 1, 2, 3, 0}));
    }
}
