package theta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import picocli.CommandLine;
import theta.optim.MinimizerConfig;
import theta.train.Optimization;
import theta.train.TrainConfig;

/** Options that cannot apply are refused in one line before any work, never silently ignored. */
class OptionsThatCannotApplyTest {
    private static TrainConfig config(String... args) {
        return CommandLine.populateCommand(new TrainOptions(), args).config();
    }

    private static String refused(String... args) {
        String m = assertThrows(IllegalArgumentException.class, () -> config(args)).getMessage();
        assertFalse(m.contains("\n"), m);
        return m;
    }

    @ParameterizedTest
    @CsvSource({"lbfgs, --batch, 64", "lbfgs, --dropout, 0.5", "lbfgs, --augment, affine",
        "lbfgs, --schedule, cosine", "cg, --lr, 0.5", "cg, --input-dropout, 0.2", "cg, --max-norm, 3",
        "cg, --patience, 3"})
    void aFullBatchMinimiserRefusesMiniBatchOptions(String optimizer, String option, String value) {
        String m = refused("--optimizer", optimizer, option, value);
        assertTrue(m.startsWith(option + " " + value + ": "), m);
        assertTrue(m.contains("full-batch " + optimizer), m);
    }

    @Test
    void aFullBatchRecipeRefusesThemToo() {
        assertTrue(refused("--recipe", "classic", "--batch", "64").contains("full-batch cg"));
    }

    @Test
    void minimiserOptionsAreHonouredOrRefused() {
        assertEquals(new MinimizerConfig.Lbfgs(5),
                assertInstanceOf(Optimization.FullBatch.class, config("--optimizer", "lbfgs:history=5").optimization())
                        .minimizer());
        assertTrue(refused("--optimizer", "lbfgs:memory=5").contains("unknown option 'memory'; allowed: history"));
        assertTrue(refused("--optimizer", "cg:history=5").contains("unknown option 'history'; allowed: none"));
        assertTrue(refused("--optimizer", "lbfgs:history=0").contains("1 <= history <= 1000"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nosuch", "rmsprop"})
    void anUnknownOptimizerListsEveryKind(String name) {
        String m = refused("--optimizer", name);
        assertTrue(m.contains("allowed: sgd, adam, adamw (mini-batch), lbfgs, cg (full-batch)"), m);
    }

    @Test
    void aMiniBatchOptimizerOnAFullBatchRecipeTrainsInMiniBatches() {
        TrainConfig c = config("--recipe", "classic", "--optimizer", "adam", "--batch", "50");
        assertEquals(50, c.miniBatch().batchSize());
        assertEquals(25, c.hidden()[0]);
    }

    @ParameterizedTest
    @CsvSource({"--hidden, 64", "--epochs, 31", "--lr, 0.5", "--limit, 1000", "--recipe, best"})
    void resumeRefusesSettingsBeforeReadingTheCheckpoint(String option, String value, @TempDir Path dir) {
        // The checkpoint does not exist: the refusal comes first, before any work.
        WorkflowTest.Run r = WorkflowTest.run("train", "--resume", dir.resolve("none.npz").toString(), option, value,
                "--out", dir.resolve("m.npz").toString());
        assertEquals(2, r.code(), r.err());
        String msg = r.err().strip();
        assertFalse(msg.contains("\n"), msg);
        assertTrue(msg.startsWith("theta: --resume continues a run with its checkpoint's settings; " + option + " "
                + value + " cannot apply"), msg);
    }
}
