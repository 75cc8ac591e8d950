package theta.math;

/**
 * Fills rows of a network's input with images stored as unsigned bytes (each number v / 255: the
 * float32 {@code v / 255f}, or {@code v / 255.0} in float64), and says where each row's bytes
 * are, so that inference can index a part's nonzeros straight from the bytes ({@link
 * SparseMatrix#indexBytes}) and skip the numbers where the part goes sparse.
 */
public interface ByteRows extends Parallel.Range {
    /** The array that holds every row's bytes. */
    byte[] bytes();

    /** {@code starts[i]} = where row {@code from + i} begins in {@link #bytes()}, for i in [0, to - from). */
    void starts(int from, int to, int[] starts);
}
