package examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import theta.data.DataRoot;
import theta.data.Dataset;
import theta.data.MnistFixture;

/**
 * The README's train, save, load and predict program is {@link QuickStart}'s, line for line, and
 * under 15 lines; and it runs as written, in a folder of its own with a digit in my-digit.png.
 */
class ReadmeExampleTest {
    private static final Path EXAMPLE = Path.of("src", "test", "java", "examples", "QuickStart.java");

    /** The README's first java block after the library heading, lines stripped. */
    static List<String> readmeProgram() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
        int at = lines.indexOf("## theta as a Java library");
        assertTrue(at >= 0, "README has no library section");
        while (!lines.get(at).equals("```java")) {
            at++;
        }
        List<String> block = new ArrayList<>();
        for (at++; !lines.get(at).equals("```"); at++) {
            block.add(lines.get(at).strip());
        }
        return block;
    }

    /** QuickStart's imports, a blank line, and its lines between the markers, stripped. */
    static List<String> exampleProgram() throws Exception {
        List<String> lines = Files.readAllLines(EXAMPLE, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>(lines.stream().filter(l -> l.startsWith("import ")).toList());
        out.add("");
        int begin = lines.indexOf("        // README begin");
        int end = lines.indexOf("        // README end");
        assertTrue(begin > 0 && end > begin, "markers missing in " + EXAMPLE);
        lines.subList(begin + 1, end).forEach(l -> out.add(l.strip()));
        return out;
    }

    @Test
    void theReadmeShowsTheExampleInUnder15Lines() throws Exception {
        List<String> readme = readmeProgram();
        assertEquals(exampleProgram(), readme, "README's program and " + EXAMPLE + " differ");
        assertTrue(readme.size() < 15, readme.size() + " lines");
    }

    @Test
    void theExampleRunsAsWritten(@TempDir Path dir) throws Exception {
        Dataset test = MnistFixture.mnist().test();
        ExamplesTest.writeFirstTestDigit(dir.resolve("my-digit.png"));
        Path log = dir.resolve("out.txt");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), QuickStart.class.getName())
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("THETA_DATA", DataRoot.get().toAbsolutePath().toString());
        Process p = pb.start();
        assertTrue(p.waitFor(600, TimeUnit.SECONDS), "QuickStart did not end");
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(Files.isRegularFile(dir.resolve("model.npz")), out);
        String[] f = out.strip().split("\n");
        String[] last = f[f.length - 1].split(" ");
        assertEquals(3, last.length, out);
        assertEquals(test.label(0), Integer.parseInt(last[0]), out);
        assertTrue(Double.parseDouble(last[2]) > 0.9, "test accuracy " + last[2]);
    }
}
