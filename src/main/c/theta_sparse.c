/*
 * Products with a sparse left operand, for theta.math.SparseKernels (JNI).
 *
 * Why native: the first layer's products on MNIST's nonzero pixels are 800-wide row updates
 * y += x * w. Java 17 does not vectorise such loops over native memory, and its Vector API is an
 * incubator module that needs JVM flags and prints a warning; this file is compiled by the build
 * (when gcc is there) into a small library that reads the vectors' native memory in place.
 *
 * The kernels (theta_sparse_isa.h) are compiled three times, for AVX-512 (x86-64-v4), AVX2+FMA
 * (x86-64-v3) and plain x86-64, into the same library; the Java side picks the best one this CPU
 * runs (isa()) and passes its number to every call, so one library serves every x86-64 machine
 * and the tests can run each variant the CPU supports.
 *
 * Addresses come from Java as longs, already offset to the first element.
 */
#include <jni.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#if defined(__x86_64__)
#include <immintrin.h>
#endif

#define INLINE static inline __attribute__((always_inline))

/* How many column pairs ahead the forward product prefetches B's rows. */
#ifndef AHEAD
#define AHEAD 4
#endif
/* Rows of C done together when B has several ranges (their partial sums wait in scratch). */
#define ROW_CHUNK 256

/*
 * How many ranges B's k rows are cut into, for blocks of rowBytes bytes per row, so that one
 * range takes at most budget bytes (see RANGE_BYTES).
 */
static int range_count(int k, int rowBytes, int budget) {
    int most = budget / rowBytes;
    if (most < 16) most = 16;
    return k <= most ? 1 : (k + most - 1) / most;
}

/* split[(r - rc) * (ranges + 1) + g]: where row r's entries of range g (of near-equal ranges of k) start. */
static void splits(int rc, int re, const int *ptr, const int *idx, int k, int ranges, int *split) {
    for (int r = rc; r < re; r++) {
        int *sp = split + (long)(r - rc) * (ranges + 1);
        int q = ptr[r];
        const int end = ptr[r + 1];
        sp[0] = q;
        for (int g = 1; g < ranges; g++) {
            const int limit = (int)((long)k * g / ranges);
            while (q < end && idx[q] < limit) q++;
            sp[g] = q;
        }
        sp[ranges] = end;
    }
}

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define X86 1
#pragma GCC push_options
#pragma GCC target("arch=x86-64-v4")
#define ISA avx512
#define VBYTES 64
#ifndef NVEC512
#define NVEC512 4
#endif
#define NVEC NVEC512
#ifndef CHAINS512
#define CHAINS512 2
#endif
#define CHAINS CHAINS512
/*
 * Bytes of B that one range of its rows may take in a block of columns: they are read once per
 * entry and should stay in the first-level data cache, next to the entries and the rows of C
 * streaming by. 48 KB on the Xeons with AVX-512 these were tuned on (one range of 128 rows of
 * 64 floats: the whole weight gradient's block of dZ); 32 KB on AMD Zen 3 and Intel's AVX2 cores.
 */
#ifndef RANGE512
#define RANGE512 (33 * 1024)
#endif
#define RANGE_BYTES RANGE512
/* Weight gradient: blocks of 5 vectors (80 floats; 400 columns a thread in 5 blocks, not 6 and a part). */
#ifndef GNVEC512
#define GNVEC512 5
#endif
#define GNVEC GNVEC512
#include "theta_sparse_isa.h"
#undef ISA
#undef VBYTES
#undef NVEC
#undef CHAINS
#undef RANGE_BYTES
#pragma GCC pop_options

#pragma GCC push_options
#pragma GCC target("arch=x86-64-v3")
#define ISA avx2
#define VBYTES 32
#ifndef NVEC256
#define NVEC256 4
#endif
#define NVEC NVEC256
#ifndef CHAINS256
#define CHAINS256 2
#endif
#define CHAINS CHAINS256
#ifndef RANGE256
#define RANGE256 (20 * 1024)
#endif
#define RANGE_BYTES RANGE256
#include "theta_sparse_isa.h"
#undef ISA
#undef VBYTES
#undef NVEC
#undef CHAINS
#undef RANGE_BYTES
#pragma GCC pop_options
#endif

#define ISA base
#define VBYTES 16
#define NVEC 4
#define CHAINS 2
#define RANGE_BYTES (16 * 1024)
#include "theta_sparse_isa.h"
#undef ISA
#undef VBYTES
#undef NVEC
#undef CHAINS
#undef RANGE_BYTES

/* The variants, by the number the Java side passes: 0 plain x86-64, 1 AVX2+FMA, 2 AVX-512. */
typedef int (*times_float_fn)(int, const int *, const int *, const float *, int, const float *, long, float *,
                              long, int, int, float, float);
typedef int (*times_double_fn)(int, const int *, const int *, const double *, int, const double *, long,
                               double *, long, int, int, double, double);
typedef int (*pairs_float_fn)(int, int, int, const int *, const int *, const float *, const float *, long, float *,
                              long, int, int, float, float, int, int);
typedef int (*pairs_double_fn)(int, int, int, const int *, const int *, const double *, const double *, long,
                               double *, long, int, int, double, double, int, int);
typedef jint (*index_float_fn)(const float *, int, int, long, int *, int *, float *, int, int *, float *);
typedef jint (*index_double_fn)(const double *, int, int, long, int *, int *, double *, int, int *, double *);
static const struct {
    times_float_fn times_float;
    times_double_fn times_double;
    index_float_fn index_float;
    index_double_fn index_double;
    pairs_float_fn pairs_float;
    pairs_double_fn pairs_double;
} VARIANTS[] = {
    {times_float_base, times_double_base, index_float_base, index_double_base, pairs_float_base, pairs_double_base},
#ifdef X86
    {times_float_avx2, times_double_avx2, index_float_avx2, index_double_avx2, pairs_float_avx2, pairs_double_avx2},
    {times_float_avx512, times_double_avx512, index_float_avx512, index_double_avx512, pairs_float_avx512,
     pairs_double_avx512},
#endif
};
#define VARIANT_COUNT ((int)(sizeof(VARIANTS) / sizeof(VARIANTS[0])))

/* The best variant this CPU runs (theta_train.c finds it, for all the library's kernels). */
int theta_best_isa(void);
static int best_variant(void) {
    const int b = theta_best_isa();
    return b < VARIANT_COUNT ? b : VARIANT_COUNT - 1;
}

/* A variant the CPU runs: the one asked for when it can, else the best. */
static int variant(jint v) {
    int best = best_variant();
    return v >= 0 && v <= best && v < VARIANT_COUNT ? v : best;
}

/* C[0..rows, j0..j1) = alpha * S * B + beta * C; S is rows x k. Returns 0, or -1 out of memory. */
JNIEXPORT jint JNICALL Java_theta_math_SparseKernels_times(JNIEnv *env, jclass cls, jint isa, jboolean f64,
        jint rows, jlong ptr, jlong idx, jlong val, jint k, jlong b, jint ldb, jlong c, jint ldc, jint j0, jint j1,
        jdouble alpha, jdouble beta) {
    (void)env; (void)cls;
    int v = variant(isa);
    if (f64) {
        return VARIANTS[v].times_double(rows, (const int *)(intptr_t)ptr, (const int *)(intptr_t)idx,
                                        (const double *)(intptr_t)val, k, (const double *)(intptr_t)b, ldb,
                                        (double *)(intptr_t)c, ldc, j0, j1, alpha, beta);
    }
    return VARIANTS[v].times_float(rows, (const int *)(intptr_t)ptr, (const int *)(intptr_t)idx,
                                   (const float *)(intptr_t)val, k, (const float *)(intptr_t)b, ldb,
                                   (float *)(intptr_t)c, ldc, j0, j1, (float)alpha, (float)beta);
}

/*
 * The nonzeros of a dense row-major rows x cols matrix (leading dimension ld) as CSR. Returns the
 * number of nonzeros; entries are written only while they fit in capacity (the caller grows its
 * buffers and asks again when the count is larger); -1 over 2^31, -2 out of memory.
 */
JNIEXPORT jint JNICALL Java_theta_math_SparseKernels_index(JNIEnv *env, jclass cls, jint isa, jboolean f64,
        jlong x, jint rows, jint cols, jint ld, jlong ptr, jlong idx, jlong val, jint capacity) {
    (void)env; (void)cls;
    int v = variant(isa);
    int *sidx = malloc(((size_t)cols + 16) * sizeof(int));
    void *sval = malloc(((size_t)cols + 16) * sizeof(double));
    jint n = -2;
    if (sidx != NULL && sval != NULL) {
        n = f64 ? VARIANTS[v].index_double((const double *)(intptr_t)x, rows, cols, ld, (int *)(intptr_t)ptr,
                                           (int *)(intptr_t)idx, (double *)(intptr_t)val, capacity, sidx, sval)
                : VARIANTS[v].index_float((const float *)(intptr_t)x, rows, cols, ld, (int *)(intptr_t)ptr,
                                          (int *)(intptr_t)idx, (float *)(intptr_t)val, capacity, sidx, sval);
    }
    free(sidx);
    free(sval);
    return n;
}

/*
 * The transpose of a rows x cols CSR matrix as CSR (a counting sort by column): tptr has cols+1
 * entries, and each column's row numbers come out in increasing order.
 */
#define TRANSPOSE(T)                                                                              \
    static void transpose_##T(int rows, int cols, const int *ptr, const int *idx, const T *val,  \
                              int *tptr, int *tidx, T *tval) {                                    \
        memset(tptr, 0, (size_t)(cols + 1) * sizeof(int));                                        \
        int nnz = ptr[rows];                                                                      \
        for (int q = 0; q < nnz; q++) tptr[idx[q] + 1]++;                                         \
        for (int k = 0; k < cols; k++) tptr[k + 1] += tptr[k];                                    \
        int *next = malloc((size_t)(cols > 0 ? cols : 1) * sizeof(int));                          \
        memcpy(next, tptr, (size_t)cols * sizeof(int));                                           \
        for (int r = 0; r < rows; r++) {                                                          \
            for (int q = ptr[r]; q < ptr[r + 1]; q++) {                                           \
                int dst = next[idx[q]]++;                                                         \
                tidx[dst] = r;                                                                    \
                tval[dst] = val[q];                                                               \
            }                                                                                     \
        }                                                                                         \
        free(next);                                                                               \
    }

TRANSPOSE(float)
TRANSPOSE(double)

JNIEXPORT void JNICALL Java_theta_math_SparseKernels_transpose(JNIEnv *env, jclass cls, jboolean f64,
        jint rows, jint cols, jlong ptr, jlong idx, jlong val, jlong tptr, jlong tidx, jlong tval) {
    (void)env; (void)cls;
    if (f64) {
        transpose_double(rows, cols, (const int *)(intptr_t)ptr, (const int *)(intptr_t)idx,
                         (const double *)(intptr_t)val, (int *)(intptr_t)tptr, (int *)(intptr_t)tidx,
                         (double *)(intptr_t)tval);
    } else {
        transpose_float(rows, cols, (const int *)(intptr_t)ptr, (const int *)(intptr_t)idx,
                        (const float *)(intptr_t)val, (int *)(intptr_t)tptr, (int *)(intptr_t)tidx,
                        (float *)(intptr_t)tval);
    }
}

/*
 * C[:, j0..j1) = alpha * op(S) * B + beta * C on the column pairs of S (m x k) that pairs() built:
 * op(S) = S^T when gradient, S otherwise; the forward product by windows of rows whose block of C
 * takes at most window x 256 bytes, the gradient's block of B gwindow x 256 bytes (0: all rows at
 * once). Returns 0, or -1 out of memory.
 */
JNIEXPORT jint JNICALL Java_theta_math_SparseKernels_pairTimes(JNIEnv *env, jclass cls, jint isa, jboolean f64,
        jboolean gradient, jint m, jint k, jlong pptr, jlong pidx, jlong pval, jlong b, jint ldb, jlong c, jint ldc,
        jint j0, jint j1, jdouble alpha, jdouble beta, jint window, jint gwindow) {
    (void)env; (void)cls;
    int v = variant(isa);
    if (f64) {
        return VARIANTS[v].pairs_double(gradient, m, k, (const int *)(intptr_t)pptr, (const int *)(intptr_t)pidx,
                                        (const double *)(intptr_t)pval, (const double *)(intptr_t)b, ldb,
                                        (double *)(intptr_t)c, ldc, j0, j1, alpha, beta, window, gwindow);
    }
    return VARIANTS[v].pairs_float(gradient, m, k, (const int *)(intptr_t)pptr, (const int *)(intptr_t)pidx,
                                   (const float *)(intptr_t)pval, (const float *)(intptr_t)b, ldb,
                                   (float *)(intptr_t)c, ldc, j0, j1, (float)alpha, (float)beta, window, gwindow);
}

/*
 * The entries of a rows x cols CSR matrix by pairs of columns (2i, 2i+1), a counting sort: pair i's
 * rows are pidx[pptr[i]..pptr[i+1]) (increasing), each with both values in pval[2q], pval[2q+1]
 * (zero where that column has no entry). pptr has (cols + 1) / 2 + 1 entries; pidx room for as
 * many entries as the matrix has, pval twice that. Returns the number of entries, -2 out of memory.
 */
#define PAIR_INDEX(T)                                                                             \
    static int pair_index_##T(int rows, int cols, const int *ptr, const int *idx, const T *val,   \
                              int *pptr, int *pidx, T *pval) {                                    \
        const int pairs = (cols + 1) / 2;                                                         \
        int *next = malloc(((size_t)pairs + 1) * sizeof(int));                                    \
        if (next == NULL) return -2;                                                              \
        memset(pptr, 0, ((size_t)pairs + 1) * sizeof(int));                                       \
        /* Branch-free: whether an entry starts a pair or completes one is a coin toss at ink edges. */ \
        for (int r = 0; r < rows; r++) {                                                          \
            const int end = ptr[r + 1];                                                           \
            for (int q = ptr[r]; q < end;) {                                                      \
                const int col = idx[q];                                                           \
                const int next_col = q + 1 < end ? idx[q + 1] : -1;                               \
                const int both = (col & 1) == 0 && next_col == col + 1;                           \
                pptr[(col >> 1) + 1]++;                                                           \
                q += 1 + both;                                                                    \
            }                                                                                     \
        }                                                                                         \
        for (int i = 0; i < pairs; i++) pptr[i + 1] += pptr[i];                                   \
        memcpy(next, pptr, (size_t)pairs * sizeof(int));                                          \
        for (int r = 0; r < rows; r++) {                                                          \
            const int end = ptr[r + 1];                                                           \
            for (int q = ptr[r]; q < end;) {                                                      \
                const int col = idx[q];                                                           \
                const int last = q + 1 < end ? q + 1 : q;                                         \
                const int odd = col & 1;                                                          \
                const int both = !odd && idx[last] == col + 1 && last != q;                       \
                const T v = val[q], w = val[last];                                                \
                const int d = next[col >> 1]++;                                                   \
                pidx[d] = r;                                                                      \
                pval[2 * d] = odd ? 0 : v;                                                        \
                pval[2 * d + 1] = odd ? v : both ? w : 0;                                         \
                q += 1 + both;                                                                    \
            }                                                                                     \
        }                                                                                         \
        free(next);                                                                               \
        return pptr[pairs];                                                                       \
    }

PAIR_INDEX(float)
PAIR_INDEX(double)

JNIEXPORT jint JNICALL Java_theta_math_SparseKernels_pairs(JNIEnv *env, jclass cls, jboolean f64, jint rows,
        jint cols, jlong ptr, jlong idx, jlong val, jlong pptr, jlong pidx, jlong pval) {
    (void)env; (void)cls;
    if (f64) {
        return pair_index_double(rows, cols, (const int *)(intptr_t)ptr, (const int *)(intptr_t)idx,
                                 (const double *)(intptr_t)val, (int *)(intptr_t)pptr, (int *)(intptr_t)pidx,
                                 (double *)(intptr_t)pval);
    }
    return pair_index_float(rows, cols, (const int *)(intptr_t)ptr, (const int *)(intptr_t)idx,
                            (const float *)(intptr_t)val, (int *)(intptr_t)pptr, (int *)(intptr_t)pidx,
                            (float *)(intptr_t)pval);
}

/* The output layer on a ReLU layer (theta_sparse_isa.h's relu_layer), by variant. */
typedef int (*relu_float_fn)(int, const float *, long, const float *, int, const float *, long, const float *,
                             float *, long, int);
typedef int (*relu_double_fn)(int, const double *, long, const double *, int, const double *, long, const double *,
                              double *, long, int);
static const struct {
    relu_float_fn relu_float;
    relu_double_fn relu_double;
} RELU_VARIANTS[] = {
    {relu_layer_float_base, relu_layer_double_base},
#ifdef X86
    {relu_layer_float_avx2, relu_layer_double_avx2},
    {relu_layer_float_avx512, relu_layer_double_avx512},
#endif
};

/*
 * C (rows x out, leading dimension ldc) = 1 bias^T + max(Z + 1 zb^T, 0) * W^T for Z rows x h (ldz),
 * zb h entries (0: none) and W^T h x out (ldw). Returns 0, or -1 out of memory.
 */
JNIEXPORT jint JNICALL Java_theta_math_SparseKernels_reluLayer(JNIEnv *env, jclass cls, jint isa, jboolean f64,
        jint rows, jlong z, jint ldz, jlong zb, jint h, jlong w, jint ldw, jlong bias, jlong c, jint ldc, jint out) {
    (void)env; (void)cls;
    int v = variant(isa);
    if (f64) {
        return RELU_VARIANTS[v].relu_double(rows, (const double *)(intptr_t)z, ldz, (const double *)(intptr_t)zb, h,
                                            (const double *)(intptr_t)w,
                                            ldw, (const double *)(intptr_t)bias, (double *)(intptr_t)c, ldc, out);
    }
    return RELU_VARIANTS[v].relu_float(rows, (const float *)(intptr_t)z, ldz, (const float *)(intptr_t)zb, h,
                                       (const float *)(intptr_t)w, ldw,
                                       (const float *)(intptr_t)bias, (float *)(intptr_t)c, ldc, out);
}

/* The best variant this CPU runs (0 plain x86-64, 1 AVX2+FMA, 2 AVX-512). */
JNIEXPORT jint JNICALL Java_theta_math_SparseKernels_best(JNIEnv *env, jclass cls) {
    (void)env; (void)cls;
    return best_variant();
}
