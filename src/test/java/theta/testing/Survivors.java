package theta.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the processes a test's child started, wherever they were re-parented: each carries a
 * marker in its environment ({@code THETA_TEST_MARK=<mark>}), which /proc shows for every process.
 */
public final class Survivors {
    private Survivors() {
    }

    /** Live (not zombie) processes whose environment carries the mark, as "pid (command)". */
    public static List<String> of(String mark) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String env = new String(Files.readAllBytes(proc.resolve("environ")), StandardCharsets.ISO_8859_1);
                    String stat = Files.readString(proc.resolve("stat"), StandardCharsets.ISO_8859_1);
                    char state = stat.charAt(stat.lastIndexOf(')') + 2);
                    if (env.contains("THETA_TEST_MARK=" + mark) && state != 'Z' && state != 'X') {
                        found.add(proc.getFileName() + " " + stat.substring(stat.indexOf('('), stat.lastIndexOf(')') + 1));
                    }
                } catch (IOException gone) {
                    // ended meanwhile, or not ours to read
                }
            }
        }
        return found;
    }

    /** Kills what {@link #of} finds, so a failing test leaves nothing running. */
    public static void kill(String mark) throws IOException {
        for (String p : of(mark)) {
            ProcessHandle.of(Long.parseLong(p.split(" ")[0])).ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
