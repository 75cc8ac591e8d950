package theta.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each parameter lives in the flat vector. Layer l's matrix Theta_l is units(l) x
 * (units(l-1) + 1), bias in column 0, stored column-major (Octave's {@code Theta(:)}), and the
 * matrices follow each other: {@code [Theta1(:); Theta2(:); ...]}, exactly the classic
 * {@code nn_params}. Learnable activation parameters (PReLU's slope) come last, per hidden layer.
 *
 * <p>Column-major Theta_l (out x (in+1)) is, read row-major, the (in+1) x out matrix
 * {@code [b; W^T]}: row 0 is the bias and rows 1..in are W transposed. So a batch X (m x in,
 * row-major) times {@code W^T} is one plain row-major product on the block at
 * {@link #weights(int)} with leading dimension out, and nothing is ever transposed in memory.
 */
public final class Layout {
    private final Architecture arch;
    private final int[] thetaOffset;
    private final int[] actOffset;
    private final int actCount;
    private final int size;

    public Layout(Architecture arch, int learnablePerHiddenLayer) {
        this.arch = arch;
        int layers = arch.layers();
        thetaOffset = new int[layers + 1];
        long off = 0;
        for (int l = 1; l <= layers; l++) {
            thetaOffset[l] = Math.toIntExact(off);
            off += (long) arch.units(l) * (arch.units(l - 1) + 1);
        }
        actOffset = new int[layers];
        actCount = learnablePerHiddenLayer;
        for (int l = 1; l < layers; l++) {
            actOffset[l] = Math.toIntExact(off);
            off += learnablePerHiddenLayer;
        }
        if (off > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("network " + arch + " has too many parameters (" + off + ")");
        }
        size = (int) off;
    }

    public Architecture architecture() {
        return arch;
    }

    /** Total number of parameters. */
    public int size() {
        return size;
    }

    /** Offset of Theta_l, which is also the offset of its bias column (length units(l)). */
    public int theta(int l) {
        return thetaOffset[l];
    }

    /** Offset of Theta_l's weights: the row-major units(l-1) x units(l) matrix W_l^T. */
    public int weights(int l) {
        return thetaOffset[l] + arch.units(l);
    }

    /** Number of entries of Theta_l. */
    public int thetaLength(int l) {
        return arch.units(l) * (arch.units(l - 1) + 1);
    }

    /** Offset of hidden layer l's learnable activation parameters. */
    public int activation(int l) {
        return actOffset[l];
    }

    public int activationCount() {
        return actCount;
    }

    /** Index of Theta_l(row, col) in the flat vector, 0-based, col 0 = bias. */
    public int index(int l, int row, int col) {
        return thetaOffset[l] + col * arch.units(l) + row;
    }

    /** The named blocks, in order: per layer its bias and its weights, then activation parameters. */
    public List<Block> blocks() {
        List<Block> b = new ArrayList<>();
        for (int l = 1; l <= arch.layers(); l++) {
            int out = arch.units(l);
            b.add(new Block("Theta" + l + " bias", theta(l), out, false));
            b.add(new Block("Theta" + l + " weights", weights(l), thetaLength(l) - out, true));
        }
        if (actCount > 0) {
            for (int l = 1; l < arch.layers(); l++) {
                b.add(new Block("activation " + l, actOffset[l], actCount, false));
            }
        }
        return b;
    }
}
