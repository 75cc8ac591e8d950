package theta.nn;

import theta.math.Precision;
import theta.math.SparseMatrix;
import theta.math.Vec;

/**
 * The buffers of one forward/backward pass for batches of up to {@code capacity} examples,
 * allocated once and reused for every batch. Not shared between threads.
 */
public final class Workspace {
    final Precision precision;
    final int capacity;
    /** The batch, m x inputs, row-major: the caller fills it (see {@link #input()}). */
    final Vec input;
    /** Inputs after dropout (allocated when input dropout is used). */
    Vec inputDropped;
    /** Pre-activations Z_l, m x units(l), for l = 1..layers. */
    final Vec[] z;
    /** Hidden activations A_l = g(Z_l), for l = 1..layers-1. */
    final Vec[] a;
    /** Hidden activations after dropout (allocated when hidden dropout is used). */
    final Vec[] dropped;
    /** Dropout masks (0 or 1/keep) of the inputs (index 0) and hidden layers, allocated when used. */
    final Vec[] mask;
    /** dCost/dZ_l, m x units(l); allocated by the first backward pass (see {@link #dz()}). */
    private Vec[] dz;
    private final Architecture arch;
    /** capacity ones: 1^T dZ gives the bias gradient as one product. */
    final Vec ones;
    /** The nonzeros of the first layer's input (allocated on first use), see {@link InputProducts}. */
    private SparseMatrix inputIndex;
    /** Whether the last forward pass multiplied only the input's nonzeros (the backward pass does too). */
    boolean sparseInput;
    /** One index per part of an inference pass (see {@link BlockForward}), grown on first use. */
    private SparseMatrix[] partIndexes = new SparseMatrix[0];
    /** Whether each part of the last inference pass multiplied its nonzeros only. */
    boolean[] partSparse = new boolean[0];

    public Workspace(Architecture arch, int capacity, Precision precision) {
        if (capacity < 1) {
            throw new IllegalArgumentException("batch capacity must be >= 1, got " + capacity);
        }
        this.precision = precision;
        this.capacity = capacity;
        int layers = arch.layers();
        input = precision.zeros(Math.multiplyExact(capacity, arch.inputs()));
        z = new Vec[layers + 1];
        a = new Vec[layers];
        dropped = new Vec[layers];
        this.arch = arch;
        mask = new Vec[layers];
        for (int l = 1; l <= layers; l++) {
            int size = Math.multiplyExact(capacity, arch.units(l));
            z[l] = precision.zeros(size);
            if (l < layers) {
                a[l] = precision.zeros(size);
            }
        }
        ones = precision.zeros(capacity);
        ones.fill(1);
    }

    /**
     * dCost/dZ_l for l = 1..layers, allocated on first use: a workspace that only classifies
     * (evaluation, serving, inference at batch 10,000) never holds gradients.
     */
    Vec[] dz() {
        if (dz == null) {
            Vec[] d = new Vec[arch.layers() + 1];
            for (int l = 1; l <= arch.layers(); l++) {
                d[l] = precision.zeros(Math.multiplyExact(capacity, arch.units(l)));
            }
            dz = d;
        }
        return dz;
    }

    SparseMatrix inputIndex() {
        if (inputIndex == null) {
            inputIndex = new SparseMatrix(precision);
        }
        return inputIndex;
    }

    /** The indexes of the first {@code parts} parts of an inference pass. */
    SparseMatrix[] partIndexes(int parts) {
        if (partIndexes.length < parts) {
            SparseMatrix[] p = java.util.Arrays.copyOf(partIndexes, parts);
            for (int i = partIndexes.length; i < parts; i++) {
                p[i] = new SparseMatrix(precision);
            }
            partIndexes = p;
            partSparse = new boolean[parts];
        }
        return partIndexes;
    }

    /** Whether the last forward pass multiplied only the nonzeros of the input. */
    public boolean sparseInput() {
        return sparseInput;
    }

    /** The input buffer, capacity x inputs, row-major: example i's features start at i * inputs. */
    public Vec input() {
        return input;
    }

    public int capacity() {
        return capacity;
    }

    public Precision precision() {
        return precision;
    }

    /** The logits of the last forward pass, m x outputs, row-major. */
    public Vec logits() {
        return z[z.length - 1];
    }

    /**
     * Pre-activations of layer l (1-based) of the last forward pass or cost ({@link
     * Network#classify} keeps only the logits).
     */
    public Vec preActivations(int l) {
        return z[l];
    }
}
