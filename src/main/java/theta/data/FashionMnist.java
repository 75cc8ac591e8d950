package theta.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import theta.InputException;

/**
 * Fashion-MNIST (Zalando): 28x28 grey images of ten kinds of clothing, the same layout as
 * MNIST. Debian ships it in the package dataset-fashion-mnist.
 */
public final class FashionMnist {
    public static final String NAME = "Fashion-MNIST";
    /** Where dataset-fashion-mnist installs the four gzip IDX files. */
    public static final Path FOLDER = Path.of("/usr/share/datasets/fashion-mnist");
    /** The class names, by label. */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private FashionMnist() {}

    public static Splits load(int validation) {
        return load(FOLDER, validation);
    }

    static Splits load(Path folder, int validation) {
        if (!Files.isDirectory(folder) || !IdxFolder.complete(folder)) {
            throw new InputException(folder + ": Fashion-MNIST is not installed; install it with "
                    + "'apt-get install dataset-fashion-mnist', or point --data at a folder with its four IDX files");
        }
        IdxFolder files = IdxFolder.find(folder);
        return Splits.of(files.train(NAME + " train", LabelConvention.ZERO_BASED),
                files.test(NAME + " test", LabelConvention.ZERO_BASED), validation);
    }
}
