package theta.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The one Gson factory writes what predict/evaluate --json and model files hold, NaN included. */
class JsonTest {
    @Test
    void everyInstanceWritesNaNAndInfinityAndLeavesSpecCharactersAlone() {
        Map<String, Object> m = Map.of("p", new double[] {Double.NaN, Double.POSITIVE_INFINITY});
        assertEquals("{\"p\":[NaN,Infinity]}", Json.COMPACT.toJson(m));
        assertEquals("{\"p\":[NaN,Infinity]}", Json.STRICT.toJson(m));
        assertEquals("{\n  \"p\": [\n    NaN,\n    Infinity\n  ]\n}", Json.PRETTY.toJson(m));
        assertEquals("\"sgd:momentum=0.9 <a>\"", Json.COMPACT.toJson("sgd:momentum=0.9 <a>"));
    }
}
