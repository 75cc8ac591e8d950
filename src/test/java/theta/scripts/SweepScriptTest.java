package theta.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/sweep-activations, run against a stand-in for ./theta that answers at once. */
class SweepScriptTest {
    @TempDir
    Path dir;

    private static final String FAKE_THETA = """
            #!/bin/sh
            case "$1" in
              data) exit 0;;
              activations) printf 'relu\\ncube\\n';;
              train) case "$3" in cube) echo "theta: training diverged at epoch 1"; exit 2;; esac
                     echo "test accuracy: 97.25% (9725/10000)";;
            esac
            """;

    private int sweep(String... args) throws Exception {
        Files.createDirectories(dir.resolve("scripts"));
        Files.copy(Path.of("scripts/sweep-activations"), dir.resolve("scripts/sweep-activations"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve("theta"), FAKE_THETA);
        Files.setPosixFilePermissions(dir.resolve("theta"), PosixFilePermissions.fromString("rwxr-xr-x"));
        String[] cmd = new String[args.length + 2];
        cmd[0] = "bash";
        cmd[1] = dir.resolve("scripts/sweep-activations").toString();
        System.arraycopy(args, 0, cmd, 2, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile())
                .start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return p.exitValue();
    }

    @Test
    void writesTheTableBetweenTheReadmeMarkers() throws Exception {
        Files.writeString(dir.resolve("README.md"), "intro\n<!-- sweep:start -->\nold\n<!-- sweep:end -->\nafter\n");
        assertEquals(0, sweep("--readme", "--epochs", "2"));
        String readme = Files.readString(dir.resolve("README.md"));
        assertTrue(readme.startsWith("intro\n<!-- sweep:start -->\nMade by `scripts/sweep-activations --epochs 2`"),
                readme);
        assertTrue(readme.contains("\n| relu | 97.25% | "), readme);
        assertTrue(readme.contains("\n| cube | failed: theta: training diverged at epoch 1 | |\n"), readme);
        assertTrue(readme.endsWith("<!-- sweep:end -->\nafter\n"), readme);
        assertTrue(!readme.contains("old"), readme);
    }

    @Test
    void refusesAReadmeWithoutMarkersAndLeavesItAlone() throws Exception {
        Files.writeString(dir.resolve("README.md"), "no markers\n");
        assertEquals(2, sweep("--readme"));
        assertEquals("no markers\n", Files.readString(dir.resolve("README.md")));
        assertTrue(Files.readString(dir.resolve("out.txt")).contains("has no '<!-- sweep:start -->'"));
    }
}
