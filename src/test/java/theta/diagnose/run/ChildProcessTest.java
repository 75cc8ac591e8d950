package theta.diagnose.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import theta.testing.Survivors;
import theta.testing.Tools;

/**
 * An interpreter that times out, is interrupted, or exits leaving children in the background
 * leaves no process behind, not even one re-parented to init after its parent exited (which
 * {@code ProcessHandle.descendants()} no longer lists).
 */
class ChildProcessTest {
    /**
     * Stands in for an interpreter: marks its children's environment, starts one child plainly and
     * one through a subshell that exits at once (so it is re-parented away), then, unless told to
     * exit, runs on.
     */
    private static final String FAKE_INTERPRETER = """
            #!/bin/sh
            export THETA_TEST_MARK="$1"
            sleep 300 &
            (sleep 300 &)
            touch ready
            if [ "$2" = exit ]; then exit 0; fi
            sleep 300
            """;

    @ParameterizedTest
    @ValueSource(strings = {"timeout", "interrupt", "exit"})
    void nothingOutlivesTheInterpreter(String ending, @TempDir Path dir) throws Exception {
        Tools.require("/proc (Linux)", Files.isDirectory(Path.of("/proc/self")));
        Path script = dir.resolve("fake-interpreter");
        Files.writeString(script, FAKE_INTERPRETER);
        assertTrue(script.toFile().setExecutable(true));
        String mark = "theta-child-test-" + UUID.randomUUID();
        List<String> command = List.of(script.toString(), mark, ending);
        try {
            if (ending.equals("interrupt")) {
                AtomicReference<Throwable> thrown = new AtomicReference<>();
                Thread runner = new Thread(() -> {
                    try {
                        ChildProcess.run(command, dir, dir, Duration.ofMinutes(5));
                    } catch (Throwable t) {
                        thrown.set(t);
                    }
                });
                runner.start();
                while (!Files.exists(dir.resolve("ready")) && runner.isAlive()) {
                    Thread.sleep(10);
                }
                runner.interrupt();
                runner.join(60_000);
                assertTrue(thrown.get() instanceof InterruptedIOException, "thrown: " + thrown.get());
            } else {
                ChildProcess.Outcome o = ChildProcess.run(command, dir, dir,
                        Duration.ofSeconds(ending.equals("timeout") ? 2 : 60));
                assertEquals(ending.equals("timeout"), o.timedOut(), o.stderr());
                assertEquals(ending.equals("timeout") ? -1 : 0, o.exit(), o.stderr());
            }
            assertTrue(Files.exists(dir.resolve("ready")), "the fake interpreter did not start its children");
            assertEquals(List.of(), Survivors.of(mark), "processes the interpreter started outlived it");
        } finally {
            Survivors.kill(mark);
        }
    }
}
