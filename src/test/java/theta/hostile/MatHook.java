package theta.hostile;

/**
 * The hook for MATLAB .mat files in the hostile-input suite. theta has no .mat reader on this
 * branch yet; when it lands, return a {@link HostileInputTest.Case} here: a small valid .mat file
 * (e.g. written by the reader's own writer or by Octave's {@code save -v7}), the reader, and
 * {@code (rng, v) -> HostileInputTest.flip(rng, v, 1 + rng.nextInt(4))} as its mutations.
 */
final class MatHook {
    private MatHook() {}

    /** Null while theta reads no .mat files (the suite then skips this reader). */
    static HostileInputTest.Case matCase() {
        return null;
    }
}
