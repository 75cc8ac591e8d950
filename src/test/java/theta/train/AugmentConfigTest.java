package theta.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import theta.InputException;

class AugmentConfigTest {
    @Test
    void presetsHaveTheDocumentedValues() {
        AugmentConfig e = AugmentConfig.elastic();
        assertEquals(new AugmentConfig(2, 12, 0.9, 1.1, 0.15, 34, 4, 1), e);
        assertEquals(e.withElasticProbability(0), AugmentConfig.affine());
        assertTrue(AugmentConfig.none().isIdentity());
        assertFalse(AugmentConfig.affine().isIdentity());
        assertFalse(AugmentConfig.affine().isElastic());
        assertTrue(e.isElastic());
        assertTrue(e.withElasticProbability(0.5).isElastic());
        // The warp alone: no shift, rotation, scaling or shear.
        assertEquals(new AugmentConfig(0, 0, 1, 1, 0, 34, 4, 1), AugmentConfig.warp());
        assertTrue(AugmentConfig.warp().isElastic());
    }

    @Test
    void parsesPresetsAndOverrides() {
        assertEquals(AugmentConfig.none(), AugmentConfig.parse("none"));
        assertEquals(AugmentConfig.affine(), AugmentConfig.parse(" Affine "));
        assertEquals(AugmentConfig.elastic(), AugmentConfig.parse("elastic"));
        assertEquals(AugmentConfig.warp(), AugmentConfig.parse("warp"));
        assertEquals(AugmentConfig.warp(), AugmentConfig.parse("elastic:rotate=0,shift=0,scale=0,shear=0"));
        assertEquals(AugmentConfig.elastic(),
                AugmentConfig.parse("elastic:alpha=34,sigma=4,rotate=12,shift=2,scale=0.1,shear=0.15"));
        assertEquals(new AugmentConfig(3, 5, 0.8, 1.25, 0, 20, 3, 0.5),
                AugmentConfig.parse("elastic:shift=3, rotate=5,scale=0.8..1.25,shear=0,alpha=20,sigma=3,p=0.5"));
        assertEquals(new AugmentConfig(1, 0, 1, 1, 0, 34, 4, 0), AugmentConfig.parse("none:shift=1"));
    }

    @Test
    void specParsesBackToTheSameConfig() {
        for (AugmentConfig c : List.of(AugmentConfig.none(), AugmentConfig.affine(), AugmentConfig.elastic(),
                AugmentConfig.warp(),
                new AugmentConfig(0.3, 7.5, 0.95, 1.05, 0.1, 12.25, 2.5, 0.3),
                new AugmentConfig(0, 0, 1, 1, 0, 0, 4, 1))) {
            assertEquals(c.isIdentity() ? AugmentConfig.none() : c, AugmentConfig.parse(c.spec()), c.spec());
        }
        assertEquals("elastic:shift=2,rotate=12,scale=0.9..1.1,shear=0.15,alpha=34,sigma=4,p=1",
                AugmentConfig.elastic().spec());
    }

    @Test
    void rejectsOutOfRangeValuesSayingWhatIsAllowed() {
        assertRejected(() -> new AugmentConfig(-1, 12, 0.9, 1.1, 0.15, 34, 4, 1), "shift=-1", "0 <= shift <= 14");
        assertRejected(() -> new AugmentConfig(2, 190, 0.9, 1.1, 0.15, 34, 4, 1), "rotate=190", "0 <= rotate <= 180");
        assertRejected(() -> new AugmentConfig(2, 12, 1.1, 0.9, 0.15, 34, 4, 1), "scale=1.1..0.9", "min scale <= max");
        assertRejected(() -> new AugmentConfig(2, 12, 0, 1.1, 0.15, 34, 4, 1), "scale=0..1.1", "0.25 <=");
        assertRejected(() -> new AugmentConfig(2, 12, 0.9, 1.1, -0.1, 34, 4, 1), "shear=-0.1", "0 <= shear <= 1");
        assertRejected(() -> new AugmentConfig(2, 12, 0.9, 1.1, 0.15, Double.NaN, 4, 1), "alpha=NaN", "0 <= alpha");
        assertRejected(() -> new AugmentConfig(2, 12, 0.9, 1.1, 0.15, 34, 0, 1), "sigma=0", "0.5 <= sigma <= 16");
        assertRejected(() -> new AugmentConfig(2, 12, 0.9, 1.1, 0.15, 34, 4, 1.5), "p=1.5", "0 <= p <= 1");
    }

    @Test
    void rejectsMalformedSpecsNamingTheFault() {
        assertRejected(() -> AugmentConfig.parse("wobbly"), "unknown preset 'wobbly'", "none, affine, warp, elastic");
        assertRejected(() -> AugmentConfig.parse(""), "empty", "none, affine, warp, elastic");
        assertRejected(() -> AugmentConfig.parse("elastic:twist=3"), "unknown key 'twist'", AugmentConfig.KEYS);
        assertRejected(() -> AugmentConfig.parse("elastic:alpha"), "expected key=value but got 'alpha'", "allowed keys");
        assertRejected(() -> AugmentConfig.parse("elastic:alpha=34,"), "expected key=value but got ''", "allowed keys");
        assertRejected(() -> AugmentConfig.parse("affine:rotate=ten"), "rotate='ten' is not a number", "affine:rotate=ten");
        assertRejected(() -> AugmentConfig.parse("affine:scale=-0.2"), "scale=1.2..0.8", "min scale <= max scale");
        assertRejected(() -> AugmentConfig.parse("elastic:sigma=40"), "sigma=40", "0.5 <= sigma <= 16");
    }

    private static void assertRejected(Runnable r, String fault, String allowed) {
        InputException e = assertThrows(InputException.class, r::run);
        assertTrue(e.getMessage().startsWith("augment: "), e.getMessage());
        assertTrue(e.getMessage().contains(fault), () -> "'" + e.getMessage() + "' does not say " + fault);
        assertTrue(e.getMessage().contains(allowed), () -> "'" + e.getMessage() + "' does not say " + allowed);
        assertFalse(e.getMessage().contains("\n"), "one line");
    }
}
