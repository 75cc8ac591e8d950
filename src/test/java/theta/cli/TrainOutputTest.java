package theta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import theta.train.Quadrants;

/** --out is checked before training; stale temporaries of a killed save go; periodic checkpoints; the guard. */
class TrainOutputTest {
    @TempDir
    static Path dir;
    static Path train;
    static Path test;

    @BeforeAll
    static void data() throws Exception {
        train = dir.resolve("train.csv");
        test = dir.resolve("test.csv");
        WorkflowTest.csv(train, Quadrants.make("train", 200, 1));
        WorkflowTest.csv(test, Quadrants.make("test", 100, 2));
    }

    static WorkflowTest.Run train(String... more) {
        String[] base = {"train", "--train", train.toString(), "--test", test.toString(), "--validation", "50",
            "--hidden", "6", "--epochs", "3", "--batch", "25", "--lr", "0.1", "--quiet"};
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return WorkflowTest.run(args);
    }

    @Test
    void anOutThatIsAFolderOrEmptyIsRefusedBeforeTraining() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("afolder"));
        WorkflowTest.Run r = train("--out", folder.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("theta: --out " + folder + ": is a folder; name a model file in it, e.g. "
                + folder.resolve("model.npz") + "\n", r.err());
        assertFalse(r.out().contains("theta train:"), "refused before the data is even loaded: " + r.out());
        WorkflowTest.Run empty = train("--out", "");
        assertEquals(2, empty.code(), empty.err());
        assertTrue(empty.err().startsWith("theta: --out '': name a model file"), empty.err());
        WorkflowTest.Run negative = train("--out", dir.resolve("n.npz").toString(), "--checkpoint-every", "-1");
        assertEquals(2, negative.code(), negative.err());
        assertTrue(negative.err().startsWith("theta: --checkpoint-every: -1"), negative.err());
    }

    @Test
    void staleTemporariesOfThisModelAreRemovedAndOthersKept() throws Exception {
        Path out = Files.createDirectories(dir.resolve("stale")).resolve("m.npz");
        Path model = out.resolveSibling(".m.npz.3f9a0c21d4e5b6a7.tmp");
        Path checkpoint = out.resolveSibling(".m.checkpoint.npz.1a2b.tmp");
        Path others = out.resolveSibling(".other.npz.3f9a0c21d4e5b6a7.tmp");
        Path notOurs = out.resolveSibling(".m.npz.notes.tmp");
        for (Path p : new Path[] {model, checkpoint, others, notOurs}) {
            Files.writeString(p, "partial");
        }
        WorkflowTest.Run r = train("--out", out.toString(), "--checkpoint-every", "1");
        assertEquals(0, r.code(), r.err());
        assertFalse(Files.exists(model));
        assertFalse(Files.exists(checkpoint));
        assertTrue(Files.exists(others));
        assertTrue(Files.exists(notOurs));
        assertTrue(Files.exists(out));
        assertFalse(Files.exists(out.resolveSibling("m.checkpoint.npz")), "the finished model makes it stale");
    }

    @Test
    void theGuardHoldsTheExitUntilTheWorkIsDone() throws Exception {
        ShutdownGuard guard = new ShutdownGuard();
        Thread hook = guard.hook();
        hook.start(); // what the JVM does on Ctrl-C
        hook.join(Duration.ofMillis(300).toMillis());
        assertTrue(hook.isAlive(), "the hook waits for the save");
        assertTrue(guard.interrupted());
        guard.close();
        hook.join(Duration.ofSeconds(30).toMillis());
        assertFalse(hook.isAlive());
    }
}
