package theta.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** erf and erfc against 60-digit mpmath values (src/test/resources/theta/activation/reference_values.py). */
class ErfTest {
    /** Relative tolerance; the implementation stays within about 6e-16. */
    private static final double TOLERANCE = 1e-15;

    private static void assertRelative(double expected, double actual, String what) {
        if (expected == 0 || Math.abs(expected) < Double.MIN_NORMAL) {
            // zero or subnormal: relative precision is not available, compare absolutely
            assertEquals(expected, actual, 1e-320, what);
            return;
        }
        double relative = Math.abs(actual - expected) / Math.abs(expected);
        assertTrue(relative <= TOLERANCE, what + ": expected " + expected + ", got " + actual
                + " (relative error " + relative + ")");
    }

    @Test
    void knownValues() {
        assertRelative(0.8427007929497149, Erf.erf(1), "erf(1)");
        assertRelative(0.5204998778130465, Erf.erf(0.5), "erf(0.5)");
        assertRelative(0.9953222650189527, Erf.erf(2), "erf(2)");
        assertRelative(-0.8427007929497149, Erf.erf(-1), "erf(-1)");
        assertRelative(0.15729920705028513, Erf.erfc(1), "erfc(1)");
        assertRelative(2.209049699858544e-05, Erf.erfc(3), "erfc(3)");
        assertRelative(1.537459794428035e-12, Erf.erfc(5), "erfc(5)");
        assertRelative(2.088487583762545e-45, Erf.erfc(10), "erfc(10)");
        assertEquals(0.0, Erf.erf(0));
        assertEquals(1.0, Erf.erfc(0));
        assertEquals(2.0, Erf.erfc(-30));
        assertEquals(0.0, Erf.erfc(30));
        assertEquals(1.0, Erf.erf(30));
    }

    @Test
    void matchesReferenceValues() throws IOException {
        List<double[]> rows = read();
        assertTrue(rows.size() > 300, "reference file has " + rows.size() + " rows");
        for (double[] row : rows) {
            assertRelative(row[1], Erf.erf(row[0]), "erf(" + row[0] + ")");
            assertRelative(row[2], Erf.erfc(row[0]), "erfc(" + row[0] + ")");
        }
    }

    @Test
    void symmetry() {
        for (double x = 0; x < 6; x += 0.0371) {
            assertEquals(-Erf.erf(x), Erf.erf(-x), "erf(-x) = -erf(x) at " + x);
            assertEquals(2 - Erf.erfc(x), Erf.erfc(-x), 1e-15, "erfc(-x) = 2 - erfc(x) at " + x);
        }
    }

    @Test
    void expMinusSquareIsExactUpToRounding() {
        // e^(-x^2) straight from x*x loses about x^2 ulps; the split form keeps a few.
        double x = 26.123456789;
        double expected = 4.190323809625215e-297; // mpmath, 60 digits: exp(-mpf(x)**2)
        assertRelative(expected, Erf.expMinusSquare(x, 0), "exp(-x^2)");
        assertEquals(Math.exp(-0.5 * 1.5 * 1.5), Erf.expMinusSquare(1.5, 1), 1e-16);
    }

    private static List<double[]> read() throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                ErfTest.class.getResourceAsStream("erf_values.csv"), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] cells = line.split(",");
                rows.add(new double[] {Double.parseDouble(cells[0]), Double.parseDouble(cells[1]),
                    Double.parseDouble(cells[2])});
            }
        }
        return rows;
    }
}
