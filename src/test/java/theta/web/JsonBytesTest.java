package theta.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The reply writer: every number reads back exactly, and the JSON is what Gson would have made of the record. */
class JsonBytesTest {
    static String text(float v) {
        JsonBytes b = new JsonBytes(4);
        b.number(v);
        return b.toString();
    }

    static void assertShortestRoundTrip(float v) {
        String s = text(v);
        assertEquals(v, Float.parseFloat(s), s);
        // JavaScript reads it as a double; that double must still be the same float.
        assertEquals(v, (float) Double.parseDouble(s), s);
        assertTrue(s.length() <= Float.toString(v).length(), s + " longer than " + Float.toString(v));
        assertTrue(s.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?"), s + " is not a JSON number");
    }

    @Test
    void everyFloatOfAFewBinadesReadsBackAndIsNoLongerThanJavas() {
        // All floats in [0.25, 0.2503) and near 1, 0.5 and 0.001, where the intervals change width.
        for (float v = 0.25f; v < 0.2503f; v = Math.nextUp(v)) {
            assertShortestRoundTrip(v);
        }
        for (float start : new float[] {1, 0.5f, 0.001f, 0.1f}) {
            float v = start;
            for (int i = 0; i < 5000; i++) {
                assertShortestRoundTrip(v);
                assertShortestRoundTrip(Math.nextUp(start) > 1 ? v : Math.min(1, Math.nextUp(v)));
                v = Math.nextDown(v);
            }
        }
    }

    @Test
    void randomAndTypicalImageValuesReadBack() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int i = 0; i < 200_000; i++) {
            assertShortestRoundTrip((float) rng.nextDouble());
            assertShortestRoundTrip(Float.intBitsToFloat(rng.nextInt(0, 0x3f800001))); // any float in [0, 1]
        }
        for (int k = 0; k <= 255; k++) {
            assertShortestRoundTrip(k / 255f);
            assertEquals(Float.toString(k / 255f), text(k / 255f), "as Java writes it");
        }
        for (float v : new float[] {0f, -0f, 1f, 1e-30f, 2.5f, -0.75f, Float.MIN_VALUE, 0.001f, 0.0009999f}) {
            assertEquals(v, Float.parseFloat(text(v)), text(v));
        }
    }

    @Test
    void aPredictionIsTheJsonOfItsRecord() {
        SplittableRandom rng = new SplittableRandom(3);
        double[] p = new double[10];
        float[] in = new float[784];
        for (int i = 0; i < p.length; i++) {
            p[i] = rng.nextDouble() * (i == 3 ? 1e-300 : 1);
        }
        for (int i = 0; i < in.length; i++) {
            in[i] = i % 3 == 0 ? 0 : (float) rng.nextDouble();
        }
        Server.Prediction prediction = new Server.Prediction(7, p, in);
        String json = new String(prediction.json(), java.nio.charset.StandardCharsets.UTF_8);
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        assertEquals(JsonParser.parseString(theta.io.Json.COMPACT.toJson(prediction)), o);
        assertEquals(7, o.get("prediction").getAsInt());
        JsonArray a = o.getAsJsonArray("input28");
        float[] back = new float[a.size()];
        for (int i = 0; i < back.length; i++) {
            back[i] = a.get(i).getAsFloat();
        }
        assertArrayEquals(in, back);
        assertEquals(json, new String(prediction.json(), java.nio.charset.StandardCharsets.UTF_8), "the buffer is reused");
    }
}
