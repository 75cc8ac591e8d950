package theta.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.google.gson.Gson;
import com.google.gson.JsonObject;

import theta.InputException;
import theta.activation.Activations;
import theta.loss.Loss;
import theta.math.Precision;
import theta.nn.Architecture;
import theta.nn.Layout;
import theta.nn.Model;
import theta.nn.Network;

/**
 * A saved model: a NumPy .npz holding {@code Theta1}, {@code Theta2}, ... (units x (inputs+1),
 * bias in column 0, float64), {@code activation1}, ... for learnable activation parameters, and a
 * {@code model.json} entry with the architecture and provenance. {@code np.load} reads the arrays
 * directly, and {@code np.load(f)["model.json"]} gives the metadata bytes.
 */
public final class ModelFile {
    /** The metadata entry's name. */
    public static final String METADATA = "model.json";
    static final String FORMAT = "theta-model";
    static final int VERSION = 1;
    private static final Gson GSON = Json.PRETTY;

    private ModelFile() {}

    /** The model's weights as named matrices: Theta1, Theta2, ..., activation1, ... */
    public static NamedArrays arrays(Model model) {
        Network net = model.network();
        Layout layout = net.layout();
        Architecture arch = net.architecture();
        double[] p = model.params();
        List<NdArray> arrays = new ArrayList<>();
        for (int l = 1; l <= arch.layers(); l++) {
            double[] colMajor = new double[layout.thetaLength(l)];
            System.arraycopy(p, layout.theta(l), colMajor, 0, colMajor.length);
            arrays.add(NdArray.fromColumnMajor("Theta" + l, arch.units(l), arch.units(l - 1) + 1, colMajor));
        }
        for (int l = 1; l < arch.layers() && layout.activationCount() > 0; l++) {
            double[] a = new double[layout.activationCount()];
            System.arraycopy(p, layout.activation(l), a, 0, a.length);
            arrays.add(NdArray.of("activation" + l, new int[] {a.length}, a));
        }
        return NamedArrays.of(arrays);
    }

    /** Puts named Theta matrices (and activation parameters) into a network's flat parameter vector. */
    public static double[] parameters(Network net, NamedArrays arrays) {
        Layout layout = net.layout();
        Architecture arch = net.architecture();
        double[] p = new double[layout.size()];
        for (int l = 1; l <= arch.layers(); l++) {
            NdArray t = arrays.matrix("Theta" + l, arch.units(l), arch.units(l - 1) + 1);
            for (double v : t.data()) {
                if (!Double.isFinite(v)) {
                    // NaN weights would evaluate at chance and predict "0 (NaN%)" without a word.
                    throw new InputException(arrays.source() + ": Theta" + l + " holds a non-finite weight (" + v
                            + "): the file is damaged or its training diverged");
                }
            }
            System.arraycopy(t.toColumnMajor(), 0, p, layout.theta(l), layout.thetaLength(l));
        }
        for (int l = 1; l < arch.layers() && layout.activationCount() > 0; l++) {
            String name = "activation" + l;
            double[] a = arrays.contains(name) ? arrays.get(name).data() : net.activation().learnable();
            if (a.length != layout.activationCount()) {
                throw new InputException(arrays.source() + ": array '" + name + "' has " + a.length
                        + " values, expected " + layout.activationCount());
            }
            System.arraycopy(a, 0, p, layout.activation(l), a.length);
        }
        return p;
    }

    public static void write(Path file, Model model) throws IOException {
        Network net = model.network();
        JsonObject meta = new JsonObject();
        meta.addProperty("format", FORMAT);
        meta.addProperty("formatVersion", VERSION);
        meta.add("architecture", GSON.toJsonTree(Map.of("inputs", net.architecture().inputs(),
                "hidden", net.architecture().hidden(), "outputs", net.architecture().outputs())));
        meta.addProperty("activation", net.activation().spec());
        meta.addProperty("output", net.loss().id());
        meta.addProperty("imageRows", model.imageRows());
        meta.addProperty("imageCols", model.imageCols());
        meta.add("provenance", model.provenance());
        Npz.write(file, arrays(model), Precision.F64, METADATA, GSON.toJson(meta).getBytes(StandardCharsets.UTF_8));
    }

    public static Model read(Path file) throws IOException {
        String where = file.toString();
        byte[] json = Npz.readEntry(file, METADATA, 64L << 20);
        if (json == null) {
            throw new InputException(where + ": not a theta model (no " + METADATA + "); for bare weights use"
                    + " 'theta cost --weights'");
        }
        JsonFields meta = JsonFields.parse(where + ": damaged " + METADATA, new String(json, StandardCharsets.UTF_8));
        return model(where, meta, Npz.read(file));
    }

    private static Model model(String where, JsonFields meta, NamedArrays arrays) {
        String format = meta.string("format");
        if (!FORMAT.equals(format)) {
            throw new InputException(where + ": not a theta model (format " + format + ")");
        }
        int version = meta.integer("formatVersion");
        if (version > VERSION) {
            throw new InputException(where + ": model format version " + version + " is newer than this theta"
                    + " reads (" + VERSION + "): upgrade theta");
        }
        JsonFields a = meta.object("architecture");
        Network net;
        try {
            Architecture arch = new Architecture(a.integer("inputs"), a.integers("hidden"), a.integer("outputs"));
            net = new Network(arch, Activations.parse(meta.string("activation")), Loss.parse(meta.string("output")));
        } catch (IllegalArgumentException e) {
            throw new InputException(where + ": damaged " + METADATA + " (" + e.getMessage() + ")");
        }
        double[] params = parameters(net, arrays);
        JsonObject provenance = meta.has("provenance") ? meta.object("provenance").json() : new JsonObject();
        return new Model(net, params, meta.integer("imageRows"), meta.integer("imageCols"), provenance);
    }

    /** Summary for display, e.g. in 'theta evaluate' and the web page. */
    public static Map<String, String> describe(Model m) {
        Map<String, String> d = new TreeMap<>();
        d.put("architecture", m.network().architecture().toString());
        d.put("activation", m.network().activation().spec());
        d.put("output", m.network().loss().id());
        d.put("parameters", Integer.toString(m.params().length));
        if (m.provenance().has("testAccuracy")) {
            d.put("testAccuracy", m.provenance().get("testAccuracy").getAsString());
        }
        if (m.provenance().has("theta")) {
            d.put("theta", m.provenance().get("theta").getAsString());
        }
        return d;
    }
}
