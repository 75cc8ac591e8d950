package theta.data;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import theta.InputException;

/** MNIST: 60,000 training and 10,000 test images of handwritten digits, 28x28, in {@code <data root>/mnist}. */
public final class Mnist {
    public static final String NAME = "MNIST";

    private Mnist() {}

    /** The folder MNIST is (or will be) in: {@code <data root>/mnist}. */
    public static Path folder() {
        return DataRoot.get().resolve("mnist");
    }

    /**
     * The MNIST folder, fetched first when any of its four files is missing. Checksums are
     * verified on fetch, and again by {@link #load} as the files are read.
     */
    public static Path ensure(Consumer<String> log) {
        Path dir = folder();
        if (IdxFolder.complete(dir)) {
            return dir;
        }
        log.accept("MNIST is not in " + dir + "; fetching it");
        return new MnistFetcher(DataRoot.get(), log).fetch(false);
    }

    /** MNIST (fetched when missing) split into train, the last {@code validation} training images, and test. */
    public static Splits load(int validation, Consumer<String> log) {
        IdxFolder files = IdxFolder.find(ensure(log));
        Dataset train = files.train(NAME + " train", LabelConvention.ZERO_BASED);
        Dataset test = files.test(NAME + " test", LabelConvention.ZERO_BASED);
        verify(train);
        verify(test);
        return Splits.of(train, test, validation);
    }

    /** Checks the sha256 lines computed while reading against the published files. */
    private static void verify(Dataset d) {
        Set<String> known = new HashSet<>();
        List<FileChecksum> expected = FileChecksum.resource("mnist.sha256");
        expected.forEach(c -> known.add(c.line()));
        for (String line : d.checksums()) {
            if (!known.contains(line)) {
                String file = line.substring(line.indexOf("  ") + 2);
                throw new InputException(d.source() + "/" + file + ": sha256 " + line.substring(0, 64)
                        + " is not the published MNIST file's; run 'theta data fetch --force'");
            }
        }
    }
}
