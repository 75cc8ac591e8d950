package theta.data;

/**
 * Real MNIST for tests, loaded once per test run (fetched first when missing): the default
 * split of 50,000 training, 10,000 validation and 10,000 test images.
 */
public final class MnistFixture {
    private static Splits splits;

    private MnistFixture() {}

    public static synchronized Splits mnist() {
        if (splits == null) {
            splits = Mnist.load(Splits.DEFAULT_VALIDATION, line -> System.err.println("[mnist] " + line));
        }
        return splits;
    }
}
