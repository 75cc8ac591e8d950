/*
 * The kernels of theta_sparse.c for one instruction set. Included once per instruction set, under
 * "#pragma GCC target", with ISA (a name suffix), VBYTES (the vector size in bytes) and NVEC (how
 * many vectors of columns one block keeps in registers) defined: the same source, compiled for
 * AVX-512, AVX2+FMA and plain x86-64, and chosen at run time (see theta_sparse.c).
 *
 * A sparse matrix is CSR: row r's entries are idx[ptr[r]..ptr[r+1]) (column numbers, increasing)
 * with values val[...].
 */
#define CAT2(a, b) a##_##b
#define CAT(a, b) CAT2(a, b)
#define F(name) CAT(name, ISA)

typedef float F(vf) __attribute__((vector_size(VBYTES)));
typedef float F(vfu) __attribute__((vector_size(VBYTES), aligned(4)));
typedef double F(vd) __attribute__((vector_size(VBYTES)));
typedef double F(vdu) __attribute__((vector_size(VBYTES), aligned(8)));

/*
 * By rows, for forward products of over 256 rows indexed by rows only (SparseMatrix.PAIR_ROWS;
 * the pairs below do the rest). Rows rc..re of C, columns j..j+N*L: C = alpha * S * B + beta * C, one range of B's
 * rows at a time (split[] says where each row's entries of each range start), so that the
 * range's block of B, copied contiguous into pack and read once per entry, stays in the
 * first-level cache while all the rows go by. The row's entries take turns among H sets of N
 * sums, which gives H*N independent multiply-adds (the latency of one is 4-5 cycles, and two
 * issue per cycle). Partial sums of a row wait in scratch between ranges.
 */
#define BLOCK(NAME, T, V, VU, N, H)                                                                     \
    INLINE void F(NAME)(int rc,       int re, const int *split, int ranges, const int *idx,  \
                                   const T *val, const T *b, long ldb, T *c, long ldc, int j,      \
                                   T alpha, T beta, T *scratch, int k, T *pack) {                  \
        const int L = sizeof(V) / sizeof(T);                                                        \
        for (int g = 0; g < ranges; g++) {                                                          \
            const int lo = (int)((long)k * g / ranges), hi = (int)((long)k * (g + 1) / ranges);     \
            for (int p = lo; p < hi; p++)                                                           \
                for (int t = 0; t < N; t++)                                                         \
                    *(V *)(pack + (long)(p - lo) * N * L + t * L) = *(const VU *)(b + (long)p * ldb + j + t * L); \
            const T *pb = pack - (long)lo * N * L;                                                  \
            for (int r = rc; r < re; r++) {                                                         \
                const int *sp = split + (long)(r - rc) * (ranges + 1) + g;                          \
                int q = sp[0];                                                                      \
                const int end = sp[1];                                                              \
                V sum[H][N];                                                                        \
                for (int h = 0; h < H; h++)                                                         \
                    for (int t = 0; t < N; t++) sum[h][t] = (V){0};                                 \
                for (; q + H <= end; q += H) {                                                      \
                    for (int h = 0; h < H; h++) {                                                   \
                        const T x = val[q + h];                                                     \
                        const T *bq = pb + (long)idx[q + h] * N * L;                                \
                        for (int t = 0; t < N; t++) sum[h][t] += x * *(const VU *)(bq + t * L);     \
                    }                                                                               \
                }                                                                                   \
                for (int h = 0; q < end; q++, h++) {                                                \
                    const T x = val[q];                                                             \
                    const T *bq = pb + (long)idx[q] * N * L;                                        \
                    for (int t = 0; t < N; t++) sum[h][t] += x * *(const VU *)(bq + t * L);         \
                }                                                                                   \
                T *sr = scratch + (long)(r - rc) * N * L;                                           \
                T *cr = c + (long)r * ldc + j;                                                      \
                for (int t = 0; t < N; t++) {                                                       \
                    V s = sum[0][t];                                                                \
                    for (int h = 1; h < H; h++) s += sum[h][t];                                     \
                    if (g > 0) s += *(VU *)(sr + t * L);                                            \
                    if (g + 1 < ranges) {                                                           \
                        *(VU *)(sr + t * L) = s;                                                    \
                    } else {                                                                        \
                        V out = alpha * s;                                                          \
                        if (beta != 0) out += beta * *(VU *)(cr + t * L);                           \
                        *(VU *)(cr + t * L) = out;                                                  \
                    }                                                                               \
                }                                                                                   \
            }                                                                                       \
        }                                                                                           \
    }

BLOCK(blocks_float, float, F(vf), F(vfu), NVEC, CHAINS)
BLOCK(vector_float, float, F(vf), F(vfu), 1, 4)
BLOCK(column_float, float, float, float, 1, 4)
BLOCK(blocks_double, double, F(vd), F(vdu), NVEC, CHAINS)
BLOCK(vector_double, double, F(vd), F(vdu), 1, 4)
BLOCK(column_double, double, double, double, 1, 4)

/*
 * C[0..rows, j0..j1) = alpha * S * B + beta * C for a rows x k CSR matrix S: blocks of NVEC
 * vectors of columns, then single vectors, then single columns. Returns 0, or -1 when scratch
 * memory could not be had.
 */
#define TIMES(T, V)                                                                                 \
    static int F(times_##T)(int rows, const int *ptr, const int *idx, const T *val, int k,         \
                            const T *b, long ldb, T *c, long ldc, int j0, int j1, T alpha, T beta) { \
        const int W = NVEC * (int)(sizeof(V) / sizeof(T));                                          \
        int ranges = range_count(k, W * (int)sizeof(T), RANGE_BYTES);                                            \
        int chunk = ranges == 1 ? rows : ROW_CHUNK;                                                 \
        int *split = malloc((size_t)(chunk > 0 ? chunk : 1) * (ranges + 1) * sizeof(int));          \
        T *scratch = ranges == 1 ? NULL : aligned_alloc(64, (size_t)chunk * W * sizeof(T));         \
        T *pack = aligned_alloc(64, ((size_t)k / ranges + 2) * W * sizeof(T));                      \
        if (split == NULL || pack == NULL || (ranges > 1 && scratch == NULL)) {                     \
            free(split);                                                                            \
            free(scratch);                                                                          \
            free(pack);                                                                             \
            return -1;                                                                              \
        }                                                                                           \
        for (int rc = 0; rc < rows; rc += chunk) {                                                  \
            int re = rows - rc < chunk ? rows : rc + chunk;                                         \
            splits(rc, re, ptr, idx, k, ranges, split);                                             \
            int j = j0;                                                                             \
            for (; j + W <= j1; j += W)                                                             \
                F(blocks_##T)(rc, re, split, ranges, idx, val, b, ldb, c, ldc, j, alpha, beta, scratch, k, pack); \
            for (; j + W / NVEC <= j1; j += W / NVEC)                                               \
                F(vector_##T)(rc, re, split, ranges, idx, val, b, ldb, c, ldc, j, alpha, beta, scratch, k, pack); \
            for (; j < j1; j++)                                                                     \
                F(column_##T)(rc, re, split, ranges, idx, val, b, ldb, c, ldc, j, alpha, beta, scratch, k, pack); \
        }                                                                                           \
        free(split);                                                                                \
        free(scratch);                                                                              \
        free(pack);                                                                                 \
        return 0;                                                                                   \
    }

TIMES(float, F(vf))
TIMES(double, F(vd))

/*
 * The same products on the matrix's columns taken in pairs (2i, 2i+1): for each pair, the rows
 * where either column is nonzero, with both values (one may be zero). On images, neighbouring
 * pixels are mostly ink or blank together, so a pair has far fewer rows than its two columns
 * together, and each number loaded from B or C now feeds two multiply-adds instead of one.
 *
 * Forward, C = alpha * S * B + beta * C with S m x k: for each pair, B's rows 2i and 2i+1 (a block
 * of N vectors of columns) stay in registers, scaled by alpha, and every row r of the pair adds
 * x0 * B[2i] + x1 * B[2i+1] into C[r]. C's block (rows r0..r1, a window; qs[i]..qe[i] are pair
 * i's entries in it) is summed in pack, contiguous and aligned (it stays in the first-level cache;
 * C's own rows may straddle cache lines), and copied back at the end.
 */
#define PAIRS_FORWARD(NAME, T, V, VU, N)                                                            \
    INLINE void F(NAME)(int r0, int r1, int k, const int *qs, const int *qe, const int *pidx,      \
                        const T *pval, const T *b, long ldb, T *c, long ldc, int j, T alpha, T beta, \
                        T *pack) {                                                                  \
        const int L = sizeof(V) / sizeof(T);                                                        \
        const int m = r1 - r0;                                                                      \
        c += (long)r0 * ldc;                                                                        \
        pack -= (long)r0 * N * L; /* indexed by the entries' row numbers, r0..r1 */                 \
        for (int r = r0; r < r1; r++)                                                               \
            for (int t = 0; t < N; t++)                                                             \
                *(V *)(pack + (long)r * N * L + t * L) =                                            \
                    beta == 0 ? (V){0} : beta * *(const VU *)(c + (long)(r - r0) * ldc + j + t * L); \
        for (int i = 0; 2 * i < k; i++) {                                                           \
            const int q0 = qs[i], q1 = qe[i];                                                       \
            /* B's rows come from far away: ask early for those of the pair AHEAD, if it has rows  \
               (for one image most pairs are empty, and fetching their rows too read all of B,   \
               2.5 MB per image)                                                                 \
            */                                                                                      \
            if (2 * i + 2 * AHEAD + 1 < k && qs[i + AHEAD] != qe[i + AHEAD])                        \
                for (int t = 0; t < N * (int)sizeof(V); t += 64) {                                  \
                    __builtin_prefetch((const char *)(b + (long)(2 * i + 2 * AHEAD) * ldb + j) + t);  \
                    __builtin_prefetch((const char *)(b + (long)(2 * i + 2 * AHEAD + 1) * ldb + j) + t); \
                }                                                                                   \
            if (q0 == q1) continue;                                                                 \
            V w0[N], w1[N];                                                                         \
            const T *b0 = b + (long)(2 * i) * ldb + j;                                              \
            for (int t = 0; t < N; t++) w0[t] = alpha * *(const VU *)(b0 + t * L);                  \
            for (int t = 0; t < N; t++) w1[t] = 2 * i + 1 < k ? alpha * *(const VU *)(b0 + ldb + t * L) : (V){0}; \
            /* Two rows at a time (a pair's rows are distinct): their loads, multiply-adds and     \
               stores interleave. On C, two multiply-adds in a row, not (x0 w0 + x1 w1) added to   \
               it: 2 vector operations per vector instead of 3. */                                \
            int q = q0;                                                                             \
            for (; q + 2 <= q1; q += 2) {                                                           \
                const T x0 = pval[2 * q], x1 = pval[2 * q + 1], y0 = pval[2 * q + 2], y1 = pval[2 * q + 3]; \
                T *__restrict cr = pack + (long)pidx[q] * N * L;                                    \
                T *__restrict cs = pack + (long)pidx[q + 1] * N * L;                                \
                V s[N], u[N];                                                                       \
                for (int t = 0; t < N; t++) {                                                       \
                    s[t] = *(V *)(cr + t * L);                                                      \
                    u[t] = *(V *)(cs + t * L);                                                      \
                }                                                                                   \
                for (int t = 0; t < N; t++) {                                                       \
                    s[t] += x0 * w0[t];                                                             \
                    u[t] += y0 * w0[t];                                                             \
                }                                                                                   \
                for (int t = 0; t < N; t++) {                                                       \
                    s[t] += x1 * w1[t];                                                             \
                    u[t] += y1 * w1[t];                                                             \
                }                                                                                   \
                for (int t = 0; t < N; t++) {                                                       \
                    *(V *)(cr + t * L) = s[t];                                                      \
                    *(V *)(cs + t * L) = u[t];                                                      \
                }                                                                                   \
            }                                                                                       \
            for (; q < q1; q++) {                                                                   \
                const T x0 = pval[2 * q], x1 = pval[2 * q + 1];                                     \
                T *cr = pack + (long)pidx[q] * N * L;                                               \
                for (int t = 0; t < N; t++) {                                                       \
                    V s = *(V *)(cr + t * L);                                                       \
                    s += x0 * w0[t];                                                                \
                    s += x1 * w1[t];                                                                \
                    *(V *)(cr + t * L) = s;                                                         \
                }                                                                                   \
            }                                                                                       \
        }                                                                                           \
        pack += (long)r0 * N * L;                                                                   \
        for (int r = 0; r < m; r++)                                                                 \
            for (int t = 0; t < N; t++)                                                             \
                *(VU *)(c + (long)r * ldc + j + t * L) = *(const V *)(pack + (long)r * N * L + t * L); \
    }

/*
 * Weight gradient, C = alpha * S^T * B + beta * C with S m x k (C has k rows): for each pair, C's
 * rows 2i and 2i+1 are summed in 2N registers over the pair's rows r of B, each block of B[r]
 * loaded once for both. B's block (m rows) is first copied to pack, contiguous (its rows are
 * far apart in memory, on as many pages).
 */
#define PAIRS_GRADIENT(NAME, T, V, VU, N)                                                           \
    INLINE void F(NAME)(int r0, int r1, int k, const int *qs, const int *qe, const int *pidx,      \
                        const T *pval, const T *b, long ldb, T *c, long ldc, int j, T alpha, T beta, \
                        T *pack, int first, int last) {                                             \
        const int L = sizeof(V) / sizeof(T);                                                        \
        for (int r = r0; r < r1; r++)                                                               \
            for (int t = 0; t < N; t++)                                                             \
                *(V *)(pack + (long)(r - r0) * N * L + t * L) = *(const VU *)(b + (long)r * ldb + j + t * L); \
        pack -= (long)r0 * N * L; /* indexed by the entries' row numbers */                         \
        for (int i = 0; 2 * i < k; i++) {                                                           \
            const int q0 = qs[i], q1 = qe[i];                                                       \
            if (!first && !last && q0 == q1) continue; /* its partial sums stay in C */             \
            if (2 * i + 2 * AHEAD + 1 < k) /* C's rows are written once: fetch them early */       \
                for (int t = 0; t < N * (int)sizeof(V); t += 64) {                                  \
                    __builtin_prefetch((char *)(c + (long)(2 * i + 2 * AHEAD) * ldc + j) + t, 1);   \
                    __builtin_prefetch((char *)(c + (long)(2 * i + 2 * AHEAD + 1) * ldc + j) + t, 1); \
                }                                                                                   \
            V a0[N], a1[N];                                                                         \
            for (int t = 0; t < N; t++) a0[t] = a1[t] = (V){0};                                     \
            if (!first) { /* the sums of the windows before (beta is 0 with windows) */             \
                for (int t = 0; t < N; t++) a0[t] = *(VU *)(c + (long)(2 * i) * ldc + j + t * L);   \
                if (2 * i + 1 < k)                                                                  \
                    for (int t = 0; t < N; t++) a1[t] = *(VU *)(c + (long)(2 * i + 1) * ldc + j + t * L); \
            }                                                                                       \
            for (int q = q0; q < q1; q++) {                                                         \
                const T x0 = pval[2 * q], x1 = pval[2 * q + 1];                                     \
                const T *br = pack + (long)pidx[q] * N * L;                                         \
                for (int t = 0; t < N; t++) {                                                       \
                    const V y = *(const V *)(br + t * L);                                           \
                    a0[t] += x0 * y;                                                                \
                    a1[t] += x1 * y;                                                                \
                }                                                                                   \
            }                                                                                       \
            for (int h = 0; h < 2 && 2 * i + h < k; h++) {                                          \
                T *cr = c + (long)(2 * i + h) * ldc + j;                                            \
                for (int t = 0; t < N; t++) {                                                       \
                    V out = h == 0 ? a0[t] : a1[t];                                                 \
                    if (last) {                                                                     \
                        out = alpha * out;                                                          \
                        if (beta != 0) out += beta * *(VU *)(cr + t * L);                           \
                    }                                                                               \
                    *(VU *)(cr + t * L) = out;                                                      \
                }                                                                                   \
            }                                                                                       \
        }                                                                                           \
    }

PAIRS_FORWARD(pf_blocks_float, float, F(vf), F(vfu), NVEC)
PAIRS_FORWARD(pf_vector_float, float, F(vf), F(vfu), 1)
PAIRS_FORWARD(pf_column_float, float, float, float, 1)
PAIRS_FORWARD(pf_blocks_double, double, F(vd), F(vdu), NVEC)
PAIRS_FORWARD(pf_vector_double, double, F(vd), F(vdu), 1)
PAIRS_FORWARD(pf_column_double, double, double, double, 1)
/*
 * The weight gradient's widest blocks: GNVEC vectors (2 GNVEC accumulators). Each block of
 * columns is one more pass over all the pair entries, so fewer, wider blocks read them fewer
 * times; a slice of 400 columns (800 hidden units on 2 threads) took 6 blocks of 64 and a pass
 * for its last 16 columns alone.
 */
#ifndef GNVEC
#define GNVEC NVEC
#endif
PAIRS_GRADIENT(pg_wide_float, float, F(vf), F(vfu), GNVEC)
PAIRS_GRADIENT(pg_wide_double, double, F(vd), F(vdu), GNVEC)
PAIRS_GRADIENT(pg_blocks_float, float, F(vf), F(vfu), NVEC)
PAIRS_GRADIENT(pg_vector_float, float, F(vf), F(vfu), 1)
PAIRS_GRADIENT(pg_column_float, float, float, float, 1)
PAIRS_GRADIENT(pg_blocks_double, double, F(vd), F(vdu), NVEC)
PAIRS_GRADIENT(pg_vector_double, double, F(vd), F(vdu), 1)
PAIRS_GRADIENT(pg_column_double, double, double, double, 1)

/*
 * C[:, j0..j1) = alpha * op(S) * B + beta * C on S's column pairs (pptr, pidx, pval; S is m x k):
 * forward (op(S) = S) or weight gradient (op(S) = S^T). The forward product goes by windows of
 * rows whose block of C in pack takes at most window x 256 bytes (0: all m rows at once), so that
 * it stays in the first-level cache (512 rows of 64 floats are 128 KB): window rows of AVX-512's
 * blocks of 64 floats, twice as many of AVX2's 32. A pair's rows are increasing, so its entries in
 * a window follow those in the window before (qs, qe: each pair's entries in the current window).
 * Returns 0, or -1 out of memory.
 */
#define PAIRS(T, V)                                                                                 \
    static int F(pairs_##T)(int gradient, int m, int k, const int *pptr, const int *pidx,          \
                            const T *pval, const T *b, long ldb, T *c, long ldc, int j0, int j1,    \
                            T alpha, T beta, int window, int gwindow) {                             \
        const int W = NVEC * (int)(sizeof(V) / sizeof(T));                                          \
        const int L = W / NVEC;                                                                     \
        const int GW = GNVEC * L;                                                                   \
        /* window counts rows of 256 bytes (64 floats, AVX-512's block): a narrower block takes more */ \
        const long rowsOf = (long)window * 256 / (W * (long)sizeof(T));                             \
        const int win = window <= 0 || rowsOf >= m ? m : rowsOf < 1 ? 1 : (int)rowsOf;              \
        /* The gradient's windows keep partial sums in C: only when C is overwritten (beta 0). */   \
        const long growsOf = (long)gwindow * 256 / (GW * (long)sizeof(T));                          \
        const int gwin = !gradient || gwindow <= 0 || beta != 0 || growsOf >= m ? m                 \
                         : growsOf < 1 ? 1 : (int)growsOf;                                          \
        const int pairs = (k + 1) / 2;                                                              \
        const int rowsMost = gradient ? gwin : win;                                                 \
        T *pack = aligned_alloc(64, ((size_t)rowsMost + 1) * (GW > W ? GW : W) * sizeof(T));        \
        const int windows = m == 0 ? 1 : (m + rowsMost - 1) / rowsMost;                            \
        int *cursor = rowsMost < m ? malloc(((size_t)windows + 1) * ((size_t)pairs + 1) * sizeof(int)) : NULL; \
        if (pack == NULL || (rowsMost < m && cursor == NULL)) {                                     \
            free(pack);                                                                             \
            return -1;                                                                              \
        }                                                                                           \
        /* cursor[w * (pairs + 1) + i]: where pair i's entries of window w start (a pair's rows   \
           increase, so each window's entries follow the window before's). */                    \
        if (cursor != NULL) {                                                                       \
            for (int i = 0; i < pairs; i++) {                                                       \
                int q = pptr[i];                                                                    \
                for (int w = 0; w < windows; w++) {                                                 \
                    const int r1 = m - w * rowsMost < rowsMost ? m : (w + 1) * rowsMost;            \
                    cursor[(long)w * (pairs + 1) + i] = q;                                          \
                    while (q < pptr[i + 1] && pidx[q] < r1) q++;                                    \
                }                                                                                   \
                cursor[(long)windows * (pairs + 1) + i] = pptr[i + 1];                              \
            }                                                                                       \
        }                                                                                           \
        int j = j0;                                                                                 \
        if (gradient) {                                                                             \
            for (int w = 0; w < windows; w++) {                                                     \
                const int r0 = w * rowsMost, r1 = m - r0 < rowsMost ? m : r0 + rowsMost;            \
                const int *qs = cursor == NULL ? pptr : cursor + (long)w * (pairs + 1);             \
                const int *qe = cursor == NULL ? pptr + 1 : cursor + (long)(w + 1) * (pairs + 1);   \
                const int first = w == 0, last = w + 1 == windows;                                  \
                j = j0;                                                                             \
                for (; GW > W && j + GW <= j1; j += GW) F(pg_wide_##T)(r0, r1, k, qs, qe, pidx, pval, b, ldb, c, ldc, j, alpha, beta, pack, first, last); \
                for (; j + W <= j1; j += W) F(pg_blocks_##T)(r0, r1, k, qs, qe, pidx, pval, b, ldb, c, ldc, j, alpha, beta, pack, first, last); \
                for (; j + L <= j1; j += L) F(pg_vector_##T)(r0, r1, k, qs, qe, pidx, pval, b, ldb, c, ldc, j, alpha, beta, pack, first, last); \
                for (; j < j1; j++) F(pg_column_##T)(r0, r1, k, qs, qe, pidx, pval, b, ldb, c, ldc, j, alpha, beta, pack, first, last); \
            }                                                                                       \
        } else {                                                                                    \
            for (int w = 0; w < windows; w++) {                                                     \
                const int r0 = w * rowsMost, r1 = m - r0 < rowsMost ? m : r0 + rowsMost;            \
                const int *qs = cursor == NULL ? pptr : cursor + (long)w * (pairs + 1);             \
                const int *qe = cursor == NULL ? pptr + 1 : cursor + (long)(w + 1) * (pairs + 1);   \
                for (j = j0; j + W <= j1; j += W) F(pf_blocks_##T)(r0, r1, k, qs, qe, pidx, pval, b, ldb, c, ldc, j, alpha, beta, pack); \
                for (; j + L <= j1; j += L) F(pf_vector_##T)(r0, r1, k, qs, qe, pidx, pval, b, ldb, c, ldc, j, alpha, beta, pack); \
                for (; j < j1; j++) F(pf_column_##T)(r0, r1, k, qs, qe, pidx, pval, b, ldb, c, ldc, j, alpha, beta, pack);        \
            }                                                                                       \
        }                                                                                           \
        free(cursor);                                                                               \
        free(pack);                                                                                 \
        return 0;                                                                                   \
    }

PAIRS(float, F(vf))
PAIRS(double, F(vd))

/*
 * The nonzeros among L numbers at x (column numbers from k) appended to sidx, sval; returns how
 * many. With AVX-512 one compare and two compressions; otherwise branch-free, since a branch on
 * "is this pixel zero" mispredicts at every ink edge. NaN counts as nonzero.
 */
#if VBYTES == 64
INLINE int F(nonzeros_float)(const float *x, int k, int *sidx, float *sval) {
    __m512 v = _mm512_loadu_ps(x);
    __mmask16 m = _mm512_cmp_ps_mask(v, _mm512_setzero_ps(), _CMP_NEQ_UQ);
    if (m == 0) return 0;
    __m512i i = _mm512_add_epi32(_mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15),
                                 _mm512_set1_epi32(k));
    _mm512_storeu_si512(sidx, _mm512_maskz_compress_epi32(m, i));
    _mm512_storeu_ps(sval, _mm512_maskz_compress_ps(m, v));
    return __builtin_popcount(m);
}
INLINE int F(nonzeros_double)(const double *x, int k, int *sidx, double *sval) {
    __m512d v = _mm512_loadu_pd(x);
    __mmask8 m = _mm512_cmp_pd_mask(v, _mm512_setzero_pd(), _CMP_NEQ_UQ);
    if (m == 0) return 0;
    __m256i i = _mm256_add_epi32(_mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7), _mm256_set1_epi32(k));
    _mm256_storeu_si256((__m256i *)sidx, _mm256_maskz_compress_epi32(m, i));
    _mm512_storeu_pd(sval, _mm512_maskz_compress_pd(m, v));
    return __builtin_popcount(m);
}
#else
#define NONZEROS(T, V)                                                                              \
    INLINE int F(nonzeros_##T)(const T *x, int k, int *sidx, T *sval) {                             \
        const int L = sizeof(V) / sizeof(T);                                                        \
        uint64_t bits = 0; /* all bits zero (+0.0 everywhere, a digit's blank margin): nothing */   \
        for (int i = 0; i < L * (int)sizeof(T) / 8; i++) {                                          \
            uint64_t w;                                                                             \
            memcpy(&w, (const char *)x + 8 * i, 8);                                                 \
            bits |= w;                                                                              \
        }                                                                                           \
        if (bits == 0) return 0;                                                                    \
        int n = 0;                                                                                  \
        for (int i = 0; i < L; i++) {                                                               \
            sidx[n] = k + i;                                                                        \
            sval[n] = x[i];                                                                         \
            n += x[i] != 0;                                                                         \
        }                                                                                           \
        return n;                                                                                   \
    }
NONZEROS(float, F(vf))
NONZEROS(double, F(vd))
#undef NONZEROS
#endif

/*
 * The nonzeros of a dense row-major rows x cols matrix (leading dimension ld) as CSR, a row at a
 * time through scratch (sidx, sval: cols + 16 entries); see theta_sparse.c.
 */
#define INDEX(T, V)                                                                                 \
    static jint F(index_##T)(const T *x, int rows, int cols, long ld, int *ptr, int *idx, T *val,  \
                             int capacity, int *sidx, T *sval) {                                    \
        const int L = sizeof(V) / sizeof(T);                                                        \
        long nnz = 0;                                                                               \
        ptr[0] = 0;                                                                                 \
        for (int r = 0; r < rows; r++) {                                                            \
            const T *xr = x + (long)r * ld;                                                         \
            int n = 0;                                                                              \
            int k = 0;                                                                              \
            for (; k + L <= cols; k += L) n += F(nonzeros_##T)(xr + k, k, sidx + n, sval + n);      \
            for (; k < cols; k++) {                                                                 \
                sidx[n] = k;                                                                        \
                sval[n] = xr[k];                                                                    \
                n += xr[k] != 0;                                                                    \
            }                                                                                       \
            if (nnz + n <= capacity) {                                                              \
                memcpy(idx + nnz, sidx, n * sizeof(int));                                           \
                memcpy(val + nnz, sval, n * sizeof(T));                                             \
            }                                                                                       \
            nnz += n;                                                                               \
            ptr[r + 1] = nnz > 0x7fffffffL ? 0x7fffffff : (int)nnz;                                 \
        }                                                                                           \
        return nnz > 0x7fffffffL ? -1 : (jint)nnz;                                                  \
    }

INDEX(float, F(vf))
INDEX(double, F(vd))

/*
 * The output layer of inference on a ReLU layer, for rows of C (NB of its columns from o):
 * C[r, o..o+NB) = bias + sum over k of max(Z[r, k] + zb[k], 0) * W^T[k, o..o+NB), with zb the
 * layer below's bias when its product left it out (else zeros: z + 0 is z, and -0 + 0 = +0 is
 * what the ReLU gives for -0 anyway), W (out x h, the
 * transpose of what the network stores, zero-padded to hp columns) read a vector of k at a
 * time. Two rows share each loaded vector of W; each output of each row sums in its own vector,
 * added across lanes at the end. NaN in Z stays NaN, as the Java ReLU keeps it.
 */
#define RELU_ROWS(NAME, T, V, VU, VI, NB)                                                           \
    INLINE void F(NAME)(int r, int two, const T *z, long ldz, const T *zb, int h, const T *wt, long hp, \
                        const T *bias, T *c, long ldc, int o) {                                     \
        const int L = sizeof(V) / sizeof(T);                                                        \
        V acc[2][NB];                                                                               \
        for (int t = 0; t < NB; t++) acc[0][t] = acc[1][t] = (V){0};                                \
        const T *z0 = z + (long)r * ldz, *z1 = z0 + (two ? ldz : 0);                                \
        int k = 0;                                                                                  \
        for (; k + L <= h; k += L) {                                                                \
            const V b = *(const V *)(zb + k);                                                       \
            V a0 = *(const VU *)(z0 + k) + b, a1 = *(const VU *)(z1 + k) + b;                       \
            a0 = (V)((VI)a0 & ((VI)(a0 > 0) | (VI)(a0 != a0)));                                     \
            a1 = (V)((VI)a1 & ((VI)(a1 > 0) | (VI)(a1 != a1)));                                     \
            for (int t = 0; t < NB; t++) {                                                          \
                const V y = *(const V *)(wt + (long)(o + t) * hp + k);                              \
                acc[0][t] += a0 * y;                                                                \
                acc[1][t] += a1 * y;                                                                \
            }                                                                                       \
        }                                                                                           \
        for (int q = 0; q < 1 + two; q++) {                                                         \
            const T *zr = q ? z1 : z0;                                                              \
            for (int t = 0; t < NB; t++) {                                                          \
                T s = 0;                                                                            \
                for (int i = 0; i < L; i++) s += acc[q][t][i];                                      \
                for (int kk = k; kk < h; kk++) {                                                    \
                    const T y = zr[kk] + zb[kk];                                                    \
                    const T x = y > 0 || y != y ? y : 0;                                            \
                    s += x * wt[(long)(o + t) * hp + kk];                                           \
                }                                                                                   \
                c[(long)(r + q) * ldc + o + t] = bias[o + t] + s;                                   \
            }                                                                                       \
        }                                                                                           \
    }

/*
 * C (rows x out) = 1 bias^T + max(Z + 1 zb^T, 0) * W^T, W^T (h x out) as the network stores it,
 * zb (h entries) NULL for none. Returns 0, or -1 out of memory.
 */
#define RELU_LAYER(T, V, VU, VI)                                                                    \
    RELU_ROWS(relu_rows10_##T, T, V, VU, VI, 10)                                                    \
    RELU_ROWS(relu_rows4_##T, T, V, VU, VI, 4)                                                      \
    RELU_ROWS(relu_rows1_##T, T, V, VU, VI, 1)                                                      \
    static int F(relu_layer_##T)(int rows, const T *z, long ldz, const T *zb, int h, const T *w, long ldw, const T *bias, \
                                 T *c, long ldc, int out) {                                         \
        const int L = sizeof(V) / sizeof(T);                                                        \
        const long hp = (h + L - 1) / L * L;                                                        \
        T *wt = aligned_alloc(64, ((size_t)out * hp + hp + L) * sizeof(T));                         \
        if (wt == NULL) return -1;                                                                  \
        T *zbp = wt + (size_t)out * hp; /* zb, or zeros, padded like W's rows */                    \
        for (long k = 0; k < hp; k++) zbp[k] = zb != NULL && k < h ? zb[k] : 0;                     \
        for (int o = 0; o < out; o++)                                                               \
            for (long k = 0; k < hp; k++) wt[o * hp + k] = k < h ? w[k * ldw + o] : 0;              \
        for (int r = 0; r < rows; r += 2) {                                                         \
            const int two = r + 1 < rows;                                                           \
            int o = 0;                                                                              \
            for (; o + 10 <= out; o += 10) F(relu_rows10_##T)(r, two, z, ldz, zbp, h, wt, hp, bias, c, ldc, o); \
            for (; o + 4 <= out; o += 4) F(relu_rows4_##T)(r, two, z, ldz, zbp, h, wt, hp, bias, c, ldc, o);   \
            for (; o < out; o++) F(relu_rows1_##T)(r, two, z, ldz, zbp, h, wt, hp, bias, c, ldc, o);           \
        }                                                                                           \
        free(wt);                                                                                   \
        return 0;                                                                                   \
    }

typedef int F(vi) __attribute__((vector_size(VBYTES)));
typedef long long F(vl) __attribute__((vector_size(VBYTES)));
RELU_LAYER(float, F(vf), F(vfu), F(vi))
RELU_LAYER(double, F(vd), F(vdu), F(vl))

#undef BLOCK
#undef TIMES
#undef INDEX
#undef PAIRS
#undef PAIRS_FORWARD
#undef PAIRS_GRADIENT
#undef RELU_ROWS
#undef RELU_LAYER
#undef GNVEC
#undef F
#undef CAT
#undef CAT2
