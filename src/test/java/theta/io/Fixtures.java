package theta.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;

import org.junit.jupiter.api.function.Executable;

import theta.InputException;

/** Paths of the committed reference files and the shared assertion for one-line file faults. */
final class Fixtures {
    private Fixtures() {}

    static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/reference/io/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** m34[i, j] = 10*i + j + 0.5, as in make_io_fixtures.py. */
    static double m34(int i, int j) {
        return 10 * i + j + 0.5;
    }

    static double theta1(int i, int j) {
        return (i + 1) * 0.25 - j / 8.0;
    }

    static double theta2(int i, int j) {
        return -(i + 1) + j * 0.125;
    }

    /** Runs {@code action}, which must fail with one line that starts with the file and mentions {@code fault}. */
    static InputException assertFault(Path file, String fault, Executable action) {
        InputException e = assertThrows(InputException.class, action);
        String m = e.getMessage();
        assertTrue(m.startsWith(file.toString()), () -> "message should name " + file + ": " + m);
        assertTrue(m.contains(fault), () -> "message should mention '" + fault + "': " + m);
        assertFalse(m.contains("\n"), () -> "message should be one line: " + m);
        return e;
    }
}
