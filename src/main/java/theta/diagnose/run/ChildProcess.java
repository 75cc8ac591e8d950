package theta.diagnose.run;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import theta.io.ProcessGroup;

/**
 * Runs one interpreter process to its end or to a deadline. stdout and stderr go to files (no pipe
 * can fill up and stall the child). The interpreter runs in a process group of its own
 * ({@link ProcessGroup}); at its end, on timeout or on interrupt, every process it started is
 * killed, also those re-parented to init after their parent exited.
 */
final class ChildProcess {
    /** How a run ended: exit code (-1 after a timeout) and what it printed. */
    record Outcome(int exit, boolean timedOut, String stdout, String stderr) {}

    private ChildProcess() {}

    /**
     * @throws IOException when the program cannot be started at all (not installed, not executable)
     */
    static Outcome run(List<String> command, Path workDir, Path logDir, Duration timeout) throws IOException {
        Path out = logDir.resolve("stdout.log");
        Path err = logDir.resolve("stderr.log");
        ProcessGroup group = new ProcessGroup();
        Process p = group.start(new ProcessBuilder(command).directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                .redirectOutput(out.toFile()).redirectError(err.toFile()));
        try {
            boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            // Also after a normal end: what the interpreter left running in the background is ended with it.
            group.stop();
            if (!done) {
                p.waitFor(5, TimeUnit.SECONDS);
            }
            return new Outcome(done ? p.exitValue() : -1, !done, read(out), read(err));
        } catch (InterruptedException e) {
            group.stop();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + command.get(0));
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String read(Path f) throws IOException {
        return Files.exists(f) ? new String(Files.readAllBytes(f), StandardCharsets.UTF_8) : "";
    }
}
