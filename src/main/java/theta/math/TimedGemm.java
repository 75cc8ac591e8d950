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
    /** One kind of product: op(A) is m x k, op(B) is k x n. */
    public record Shape(boolean transA, boolean transB, int m, int n, int k) {
        public double flops() {
            return 2.0 * m * n * k;
        }

        /** E.g. {@code 128x784 * (800x784)^T}: the stored matrices, ^T where a product transposes one. */
        @Override
        public String toString() {
            String a = transA ? "(" + k + "x" + m + ")^T" : m + "x" + k;
            String b = transB ? "(" + n + "x" + k + ")^T" : k + "x" + n;
            return a + " * " + b;
        }
    }

    /** Time and count of the products of one shape. */
    public record Total(Shape shape, long calls, long nanos) {
        public double gflops() {
            return shape.flops() * calls / nanos;
        }
    }

    private final Gemm inner;
    private final Map<Shape, long[]> byShape = new LinkedHashMap<>();
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
        nanos += t;
        calls++;
        long[] total = byShape.computeIfAbsent(new Shape(transA, transB, m, n, k), s -> new long[2]);
        total[0]++;
        total[1] += t;
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
        byShape.forEach((s, t) -> out.add(new Total(s, t[0], t[1])));
        return out;
    }
}
