package theta.data;

/**
 * Real MNIST for tests, loaded once per test run (fetched first when missing): the default
 * split of 50,000 training, 10,000 validation and 10,000 test images.
 */
public final class MnistFixture {
    private static Splits splits;

    private MnistFixture() {}

    /**
     * An order of n examples scattered over them as a shuffle would: i * 7919 mod n (7919 is
     * prime, so every example comes once when n is not a multiple of it).
     */
    public static int[] scattered(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) (i * 7919L % n);
        }
        return order;
    }

    public static synchronized Splits mnist() {
        if (splits == null) {
            splits = Mnist.load(Splits.DEFAULT_VALIDATION, line -> System.err.println("[mnist] " + line));
        }
        return splits;
    }
}
