/*
 * Native helpers of a training step (JNI): the index of a batch's nonzeros by pairs of pixels,
 * straight from the batch (theta.math.SparseMatrix), and SGD's momentum update in one pass
 * (theta.math.Updates).
 *
 * The momentum update. Why native: done as BLAS level-1 calls (scale, then axpy, then axpy) the update read and wrote
 * the velocity three times per block; the parameter vector (2.5 MB for 784-800-10) does not stay
 * in a core's cache between steps, so each pass costs memory traffic. Here v, g and p are read
 * once and v and p written once. Java 17 does not vectorise such loops over native memory.
 *
 * Rounding: each product and sum is rounded on its own (no fused multiply-add, hence
 * fp-contract=off), in the order of the BLAS calls it replaces: v = (mu*v) + g, bit for bit what
 * scal then axpy gave; p = p + a*v for momentum, p = (p + b*g) + a*v for Nesterov, where an axpy
 * may have fused its multiply-add (OpenBLAS's AVX-512 kernels do), so p can differ from before in
 * its last bit. Without fused steps the result is the same on every CPU and in every variant.
 *
 * Compiled three times (AVX-512, AVX2+FMA, plain x86-64), the best one the CPU runs chosen once.
 */
#include <jni.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#pragma GCC push_options
#pragma GCC optimize("fp-contract=off")

#define UPDATE(NAME, T)                                                                           \
    static void NAME(long n, T *restrict p, const T *restrict g, T *restrict v, T mu, T a, T b) { \
        if (b == 0) {                                                                             \
            for (long i = 0; i < n; i++) {                                                        \
                const T w = mu * v[i] + g[i];                                                     \
                v[i] = w;                                                                         \
                p[i] = p[i] + a * w;                                                              \
            }                                                                                     \
        } else {                                                                                  \
            for (long i = 0; i < n; i++) {                                                        \
                const T w = mu * v[i] + g[i];                                                     \
                v[i] = w;                                                                         \
                p[i] = (p[i] + b * g[i]) + a * w;                                                 \
            }                                                                                     \
        }                                                                                         \
    }

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define UPDATE_X86 1
#pragma GCC push_options
#pragma GCC target("arch=x86-64-v4")
UPDATE(update_float_v4, float)
UPDATE(update_double_v4, double)
#pragma GCC pop_options
#pragma GCC push_options
#pragma GCC target("arch=x86-64-v3")
UPDATE(update_float_v3, float)
UPDATE(update_double_v3, double)
#pragma GCC pop_options
#endif
UPDATE(update_float_base, float)
UPDATE(update_double_base, double)

#pragma GCC pop_options

/* The best variant this CPU runs (a few loads of what libgcc found at start-up). */
static int best(void) {
#ifdef UPDATE_X86
    __builtin_cpu_init();
    if (__builtin_cpu_supports("x86-64-v4")) return 2;
    if (__builtin_cpu_supports("x86-64-v3")) return 1;
#endif
    return 0;
}

/* The variant asked for (0 plain x86-64, 1 AVX2+FMA, 2 AVX-512) when the CPU runs it, else the best. */
static int chosen(int isa) {
    const int b = best();
    return isa >= 0 && isa < b ? isa : b;
}

/* chosen, for theta_infer.c (hidden: not exported from the library). */
__attribute__((visibility("hidden"))) int theta_chosen_isa(int isa) { return chosen(isa); }

/* v = mu*v + g; p += a*v + b*g (new v), over n entries at the given addresses. */
JNIEXPORT void JNICALL Java_theta_math_Updates_momentum(JNIEnv *env, jclass cls, jint isa, jboolean f64, jint n,
        jlong p, jlong g, jlong v, jdouble mu, jdouble a, jdouble b) {
    (void)env; (void)cls;
    const int v4 = chosen(isa);
    if (f64) {
        double *pd = (double *)(intptr_t)p, *vd = (double *)(intptr_t)v;
        const double *gd = (const double *)(intptr_t)g;
#ifdef UPDATE_X86
        if (v4 == 2) { update_double_v4(n, pd, gd, vd, mu, a, b); return; }
        if (v4 == 1) { update_double_v3(n, pd, gd, vd, mu, a, b); return; }
#endif
        update_double_base(n, pd, gd, vd, mu, a, b);
        return;
    }
    float *pf = (float *)(intptr_t)p, *vf = (float *)(intptr_t)v;
    const float *gf = (const float *)(intptr_t)g;
    const float fm = (float)mu, fa = (float)a, fb = (float)b;
#ifdef UPDATE_X86
    if (v4 == 2) { update_float_v4(n, pf, gf, vf, fm, fa, fb); return; }
    if (v4 == 1) { update_float_v3(n, pf, gf, vf, fm, fa, fb); return; }
#endif
    update_float_base(n, pf, gf, vf, fm, fa, fb);
}

/*
 * The entries of a dense row-major rows x cols matrix (leading dimension ld) by pairs of columns
 * (2i, 2i+1), as theta_sparse.c's pairs() builds them from the index by rows: for each pair, the
 * rows where either column is nonzero (increasing), with both values, zero where a column is. The
 * same entries in the same order, so the products give the same numbers, without the index by
 * rows and its counting sort by pair. Values are compared by their bits: -0.0 is zero, NaN is not
 * (as for the index by rows).
 *
 * Two passes: the first counts each pair's entries row by row (sequential reads); the second
 * walks down each pair's two columns (one load of both per row), DENSE_ROWS rows at a time: a
 * walk down all 128 rows of a batch touched 100 pages per pair, more than the first-level TLB
 * holds. Entries are written only when capacity has room for them and one spare slot (which
 * the walk of the last pair may write).
 * Returns the number of nonzero values; the number of entries is pptr[(cols + 1) / 2].
 */
#ifndef DENSE_ROWS
#define DENSE_ROWS 32
#endif
#define DENSE_PAIRS(NAME, T, U, ABS)                                                              \
    static long NAME(const T *x, int rows, int cols, long ld, int *pptr, int *pidx, T *pval,      \
                     long capacity, int *next) {                                                  \
        const int pairs = (cols + 1) / 2, full = cols / 2;                                        \
        long nnz = 0;                                                                             \
        memset(pptr, 0, ((size_t)pairs + 1) * sizeof(int));                                       \
        for (int r = 0; r < rows; r++) {                                                          \
            const T *xr = x + (long)r * ld;                                                       \
            for (int i = 0; i < full; i++) {                                                      \
                U a, b;                                                                           \
                memcpy(&a, xr + 2 * i, sizeof a);                                                 \
                memcpy(&b, xr + 2 * i + 1, sizeof b);                                             \
                const int na = (a & ABS) != 0, nb = (b & ABS) != 0;                               \
                pptr[i + 1] += na | nb;                                                           \
                nnz += na + nb;                                                                   \
            }                                                                                     \
            if (full < pairs) { /* an odd last column, alone in its pair */                       \
                U a;                                                                              \
                memcpy(&a, xr + 2 * full, sizeof a);                                              \
                pptr[pairs] += (a & ABS) != 0;                                                    \
                nnz += (a & ABS) != 0;                                                            \
            }                                                                                     \
        }                                                                                         \
        long total = 0;                                                                           \
        for (int i = 0; i < pairs; i++) {                                                         \
            next[i] = (int)total;                                                                 \
            total += pptr[i + 1];                                                                 \
            pptr[i + 1] = total > 0x7fffffffL ? 0x7fffffff : (int)total;                          \
        }                                                                                         \
        if (total >= capacity) return nnz;                                                        \
        for (int r0 = 0; r0 < rows; r0 += DENSE_ROWS) {                                           \
            const int r1 = r0 + DENSE_ROWS < rows ? r0 + DENSE_ROWS : rows;                       \
            for (int i = 0; i < pairs; i++) {                                                     \
                long q = next[i];                                                                 \
                /* Branch-free, each row is written at q, entry or not; once pair i is complete, \
                   q is where pair i + 1 starts, and its first entry is put back after the walk. */ \
                const long e = pptr[i + 1];                                                       \
                const int keepIdx = pidx[e];                                                      \
                const T keep0 = pval[2 * e], keep1 = pval[2 * e + 1];                             \
                for (int r = r0; r < r1; r++) {                                                   \
                    const T *xr = x + (long)r * ld + 2 * i;                                       \
                    U a, b = 0;                                                                   \
                    memcpy(&a, xr, sizeof a);                                                     \
                    if (i < full) memcpy(&b, xr + 1, sizeof b);                                   \
                    const int na = (a & ABS) != 0, nb = (b & ABS) != 0;                           \
                    a = na ? a : 0;                                                               \
                    b = nb ? b : 0;                                                               \
                    pidx[q] = r;                                                                  \
                    memcpy(pval + 2 * q, &a, sizeof a);                                           \
                    memcpy(pval + 2 * q + 1, &b, sizeof b);                                       \
                    q += na | nb;                                                                 \
                }                                                                                 \
                if (q == e) {                                                                     \
                    pidx[e] = keepIdx;                                                            \
                    pval[2 * e] = keep0;                                                          \
                    pval[2 * e + 1] = keep1;                                                      \
                }                                                                                 \
                next[i] = (int)q;                                                                 \
            }                                                                                     \
        }                                                                                         \
        return nnz;                                                                               \
    }

/* Cloned per instruction set like the update (the first pass vectorises). */
#ifdef UPDATE_X86
#pragma GCC push_options
#pragma GCC target("arch=x86-64-v4")
DENSE_PAIRS(dense_pairs_float_v4, float, uint32_t, 0x7fffffffu)
DENSE_PAIRS(dense_pairs_double_v4, double, uint64_t, 0x7fffffffffffffffull)
#pragma GCC pop_options
#pragma GCC push_options
#pragma GCC target("arch=x86-64-v3")
DENSE_PAIRS(dense_pairs_float_v3, float, uint32_t, 0x7fffffffu)
DENSE_PAIRS(dense_pairs_double_v3, double, uint64_t, 0x7fffffffffffffffull)
#pragma GCC pop_options
#endif
DENSE_PAIRS(dense_pairs_float_base, float, uint32_t, 0x7fffffffu)
DENSE_PAIRS(dense_pairs_double_base, double, uint64_t, 0x7fffffffffffffffull)

typedef long (*dense_pairs_float_fn)(const float *, int, int, long, int *, int *, float *, long, int *);
typedef long (*dense_pairs_double_fn)(const double *, int, int, long, int *, int *, double *, long, int *);

/* See DENSE_PAIRS, with variant isa (see chosen); returns the number of nonzeros, -1 over 2^31 entries, -2 out of memory. */
JNIEXPORT jint JNICALL Java_theta_math_SparseKernels_densePairs(JNIEnv *env, jclass cls, jint isa, jboolean f64,
        jlong x, jint rows, jint cols, jint ld, jlong pptr, jlong pidx, jlong pval, jint capacity) {
    (void)env; (void)cls;
    int *next = malloc(((size_t)cols / 2 + 1) * sizeof(int));
    if (next == NULL) return -2;
    int *pp = (int *)(intptr_t)pptr;
    dense_pairs_float_fn ff = dense_pairs_float_base;
    dense_pairs_double_fn fd = dense_pairs_double_base;
    const int v = chosen(isa);
#ifdef UPDATE_X86
    if (v == 2) { ff = dense_pairs_float_v4; fd = dense_pairs_double_v4; }
    if (v == 1) { ff = dense_pairs_float_v3; fd = dense_pairs_double_v3; }
#endif
    const long n = f64 ? fd((const double *)(intptr_t)x, rows, cols, ld, pp, (int *)(intptr_t)pidx,
                            (double *)(intptr_t)pval, capacity, next)
                       : ff((const float *)(intptr_t)x, rows, cols, ld, pp, (int *)(intptr_t)pidx,
                            (float *)(intptr_t)pval, capacity, next);
    free(next);
    return n > 0x7fffffffL || pp[(cols + 1) / 2] == 0x7fffffff ? -1 : (jint)n;
}

/*
 * Rows of unsigned bytes to floats in [0, 1] (theta.math.UnitBytes): dst[r * n + j] =
 * bytes[starts[r] + j] / 255.0f, a correctly rounded division, so the numbers are the ones Java's
 * v / 255f gives. The Java arrays are held (not copied) for the few microseconds this takes.
 */
#define TO_FLOATS(NAME)                                                                           \
    static void NAME(const unsigned char *bytes, const int *starts, int count, int n, float *dst) { \
        for (int r = 0; r < count; r++) {                                                         \
            const unsigned char *s = bytes + starts[r];                                           \
            float *d = dst + (long)r * n;                                                         \
            for (int j = 0; j < n; j++) d[j] = (float)s[j] / 255.0f;                              \
        }                                                                                         \
    }
#ifdef UPDATE_X86
#pragma GCC push_options
#pragma GCC target("arch=x86-64-v4")
TO_FLOATS(to_floats_v4)
#pragma GCC pop_options
#pragma GCC push_options
#pragma GCC target("arch=x86-64-v3")
TO_FLOATS(to_floats_v3)
#pragma GCC pop_options
#endif
TO_FLOATS(to_floats_base)

JNIEXPORT void JNICALL Java_theta_math_UnitBytes_toFloats(JNIEnv *env, jclass cls, jint isa, jbyteArray bytes,
        jintArray starts, jint count, jint n, jlong dst) {
    (void)cls;
    jbyte *b = (*env)->GetPrimitiveArrayCritical(env, bytes, NULL);
    jint *s = b == NULL ? NULL : (*env)->GetPrimitiveArrayCritical(env, starts, NULL);
    if (s != NULL) {
        const int v = chosen(isa);
        float *d = (float *)(intptr_t)dst;
#ifdef UPDATE_X86
        if (v == 2) to_floats_v4((const unsigned char *)b, (const int *)s, count, n, d);
        if (v == 1) to_floats_v3((const unsigned char *)b, (const int *)s, count, n, d);
#endif
        if (v == 0) to_floats_base((const unsigned char *)b, (const int *)s, count, n, d);
        (*env)->ReleasePrimitiveArrayCritical(env, starts, s, JNI_ABORT);
    }
    if (b != NULL) (*env)->ReleasePrimitiveArrayCritical(env, bytes, b, JNI_ABORT);
}
