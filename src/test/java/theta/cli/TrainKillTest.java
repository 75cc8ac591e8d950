package theta.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import theta.io.ModelFile;
import theta.train.CheckpointFile;
import theta.train.Quadrants;

/**
 * Real {@code theta train} child JVMs, killed: SIGINT during the final save still leaves the model;
 * SIGKILL at random moments (and during a save) always leaves the finished model or a checkpoint
 * whole, and {@code --resume} from it ends at the uninterrupted model, bit for bit.
 */
class TrainKillTest {
    @TempDir
    static Path dir;
    static Path train;
    static Path test;

    @BeforeAll
    static void data() throws Exception {
        train = dir.resolve("train.csv");
        test = dir.resolve("test.csv");
        WorkflowTest.csv(train, Quadrants.make("train", 400, 1));
        WorkflowTest.csv(test, Quadrants.make("test", 100, 2));
    }

    /** A theta train child writing {@code out}; its output goes to out + ".log". */
    static Process start(Path out, String... more) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), "theta.cli.Main", "train",
                "--train", train.toString(), "--test", test.toString(), "--validation", "50",
                "--threads", "1", "--quiet", "--out", out.toString()));
        if (!List.of(more).contains("--resume")) {
            // A resumed run takes its settings from the checkpoint and refuses them on the command line.
            cmd.addAll(List.of("--batch", "20", "--lr", "0.1"));
        }
        cmd.addAll(List.of(more));
        Files.createDirectories(out.getParent());
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(out.resolveSibling(out.getFileName() + ".log").toFile()))
                .start();
    }

    static int finish(Process p) throws Exception {
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child did not end");
        return p.exitValue();
    }

    static void signal(Process p, String sig) throws Exception {
        new ProcessBuilder("kill", "-" + sig, Long.toString(p.pid())).start().waitFor();
    }

    static boolean savingNow(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.anyMatch(f -> f.getFileName().toString().endsWith(".tmp"));
        }
    }

    /** Waits (polling every millisecond) until a save is under way or the child has ended. */
    static boolean waitForSave(Process p, Path folder) throws Exception {
        while (p.isAlive()) {
            if (savingNow(folder)) {
                return true;
            }
            Thread.sleep(1);
        }
        return false;
    }

    static String log(Path out) throws IOException {
        return Files.readString(out.resolveSibling(out.getFileName() + ".log"));
    }

    @Test
    void ctrlCDuringTheFinalSaveStillSavesTheModel() throws Exception {
        int hits = 0;
        // A wide layer makes the final save take long enough to be hit; retried in case it was missed.
        for (int attempt = 0; attempt < 4 && hits == 0; attempt++) {
            Path out = dir.resolve("sigint" + attempt).resolve("m.npz");
            Process p = start(out, "--hidden", "20000", "--epochs", "1", "--checkpoint-every", "0");
            boolean hit = waitForSave(p, out.getParent());
            signal(p, "INT");
            int code = finish(p);
            hits += hit && code == 130 ? 1 : 0;
            assertTrue(Files.exists(out), "no model after Ctrl-C during the save: " + log(out));
            assertEquals(20000, ModelFile.read(out).network().architecture().hidden()[0]);
            assertFalse(savingNow(out.getParent()), "a .tmp file is left");
            if (hit && code == 130) {
                assertTrue(log(out).contains("interrupted after training; the model was saved first"), log(out));
            }
        }
        assertTrue(hits > 0, "the signal never arrived during the save");
    }

    @Test
    void killedAtAnyMomentAModelOrCheckpointSurvivesAndResumesBitForBit() throws Exception {
        String[] args = {"--hidden", "24", "--epochs", "40", "--checkpoint-every", "1"};
        Path refOut = dir.resolve("ref").resolve("m.npz");
        long t0 = System.nanoTime();
        assertEquals(0, finish(start(refOut, args)), () -> "reference run failed");
        long millis = (System.nanoTime() - t0) / 1_000_000;
        double[] reference = ModelFile.read(refOut).params();
        SplittableRandom rng = new SplittableRandom(11);
        int resumed = 0;
        for (int trial = 0; trial < 3; trial++) {
            Path out = dir.resolve("kill" + trial).resolve("m.npz");
            Process p = start(out, args);
            if (trial == 0) {
                // Into a checkpoint's save: wait for the first temporary file, then kill.
                waitForSave(p, out.getParent());
            } else {
                // After the first checkpoint (JVM start-up varies too much on a busy machine to aim by
                // time alone), then a random moment in the rest of the run.
                Path first = CheckpointFile.pathFor(out);
                while (p.isAlive() && !Files.exists(first)) {
                    Thread.sleep(1);
                }
                Thread.sleep(rng.nextLong(0, 150));
            }
            p.destroyForcibly();
            finish(p);
            if (Files.exists(out)) {
                assertArrayEquals(reference, ModelFile.read(out).params(), "the finished model");
                continue;
            }
            Path checkpoint = CheckpointFile.pathFor(out);
            if (!Files.exists(checkpoint)) {
                continue; // killed before the first epoch ended: nothing was promised yet
            }
            CheckpointFile.read(checkpoint); // whole, not half-written
            assertEquals(0, finish(start(out, "--resume", checkpoint.toString())), () -> "resume failed");
            assertArrayEquals(reference, ModelFile.read(out).params(), "resumed model, trial " + trial);
            assertFalse(savingNow(out.getParent()), "the killed save's .tmp file is cleaned up");
            resumed++;
        }
        assertTrue(resumed > 0, "no trial was killed after a checkpoint");
    }
}
