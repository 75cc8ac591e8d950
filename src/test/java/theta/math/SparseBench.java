package theta.math;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

import org.bytedeco.openblas.global.openblas;

import theta.data.Dataset;
import theta.data.Inputs;
import theta.data.MnistFixture;

/**
 * The first layer's two products on real MNIST batches of 128 (784 pixels, 800 hidden units,
 * float32, one thread). First, for every variant of theta's native sparse kernels this CPU runs
 * (AVX-512, AVX2+FMA, plain x86-64), side by side with OpenBLAS's dense sgemm for the same
 * products, interleaved batch by batch (sparse, dense, sparse, dense): forward ms, weight-gradient
 * ms, index-build ms (by example and by pixel, built every batch) and the ratio sparse / sgemm
 * with the index build included. Then the same products done other ways (plain Java loops over
 * the native vectors and over heap arrays, OpenBLAS saxpy once per nonzero), and dense against
 * sparse at densities 0.1 to 1.0 (random pixels) per variant, to find where sparse stops paying.
 * Times are the thread's CPU time, median per batch: other processes on the cores change them
 * less than wall time. Not a test: it asserts nothing. Run with
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) theta.math.SparseBench [batches [rounds]]}
 * (see the README's Speed section); {@code OPENBLAS_CORETYPE=Haswell} in the environment times
 * the AVX2 variant against OpenBLAS's AVX2 sgemm, as on an AVX2-only machine.
 */
public final class SparseBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int M = 128;
    private static final int K = 784;
    private static final int N = 800;

    private SparseBench() {}

    public static void main(String[] args) {
        Threads.set(1);
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Dataset train = MnistFixture.mnist().train();
        SplittableRandom rng = new SplittableRandom(1);
        Vec w = SparseProductTest.random(Precision.F32, K * N, rng);
        Vec dz = SparseProductTest.random(Precision.F32, M * N, rng);
        Vec z = Precision.F32.zeros(M * N);
        Vec dw = Precision.F32.zeros(K * N);
        Vec[] xs = new Vec[batches];
        double nnz = 0;
        for (int b = 0; b < batches; b++) {
            xs[b] = Precision.F32.zeros(M * K);
            new Inputs(K).fill(train, null, b * M, M, xs[b]);
            nnz += new SparseMatrix(Precision.F32).index(MatrixView.of(xs[b], 0, M, K)).nonzeros();
        }
        double density = nnz / batches / M / K;
        String core = System.getenv("OPENBLAS_CORETYPE");
        System.out.printf(Locale.ROOT, "MNIST training batches of %d: %d batches x %d rounds, density %.1f%% (%.0f"
                + " nonzero pixels of %d per image); OpenBLAS core: %s; load average %.2f%n", M, batches, rounds,
                100 * density, density * K, K, core == null ? "its choice for this CPU (OPENBLAS_CORETYPE unset)"
                        : "OPENBLAS_CORETYPE=" + core, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Method dense = new Method("OpenBLAS sgemm, dense",
                x -> Gemm.blas().gemm(1, MatrixView.of(x, 0, M, K), false, MatrixView.of(w, 0, K, N), false, 1,
                        MatrixView.of(z, 0, M, N)),
                x -> Gemm.blas().gemm(1, MatrixView.of(x, 0, M, K), true, MatrixView.of(dz, 0, M, N), false, 0,
                        MatrixView.of(dw, 0, K, N)));
        variants(xs, rounds, w, dz, z, dw, dense);
        others(xs, w, dz, z, dw, dense);
        crossover(rng, w, dz, z, dw, dense);
    }

    /** Each native variant against sgemm, interleaved batch by batch, medians of all batches and rounds. */
    private static void variants(Vec[] xs, int rounds, Vec w, Vec dz, Vec z, Vec dw, Method dense) {
        System.out.println("native sparse kernels against OpenBLAS sgemm (same products, same batches, interleaved;"
                + " ms per batch, medians)");
        System.out.println("variant                  forward  weight grad  index build | sgemm fwd  sgemm grad |"
                + " sparse/sgemm (index incl.)  fwd  grad");
        int[] variants = SparseKernels.variants();
        SparseMatrix s = new SparseMatrix(Precision.F32);
        int n = xs.length * rounds;
        double[][] t = new double[5 * variants.length][n];
        for (int round = -1; round < rounds; round++) { // round -1 warms up the JIT
            for (int b = 0; b < xs.length; b++) {
                Vec x = xs[b];
                for (int vi = 0; vi < variants.length; vi++) {
                    int v = variants[vi];
                    double index = cpuMillis(y -> s.index(MatrixView.of(y, 0, M, K), v).pairs(), x);
                    double fwd = cpuMillis(y -> Blas.INSTANCE.sparse(false, s, 1, MatrixView.of(w, 0, K, N), 1,
                            MatrixView.of(z, 0, M, N), v), x);
                    double dfwd = cpuMillis(dense.forward, x);
                    double grad = cpuMillis(y -> Blas.INSTANCE.sparse(true, s, 1, MatrixView.of(dz, 0, M, N), 0,
                            MatrixView.of(dw, 0, K, N), v), x);
                    double dgrad = cpuMillis(dense.gradient, x);
                    if (round >= 0) {
                        int i = round * xs.length + b;
                        t[5 * vi][i] = fwd;
                        t[5 * vi + 1][i] = grad;
                        t[5 * vi + 2][i] = index;
                        t[5 * vi + 3][i] = dfwd;
                        t[5 * vi + 4][i] = dgrad;
                    }
                }
            }
        }
        for (int vi = 0; vi < variants.length; vi++) {
            double fwd = median(t[5 * vi]);
            double grad = median(t[5 * vi + 1]);
            double index = median(t[5 * vi + 2]);
            double dfwd = median(t[5 * vi + 3]);
            double dgrad = median(t[5 * vi + 4]);
            System.out.printf(Locale.ROOT, "%-22s %9.3f  %11.3f  %11.3f | %9.3f  %10.3f | %26.2f  %4.2f  %4.2f%n",
                    SparseKernels.name(variants[vi]), fwd, grad, index, dfwd, dgrad,
                    (fwd + grad + index) / (dfwd + dgrad), fwd / dfwd, grad / dgrad);
        }
    }

    /** The same products done other ways (for the README's table of methods). */
    private static void others(Vec[] xs, Vec w, Vec dz, Vec z, Vec dw, Method dense) {
        int batches = xs.length;
        double denseFlops = 2.0 * M * K * N;
        System.out.println("method                                forward ms  weight grad ms  dense-equiv. GFLOP/s (fwd, grad)");
        SparseMatrix s = new SparseMatrix(Precision.F32);
        Method[] methods = {
            dense,
            new Method("native sparse kernels (theta, index incl.)",
                x -> Gemm.blas().sparse(false, s.index(MatrixView.of(x, 0, M, K)), 1, MatrixView.of(w, 0, K, N), 1,
                        MatrixView.of(z, 0, M, N)),
                x -> Gemm.blas().sparse(true, s.index(MatrixView.of(x, 0, M, K)), 1, MatrixView.of(dz, 0, M, N), 0,
                        MatrixView.of(dw, 0, K, N))),
            new Method("plain Java, native buffers", x -> PlainJava.forwardBuffers(x, w, z),
                x -> PlainJava.gradientBuffers(x, dz, dw)),
            new Method("plain Java, heap arrays + copies", x -> PlainJava.forwardHeap(x, w, z),
                x -> PlainJava.gradientHeap(x, dz, dw)),
            new Method("OpenBLAS saxpy per nonzero (JNI each)", x -> saxpyForward(x, w, z),
                x -> saxpyGradient(x, dz, dw)),
        };
        for (int round = 0; round < 2; round++) { // round 0 warms up the JIT
            for (Method m : methods) {
                double[] f = new double[batches];
                double[] g = new double[batches];
                for (int b = 0; b < batches; b++) {
                    f[b] = cpuMillis(m.forward, xs[b]);
                    g[b] = cpuMillis(m.gradient, xs[b]);
                }
                if (round == 1) {
                    double fm = median(f);
                    double gm = median(g);
                    System.out.printf(Locale.ROOT, "%-42s %6.3f  %14.3f  %6.1f, %6.1f%n", m.name, fm, gm,
                            denseFlops / fm / 1e6, denseFlops / gm / 1e6);
                }
            }
        }
    }

    /** Dense against sparse (index included) at rising densities of random pixels, per variant. */
    private static void crossover(SplittableRandom rng, Vec w, Vec dz, Vec z, Vec dw, Method dense) {
        int[] variants = SparseKernels.variants();
        System.out.println("random pixels at density d: sparse (index incl.) / dense time for forward + weight"
                + " gradient, per variant (dense ms in brackets)");
        SparseMatrix s = new SparseMatrix(Precision.F32);
        for (double d = 0.1; d < 1.05; d += 0.1) {
            Vec x = Precision.F32.zeros(M * K);
            for (int i = 0; i < M * K; i++) {
                x.set(i, rng.nextDouble() < d ? rng.nextDouble() : 0);
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  d = %.1f:", d));
            for (int v : variants) {
                double[] ratio = new double[9];
                double[] dm = new double[9];
                for (int r = 0; r < ratio.length; r++) {
                    double sp = cpuMillis(y -> {
                        s.index(MatrixView.of(y, 0, M, K), v);
                        Blas.INSTANCE.sparse(false, s, 1, MatrixView.of(w, 0, K, N), 1, MatrixView.of(z, 0, M, N), v);
                        Blas.INSTANCE.sparse(true, s, 1, MatrixView.of(dz, 0, M, N), 0, MatrixView.of(dw, 0, K, N), v);
                    }, x);
                    dm[r] = cpuMillis(dense.forward, x) + cpuMillis(dense.gradient, x);
                    ratio[r] = sp / dm[r];
                }
                line.append(String.format(Locale.ROOT, "  %s %.2f (%.2f)", SparseKernels.name(v).split(" ")[0],
                        median(ratio), median(dm)));
            }
            System.out.println(line);
        }
    }

    private record Method(String name, java.util.function.Consumer<Vec> forward, java.util.function.Consumer<Vec> gradient) {}

    private static double cpuMillis(java.util.function.Consumer<Vec> f, Vec x) {
        long t0 = THREADS.getCurrentThreadCpuTime();
        f.accept(x);
        return (THREADS.getCurrentThreadCpuTime() - t0) / 1e6;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static void saxpyForward(Vec x, Vec w, Vec z) {
        for (int i = 0; i < M; i++) {
            for (int p = 0; p < K; p++) {
                double v = x.get(i * K + p);
                if (v != 0) {
                    openblas.cblas_saxpy(N, (float) v, BlasArgs.f(0, w, p * N), 1, BlasArgs.f(1, z, i * N), 1);
                }
            }
        }
    }

    private static void saxpyGradient(Vec x, Vec dz, Vec dw) {
        dw.fill(0);
        for (int i = 0; i < M; i++) {
            for (int p = 0; p < K; p++) {
                double v = x.get(i * K + p);
                if (v != 0) {
                    openblas.cblas_saxpy(N, (float) v, BlasArgs.f(0, dz, i * N), 1, BlasArgs.f(1, dw, p * N), 1);
                }
            }
        }
    }

    /** The obvious Java loops: y[k] += a * x[k] over 800-wide rows, per nonzero. */
    private static final class PlainJava {
        private static final float[] W = new float[K * N];
        private static final float[] Z = new float[M * N];
        private static final float[] X = new float[M * K];

        static void forwardBuffers(Vec x, Vec w, Vec z) {
            FloatBuffer xb = ((Vec.F32) x).buffer();
            FloatBuffer wb = ((Vec.F32) w).buffer();
            FloatBuffer zb = ((Vec.F32) z).buffer();
            for (int i = 0; i < M; i++) {
                for (int p = 0; p < K; p++) {
                    float v = xb.get(i * K + p);
                    if (v != 0) {
                        for (int j = 0; j < N; j++) {
                            zb.put(i * N + j, zb.get(i * N + j) + v * wb.get(p * N + j));
                        }
                    }
                }
            }
        }

        static void gradientBuffers(Vec x, Vec dz, Vec dw) {
            FloatBuffer xb = ((Vec.F32) x).buffer();
            FloatBuffer db = ((Vec.F32) dz).buffer();
            FloatBuffer gb = ((Vec.F32) dw).buffer();
            for (int p = 0; p < K * N; p++) {
                gb.put(p, 0);
            }
            for (int p = 0; p < K; p++) {
                for (int i = 0; i < M; i++) {
                    float v = xb.get(i * K + p);
                    if (v != 0) {
                        for (int j = 0; j < N; j++) {
                            gb.put(p * N + j, gb.get(p * N + j) + v * db.get(i * N + j));
                        }
                    }
                }
            }
        }

        static void forwardHeap(Vec x, Vec w, Vec z) {
            ((Vec.F32) x).buffer().get(0, X);
            ((Vec.F32) w).buffer().get(0, W);
            ((Vec.F32) z).buffer().get(0, Z);
            for (int i = 0; i < M; i++) {
                for (int p = 0; p < K; p++) {
                    float v = X[i * K + p];
                    if (v != 0) {
                        axpy(v, W, p * N, Z, i * N);
                    }
                }
            }
            ((Vec.F32) z).buffer().put(0, Z);
        }

        static void gradientHeap(Vec x, Vec dz, Vec dw) {
            ((Vec.F32) x).buffer().get(0, X);
            ((Vec.F32) dz).buffer().get(0, Z);
            Arrays.fill(W, 0);
            for (int p = 0; p < K; p++) {
                for (int i = 0; i < M; i++) {
                    float v = X[i * K + p];
                    if (v != 0) {
                        axpy(v, Z, i * N, W, p * N);
                    }
                }
            }
            ((Vec.F32) dw).buffer().put(0, W);
        }

        private static void axpy(float a, float[] x, int xo, float[] y, int yo) {
            for (int j = 0; j < N; j++) {
                y[yo + j] += a * x[xo + j];
            }
        }
    }
}
