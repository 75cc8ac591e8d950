package theta.diagnose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import theta.InputException;

class TableParserTest {
    private static String error(String text) {
        return assertThrows(InputException.class, () -> TableParser.parse(text, "t.txt")).getMessage();
    }

    @Test
    void readsCheckNNGradientsOutputWithItsProse() {
        String text = """
                Checking Backpropagation (w/ Regularization) ...\r
                  -9.2783e-03  -9.2783e-03
                   8.8991e-03   8.8991e-03
                The above two columns you get should be very similar.
                (Left-Your Numerical Gradient, Right-Analytical Gradient)

                If your backpropagation implementation is correct, then\s
                the relative difference will be small (less than 1e-9).\s

                Relative Difference: 2.1e-11
                Program paused. Press enter to continue.
                """;
        Columns c = TableParser.parse(text, "t.txt");
        assertArrayEquals(new double[] {-9.2783e-03, 8.8991e-03}, c.numerical());
        assertArrayEquals(new double[] {-9.2783e-03, 8.8991e-03}, c.analytical());
        assertEquals(5, c.digits());
        assertEquals(0.5e-7, c.numericalResolution()[0], 1e-20);
    }

    @Test
    void acceptsTabsCommasSignsFixedNotationBracketsAndOctaveSpecials() {
        Columns c = TableParser.parse("[0.012345,\t-0.012346];\n+1.5E+00 , 2\n-.5 NaN\nInf -Inf\n", "t.txt");
        assertEquals(4, c.rows());
        assertEquals(0.012345, c.numerical()[0]);
        assertEquals(-0.012346, c.analytical()[0]);
        assertEquals(0.5e-6, c.numericalResolution()[0], 1e-20);
        assertEquals(1.5, c.numerical()[1]);
        assertEquals(2.0, c.analytical()[1]);
        assertEquals(0.5, c.analyticalResolution()[1]);
        assertTrue(Double.isNaN(c.analytical()[2]));
        assertEquals(Double.NEGATIVE_INFINITY, c.analytical()[3]);
        assertEquals(1, c.digits()); // "2" has one significant digit
    }

    @Test
    void appliesMatlabsCommonFactor() {
        Columns c = TableParser.parse("  1.0e-03 *\n\n  -9.2783  -9.2783\n   8.8991   8.8991\n", "t.txt");
        assertEquals(-9.2783e-3, c.numerical()[0], 1e-15);
        assertEquals(0.5e-7, c.numericalResolution()[0], 1e-20);
    }

    @Test
    void skipsOctavePromptsAndHeaders() {
        Columns c = TableParser.parse(">> checkNNGradients(3)\nans =\nnumgrad   grad\n1e-3 2e-3\n", "t.txt");
        assertEquals(1, c.rows());
    }

    @Test
    void refusesEmptyOneColumnThreeColumnsAndText() {
        assertEquals("t.txt: no rows of two numbers; expected the two columns checkNNGradients prints (numerical,"
                + " analytical)", error(""));
        assertEquals(error(""), error("\n\n  \nThe above two columns you get should be very similar.\n"));
        assertEquals("t.txt:2: one number; expected two columns (numerical, analytical), as disp([numgrad grad])"
                + " prints them", error("1 2\n  -9.2783e-03\n"));
        assertEquals("t.txt:1: 3 numbers; expected two columns (numerical, analytical)", error("1 2 3"));
        assertEquals("t.txt:1: expected two numbers (numerical, analytical), found text: 'hello world'",
                error("hello world\n1 2"));
        assertEquals("t.txt:1: expected two numbers (numerical, analytical), found text: '0x1p3 2'", error("0x1p3 2"));
        assertTrue(error("1e99999 1").startsWith("t.txt:1: expected two numbers"));
        assertTrue(error("abc *\n1 2").startsWith("t.txt:1: not a common factor"));
        for (String bad : new String[] {"", "1", "a b", "1 2 3"}) {
            assertEquals(1, error(bad).lines().count(), "one line for '" + bad + "'");
        }
    }
}
