package theta.nn;

/**
 * How the first layer multiplies its input, forward ({@code X * W1^T}) and for the weight
 * gradient ({@code dZ1^T * X}).
 */
public enum InputProducts {
    /**
     * On the input's nonzeros when the native sparse kernels are loaded and the batch's measured
     * density is at most {@link theta.math.SparseMatrix#DENSITY_LIMIT}; dense otherwise.
     */
    AUTO,
    /** Always dense (BLAS) products. */
    DENSE,
    /** Always on the nonzeros (plain loops where the native kernels are missing). */
    SPARSE
}
