package theta.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

/**
 * The byte-level drawing parser against its slow, obvious twin (Gson's strict streaming reader,
 * which the server used before): on valid drawings, mutated ones and every truncation, both
 * accept the same documents with the same numbers, and both refuse the rest.
 */
class DrawingJsonTest {
    static final int MAX = 1 << 20;

    /** width, height, then the pixels; null when Gson refuses the document as JSON. */
    static double[] reference(byte[] body) {
        List<Double> out = new ArrayList<>(List.of(Double.NaN, Double.NaN));
        boolean sawPixels = false;
        try (JsonReader r = new JsonReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8))) {
            r.setStrictness(Strictness.STRICT);
            r.beginObject();
            while (r.hasNext()) {
                String name = r.nextName();
                if ((name.equals("width") || name.equals("height")) && r.peek() == JsonToken.NUMBER) {
                    out.set(name.equals("width") ? 0 : 1, r.nextDouble());
                } else if (name.equals("pixels") && r.peek() == JsonToken.BEGIN_ARRAY) {
                    sawPixels = true;
                    out.subList(2, out.size()).clear();
                    r.beginArray();
                    while (r.hasNext()) {
                        if (r.peek() != JsonToken.NUMBER) {
                            return null;
                        }
                        double v = r.nextDouble();
                        if (!(v >= 0 && v <= 255)) {
                            return null;
                        }
                        out.add(v);
                    }
                    r.endArray();
                } else if (name.equals("pixels")) {
                    return null;
                } else {
                    r.skipValue();
                }
            }
            r.endObject();
            if (r.peek() != JsonToken.END_DOCUMENT) {
                return null;
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (!sawPixels) {
            out.add(Double.NaN); // marks "no pixels member"
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double[] ours(byte[] body) {
        DrawingJson.Drawing d;
        try {
            d = DrawingJson.parse(body, MAX);
        } catch (Exchanges.HttpError e) {
            assertEquals(400, e.status);
            assertTrue(!e.getMessage().contains("\n") && e.getMessage().startsWith("request body: "), e.getMessage());
            return null;
        }
        double[] out = new double[2 + (d.pixels == null ? 1 : d.count)];
        out[0] = d.width;
        out[1] = d.height;
        if (d.pixels == null) {
            out[2] = Double.NaN;
        } else {
            System.arraycopy(d.pixels, 0, out, 2, d.count);
        }
        return out;
    }

    static void agree(byte[] body) {
        double[] expected = reference(body);
        double[] actual = ours(body);
        String shown = new String(body, StandardCharsets.UTF_8);
        if (expected == null || actual == null) {
            assertEquals(expected == null, actual == null, () -> "accepted by one parser only: " + shown);
        } else {
            assertArrayEquals(expected, actual, () -> shown);
        }
    }

    static final String[] VALID = {
        "{\"width\":2,\"height\":2,\"pixels\":[0,255,12.5,1e2]}",
        " \r\n{ \"pixels\" : [ 0.25 , 1 , -0 , 0.000001 ] , \"width\" : 4 , \"height\" : 1 }\t",
        "{\"extra\":{\"a\":[1,{\"b\":null}],\"c\":\"x\\\"\\u00e9\\n\"},\"width\":1,\"height\":1,\"pixels\":[3E+1],\"z\":true}",
        "{\"w\\u0069dth\":1,\"height\":1.0,\"pixels\":[0.123456789012345678]}",
        "{\"width\":\"2\",\"height\":false,\"pixels\":[]}",
        "{\"pixels\":[1,2],\"pixels\":[5]}",
        "{}",
        "\uFEFF{\"width\":1}",
    };

    @Test
    void validDrawingsAgree() {
        for (String v : VALID) {
            byte[] b = v.getBytes(StandardCharsets.UTF_8);
            agree(b);
            assertTrue(ours(b) != null, v);
        }
    }

    @Test
    void everyTruncationAndRandomMutationAgree() {
        SplittableRandom rng = new SplittableRandom(2026);
        // No raw control characters: Gson refuses them in names but not in skipped strings; RFC 8259
        // refuses them in every string, and so does DrawingJson (see controlCharactersInStrings).
        byte[] alphabet = "{}[],:\" \\-+.0123456789eEtrufalsn/uxé".getBytes(StandardCharsets.UTF_8);
        int cases = 0;
        for (String v : VALID) {
            byte[] b = v.getBytes(StandardCharsets.UTF_8);
            for (int cut = 0; cut < b.length; cut++) {
                agree(Arrays.copyOf(b, cut));
                cases++;
            }
            for (int i = 0; i < 1500; i++) {
                byte[] m = b.clone();
                int at = rng.nextInt(m.length);
                switch (rng.nextInt(3)) {
                    case 0 -> m[at] = alphabet[rng.nextInt(alphabet.length)];
                    case 1 -> m = splice(m, at, 1, new byte[0]);
                    default -> m = splice(m, at, 0, new byte[] {alphabet[rng.nextInt(alphabet.length)]});
                }
                agree(m);
                cases++;
            }
        }
        assertTrue(cases > 10_000, "cases: " + cases);
    }

    static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        byte[] out = new byte[b.length - remove + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
        return out;
    }

    @Test
    void numbersReadAsDoubleParseDoubleReadsThem() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder fraction = new StringBuilder();
            for (int k = rng.nextInt(1, 17); k > 0; k--) {
                fraction.append(rng.nextInt(10));
            }
            String n = i % 2 == 0 ? Double.toString(rng.nextDouble() * 255) : rng.nextInt(255) + "." + fraction;
            double[] d = ours(("{\"pixels\":[" + n + "]}").getBytes(StandardCharsets.UTF_8));
            assertTrue(d != null, n);
            assertEquals(Double.parseDouble(n), d[2], n);
        }
    }

    @Test
    void controlCharactersInStringsAreRefusedAsRfc8259Says() {
        for (String s : new String[] {"{\"a\t\":1}", "{\"a\":\"\u0001\"}", "{\"a\":[\"\n\"]}"}) {
            assertTrue(ours(s.getBytes(StandardCharsets.UTF_8)) == null, s);
        }
        assertTrue(ours("{\"a\":\"\\t\\u0001\"}".getBytes(StandardCharsets.UTF_8)) != null, "escaped, they are fine");
    }

    @Test
    void deepNestingIsRefusedWithoutOverflowingTheStack() {
        String deep = "{\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        Exchanges.HttpError e = assertThrows(Exchanges.HttpError.class,
                () -> DrawingJson.parse(deep.getBytes(StandardCharsets.UTF_8), MAX));
        assertTrue(e.getMessage().contains("nested more than"), e.getMessage());
    }
}
