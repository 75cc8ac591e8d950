package theta.math;

import java.util.Objects;

/**
 * Optimiser updates that read and write several vectors in one pass (src/main/c/theta_train.c,
 * in the native library of {@link SparseKernels}). An update over a 2.5 MB parameter vector runs
 * at the speed of memory: one pass over v, g and p is faster than a BLAS call per term, each
 * reading and writing its vector again. Where the native library is missing, the BLAS calls.
 */
public final class Updates {
    private Updates() {}

    /**
     * SGD's momentum update of entries [off, off+n): {@code v = mu*v + g}, then {@code p += a*v +
     * b*g} with the new v (momentum: a = -lr, b = 0; Nesterov: a = -lr*mu, b = -lr). Each product
     * and sum is rounded on its own, in that order; v comes out bit for bit as {@code v.scale(mu);
     * v.axpy(1, g)} leaves it, p as {@code p.axpy(b, g); p.axpy(a, v)} to its last bit. With b = 0,
     * g is not read for p (an infinite g does not make p NaN through 0 * g).
     */
    public static void momentum(Vec p, Vec g, Vec v, double mu, double a, double b, int off, int n) {
        momentum(p, g, v, mu, a, b, off, n, SparseKernels.DEFAULT);
    }

    /** {@link #momentum} with the given variant of the native code (tests run each one the CPU has). */
    static void momentum(Vec p, Vec g, Vec v, double mu, double a, double b, int off, int n, int variant) {
        Precision pr = p.precision();
        if (g.precision() != pr || v.precision() != pr) {
            throw new IllegalArgumentException("momentum update: mixed precisions " + pr + ", " + g.precision() + ", "
                    + v.precision());
        }
        Objects.checkFromIndexSize(off, n, p.length());
        Objects.checkFromIndexSize(off, n, g.length());
        Objects.checkFromIndexSize(off, n, v.length());
        if (n == 0) {
            return;
        }
        if (!SparseKernels.AVAILABLE) {
            v.scale(mu, off, n);
            v.axpy(1, g, off, off, n);
            if (b != 0) {
                p.axpy(b, g, off, off, n);
            }
            p.axpy(a, v, off, off, n);
            return;
        }
        long bytes = pr.bytes();
        momentum(variant, pr == Precision.F64, n, p.address() + off * bytes, g.address() + off * bytes,
                v.address() + off * bytes, mu, a, b);
        java.lang.ref.Reference.reachabilityFence(p);
        java.lang.ref.Reference.reachabilityFence(g);
        java.lang.ref.Reference.reachabilityFence(v);
    }

    private static native void momentum(int isa, boolean f64, int n, long p, long g, long v, double mu, double a, double b);
}
