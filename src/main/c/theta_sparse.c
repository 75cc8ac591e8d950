/*
 * Products with a sparse left operand, for theta.math.SparseKernels (JNI).
 *
 * Why native: the first layer's products on MNIST's nonzero pixels are 800-wide row updates
 * y += x * w. Java 17 does not vectorise such loops over native memory, and its Vector API is an
 * incubator module that needs JVM flags and prints a warning; this file is compiled by the build
 * (when gcc is there) into a small library that reads the vectors' native memory in place.
 *
 * Each kernel is cloned for AVX-512, AVX2+FMA and plain x86-64 (gcc target_clones); the loader
 * picks the clone for the CPU it runs on, so one library serves every x86-64 machine.
 *
 * A sparse matrix is CSR: row r's entries are idx[ptr[r]..ptr[r+1]) (column numbers, increasing)
 * with values val[...]. Addresses come from Java as longs, already offset to the first element.
 */
#include <jni.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define CLONES __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define CLONES
#endif
#define INLINE static inline __attribute__((always_inline))

/* 64-byte vectors (one AVX-512 register, two AVX2 ones); unaligned loads and stores. */
typedef float vf __attribute__((vector_size(64)));
typedef float vfu __attribute__((vector_size(64), aligned(4)));
typedef double vd __attribute__((vector_size(64)));
typedef double vdu __attribute__((vector_size(64), aligned(8)));

/*
 * C[r, j..j+N*L) = alpha * sum over row r of S of x * B[col, j..j+N*L) + beta * C[r, ...), for
 * rows r0..r1 and one block of N vectors of L numbers: the sums stay in N registers while the
 * row's entries stream by, and the block of B (all its rows, N*L columns) stays in cache.
 */
#define BLOCK(T, V, VU, N)                                                                       \
    INLINE void block_##T##_##N(int r0, int r1, const int *ptr, const int *idx, const T *val,   \
                                const T *b, long ldb, T *c, long ldc, int j, T alpha, T beta) { \
        const int L = sizeof(V) / sizeof(T);                                                     \
        for (int r = r0; r < r1; r++) {                                                          \
            V acc[N];                                                                            \
            for (int t = 0; t < N; t++) acc[t] = (V){0};                                         \
            for (int q = ptr[r], end = ptr[r + 1]; q < end; q++) {                               \
                const T x = val[q];                                                              \
                const T *br = b + (long)idx[q] * ldb + j;                                        \
                for (int t = 0; t < N; t++) acc[t] += x * *(const VU *)(br + t * L);             \
            }                                                                                    \
            T *cr = c + (long)r * ldc + j;                                                       \
            for (int t = 0; t < N; t++) {                                                        \
                V out = alpha * acc[t];                                                          \
                if (beta != 0) out += beta * *(VU *)(cr + t * L);                                \
                *(VU *)(cr + t * L) = out;                                                       \
            }                                                                                    \
        }                                                                                        \
    }

/* One column at a time, for the last columns of a block. */
#define COLUMN(T)                                                                                \
    INLINE void column_##T(int r0, int r1, const int *ptr, const int *idx, const T *val,        \
                           const T *b, long ldb, T *c, long ldc, int j, T alpha, T beta) {      \
        for (int r = r0; r < r1; r++) {                                                          \
            T acc = 0;                                                                           \
            for (int q = ptr[r], end = ptr[r + 1]; q < end; q++) acc += val[q] * b[(long)idx[q] * ldb + j]; \
            T *cr = c + (long)r * ldc + j;                                                       \
            *cr = beta == 0 ? alpha * acc : alpha * acc + beta * *cr;                            \
        }                                                                                        \
    }

BLOCK(float, vf, vfu, 4)
BLOCK(float, vf, vfu, 1)
COLUMN(float)
BLOCK(double, vd, vdu, 4)
BLOCK(double, vd, vdu, 1)
COLUMN(double)

/*
 * The same product in the other order (scatter): for each row p of B, its block is loaded once
 * into registers and added, scaled, into every row of C whose row of S has an entry at p. Used
 * when B is tall (the forward product X * W^T: 784 rows of W^T that do not stay in the core's
 * first-level cache): C's block, for up to SCATTER_ROWS rows, stays there instead. Rows of C are
 * taken SCATTER_ROWS at a time, with the entries of those rows re-indexed by column (a counting
 * sort) in scratch.
 */
#define SCATTER_ROWS 128
#define SCATTER(T, V, VU, N)                                                                     \
    INLINE void scatter_##T##_##N(int r0, int r1, const int *cptr, const int *crow,            \
                                  const T *cval, int k, const T *b, long ldb, T *c, long ldc,   \
                                  int j, T alpha, T beta) {                                     \
        const int L = sizeof(V) / sizeof(T);                                                     \
        for (int r = r0; r < r1; r++) {                                                          \
            T *cr = c + (long)r * ldc + j;                                                       \
            for (int t = 0; t < N; t++) {                                                        \
                V v = beta == 0 ? (V){0} : beta * *(VU *)(cr + t * L);                           \
                *(VU *)(cr + t * L) = v;                                                         \
            }                                                                                    \
        }                                                                                        \
        for (int p = 0; p < k; p++) {                                                            \
            if (cptr[p] == cptr[p + 1]) continue;                                                \
            const T *bp = b + (long)p * ldb + j;                                                 \
            V w[N];                                                                              \
            for (int t = 0; t < N; t++) w[t] = alpha * *(const VU *)(bp + t * L);                \
            for (int q = cptr[p], end = cptr[p + 1]; q < end; q++) {                             \
                const T x = cval[q];                                                             \
                T *cr = c + (long)crow[q] * ldc + j;                                             \
                for (int t = 0; t < N; t++) *(VU *)(cr + t * L) += x * w[t];                     \
            }                                                                                    \
        }                                                                                        \
    }

SCATTER(float, vf, vfu, 4)
SCATTER(float, vf, vfu, 1)
SCATTER(double, vd, vdu, 4)
SCATTER(double, vd, vdu, 1)

/* Entries of rows r0..r1 of a CSR matrix by column: cptr (k + 1), crow (row numbers), cval. */
#define BY_COLUMN(T)                                                                             \
    static void by_column_##T(int r0, int r1, const int *ptr, const int *idx, const T *val,     \
                              int k, int *cptr, int *crow, T *cval, int *next) {                 \
        memset(cptr, 0, (size_t)(k + 1) * sizeof(int));                                         \
        for (int q = ptr[r0]; q < ptr[r1]; q++) cptr[idx[q] + 1]++;                              \
        for (int p = 0; p < k; p++) cptr[p + 1] += cptr[p];                                      \
        memcpy(next, cptr, (size_t)k * sizeof(int));                                             \
        for (int r = r0; r < r1; r++) {                                                          \
            for (int q = ptr[r]; q < ptr[r + 1]; q++) {                                          \
                int dst = next[idx[q]]++;                                                        \
                crow[dst] = r;                                                                   \
                cval[dst] = val[q];                                                              \
            }                                                                                    \
        }                                                                                        \
    }

BY_COLUMN(float)
BY_COLUMN(double)

/*
 * C[r0..r1, j0..j1) = alpha * S[r0..r1, :) * B[:, j0..j1) + beta * C[...]: by rows of S (gather)
 * when B has few rows, by rows of B (scatter) when it has many (see above). Returns 0, or -1
 * when scratch memory could not be had.
 */
#define TIMES(T)                                                                         \
    CLONES static int times_##T(int r0, int r1, const int *ptr, const int *idx, const T *val,    \
                                int k, const T *b, long ldb, T *c, long ldc, int j0, int j1,     \
                                T alpha, T beta) {                                               \
        const int W = (int)(sizeof(vf) / sizeof(T));                                             \
        if (k <= 2 * SCATTER_ROWS) {                                                             \
            int j = j0;                                                                          \
            for (; j + 4 * W <= j1; j += 4 * W) block_##T##_4(r0, r1, ptr, idx, val, b, ldb, c, ldc, j, alpha, beta); \
            for (; j + W <= j1; j += W) block_##T##_1(r0, r1, ptr, idx, val, b, ldb, c, ldc, j, alpha, beta);         \
            for (; j < j1; j++) column_##T(r0, r1, ptr, idx, val, b, ldb, c, ldc, j, alpha, beta);                    \
            return 0;                                                                            \
        }                                                                                        \
        int most = 0;                                                                            \
        for (int rc = r0; rc < r1; rc += SCATTER_ROWS) {                                         \
            int re = rc + SCATTER_ROWS < r1 ? rc + SCATTER_ROWS : r1;                            \
            if (ptr[re] - ptr[rc] > most) most = ptr[re] - ptr[rc];                              \
        }                                                                                        \
        int *cptr = malloc((size_t)(k + 1) * sizeof(int));                                       \
        int *next = malloc((size_t)(k + 1) * sizeof(int));                                       \
        int *crow = malloc((size_t)(most > 0 ? most : 1) * sizeof(int));                         \
        T *cval = malloc((size_t)(most > 0 ? most : 1) * sizeof(T));                             \
        if (!cptr || !next || !crow || !cval) {                                                  \
            free(cptr); free(next); free(crow); free(cval);                                      \
            return -1;                                                                           \
        }                                                                                        \
        for (int rc = r0; rc < r1; rc += SCATTER_ROWS) {                                         \
            int re = rc + SCATTER_ROWS < r1 ? rc + SCATTER_ROWS : r1;                            \
            by_column_##T(rc, re, ptr, idx, val, k, cptr, crow, cval, next);                     \
            int j = j0;                                                                          \
            for (; j + 4 * W <= j1; j += 4 * W) scatter_##T##_4(rc, re, cptr, crow, cval, k, b, ldb, c, ldc, j, alpha, beta); \
            for (; j + W <= j1; j += W) scatter_##T##_1(rc, re, cptr, crow, cval, k, b, ldb, c, ldc, j, alpha, beta);         \
            for (; j < j1; j++) column_##T(rc, re, ptr, idx, val, b, ldb, c, ldc, j, alpha, beta);                            \
        }                                                                                        \
        free(cptr); free(next); free(crow); free(cval);                                          \
        return 0;                                                                                \
    }

TIMES(float)
TIMES(double)

JNIEXPORT jint JNICALL Java_theta_math_SparseKernels_times(JNIEnv *env, jclass cls, jboolean f64,
        jint r0, jint r1, jlong ptr, jlong idx, jlong val, jint k, jlong b, jint ldb, jlong c, jint ldc,
        jint j0, jint j1, jdouble alpha, jdouble beta) {
    (void)env; (void)cls;
    if (f64) {
        return times_double(r0, r1, (const int *)(intptr_t)ptr, (const int *)(intptr_t)idx,
                            (const double *)(intptr_t)val, k, (const double *)(intptr_t)b, ldb,
                            (double *)(intptr_t)c, ldc, j0, j1, alpha, beta);
    }
    return times_float(r0, r1, (const int *)(intptr_t)ptr, (const int *)(intptr_t)idx,
                       (const float *)(intptr_t)val, k, (const float *)(intptr_t)b, ldb, (float *)(intptr_t)c,
                       ldc, j0, j1, (float)alpha, (float)beta);
}

/*
 * The nonzeros of a dense row-major rows x cols matrix (leading dimension ld) as CSR. Returns the
 * number of nonzeros; entries are written only while they fit in capacity (the caller grows its
 * buffers and asks again when the count is larger). Each row is gathered branch-free into a
 * scratch row first: a branch on "is this pixel zero" mispredicts on every other ink edge.
 */
#define INDEX(T)                                                                                  \
    static jint index_##T(const T *x, int rows, int cols, long ld, int *ptr, int *idx, T *val,  \
                          int capacity, int *sidx, T *sval) {                                     \
        long nnz = 0;                                                                             \
        ptr[0] = 0;                                                                               \
        for (int r = 0; r < rows; r++) {                                                          \
            const T *xr = x + (long)r * ld;                                                       \
            int n = 0;                                                                            \
            for (int k = 0; k < cols; k++) {                                                      \
                T v = xr[k];                                                                      \
                sidx[n] = k;                                                                      \
                sval[n] = v;                                                                      \
                n += v != 0;                                                                      \
            }                                                                                     \
            if (nnz + n <= capacity) {                                                            \
                memcpy(idx + nnz, sidx, n * sizeof(int));                                         \
                memcpy(val + nnz, sval, n * sizeof(T));                                           \
            }                                                                                     \
            nnz += n;                                                                             \
            ptr[r + 1] = nnz > 0x7fffffffL ? 0x7fffffff : (int)nnz;                               \
        }                                                                                         \
        return nnz > 0x7fffffffL ? -1 : (jint)nnz;                                                \
    }

INDEX(float)
INDEX(double)

JNIEXPORT jint JNICALL Java_theta_math_SparseKernels_index(JNIEnv *env, jclass cls, jboolean f64,
        jlong x, jint rows, jint cols, jint ld, jlong ptr, jlong idx, jlong val, jint capacity) {
    (void)env; (void)cls;
    int *sidx = malloc((size_t)(cols > 0 ? cols : 1) * sizeof(int));
    void *sval = malloc((size_t)(cols > 0 ? cols : 1) * sizeof(double));
    jint n = -2;
    if (sidx != NULL && sval != NULL) {
        n = f64 ? index_double((const double *)(intptr_t)x, rows, cols, ld, (int *)(intptr_t)ptr,
                               (int *)(intptr_t)idx, (double *)(intptr_t)val, capacity, sidx, sval)
                : index_float((const float *)(intptr_t)x, rows, cols, ld, (int *)(intptr_t)ptr,
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

/* Which clone of the kernels this CPU runs: "avx512", "avx2" or "x86-64". */
JNIEXPORT jstring JNICALL Java_theta_math_SparseKernels_isa(JNIEnv *env, jclass cls) {
    (void)cls;
#if defined(__x86_64__) && defined(__GNUC__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("x86-64-v4")) return (*env)->NewStringUTF(env, "x86-64-v4 (AVX-512)");
    if (__builtin_cpu_supports("x86-64-v3")) return (*env)->NewStringUTF(env, "x86-64-v3 (AVX2, FMA)");
    return (*env)->NewStringUTF(env, "x86-64");
#else
    return (*env)->NewStringUTF(env, "generic");
#endif
}
