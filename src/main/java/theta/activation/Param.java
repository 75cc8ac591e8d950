package theta.activation;

/** A named numeric parameter of a built-in activation: its default and which values it admits. */
record Param(String name, double defaultValue, Bound bound) {

    /** The values a parameter admits; every bound also requires a finite number. */
    enum Bound {
        ANY("a finite number"),
        POSITIVE("a number > 0"),
        NON_NEGATIVE("a number >= 0");

        private final String description;

        Bound(String description) {
            this.description = description;
        }

        boolean admits(double v) {
            return Double.isFinite(v) && switch (this) {
                case ANY -> true;
                case POSITIVE -> v > 0;
                case NON_NEGATIVE -> v >= 0;
            };
        }

        String description() {
            return description;
        }
    }

    static Param any(String name, double defaultValue) {
        return new Param(name, defaultValue, Bound.ANY);
    }

    static Param positive(String name, double defaultValue) {
        return new Param(name, defaultValue, Bound.POSITIVE);
    }

    static Param nonNegative(String name, double defaultValue) {
        return new Param(name, defaultValue, Bound.NON_NEGATIVE);
    }
}
