package theta.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OptimizersParseTest {
    @Test
    void parsesEachOptimiserWithDefaults() {
        assertEquals(SgdConfig.PLAIN, Optimizers.parse("sgd"));
        assertEquals(new SgdConfig(0.9, false), Optimizers.parse("sgd:momentum=0.9"));
        assertEquals(new SgdConfig(0.9, true), Optimizers.parse(" SGD : momentum = 0.9 , nesterov = TRUE "));
        assertEquals(AdamConfig.ADAM, Optimizers.parse("adam"));
        assertEquals(new AdamConfig(0.8, 0.99, 1e-6, 0), Optimizers.parse("adam:beta1=0.8,beta2=0.99,eps=1e-6"));
        assertEquals(AdamConfig.adamW(0.01), Optimizers.parse("adamw"));
        assertEquals(AdamConfig.adamW(0.05), Optimizers.parse("adamw:weight_decay=0.05"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "sgd:momentum=0.9", "sgd:momentum=0.95,nesterov=true", "adam",
            "adam:beta1=0.5,beta2=0.9,eps=0.001", "adamw:weight_decay=0.2"})
    void specRoundTrips(String spec) {
        OptimizerConfig c = Optimizers.parse(spec);
        assertEquals(c, Optimizers.parse(c.spec()));
        assertEquals(c.spec(), c.create(new java.util.BitSet()).spec());
    }

    @Test
    void canonicalSpecsSpellOutEveryOption() {
        assertEquals("sgd", SgdConfig.PLAIN.spec());
        assertEquals("sgd:momentum=0.9,nesterov=false", new SgdConfig(0.9, false).spec());
        assertEquals("adam:beta1=0.9,beta2=0.999,eps=1.0E-8", AdamConfig.ADAM.spec());
        assertEquals("adamw:beta1=0.9,beta2=0.999,eps=1.0E-8,weight_decay=0.01", AdamConfig.adamW(0.01).spec());
    }

    /** Each bad spec, and a word its message must contain. */
    @ParameterizedTest
    @ValueSource(strings = {
            "|has no name", "rmsprop|allowed: sgd, adam, adamw", ":momentum=1|has no name",
            "sgd:momentum|not key=value", "sgd:momentum=|not key=value", "sgd:mu=0.9|allowed: momentum (default 0), nesterov",
            "sgd:momentum=abc|not a finite number", "sgd:momentum=NaN|not a finite number",
            "sgd:momentum=1|0 <= momentum < 1", "sgd:momentum=-0.1|0 <= momentum < 1",
            "sgd:nesterov=true|needs momentum > 0", "sgd:momentum=0.9,nesterov=yes|not true or false",
            "sgd:momentum=0.9,momentum=0.8|given twice", "adam:beta1=1|0 <= beta1 < 1", "adam:beta2=-1|0 <= beta2 < 1",
            "adam:eps=0|eps > 0", "adam:weight_decay=0.1|use adamw", "adamw:weight_decay=-1|weight_decay >= 0",
            "adamw:lr=0.1|allowed: beta1 (default 0.9), beta2 (default 0.999), eps (default 1.0E-8), weight_decay (default 0.01)"})
    void badSpecsGiveOneLineMessages(String row) {
        String spec = row.substring(0, row.indexOf('|'));
        String expected = row.substring(row.indexOf('|') + 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Optimizers.parse(spec));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void nullSpecIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Optimizers.parse(null));
    }
}
