package theta.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import theta.InputException;
import theta.activation.Activations;
import theta.loss.Loss;
import theta.nn.Architecture;
import theta.nn.Model;
import theta.nn.Network;

class ModelFileTest {
    @TempDir
    Path dir;

    private static Model model(String activation, int... hidden) {
        Network net = new Network(new Architecture(5, hidden, 3), Activations.parse(activation), Loss.SOFTMAX);
        double[] p = new SplittableRandom(4).doubles(net.layout().size(), -1, 1).toArray();
        JsonObject prov = new JsonObject();
        prov.addProperty("seed", 42);
        return new Model(net, p, 0, 0, prov);
    }

    @Test
    void roundTripKeepsEveryBitArchitectureAndProvenance() throws Exception {
        for (Model m : new Model[] {model("prelu:a=0.1", 4), model("elu:alpha=0.5", 4, 6)}) {
            Path f = dir.resolve("m.npz");
            ModelFile.write(f, m);
            Model back = ModelFile.read(f);
            assertArrayEquals(m.params(), back.params());
            assertEquals(m.network().architecture(), back.network().architecture());
            assertEquals(m.network().activation().spec(), back.network().activation().spec());
            assertEquals(Loss.SOFTMAX, back.network().loss());
            assertEquals(42, back.provenance().get("seed").getAsInt());
        }
    }

    @Test
    void thetaMatricesAreTheClassicLayout() throws Exception {
        Model m = model("tanh", 4);
        Path f = dir.resolve("m.npz");
        ModelFile.write(f, m);
        // Read as a plain .npz: the metadata entry is skipped, the matrices are there.
        NamedArrays a = Npz.read(f);
        NdArray t1 = a.get("Theta1");
        assertEquals(4, t1.rows());
        assertEquals(6, t1.cols());
        var layout = m.network().layout();
        // Theta1(row 2, col 0) is unit 2's bias; Theta1(1, 3) the weight from input 3 to unit 1.
        assertEquals(m.params()[layout.index(1, 2, 0)], t1.get(2, 0));
        assertEquals(m.params()[layout.index(1, 1, 3)], t1.get(1, 3));
        assertArrayEquals(new int[] {3, 5}, a.get("Theta2").shape());
    }

    @Test
    void damagedFilesGiveOneLineErrors() throws Exception {
        Path junk = dir.resolve("junk.npz");
        Files.writeString(junk, "not a zip");
        assertMessage(junk, "not a valid .npz");
        Path bare = dir.resolve("bare.npz");
        Npz.write(bare, NamedArrays.of(NdArray.of2d("Theta1", 1, 1, new double[] {1})));
        assertMessage(bare, "not a theta model (no model.json)");
        Model m = model("relu", 4);
        Path f = dir.resolve("m.npz");
        ModelFile.write(f, m);
        // Swap in a Theta2 of the wrong shape, keeping the metadata.
        byte[] meta = Npz.readEntry(f, ModelFile.METADATA, 1 << 20);
        NamedArrays arrays = Npz.read(f);
        Npz.write(f, NamedArrays.of(arrays.get("Theta1"), NdArray.of2d("Theta2", 3, 4, new double[12])),
                theta.math.Precision.F64, ModelFile.METADATA, meta);
        assertMessage(f, "array 'Theta2' is 3x4, expected 3x5");
        Npz.write(f, arrays, theta.math.Precision.F64, ModelFile.METADATA, "{\"format\":".getBytes());
        assertMessage(f, "damaged model.json");
    }

    private static void assertMessage(Path f, String part) {
        InputException e = assertThrows(InputException.class, () -> ModelFile.read(f));
        assertTrue(e.getMessage().contains(part), e.getMessage());
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }
}
