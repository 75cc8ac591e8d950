package theta.check;

/**
 * How to check a gradient.
 *
 * @param eps central-difference step: numerical d_i = (f(x + eps e_i) - f(x - eps e_i)) / (2 eps)
 * @param perBlock entries checked per block: all of a block up to this many, else a seeded sample
 * @param seed for the sample
 * @param tolerance the check passes when norm(num - ana) / norm(num + ana) is below this
 */
public record CheckOptions(double eps, int perBlock, long seed, double tolerance) {
    public CheckOptions {
        if (!(eps > 0 && eps < 1)) {
            throw new IllegalArgumentException("eps must be in (0, 1), got " + eps);
        }
        if (perBlock < 1) {
            throw new IllegalArgumentException("entries per block must be >= 1, got " + perBlock);
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be > 0, got " + tolerance);
        }
    }

    /** eps = 1e-4 as in the classic exercise, every entry, tolerance 1e-9. */
    public static CheckOptions defaults() {
        return new CheckOptions(1e-4, Integer.MAX_VALUE, 1, 1e-9);
    }

    public CheckOptions withPerBlock(int n) {
        return new CheckOptions(eps, n, seed, tolerance);
    }

    public CheckOptions withTolerance(double t) {
        return new CheckOptions(eps, perBlock, seed, t);
    }

    public CheckOptions withEps(double e) {
        return new CheckOptions(e, perBlock, seed, tolerance);
    }
}
