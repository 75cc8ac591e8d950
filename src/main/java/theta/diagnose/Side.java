package theta.diagnose;

/** Which column of the check: the numerical gradient of the learner's cost, or their backprop's gradient. */
public enum Side {
    NUMERICAL("numerical (left)"),
    ANALYTICAL("analytical (right)");

    private final String label;

    Side(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
