package theta.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonSyntaxException;

/** The one Gson factory writes what predict/evaluate --json and model files hold, NaN included. */
class JsonTest {
    @Test
    void theWritingInstancesWriteNaNAndInfinityAndLeaveSpecCharactersAlone() {
        Map<String, Object> m = Map.of("p", new double[] {Double.NaN, Double.POSITIVE_INFINITY});
        assertEquals("{\"p\":[NaN,Infinity]}", Json.COMPACT.toJson(m));
        assertEquals("{\n  \"p\": [\n    NaN,\n    Infinity\n  ]\n}", Json.PRETTY.toJson(m));
        assertEquals("\"sgd:momentum=0.9 <a>\"", Json.COMPACT.toJson("sgd:momentum=0.9 <a>"));
    }

    @Test
    void theStrictInstanceRefusesWhatJsonDoesNotAllow() {
        assertThrows(JsonSyntaxException.class, () -> Json.STRICT.fromJson("{'p': [1]}", Map.class));
        assertThrows(JsonSyntaxException.class, () -> Json.STRICT.fromJson("{\"p\": NaN}", Map.class));
        assertEquals(Map.of("p", 1.0), Json.STRICT.fromJson("{\"p\": 1}", Map.class));
    }
}
