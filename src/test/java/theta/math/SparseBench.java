package theta.math;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

import org.bytedeco.openblas.global.openblas;

import theta.data.Dataset;
import theta.data.MnistFixture;

/**
 * The first layer's two products on real MNIST batches of 128 (784 pixels, 800 hidden units,
 * float32, one thread), done six ways: OpenBLAS's dense sgemm; theta's native sparse kernels
 * (index and transpose included); plain Java loops over the native vectors; plain Java loops over
 * heap arrays (copies in and out included); OpenBLAS saxpy once per nonzero (a JNI call each).
 * Then dense against sparse at rising densities (random pixels), to find where sparse stops
 * paying. Times are the thread's CPU time, median per batch: other processes on the cores
 * change them less than wall time. Not a test: it asserts nothing. Run with
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) theta.math.SparseBench}
 * (see the README's Speed section).
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
            float[] row = new float[K];
            for (int i = 0; i < M; i++) {
                train.copyRow(b * M + i, row, 0);
                xs[b].copyFrom(row, 0, i * K, K);
            }
            nnz += new SparseMatrix(Precision.F32).index(MatrixView.of(xs[b], 0, M, K)).nonzeros();
        }
        double density = nnz / batches / M / K;
        System.out.printf(Locale.ROOT, "MNIST training batches of %d: %d batches, density %.1f%% (%.0f nonzero pixels"
                + " of %d per image); sparse kernels: %s%n", M, batches, 100 * density, density * K, K,
                SparseMatrix.kernels());
        double denseFlops = 2.0 * M * K * N;
        System.out.println("method                                forward ms  weight grad ms  dense-equiv. GFLOP/s (fwd, grad)");
        SparseMatrix s = new SparseMatrix(Precision.F32);
        Method[] methods = {
            new Method("OpenBLAS sgemm, dense",
                x -> Gemm.blas().gemm(1, MatrixView.of(x, 0, M, K), false, MatrixView.of(w, 0, K, N), false, 1,
                        MatrixView.of(z, 0, M, N)),
                x -> Gemm.blas().gemm(1, MatrixView.of(x, 0, M, K), true, MatrixView.of(dz, 0, M, N), false, 0,
                        MatrixView.of(dw, 0, K, N))),
            new Method("native sparse kernels (theta)",
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
                    System.out.printf(Locale.ROOT, "%-38s %9.3f  %14.3f  %6.1f, %6.1f%n", m.name, fm, gm,
                            denseFlops / fm / 1e6, denseFlops / gm / 1e6);
                }
            }
        }
        System.out.println("random pixels at density d: dense vs sparse (forward + weight gradient, ms per batch)");
        for (double d : new double[] {0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0}) {
            Vec x = Precision.F32.zeros(M * K);
            for (int i = 0; i < M * K; i++) {
                x.set(i, rng.nextDouble() < d ? rng.nextDouble() : 0);
            }
            double[] dense = new double[9];
            double[] sparse = new double[9];
            for (int r = 0; r < 9; r++) {
                dense[r] = cpuMillis(methods[0].forward, x) + cpuMillis(methods[0].gradient, x);
                sparse[r] = cpuMillis(methods[1].forward, x) + cpuMillis(methods[1].gradient, x);
            }
            System.out.printf(Locale.ROOT, "  d = %.1f: dense %.3f, sparse %.3f (sparse/dense %.2f)%n", d, median(dense),
                    median(sparse), median(sparse) / median(dense));
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
