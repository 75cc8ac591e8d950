package theta.math;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;

/** One CSR matrix in native buffers: row starts, column numbers, values (width per entry). */
final class Csr {
    private final Precision precision;
    private final int width;
    private IntBuffer ptr = ints(1);
    private IntBuffer idx = ints(0);
    private Vec val;
    private long ptrAddress;
    private long idxAddress;

    Csr(Precision precision, int width) {
        this.precision = precision;
        this.width = width;
        val = precision.zeros(width); // width times as long as idx (one entry at least)
        ptrAddress = Vec.addressOf(ptr);
        idxAddress = Vec.addressOf(idx);
    }

    static IntBuffer ints(int n) {
        return ByteBuffer.allocateDirect(Math.multiplyExact(Math.max(n, 1), Integer.BYTES))
                .order(ByteOrder.nativeOrder()).asIntBuffer();
    }

    void ensureRows(int rows) {
        if (ptr.capacity() < rows + 1) {
            ptr = ints(rows + 1);
            ptrAddress = Vec.addressOf(ptr);
        }
    }

    void ensureCapacity(int n) {
        if (idx.capacity() < n) {
            int grown = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(n, (long) idx.capacity() * 5 / 4));
            // Both grow together: the native index writes up to capacity() entries into each.
            idx = ints(grown);
            idxAddress = Vec.addressOf(idx);
            val = precision.zeros(Math.multiplyExact(grown, width));
        }
    }

    int capacity() {
        return idx.capacity();
    }

    long ptrAddress() {
        return ptrAddress;
    }

    long idxAddress() {
        return idxAddress;
    }

    long valAddress() {
        return val.address();
    }

    int start(int r) {
        return ptr.get(r);
    }

    int index(int q) {
        return idx.get(q);
    }

    double value(int q) {
        return val.get(q);
    }

    /** The plain-Java index of a dense matrix (where the native kernels are missing). */
    int fill(MatrixView a) {
        int n = 0;
        for (int r = 0; r < a.rows(); r++) {
            for (int k = 0; k < a.cols(); k++) {
                n += a.vec().get(a.offset() + r * a.ld() + k) != 0 ? 1 : 0;
            }
        }
        ensureCapacity(n);
        int q = 0;
        ptr.put(0, 0);
        for (int r = 0; r < a.rows(); r++) {
            for (int k = 0; k < a.cols(); k++) {
                double v = a.vec().get(a.offset() + r * a.ld() + k);
                if (v != 0) { // NaN too
                    idx.put(q, k);
                    val.set(q++, v);
                }
            }
            ptr.put(r + 1, q);
        }
        return q;
    }

    /** This = the transpose of a rows x cols CSR matrix (a counting sort by column). */
    void transposeOf(Csr s, int rows, int cols) {
        int[] next = new int[cols + 1];
        int nnz = s.start(rows);
        for (int q = 0; q < nnz; q++) {
            next[s.index(q) + 1]++;
        }
        for (int k = 0; k < cols; k++) {
            next[k + 1] += next[k];
        }
        for (int k = 0; k <= cols; k++) {
            ptr.put(k, next[k]);
        }
        for (int r = 0; r < rows; r++) {
            for (int q = s.start(r); q < s.start(r + 1); q++) {
                int dst = next[s.index(q)]++;
                idx.put(dst, r);
                val.set(dst, s.value(q));
            }
        }
    }
}
