package theta.math;

/** Overflow-free building blocks shared by the activations and the output layers. */
public final class StableMath {
    private StableMath() {}

    /** sigma(x) = 1/(1+e^-x), from e^-|x| so that the exponential never overflows. */
    public static double sigmoid(double x) {
        double e = Math.exp(-Math.abs(x));
        return x >= 0 ? 1 / (1 + e) : e / (1 + e);
    }

    /**
     * sigma'(x) = sigma(x) sigma(-x) = e/(1+e)^2 with e = e^-|x|: accurate also where sigma(x)
     * rounds to 1, unlike y(1-y).
     */
    public static double sigmoidSlope(double x) {
        double e = Math.exp(-Math.abs(x));
        double d = 1 + e;
        return e / (d * d);
    }

    /** softplus(x) = ln(1+e^x) = max(x,0) + log1p(e^-|x|). */
    public static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /**
     * sech^2(x) = 1 - tanh^2(x) = 4e/(1+e)^2 with e = e^-2|x|: no cancellation where tanh is
     * close to +-1.
     */
    public static double sech2(double x) {
        double e = Math.exp(-2 * Math.abs(x));
        double d = 1 + e;
        return 4 * e / (d * d);
    }
}
