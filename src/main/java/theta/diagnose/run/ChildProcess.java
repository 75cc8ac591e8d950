package theta.diagnose.run;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one interpreter process to its end or to a deadline. stdout and stderr go to files (no pipe
 * can fill up and stall the child); on timeout the whole process tree is killed, since an
 * interpreter may have started children of its own.
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
        Process p = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                killTree(p.toHandle());
                p.waitFor(5, TimeUnit.SECONDS);
            }
            return new Outcome(done ? p.exitValue() : -1, !done, read(out), read(err));
        } catch (InterruptedException e) {
            killTree(p.toHandle());
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + command.get(0));
        }
    }

    /** Children first, so none is re-parented and left running. */
    private static void killTree(ProcessHandle h) {
        h.descendants().forEach(ProcessHandle::destroyForcibly);
        h.destroyForcibly();
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String read(Path f) throws IOException {
        return Files.exists(f) ? new String(Files.readAllBytes(f), StandardCharsets.UTF_8) : "";
    }
}
