package theta.diagnose.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import theta.diagnose.DiagnosisProblem;

/** Row-major unrolling, as NumPy's reshape reads params, and back. */
class BlockOrderTest {
    @Test
    void rowMajorBlocksReadTheSameMatricesAndConvertBack() {
        DiagnosisProblem p = Fixtures.problem("tanh", "softmax", 0);
        double[] theta = p.parameters();
        double[] rows = BlockOrder.toRowMajor(p, theta);
        // Theta1 is 5 x 4: entry (i, j) is theta[j*5 + i] column-major and rows[i*4 + j] row-major
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(theta[j * 5 + i], rows[i * 4 + j]);
            }
        }
        // Theta2 is 3 x 6, after Theta1's 20 entries
        assertEquals(theta[20 + 4 * 3 + 2], rows[20 + 2 * 6 + 4]);
        assertArrayEquals(theta, BlockOrder.fromRowMajor(p, rows));
    }

    @Test
    void messagesFoldToOneLine() {
        assertEquals("parse error: | syntax error | >>> J = (", Interpreter.oneLine("parse error:\n\n  syntax error\n\n>>> J = (\n"));
        assertEquals("'it''s'", OctaveInterpreter.quote("it's"));
        assertEquals("'a\\\\b\\'c'", PythonInterpreter.quote("a\\b'c"));
    }
}
