package theta.io;

/** Conversion between row-major (C) and column-major (Fortran) element orders of any rank. */
final class Layout {
    private Layout() {}

    static double[] fortranToC(double[] fortran, int[] shape) {
        return reorder(fortran, shape, true);
    }

    static double[] cToFortran(double[] c, int[] shape) {
        return reorder(c, shape, false);
    }

    /**
     * Walks the indices in C order (last index fastest) while tracking the Fortran offset
     * f = sum_k idx[k] * prod(shape[0..k-1]), and copies between the two offsets.
     */
    private static double[] reorder(double[] src, int[] shape, boolean srcIsFortran) {
        int n = src.length;
        double[] dst = new double[n];
        int rank = shape.length;
        int[] fStride = new int[rank];
        int stride = 1;
        for (int k = 0; k < rank; k++) {
            fStride[k] = stride;
            stride *= shape[k];
        }
        int[] idx = new int[rank];
        int f = 0;
        for (int c = 0; c < n; c++) {
            if (srcIsFortran) {
                dst[c] = src[f];
            } else {
                dst[f] = src[c];
            }
            for (int k = rank - 1; k >= 0; k--) {
                idx[k]++;
                f += fStride[k];
                if (idx[k] < shape[k]) {
                    break;
                }
                f -= fStride[k] * shape[k];
                idx[k] = 0;
            }
        }
        return dst;
    }
}
