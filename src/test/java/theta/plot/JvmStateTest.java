package theta.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import theta.train.EpochRecord;

/**
 * Drawing a figure leaves {@code java.awt.headless} as it was found: the library does not set
 * JVM-wide properties (the CLI's {@code Main} does, for its own process). Checked in a fresh JVM
 * without the property and without a {@code DISPLAY}, as a library user's program would start;
 * the test JVM itself runs with {@code -Djava.awt.headless=true} (pom.xml), which would hide it.
 */
class JvmStateTest {
    /** The fresh JVM's part: prints the property before and after drawing and writing a figure. */
    public static void main(String[] args) throws Exception {
        String before = String.valueOf(System.getProperty("java.awt.headless"));
        List<EpochRecord> h = List.of(new EpochRecord(1, 1.0, 1.2, 0.90, 0.1, 1.0),
                new EpochRecord(2, 0.5, 0.7, 0.95, 0.1, 1.0));
        Charts.write(Path.of(args[0]), CurvesPlot.draw(h, "probe"));
        System.out.println(before + " " + System.getProperty("java.awt.headless"));
    }

    @Test
    void drawingInAFreshJvmLeavesTheHeadlessPropertyUnset(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("curves.png");
        Path log = dir.resolve("out.txt");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), JvmStateTest.class.getName(), png.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("DISPLAY");
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the drawing JVM did not end");
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertEquals("null null", out.strip(), "java.awt.headless before and after drawing");
        assertTrue(Files.size(png) > 1000, "no figure written");
    }

    @Test
    void drawingHereLeavesThePropertyAsFound() {
        String before = System.getProperty("java.awt.headless");
        CurvesPlot.draw(List.of(new EpochRecord(1, 1.0, 1.2, 0.9, 0.1, 1.0)), "probe");
        assertEquals(before, System.getProperty("java.awt.headless"));
    }
}
