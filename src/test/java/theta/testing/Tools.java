package theta.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * The outside tools some tests need (GNU Octave, Debian's NumPy and SciPy, headless Chromium, the
 * Fashion-MNIST package). {@code scripts/test} installs them all. A test that needs one calls
 * {@link #require}: where the tool is missing it is skipped on a developer's machine, and it
 * <b>fails</b> under CI ({@code CI} set in the environment), so CI can never pass by skipping.
 */
public final class Tools {
    private Tools() {
    }

    /** The result of running a command: its exit code and its merged stdout and stderr. */
    public record Run(int exit, String output) {
        public boolean ok() {
            return exit == 0;
        }
    }

    /** True under CI, where a missing tool is a failure, not a skip. */
    public static boolean inCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
    }

    /** Skips the calling test (developer machine) or fails it (CI) when {@code available} is false. */
    public static void require(String what, boolean available) {
        if (available) {
            return;
        }
        String message = what + " is not installed (scripts/test installs it)";
        if (inCi()) {
            fail(message + ": in CI this test must run, not skip");
        }
        Assumptions.assumeTrue(false, message);
    }

    /** Debian's Python ({@code /usr/bin/python3}), or {@code $THETA_TEST_PYTHON}. */
    public static String python() {
        String p = System.getenv("THETA_TEST_PYTHON");
        return p == null || p.isBlank() ? "/usr/bin/python3" : p;
    }

    /** Octave's command-line interpreter ({@code octave-cli}), or {@code $THETA_TEST_OCTAVE}. */
    public static String octave() {
        String p = System.getenv("THETA_TEST_OCTAVE");
        return p == null || p.isBlank() ? "octave-cli" : p;
    }

    /** Requires Debian's Python with every named module importable. */
    public static void requirePython(String... modules) {
        String imports = modules.length == 0 ? "pass" : "import " + String.join(", ", modules);
        require("python3 with " + String.join(", ", modules) + " (" + python() + ")",
                run(Duration.ofMinutes(1), python(), "-c", imports).ok());
    }

    /** Requires GNU Octave's {@code octave-cli}. */
    public static void requireOctave() {
        require("GNU Octave (" + octave() + ")",
                run(Duration.ofMinutes(1), octave(), "--no-gui", "--norc", "--eval", "exit(0)").ok());
    }

    /** Requires Debian's chromium and chromium-driver. */
    public static void requireChromium() {
        require("chromium and chromium-driver",
                Files.isExecutable(Path.of("/usr/bin/chromium")) && Files.isExecutable(Path.of("/usr/bin/chromedriver")));
    }

    /** Runs a command with a time limit; a command that cannot start or times out gives exit -1. */
    public static Run run(Duration timeout, String... command) {
        return run(timeout, List.of(command));
    }

    /** Runs a command with a time limit; a command that cannot start or times out gives exit -1. */
    public static Run run(Duration timeout, List<String> command) {
        Path log;
        try {
            log = Files.createTempFile("theta-tool-", ".log");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try {
            Process p;
            try {
                p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).start();
            } catch (IOException e) {
                return new Run(-1, "not runnable: " + e.getMessage());
            }
            try {
                p.getOutputStream().close();
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    return new Run(-1, "timed out after " + timeout + ": " + Files.readString(log));
                }
                return new Run(p.exitValue(), new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
            } catch (IOException e) {
                p.destroyForcibly();
                return new Run(-1, "failed: " + e.getMessage());
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                return new Run(-1, "interrupted");
            }
        } finally {
            try {
                Files.deleteIfExists(log);
            } catch (IOException ignored) {
                // a temporary log left behind is harmless
            }
        }
    }
}
