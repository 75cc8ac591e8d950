package theta.io;

import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Sparse;

import theta.InputException;

/** Conversions between MFL's column-major arrays and {@link NdArray}s, for {@link MatFile}. */
final class MatArrays {
    private MatArrays() {}

    /** Why a MAT variable of this type cannot be an NdArray, as one line naming it; null when it can. */
    static String unreadable(String where, String name, MatlabType type, boolean complex) {
        String what = where + ": variable '" + name + "'";
        if (type == MatlabType.Sparse) {
            return what + " is sparse; theta reads full matrices (in Octave: " + name + " = full(" + name
                    + "), then save again)";
        }
        if (dtype(type) == null) {
            return what + " is " + kind(type) + "; theta reads numeric and logical matrices";
        }
        if (complex) {
            return what + " is complex; theta reads real matrices";
        }
        return null;
    }

    /** A numeric or logical, real, full MAT variable (see {@link #unreadable}) as a row-major NdArray. */
    static NdArray toNdArray(String where, String name, Array a) {
        String what = where + ": variable '" + name + "'";
        if (!(a instanceof Matrix m) || a instanceof Sparse || dtype(a.getType()) == null || m.isComplex()) {
            throw new InputException(what + " is not a real numeric matrix");
        }
        Dtype dtype = m.isLogical() ? Dtype.BOOL : dtype(a.getType());
        int[] shape = a.getDimensions();
        long n = NdArray.elementCount(shape);
        if (n < 0 || n > Integer.MAX_VALUE - 8) {
            throw new InputException(what + " has " + NdArray.shapeString(shape) + " elements, too many for theta");
        }
        double[] colMajor = new double[(int) n];
        for (int k = 0; k < colMajor.length; k++) {
            colMajor[k] = m.getDouble(k);
        }
        return NdArray.wrap(name, shape, Layout.fortranToC(colMajor, shape), dtype);
    }

    /** A double matrix with the array's values: a 1-D array becomes a column, a scalar 1x1. */
    static Matrix toMatrix(NdArray a) {
        int[] dims = switch (a.rank()) {
            case 0 -> new int[] {1, 1};
            case 1 -> new int[] {a.size(), 1};
            default -> a.shape();
        };
        Matrix m = Mat5.newMatrix(dims);
        double[] values = a.toColumnMajor();
        for (int k = 0; k < values.length; k++) {
            m.setDouble(k, values[k]);
        }
        return m;
    }

    private static Dtype dtype(MatlabType type) {
        return switch (type) {
            case Double -> Dtype.F64;
            case Single -> Dtype.F32;
            case Int8 -> Dtype.I8;
            case UInt8 -> Dtype.U8;
            case Int16 -> Dtype.I16;
            case UInt16 -> Dtype.U16;
            case Int32 -> Dtype.I32;
            case UInt32 -> Dtype.U32;
            case Int64 -> Dtype.I64;
            case UInt64 -> Dtype.U64;
            default -> null;
        };
    }

    private static String kind(MatlabType type) {
        return switch (type) {
            case Cell -> "a cell array";
            case Structure -> "a struct";
            case Object -> "an object";
            case Character -> "a char array (text)";
            case Function -> "a function handle";
            default -> "of class " + type;
        };
    }
}
