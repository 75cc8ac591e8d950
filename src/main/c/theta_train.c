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

/* best and chosen, for theta_sparse.c and theta_infer.c (hidden: not exported from the library). */
__attribute__((visibility("hidden"))) int theta_best_isa(void) { return best(); }
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
 * The entries of a dense row-major matrix (leading dimension ld, cols columns) by pairs of columns
 * (2i, 2i+1), as theta_sparse.c's pairs() builds them from the index by rows: for each pair, the
 * rows where either column is nonzero (increasing), with both values, zero where a column is. The
 * same entries in the same order, so the products give the same numbers, without the index by
 * rows and its counting sort by pair. Values are compared by their bits: -0.0 is zero, NaN is not
 * (as for the index by rows).
 *
 * In three steps, so that threads can share the work, each on its own rows r0..r1 (the rows it
 * has just written when the batch was filled by rows): count (each pair's entries in those rows,
 * reading them row by row); merge (one thread: where each pair, and each part's rows within each
 * pair, start); fill (walks down each pair's two columns in those rows, one load of both per row,
 * DENSE_ROWS rows at a time: a walk down all 128 rows of a batch touched 100 pages per pair, more
 * than the first-level TLB holds). Parts of rows in increasing order give each pair's rows in
 * increasing order, so the entries do not depend on how many parts there are.
 */
#ifndef DENSE_ROWS
#define DENSE_ROWS 32
#endif
#define DENSE_PAIRS(NAME, T, U, ABS)                                                              \
    static long NAME##_count(const T *x, int r0, int r1, int cols, long ld, int *count) {         \
        const int pairs = (cols + 1) / 2, full = cols / 2;                                        \
        long nnz = 0;                                                                             \
        memset(count, 0, (size_t)pairs * sizeof(int));                                            \
        for (int r = r0; r < r1; r++) {                                                           \
            const T *xr = x + (long)r * ld;                                                       \
            for (int i = 0; i < full; i++) {                                                      \
                U a, b;                                                                           \
                memcpy(&a, xr + 2 * i, sizeof a);                                                 \
                memcpy(&b, xr + 2 * i + 1, sizeof b);                                             \
                const int na = (a & ABS) != 0, nb = (b & ABS) != 0;                               \
                count[i] += na | nb;                                                              \
                nnz += na + nb;                                                                   \
            }                                                                                     \
            if (full < pairs) { /* an odd last column, alone in its pair */                       \
                U a;                                                                              \
                memcpy(&a, xr + 2 * full, sizeof a);                                              \
                count[full] += (a & ABS) != 0;                                                    \
                nnz += (a & ABS) != 0;                                                            \
            }                                                                                     \
        }                                                                                         \
        return nnz;                                                                               \
    }                                                                                             \
    static void NAME##_fill(const T *x, int r0, int r1, int cols, long ld, const int *start,      \
                            const int *count, int *pidx, T *pval, int *next) {                    \
        const int pairs = (cols + 1) / 2, full = cols / 2;                                        \
        int dumpIdx;                                                                              \
        T dumpVal[2];                                                                             \
        memcpy(next, start, (size_t)pairs * sizeof(int));                                         \
        for (int b0 = r0; b0 < r1; b0 += DENSE_ROWS) {                                            \
            const int b1 = b0 + DENSE_ROWS < r1 ? b0 + DENSE_ROWS : r1;                           \
            for (int i = 0; i < pairs; i++) {                                                     \
                long q = next[i];                                                                 \
                const long e = (long)start[i] + count[i];                                         \
                if (q == e) continue; /* this pair's entries in these rows are all written */    \
                /* Each row is written at q, entry or not (a branch on "is this pixel zero"       \
                   mispredicts at every ink edge); once the pair's entries are all written, at a  \
                   slot of its own, since the next one belongs to another pair or thread. */      \
                for (int r = b0; r < b1; r++) {                                                   \
                    const T *xr = x + (long)r * ld + 2 * i;                                       \
                    U a, b = 0;                                                                   \
                    memcpy(&a, xr, sizeof a);                                                     \
                    if (i < full) memcpy(&b, xr + 1, sizeof b);                                   \
                    const int na = (a & ABS) != 0, nb = (b & ABS) != 0;                           \
                    a = na ? a : 0;                                                               \
                    b = nb ? b : 0;                                                               \
                    const int in = q < e;                                                         \
                    int *pi = in ? pidx + q : &dumpIdx;                                           \
                    T *pv = in ? pval + 2 * q : dumpVal;                                          \
                    *pi = r;                                                                      \
                    memcpy(pv, &a, sizeof a);                                                     \
                    memcpy(pv + 1, &b, sizeof b);                                                 \
                    q += na | nb;                                                                 \
                }                                                                                 \
                next[i] = (int)q;                                                                 \
            }                                                                                     \
        }                                                                                         \
    }

/* Cloned per instruction set like the update (the count vectorises). */
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

/*
 * The count step for rows r0..r1 with variant isa (see chosen): count[i] = pair i's entries in
 * those rows. Returns the number of nonzero values in them.
 */
JNIEXPORT jlong JNICALL Java_theta_math_SparseKernels_pairCount(JNIEnv *env, jclass cls, jint isa, jboolean f64,
        jlong x, jint r0, jint r1, jint cols, jint ld, jlong count) {
    (void)env; (void)cls;
    int *cn = (int *)(intptr_t)count;
    const int v = chosen(isa);
    if (f64) {
        const double *xd = (const double *)(intptr_t)x;
#ifdef UPDATE_X86
        if (v == 2) return dense_pairs_double_v4_count(xd, r0, r1, cols, ld, cn);
        if (v == 1) return dense_pairs_double_v3_count(xd, r0, r1, cols, ld, cn);
#endif
        return dense_pairs_double_base_count(xd, r0, r1, cols, ld, cn);
    }
    const float *xf = (const float *)(intptr_t)x;
#ifdef UPDATE_X86
    if (v == 2) return dense_pairs_float_v4_count(xf, r0, r1, cols, ld, cn);
    if (v == 1) return dense_pairs_float_v3_count(xf, r0, r1, cols, ld, cn);
#endif
    return dense_pairs_float_base_count(xf, r0, r1, cols, ld, cn);
}

/*
 * The merge step: from the counts of parts (count[p * pairs + i], parts in order of their rows),
 * pptr (pairs + 1 entries) and where each part's entries of each pair start (start[p * pairs +
 * i]). Returns the number of entries (pptr is not valid when that is over 2^31 - 1).
 */
JNIEXPORT jlong JNICALL Java_theta_math_SparseKernels_pairMerge(JNIEnv *env, jclass cls, jint pairs, jint parts,
        jlong count, jlong start, jlong pptr) {
    (void)env; (void)cls;
    const int *cn = (const int *)(intptr_t)count;
    int *st = (int *)(intptr_t)start, *pp = (int *)(intptr_t)pptr;
    long q = 0;
    pp[0] = 0;
    for (int i = 0; i < pairs; i++) {
        for (int p = 0; p < parts; p++) {
            st[(long)p * pairs + i] = (int)q;
            q += cn[(long)p * pairs + i];
        }
        if (q > 0x7fffffffL) return q;
        pp[i + 1] = (int)q;
    }
    return q;
}

/*
 * The fill step for rows r0..r1: their entries of pair i written from start[i] on (count[i] of
 * them, as the count step found), into pidx and pval. Returns 0, or -2 out of memory.
 */
JNIEXPORT jint JNICALL Java_theta_math_SparseKernels_pairFill(JNIEnv *env, jclass cls, jint isa, jboolean f64,
        jlong x, jint r0, jint r1, jint cols, jint ld, jlong start, jlong count, jlong pidx, jlong pval) {
    (void)env; (void)cls;
    int *next = malloc(((size_t)cols / 2 + 1) * sizeof(int));
    if (next == NULL) return -2;
    const int *st = (const int *)(intptr_t)start, *cn = (const int *)(intptr_t)count;
    int *pi = (int *)(intptr_t)pidx;
    const int v = chosen(isa);
    if (f64) {
        const double *xd = (const double *)(intptr_t)x;
        double *pv = (double *)(intptr_t)pval;
#ifdef UPDATE_X86
        if (v == 2) dense_pairs_double_v4_fill(xd, r0, r1, cols, ld, st, cn, pi, pv, next);
        if (v == 1) dense_pairs_double_v3_fill(xd, r0, r1, cols, ld, st, cn, pi, pv, next);
#endif
        if (v == 0) dense_pairs_double_base_fill(xd, r0, r1, cols, ld, st, cn, pi, pv, next);
    } else {
        const float *xf = (const float *)(intptr_t)x;
        float *pv = (float *)(intptr_t)pval;
#ifdef UPDATE_X86
        if (v == 2) dense_pairs_float_v4_fill(xf, r0, r1, cols, ld, st, cn, pi, pv, next);
        if (v == 1) dense_pairs_float_v3_fill(xf, r0, r1, cols, ld, st, cn, pi, pv, next);
#endif
        if (v == 0) dense_pairs_float_base_fill(xf, r0, r1, cols, ld, st, cn, pi, pv, next);
    }
    free(next);
    return 0;
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
