package theta.nn;

/**
 * A named range of the flat parameter vector, e.g. "Theta1 weights". Regularised blocks carry the
 * lambda/(2m) * sum(theta^2) penalty; biases and activation parameters do not.
 */
public record Block(String name, int offset, int length, boolean regularised) {
    public Block {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("bad block " + name + " at " + offset + "+" + length);
        }
    }

    public int end() {
        return offset + length;
    }

    public boolean contains(int index) {
        return index >= offset && index < offset + length;
    }
}
