/*
 * Dropout's mask and output in one pass (JNI, theta.math.Masks): entry i is kept when the top 53
 * bits of the i-th output of SplitMix64 seeded with key are under threshold (ceil(keep * 2^53)),
 * its mask then scale (1/keep) and its output x * scale, else 0 and x * 0.
 *
 * Why native: Java 17 does not vectorise the 64-bit hash (2-3 ns an entry, one at a time); with
 * AVX-512's 64-bit multiplies it runs eight entries at a time. Bit for bit Masks' Java loop: the
 * hash is integer arithmetic, and the output is one rounded product.
 *
 * Compiled three times (AVX-512, AVX2+FMA, plain x86-64), the variant chosen as for the rest of
 * the library (theta_train.c).
 */
#include <jni.h>
#include <stdint.h>

#define GOLDEN 0x9E3779B97F4A7C15ULL

#define DROPOUT(NAME, T)                                                                          \
    static void NAME(int from, int to, const T *restrict x, T *restrict mask, T *restrict out,   \
                     uint64_t key, uint64_t threshold, T scale) {                                \
        for (int i = from; i < to; i++) {                                                         \
            uint64_t z = key + (uint64_t)(i + 1L) * GOLDEN;                                       \
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;                                          \
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;                                          \
            z ^= z >> 31;                                                                         \
            const T m = (z >> 11) < threshold ? scale : 0;                                        \
            mask[i] = m;                                                                          \
            out[i] = x[i] * m;                                                                    \
        }                                                                                         \
    }

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define DRAWS_X86 1
#pragma GCC push_options
#pragma GCC target("arch=x86-64-v4")
DROPOUT(dropout_float_v4, float)
DROPOUT(dropout_double_v4, double)
#pragma GCC pop_options
#pragma GCC push_options
#pragma GCC target("arch=x86-64-v3")
DROPOUT(dropout_float_v3, float)
DROPOUT(dropout_double_v3, double)
#pragma GCC pop_options
#endif
DROPOUT(dropout_float_base, float)
DROPOUT(dropout_double_base, double)

/* The variant asked for when the CPU runs it, else the best (theta_train.c). */
int theta_chosen_isa(int isa);

/* Entries [from, to) of mask and out, vectors at the given addresses (their entry 0). */
JNIEXPORT void JNICALL Java_theta_math_Masks_dropout(JNIEnv *env, jclass cls, jint isa, jboolean f64, jint from,
        jint to, jlong x, jlong mask, jlong out, jlong key, jlong threshold, jdouble scale) {
    (void)env; (void)cls;
    const int v = theta_chosen_isa(isa);
    const uint64_t k = (uint64_t)key, t = (uint64_t)threshold;
    if (f64) {
        const double *xd = (const double *)(intptr_t)x;
        double *md = (double *)(intptr_t)mask, *od = (double *)(intptr_t)out;
#ifdef DRAWS_X86
        if (v == 2) { dropout_double_v4(from, to, xd, md, od, k, t, scale); return; }
        if (v == 1) { dropout_double_v3(from, to, xd, md, od, k, t, scale); return; }
#endif
        dropout_double_base(from, to, xd, md, od, k, t, scale);
        return;
    }
    const float *xf = (const float *)(intptr_t)x;
    float *mf = (float *)(intptr_t)mask, *of = (float *)(intptr_t)out;
    const float s = (float)scale;
#ifdef DRAWS_X86
    if (v == 2) { dropout_float_v4(from, to, xf, mf, of, k, t, s); return; }
    if (v == 1) { dropout_float_v3(from, to, xf, mf, of, k, t, s); return; }
#endif
    dropout_float_base(from, to, xf, mf, of, k, t, s);
}
