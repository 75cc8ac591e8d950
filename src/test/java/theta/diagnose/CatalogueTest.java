package theta.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import theta.activation.Activation;
import theta.loss.Loss;

/**
 * Every catalogue entry, for hidden sigmoid, tanh, softplus and relu, softmax and sigmoid outputs
 * and lambda 0 and 3, printed as checkNNGradients prints it (5 significant digits, 15 rows and the
 * whole vector) with the other column correct, is named; correct tables are called correct; and
 * where an entry gives the same numbers as the correct column or as another entry, that is one
 * of the coincidences the mathematics forces.
 */
class CatalogueTest {
    private static final Set<String> EXERCISE = Set.of("sigmoid", "tanh", "softplus", "relu");

    @TestFactory
    Stream<DynamicTest> everyEntryIsNamedOnEverySetup() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Activation g : Tables.HIDDEN) {
            for (Loss out : Tables.OUTPUTS) {
                for (double lambda : new double[] {0, 3}) {
                    String name = g.spec() + " hidden, " + out.id() + " output, lambda " + Lambdas.format(lambda);
                    tests.add(DynamicTest.dynamicTest(name, () -> checkSetup(g, out, lambda)));
                }
            }
        }
        return tests.stream();
    }

    /** The catalogue's single entries, with other activations' derivatives limited to the exercise's four. */
    static boolean inCatalogue(Candidate c) {
        return c.mistakes().size() == 1
                && (!(c.mistakes().get(0) instanceof WrongDerivative w) || EXERCISE.contains(w.used().spec()));
    }

    private static final Set<String> near = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static void checkSetup(Activation g, Loss out, double lambda) {
        DiagnosisProblem p = DiagnosisProblem.debug(g, out, lambda);
        CandidateSet full = Tables.set(p);
        Candidate rightNum = Tables.find(full.numerical(lambda), "correct");
        Candidate rightAna = Tables.find(full.analytical(lambda), "correct");
        for (int rows : new int[] {15, p.size()}) {
            CandidateSet set = rows == p.size() ? full : new CandidateSet(p, rows);
            String correct = Tables.print(rightNum.values(), rightAna.values(), rows);
            DiagnosisResult ok = Diagnoser.diagnose(p, TableParser.parse(correct, "t"), List.of(lambda), set);
            assertTrue(ok.correct(), rows + " rows: a correct table must be called correct: " + ok.verdict());
            int named = 0;
            for (Side side : Side.values()) {
                List<Candidate> cands = side == Side.NUMERICAL ? full.numerical(lambda) : full.analytical(lambda);
                for (Candidate c : cands.stream().filter(CatalogueTest::inCatalogue).toList()) {
                    String where = rows + " rows, " + side + " " + c.id();
                    double[] num = side == Side.NUMERICAL ? c.values() : rightNum.values();
                    double[] ana = side == Side.ANALYTICAL ? c.values() : rightAna.values();
                    Columns cols = TableParser.parse(Tables.print(num, ana, rows), "t");
                    DiagnosisResult r = Diagnoser.diagnose(p, cols, List.of(lambda), set);
                    ColumnVerdict v = r.column(side);
                    ColumnVerdict other = r.column(side == Side.NUMERICAL ? Side.ANALYTICAL : Side.NUMERICAL);
                    assertEquals(ColumnVerdict.Kind.CORRECT, other.kind(), where + ": the other column is right");
                    if (v.kind() == ColumnVerdict.Kind.CORRECT) {
                        assertTrue(v.alsoMatching().stream().anyMatch(m -> m.id().equals(c.id())), where);
                        assertTrue(Coincidences.sameAsCorrect(c.mistakes().get(0), p),
                                where + " coincides with the correct column, which it need not");
                        continue;
                    }
                    assertEquals(ColumnVerdict.Kind.MISTAKE, v.kind(), where + ": " + v.verdict());
                    assertTrue(v.matches().stream().anyMatch(m -> m.id().equals(c.id())), where + " named as "
                            + v.matches());
                    for (Candidate m : v.matches()) {
                        if (inCatalogue(m) && !m.id().equals(c.id())
                                && !Coincidences.same(c.mistakes().get(0), m.mistakes().get(0), p)) {
                            // Not equal by the mathematics: then they must at least be near (agree to
                            // about 5 digits here, like sigmoid'(z2) and sigmoid'(tanh(z2)) = sigmoid'(z2) + O(z2^4)).
                            double d = Coincidences.maxRelative(c.values(), m.values(), rows);
                            assertTrue(d < 1e-3, where + " is indistinguishable from " + m.id() + " (max difference "
                                    + d + " of the column's largest entry), which it need not be");
                            near.add(Lambdas.format(lambda) + " " + g.spec() + "/" + out.id() + " " + rows + ": "
                                    + c.id() + " ~ " + m.id());
                        }
                    }
                    assertTrue(!r.fix().isEmpty(), where + ": a fix");
                    named++;
                }
            }
            assertTrue(named >= 15, "entries named: " + named);
        }
    }
}
