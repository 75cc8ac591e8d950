package theta.math;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * The pointer objects a thread passes to BLAS: three per precision, re-aimed at a vector's native
 * memory for each call. A training step makes a few hundred BLAS calls (most of them the
 * optimiser's blocked updates); with a new pointer object per argument that was some 30 KB of
 * garbage per step, enough to grow the young generation, and with it the resident set, by tens
 * of MB at batch 32.
 */
final class BlasArgs {
    private static final ThreadLocal<BlasArgs> MINE = ThreadLocal.withInitial(BlasArgs::new);

    private final FloatArg[] floats = {new FloatArg(), new FloatArg(), new FloatArg()};
    private final DoubleArg[] doubles = {new DoubleArg(), new DoubleArg(), new DoubleArg()};

    private BlasArgs() {}

    /** Argument {@code i} (0..2) of the current thread's next call, aimed at v[offset]. */
    static FloatPointer f(int i, Vec v, int offset) {
        return MINE.get().floats[i].aim(v.address(), v.length(), offset);
    }

    static DoublePointer d(int i, Vec v, int offset) {
        return MINE.get().doubles[i].aim(v.address(), v.length(), offset);
    }

    /** A FloatPointer that owns no memory; JavaCPP's natives read its address and position. */
    private static final class FloatArg extends FloatPointer {
        FloatArg() {
            super((Pointer) null);
        }

        FloatArg aim(long base, int length, int offset) {
            address = base;
            capacity = length;
            limit = length;
            position = offset;
            return this;
        }
    }

    private static final class DoubleArg extends DoublePointer {
        DoubleArg() {
            super((Pointer) null);
        }

        DoubleArg aim(long base, int length, int offset) {
            address = base;
            capacity = length;
            limit = length;
            position = offset;
            return this;
        }
    }
}
