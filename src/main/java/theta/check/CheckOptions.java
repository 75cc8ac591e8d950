package theta.check;

/**
 * How to check a gradient.
 *
 * @param eps central-difference step h
 * @param order 2: the classic d_i = (f(x + h e_i) - f(x - h e_i)) / (2h), error O(h^2);
 *     4: d_i = (-f(x+2h) + 8 f(x+h) - 8 f(x-h) + f(x-2h)) / (12h), error O(h^4), twice the evaluations
 * @param perBlock entries checked per block: all of a block up to this many, else a seeded sample
 * @param seed for the sample
 * @param tolerance the check passes when norm(num - ana) / norm(num + ana) is below this
 */
public record CheckOptions(double eps, int order, int perBlock, long seed, double tolerance) {
    public CheckOptions {
        if (!(eps > 0 && eps < 1)) {
            throw new IllegalArgumentException("the central-difference step must be in (0, 1), got " + eps);
        }
        if (order != 2 && order != 4) {
            throw new IllegalArgumentException("the difference order must be 2 or 4, got " + order);
        }
        if (perBlock < 1) {
            throw new IllegalArgumentException("the entries checked per block must be >= 1, got " + perBlock);
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("the tolerance must be > 0, got " + tolerance);
        }
    }

    /** h = 1e-4 as in the classic exercise, fourth-order differences, every entry, tolerance 1e-9. */
    public static CheckOptions defaults() {
        return new CheckOptions(1e-4, 4, Integer.MAX_VALUE, 1, 1e-9);
    }

    public CheckOptions withPerBlock(int n) {
        return new CheckOptions(eps, order, n, seed, tolerance);
    }

    public CheckOptions withTolerance(double t) {
        return new CheckOptions(eps, order, perBlock, seed, t);
    }

    public CheckOptions withOrder(int o) {
        return new CheckOptions(eps, o, perBlock, seed, tolerance);
    }

    public CheckOptions withEps(double e) {
        return new CheckOptions(e, order, perBlock, seed, tolerance);
    }
}
