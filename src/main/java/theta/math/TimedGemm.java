package theta.math;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Passes every product on to another {@link Gemm} and adds up the time spent in it, in all and by
 * shape, so that a benchmark can split an epoch into matrix products and everything else. Meant
 * for one calling thread (the products themselves may use many).
 */
public final class TimedGemm implements Gemm {
    /**
     * One kind of product: op(A) is m x k, op(B) is k x n; {@code sparse}: A is a {@link
     * SparseMatrix}, only its nonzeros multiplied.
     */
    public record Shape(boolean transA, boolean transB, int m, int n, int k, boolean sparse) {
        public Shape(boolean transA, boolean transB, int m, int n, int k) {
            this(transA, transB, m, n, k, false);
        }

        /** The dense product's FLOPs (2mnk), whether or not the zeros were skipped. */
        public double flops() {
            return 2.0 * m * n * k;
        }

        /** E.g. {@code 128x784 * (800x784)^T}: the stored matrices, ^T where a product transposes one. */
        @Override
        public String toString() {
            String s = sparse ? " sparse" : "";
            String a = transA ? "(" + k + "x" + m + s + ")^T" : m + "x" + k + s;
            String b = transB ? "(" + n + "x" + k + ")^T" : k + "x" + n;
            return a + " * " + b;
        }
    }

    /**
     * Time and count of the products of one shape; {@code usefulFlops}: 2 n per nonzero of a
     * sparse operand, all the FLOPs of a dense product.
     */
    public record Total(Shape shape, long calls, long nanos, double usefulFlops) {
        /** The rate of the work done: useful FLOPs per second (/1e9). */
        public double gflops() {
            return usefulFlops / nanos;
        }

        /** The dense product's FLOPs per second (/1e9): what a dense product would need this rate for. */
        public double denseEquivalentGflops() {
            return shape.flops() * calls / nanos;
        }
    }

    private final Gemm inner;
    private final Map<Shape, double[]> byShape = new LinkedHashMap<>();
    private boolean counting = true;
    private long nanos;
    private long calls;

    public TimedGemm(Gemm inner) {
        this.inner = Objects.requireNonNull(inner);
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, Vec a, int offA, int lda,
                     Vec b, int offB, int ldb, double beta, Vec c, int offC, int ldc) {
        if (!counting) {
            inner.gemm(transA, transB, m, n, k, alpha, a, offA, lda, b, offB, ldb, beta, c, offC, ldc);
            return;
        }
        long t0 = System.nanoTime();
        inner.gemm(transA, transB, m, n, k, alpha, a, offA, lda, b, offB, ldb, beta, c, offC, ldc);
        long t = System.nanoTime() - t0;
        add(new Shape(transA, transB, m, n, k), t, 2.0 * m * n * k);
    }

    @Override
    public void sparse(boolean transS, SparseMatrix s, double alpha, MatrixView b, double beta, MatrixView c) {
        if (!counting) {
            inner.sparse(transS, s, alpha, b, beta, c);
            return;
        }
        long t0 = System.nanoTime();
        inner.sparse(transS, s, alpha, b, beta, c);
        long t = System.nanoTime() - t0;
        add(new Shape(transS, false, c.rows(), c.cols(), b.rows(), true), t, 2.0 * s.nonzeros() * c.cols());
    }

    private void add(Shape shape, long t, double useful) {
        nanos += t;
        calls++;
        double[] total = byShape.computeIfAbsent(shape, x -> new double[3]);
        total[0]++;
        total[1] += t;
        total[2] += useful;
    }

    /** Counts the products that follow (the default), or passes them on untimed. */
    public void counting(boolean on) {
        counting = on;
    }

    /** Nanoseconds spent in counted products so far. */
    public long nanos() {
        return nanos;
    }

    /** Counted products so far. */
    public long calls() {
        return calls;
    }

    /** The counted products by shape, in order of first appearance. */
    public List<Total> byShape() {
        List<Total> out = new ArrayList<>();
        byShape.forEach((s, t) -> out.add(new Total(s, (long) t[0], (long) t[1], t[2])));
        return out;
    }
}
