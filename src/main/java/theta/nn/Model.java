package theta.nn;

import com.google.gson.JsonObject;

/**
 * A trained network: its architecture, activation and output, the flat parameter vector, and
 * where it came from (free-form provenance: hyperparameters, seed, data checksums, versions,
 * history).
 *
 * @param imageRows image height of the inputs (0 when the inputs are not an image)
 * @param imageCols image width of the inputs
 */
public record Model(Network network, double[] params, int imageRows, int imageCols, JsonObject provenance) {
    public Model {
        if (params.length != network.layout().size()) {
            throw new IllegalArgumentException("model needs " + network.layout().size() + " parameters, got "
                    + params.length);
        }
        provenance = provenance == null ? new JsonObject() : provenance;
    }
}
