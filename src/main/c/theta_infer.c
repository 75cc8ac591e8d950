/*
 * Native helpers of inference (JNI): the index of a part's nonzeros by pairs of pixels straight
 * from the images' bytes (theta.math.SparseMatrix.indexBytes), so that a sparse part needs no
 * float input at all.
 *
 * The entries are those theta_train.c's densePairs gives from the floats v / 255 (float32: the
 * correctly rounded v / 255.0f, as Java's v / 255f and theta_train.c's byte conversion; float64:
 * v / 255.0), in the same order, bit for bit: for each pair of columns (2i, 2i+1), the rows where
 * either byte is nonzero (increasing), with both values, +0.0 where a byte is 0.
 *
 * Why not the floats: converting a part (128 x 784) to floats writes 400 KB that the index then
 * reads again, where the bytes are 100 KB; and densePairs walks every pair of every row (branch
 * free), where here a vector compare finds a row's nonzero pairs and only those are written.
 * Two passes over the part: the first counts each pair's entries (vectorised by the compiler),
 * the second takes the rows in order and appends each nonzero pair of a row to its pair's list;
 * training's batches share both between threads by parts of rows (bytePairCount, bytePairFill).
 *
 * Compiled three times (AVX-512, AVX2+FMA, plain x86-64), the best one the CPU runs chosen at run
 * time, as in theta_train.c.
 */
#include <jni.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define INFER_X86 1
#include <immintrin.h>
#endif

/* theta_train.c: the variant asked for (0 plain x86-64, 1 AVX2+FMA, 2 AVX-512) when the CPU runs it, else the best. */
int theta_chosen_isa(int isa);

/* v / 255 for every byte value, as the Java side computes it (set when the library loads). */
static float UNIT_FLOAT[256];
static double UNIT_DOUBLE[256];

__attribute__((constructor)) static void unit_tables(void) {
    for (int v = 0; v < 256; v++) {
        UNIT_FLOAT[v] = (float)v / 255.0f;
        UNIT_DOUBLE[v] = (double)v / 255.0;
    }
}

/*
 * The bits of the nonzero pairs among the PAIRS_PER pairs (2 PAIRS_PER bytes) at x: bit 2p (AVX2,
 * SSE2: one bit per byte of the 16-bit compare's mask, the odd ones cleared) or p (AVX-512) for
 * pair p, so a pair is tz(mask) >> SHIFT.
 */
#ifdef INFER_X86
#pragma GCC push_options
#pragma GCC target("arch=x86-64-v4")
#define PAIRS_PER_v4 32
#define SHIFT_v4 0
static inline uint64_t pair_mask_v4(const unsigned char *x) {
    const __m512i v = _mm512_loadu_si512((const void *)x);
    return (uint32_t)_mm512_test_epi16_mask(v, v);
}
#pragma GCC pop_options
#pragma GCC push_options
#pragma GCC target("arch=x86-64-v3")
#define PAIRS_PER_v3 16
#define SHIFT_v3 1
static inline uint64_t pair_mask_v3(const unsigned char *x) {
    const __m256i v = _mm256_loadu_si256((const __m256i *)x);
    const uint32_t zero = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi16(v, _mm256_setzero_si256()));
    return ~zero & 0x55555555u;
}
#pragma GCC pop_options
#define PAIRS_PER_base 8
#define SHIFT_base 1
static inline uint64_t pair_mask_base(const unsigned char *x) {
    const __m128i v = _mm_loadu_si128((const __m128i *)x);
    const uint32_t zero = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi16(v, _mm_setzero_si128()));
    return ~zero & 0x5555u;
}
#else
#define PAIRS_PER_base 1
#define SHIFT_base 0
static inline uint64_t pair_mask_base(const unsigned char *x) {
    return (x[0] | x[1]) != 0;
}
#endif

/*
 * In two steps, so that threads can share a part by rows (each on its own rows r0..r1, row r at
 * bytes + starts[r]; theta_train.c's pairMerge places the parts' entries between them, parts of
 * rows in increasing order giving each pair's rows in increasing order, so the entries do not
 * depend on how many parts there are), and one call that runs both on all the rows.
 *
 * Count (T-free, one per ISA): count[i] = pair i's entries in rows r0..r1 (vectorised by the
 * compiler); returns the number of nonzero bytes in them.
 */
#define BYTE_COUNT(ISA)                                                                            \
    static long byte_count_##ISA(const unsigned char *bytes, const int *starts, int r0, int r1,    \
                                 int cols, int *count) {                                           \
        const int pairs = (cols + 1) / 2, full = cols / 2;                                         \
        long nnz = 0;                                                                              \
        memset(count, 0, (size_t)pairs * sizeof(int));                                             \
        for (int r = r0; r < r1; r++) {                                                            \
            const unsigned char *xr = bytes + starts[r];                                           \
            int n = 0;                                                                             \
            for (int i = 0; i < full; i++) {                                                       \
                const int na = xr[2 * i] != 0, nb = xr[2 * i + 1] != 0;                            \
                count[i] += na | nb;                                                               \
                n += na + nb;                                                                      \
            }                                                                                      \
            if (full < pairs) { /* an odd last column, alone in its pair */                        \
                count[full] += xr[2 * full] != 0;                                                  \
                n += xr[2 * full] != 0;                                                            \
            }                                                                                      \
            nnz += n;                                                                              \
        }                                                                                          \
        return nnz;                                                                                \
    }

/*
 * Fill: takes rows r0..r1 in order and appends each nonzero pair of a row (found by a vector
 * compare) to its pair's list, at next[i] (advanced; the start of the rows' entries of pair i
 * before), into pidx and pval (two values of type T per entry, from unit[]).
 */
#define BYTE_FILL(NAME, T, ISA)                                                                    \
    static void NAME##_fill(const unsigned char *bytes, const int *starts, int r0, int r1,         \
                            int cols, int *next, int *pidx, T *pval, const T *unit) {              \
        const int pairs = (cols + 1) / 2, full = cols / 2;                                         \
        for (int r = r0; r < r1; r++) {                                                            \
            const unsigned char *xr = bytes + starts[r];                                           \
            int i0 = 0;                                                                            \
            for (; i0 + PAIRS_PER_##ISA <= full; i0 += PAIRS_PER_##ISA) {                          \
                for (uint64_t m = pair_mask_##ISA(xr + 2 * i0); m != 0; m &= m - 1) {              \
                    const int i = i0 + (__builtin_ctzll(m) >> SHIFT_##ISA);                        \
                    const int q = next[i]++;                                                       \
                    pidx[q] = r;                                                                   \
                    pval[2 * q] = unit[xr[2 * i]];                                                 \
                    pval[2 * q + 1] = unit[xr[2 * i + 1]];                                         \
                }                                                                                  \
            }                                                                                      \
            for (int i = i0; i < pairs; i++) {                                                     \
                const unsigned a = xr[2 * i], b = i < full ? xr[2 * i + 1] : 0;                    \
                if ((a | b) == 0) continue;                                                        \
                const int q = next[i]++;                                                           \
                pidx[q] = r;                                                                       \
                pval[2 * q] = unit[a];                                                             \
                pval[2 * q + 1] = unit[b];                                                         \
            }                                                                                      \
        }                                                                                          \
    }

/*
 * Both steps on one thread: the entries of rows x cols bytes by pairs of columns, into pptr
 * ((cols + 1) / 2 + 1 entries), pidx and pval; writes the entries only when capacity exceeds their
 * count (as theta_train.c's densePairs, whose callers keep one slot to spare). next: scratch of
 * (cols + 1) / 2 ints. Returns the number of nonzero bytes.
 */
#define BYTE_PAIRS(NAME, T, ISA)                                                                   \
    BYTE_FILL(NAME, T, ISA)                                                                        \
    static long NAME(const unsigned char *bytes, const int *starts, int rows, int cols, int *pptr, \
                     int *pidx, T *pval, long capacity, int *next, const T *unit) {                \
        const int pairs = (cols + 1) / 2;                                                          \
        const long nnz = byte_count_##ISA(bytes, starts, 0, rows, cols, pptr + 1);                 \
        long total = 0;                                                                            \
        pptr[0] = 0;                                                                               \
        for (int i = 0; i < pairs; i++) {                                                          \
            next[i] = (int)total;                                                                  \
            total += pptr[i + 1];                                                                  \
            pptr[i + 1] = total > 0x7fffffffL ? 0x7fffffff : (int)total;                           \
        }                                                                                          \
        if (total >= capacity) return nnz;                                                         \
        NAME##_fill(bytes, starts, 0, rows, cols, next, pidx, pval, unit);                         \
        return nnz;                                                                                \
    }

#ifdef INFER_X86
#pragma GCC push_options
#pragma GCC target("arch=x86-64-v4")
BYTE_COUNT(v4)
BYTE_PAIRS(byte_pairs_float_v4, float, v4)
BYTE_PAIRS(byte_pairs_double_v4, double, v4)
#pragma GCC pop_options
#pragma GCC push_options
#pragma GCC target("arch=x86-64-v3")
BYTE_COUNT(v3)
BYTE_PAIRS(byte_pairs_float_v3, float, v3)
BYTE_PAIRS(byte_pairs_double_v3, double, v3)
#pragma GCC pop_options
#endif
BYTE_COUNT(base)
BYTE_PAIRS(byte_pairs_float_base, float, base)
BYTE_PAIRS(byte_pairs_double_base, double, base)

typedef long (*byte_pairs_float_fn)(const unsigned char *, const int *, int, int, int *, int *, float *, long, int *,
                                    const float *);
typedef long (*byte_pairs_double_fn)(const unsigned char *, const int *, int, int, int *, int *, double *, long,
                                     int *, const double *);

/*
 * See BYTE_PAIRS, with variant isa; the Java arrays are held (not copied) for the microseconds
 * this takes. Returns the number of nonzeros, -1 over 2^31 entries, -2 out of memory.
 */
JNIEXPORT jint JNICALL Java_theta_math_SparseKernels_bytePairs(JNIEnv *env, jclass cls, jint isa, jboolean f64,
        jbyteArray bytes, jintArray starts, jint rows, jint cols, jlong pptr, jlong pidx, jlong pval, jint capacity) {
    (void)cls;
    int *next = malloc(((size_t)cols / 2 + 1) * sizeof(int));
    if (next == NULL) return -2;
    byte_pairs_float_fn ff = byte_pairs_float_base;
    byte_pairs_double_fn fd = byte_pairs_double_base;
#ifdef INFER_X86
    const int v = theta_chosen_isa(isa);
    if (v == 2) { ff = byte_pairs_float_v4; fd = byte_pairs_double_v4; }
    if (v == 1) { ff = byte_pairs_float_v3; fd = byte_pairs_double_v3; }
#else
    (void)isa;
#endif
    int *pp = (int *)(intptr_t)pptr;
    long n = -2;
    jbyte *b = (*env)->GetPrimitiveArrayCritical(env, bytes, NULL);
    jint *s = b == NULL ? NULL : (*env)->GetPrimitiveArrayCritical(env, starts, NULL);
    if (s != NULL) {
        n = f64 ? fd((const unsigned char *)b, (const int *)s, rows, cols, pp, (int *)(intptr_t)pidx,
                     (double *)(intptr_t)pval, capacity, next, UNIT_DOUBLE)
                : ff((const unsigned char *)b, (const int *)s, rows, cols, pp, (int *)(intptr_t)pidx,
                     (float *)(intptr_t)pval, capacity, next, UNIT_FLOAT);
        (*env)->ReleasePrimitiveArrayCritical(env, starts, s, JNI_ABORT);
    }
    if (b != NULL) (*env)->ReleasePrimitiveArrayCritical(env, bytes, b, JNI_ABORT);
    free(next);
    if (n == -2) return -2;
    return n > 0x7fffffffL || pp[(cols + 1) / 2] == 0x7fffffff ? -1 : (jint)n;
}

typedef long (*byte_count_fn)(const unsigned char *, const int *, int, int, int, int *);
typedef void (*byte_fill_float_fn)(const unsigned char *, const int *, int, int, int, int *, int *, float *,
                                   const float *);
typedef void (*byte_fill_double_fn)(const unsigned char *, const int *, int, int, int, int *, int *, double *,
                                    const double *);

/*
 * The count step for rows r0..r1 with variant isa (see BYTE_COUNT): count[i] = pair i's entries in
 * those rows. Returns the number of nonzero bytes in them, -2 out of memory.
 */
JNIEXPORT jlong JNICALL Java_theta_math_SparseKernels_bytePairCount(JNIEnv *env, jclass cls, jint isa,
        jbyteArray bytes, jintArray starts, jint r0, jint r1, jint cols, jlong count) {
    (void)cls;
    byte_count_fn fc = byte_count_base;
#ifdef INFER_X86
    const int v = theta_chosen_isa(isa);
    if (v == 2) fc = byte_count_v4;
    if (v == 1) fc = byte_count_v3;
#else
    (void)isa;
#endif
    long n = -2;
    jbyte *b = (*env)->GetPrimitiveArrayCritical(env, bytes, NULL);
    jint *s = b == NULL ? NULL : (*env)->GetPrimitiveArrayCritical(env, starts, NULL);
    if (s != NULL) {
        n = fc((const unsigned char *)b, (const int *)s, r0, r1, cols, (int *)(intptr_t)count);
        (*env)->ReleasePrimitiveArrayCritical(env, starts, s, JNI_ABORT);
    }
    if (b != NULL) (*env)->ReleasePrimitiveArrayCritical(env, bytes, b, JNI_ABORT);
    return n;
}

/*
 * The fill step for rows r0..r1 with variant isa (see BYTE_FILL): their entries of pair i written
 * from next[i] on, into pidx and pval; next[i] is advanced past them. Returns 0, -2 out of memory.
 */
JNIEXPORT jint JNICALL Java_theta_math_SparseKernels_bytePairFill(JNIEnv *env, jclass cls, jint isa, jboolean f64,
        jbyteArray bytes, jintArray starts, jint r0, jint r1, jint cols, jlong next, jlong pidx, jlong pval) {
    (void)cls;
    byte_fill_float_fn ff = byte_pairs_float_base_fill;
    byte_fill_double_fn fd = byte_pairs_double_base_fill;
#ifdef INFER_X86
    const int v = theta_chosen_isa(isa);
    if (v == 2) { ff = byte_pairs_float_v4_fill; fd = byte_pairs_double_v4_fill; }
    if (v == 1) { ff = byte_pairs_float_v3_fill; fd = byte_pairs_double_v3_fill; }
#else
    (void)isa;
#endif
    int status = -2;
    jbyte *b = (*env)->GetPrimitiveArrayCritical(env, bytes, NULL);
    jint *s = b == NULL ? NULL : (*env)->GetPrimitiveArrayCritical(env, starts, NULL);
    if (s != NULL) {
        int *nx = (int *)(intptr_t)next, *pi = (int *)(intptr_t)pidx;
        if (f64) {
            fd((const unsigned char *)b, (const int *)s, r0, r1, cols, nx, pi, (double *)(intptr_t)pval, UNIT_DOUBLE);
        } else {
            ff((const unsigned char *)b, (const int *)s, r0, r1, cols, nx, pi, (float *)(intptr_t)pval, UNIT_FLOAT);
        }
        status = 0;
        (*env)->ReleasePrimitiveArrayCritical(env, starts, s, JNI_ABORT);
    }
    if (b != NULL) (*env)->ReleasePrimitiveArrayCritical(env, bytes, b, JNI_ABORT);
    return status;
}
