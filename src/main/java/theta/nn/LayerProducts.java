package theta.nn;

import theta.math.ByteRows;
import theta.math.Gemm;
import theta.math.MatrixView;
import theta.math.SparseMatrix;
import theta.math.Vec;

/**
 * The matrix products of one layer l, each with its shapes named: forward {@code Z += X * W^T},
 * the weight gradient {@code dW^T = X^T * dZ} (and {@code db = 1^T dZ}), and the gradient of the
 * layer's input {@code dX = dZ * W}. W^T (inputs x units) is read in place from the parameter
 * vector (see {@link Layout}). The first layer's two products with the input X run on X's
 * nonzeros when {@link InputProducts} says so.
 */
final class LayerProducts {
    private final Gemm gemm;
    private final Layout layout;
    private final Architecture arch;
    private final InputProducts inputProducts;

    LayerProducts(Gemm gemm, Layout layout, Architecture arch, InputProducts inputProducts) {
        this.gemm = gemm;
        this.layout = layout;
        this.arch = arch;
        this.inputProducts = inputProducts;
    }

    /** Z_l (m x units) += in (m x inputs) * W_l^T (inputs x units). */
    void forward(int l, Vec params, Vec in, int m, Vec z, Workspace ws) {
        boolean sparse = l == 1 && sparseBatch(in, m, ws.inputIndex());
        if (l == 1) {
            ws.sparseInput = sparse;
        }
        forwardRows(l, params, in, 0, m, z, sparse ? ws.inputIndex() : null);
    }

    /**
     * Rows r0..r1 of Z_l += the same rows of in * W_l^T: on the nonzeros that {@code sparse}
     * indexes (first layer, see {@link #sparseRows}), or dense when it is null.
     */
    void forwardRows(int l, Vec params, Vec in, int r0, int r1, Vec z, SparseMatrix sparse) {
        forwardRows(l, params, in, r0, r1, z, r0, sparse, 1);
    }

    /**
     * {@link #forwardRows} into the rows of {@code z} from {@code zRow}: Z_l = in * W_l^T + beta Z_l
     * (beta 0: Z_l is not read).
     */
    void forwardRows(int l, Vec params, Vec in, int r0, int r1, Vec z, int zRow, SparseMatrix sparse, double beta) {
        int nin = arch.units(l - 1);
        int out = arch.units(l);
        MatrixView wT = MatrixView.of(params, layout.weights(l), nin, out);
        MatrixView zl = new MatrixView(z, zRow * out, r1 - r0, out, Math.max(1, out));
        if (sparse != null) {
            gemm.sparse(false, sparse, 1, wT, beta, zl);
        } else {
            gemm.gemm(1, new MatrixView(in, r0 * nin, r1 - r0, nin, Math.max(1, nin)), false, wT, false, beta, zl);
        }
    }

    /**
     * dW_l^T (inputs x units) = in^T * dZ_l (m x units), on the input's nonzeros when the forward
     * pass used them (each row of dW^T belongs to one input feature); db_l = 1^T dZ_l.
     */
    void weightGradient(int l, Vec in, Vec dz, int m, Vec grad, Workspace ws) {
        int nin = arch.units(l - 1);
        int out = arch.units(l);
        MatrixView dZ = MatrixView.of(dz, 0, m, out);
        MatrixView dWT = MatrixView.of(grad, layout.weights(l), nin, out);
        if (l == 1 && ws.sparseInput) {
            gemm.sparse(true, ws.inputIndex(), 1, dZ, 0, dWT);
        } else {
            gemm.gemm(1, MatrixView.of(in, 0, m, nin), true, dZ, false, 0, dWT);
        }
        // db = 1^T dZ: a 1 x m times m x units product (column sums).
        gemm.gemm(1, MatrixView.of(ws.ones, 0, 1, m), false, dZ, false, 0, MatrixView.of(grad, layout.theta(l), 1, out));
    }

    /** dA_{l-1} (m x inputs) = dZ_l (m x units) * W_l: W_l^T is stored, so by its transpose. */
    void inputGradient(int l, Vec params, Vec dzAbove, int m, Vec dA) {
        int nin = arch.units(l - 1);
        int out = arch.units(l);
        gemm.gemm(1, MatrixView.of(dzAbove, 0, m, out), false, MatrixView.of(params, layout.weights(l), nin, out), true,
                0, MatrixView.of(dA, 0, m, nin));
    }

    /**
     * Whether the first layer multiplies only the nonzeros of rows r0..r1 of its input {@code in}:
     * indexes them into {@code index} (kept for the product, and for the weight gradient) and
     * compares their density with the limit where the sparse products stop paying.
     */
    boolean sparseRows(Vec in, int r0, int r1, SparseMatrix index) {
        return indexed(in, r0, r1, index, false);
    }

    /**
     * {@link #sparseRows} for a training batch of m rows, whose forward product and weight
     * gradient both read the index: by pairs of pixels straight from the batch ({@link
     * SparseMatrix#indexPairs}).
     */
    boolean sparseBatch(Vec in, int m, SparseMatrix index) {
        return indexed(in, 0, m, index, true);
    }

    /**
     * {@link #sparsePairs} straight from the bytes that {@code fill} reads rows r0..r1 from ({@link
     * SparseMatrix#indexBytes}): 1 sparse (the rows need not be filled), 0 dense (they must be),
     * -1 not indexed (the products are dense, or the index cannot be built from the bytes).
     */
    int sparseBytes(ByteRows fill, int r0, int r1, SparseMatrix index) {
        if (inputProducts == InputProducts.DENSE || !SparseMatrix.nativeKernels()
                || !index.indexBytes(fill, r0, r1, arch.inputs())) {
            return -1;
        }
        return inputProducts == InputProducts.SPARSE || index.density() <= SparseMatrix.DENSITY_LIMIT ? 1 : 0;
    }

    /** {@link #sparseRows} indexing by pairs of pixels only, for inference's forward product of rows r0..r1. */
    boolean sparsePairs(Vec in, int r0, int r1, SparseMatrix index) {
        return indexed(in, r0, r1, index, true);
    }

    private boolean indexed(Vec in, int r0, int r1, SparseMatrix index, boolean pairs) {
        if (inputProducts == InputProducts.DENSE
                || inputProducts == InputProducts.AUTO && !SparseMatrix.nativeKernels()) {
            return false;
        }
        int nin = arch.inputs();
        MatrixView x = new MatrixView(in, r0 * nin, r1 - r0, nin, Math.max(1, nin));
        SparseMatrix s = pairs ? index.indexPairs(x) : index.index(x);
        return inputProducts == InputProducts.SPARSE || s.density() <= SparseMatrix.DENSITY_LIMIT;
    }
}
