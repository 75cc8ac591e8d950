package theta.io;

import java.util.Arrays;

import theta.InputException;

/**
 * The header of a .npy file: a Python dict literal such as
 * {@code {'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }}.
 *
 * <p>Parsed by a small recursive-descent reader that accepts any spacing, single or double quotes,
 * keys in any order, trailing commas, and Python 2 long suffixes ({@code (3L, 4L)}). The dict must
 * have exactly the three keys NumPy writes.
 */
record NpyHeader(Dtype dtype, boolean bigEndian, boolean fortranOrder, int[] shape) {
    static final String SUPPORTED = "f8, f4, i8, i4, i2, i1, u8, u4, u2, u1, b1";

    /** The dict literal NumPy writes for a little-endian C-order array of this shape. */
    static String format(String descr, int[] shape) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            s.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        s.append(shape.length == 1 ? ",)" : ")");
        return "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + s + ", }";
    }

    /** Parses {@code text}; faults are reported as "{@code where}: header ...". */
    static NpyHeader parse(String text, String where) {
        return new Parser(text, where).header();
    }

    private static final class Parser {
        private final String s;
        private final String where;
        private int pos;

        Parser(String s, String where) {
            this.s = s;
            this.where = where;
        }

        NpyHeader header() {
            String descr = null;
            Boolean fortran = null;
            int[] shape = null;
            expect('{');
            while (peek() != '}') {
                String key = string();
                expect(':');
                switch (key) {
                    case "descr" -> descr = descr();
                    case "fortran_order" -> fortran = bool();
                    case "shape" -> shape = shape();
                    default -> throw fault("unexpected key '" + key + "'");
                }
                if (peek() != ',') {
                    break;
                }
                pos++;
            }
            expect('}');
            if (peek() != 0) {
                throw fault("unexpected text after the dict at character " + pos);
            }
            if (descr == null || fortran == null || shape == null) {
                throw fault("missing " + (descr == null ? "'descr'" : fortran == null ? "'fortran_order'" : "'shape'"));
            }
            return dtype(descr, fortran, shape);
        }

        private NpyHeader dtype(String descr, boolean fortran, int[] shape) {
            char order = descr.isEmpty() ? '?' : descr.charAt(0);
            String code = "<>|=".indexOf(order) >= 0 ? descr.substring(1) : descr;
            Dtype t = Dtype.ofNpyCode(code);
            if (t == null) {
                throw new InputException(where + ": unsupported dtype '" + descr + "'" + reason(code)
                        + "; supported: " + SUPPORTED);
            }
            return new NpyHeader(t, order == '>', fortran, shape);
        }

        private static String reason(String code) {
            char kind = code.isEmpty() ? '?' : code.charAt(0);
            return switch (kind) {
                case 'O' -> " (object array: pickled Python objects)";
                case 'c' -> " (complex numbers)";
                case 'U', 'S', 'a' -> " (strings)";
                case 'M', 'm' -> " (dates or time spans)";
                case 'V' -> " (raw records)";
                case 'f' -> " (half or extended precision)";
                default -> "";
            };
        }

        private String descr() {
            if (peek() == '[') {
                throw new InputException(where + ": unsupported dtype: structured (record) arrays; supported: " + SUPPORTED);
            }
            return string();
        }

        private boolean bool() {
            if (s.startsWith("True", skip())) {
                pos += 4;
                return true;
            }
            if (s.startsWith("False", pos)) {
                pos += 5;
                return false;
            }
            throw fault("'fortran_order' must be True or False at character " + pos);
        }

        private int[] shape() {
            expect('(');
            int[] dims = new int[4];
            int rank = 0;
            while (peek() != ')') {
                if (rank == dims.length) {
                    dims = Arrays.copyOf(dims, 2 * rank);
                }
                dims[rank++] = dimension();
                if (peek() != ',') {
                    break;
                }
                pos++;
            }
            expect(')');
            return Arrays.copyOf(dims, rank);
        }

        private int dimension() {
            int start = skip();
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            String digits = s.substring(start, pos);
            if (pos < s.length() && (s.charAt(pos) == 'L' || s.charAt(pos) == 'l')) {
                pos++;
            }
            if (digits.isEmpty()) {
                throw fault("shape must be a tuple of non-negative integers (character " + start + ")");
            }
            if (digits.length() > 10 || Long.parseLong(digits) > Integer.MAX_VALUE) {
                throw new InputException(where + ": absurd shape: dimension " + digits + " exceeds " + Integer.MAX_VALUE);
            }
            return Integer.parseInt(digits);
        }

        private String string() {
            char q = peek();
            if (q != '\'' && q != '"') {
                throw fault("expected a quoted string at character " + pos);
            }
            int end = s.indexOf(q, ++pos);
            if (end < 0) {
                throw fault("unterminated string at character " + pos);
            }
            String v = s.substring(pos, end);
            pos = end + 1;
            return v;
        }

        private void expect(char c) {
            if (peek() != c) {
                throw fault("expected '" + c + "' at character " + pos);
            }
            pos++;
        }

        /** The next non-space character (0 at the end), leaving pos on it. */
        private char peek() {
            skip();
            return pos < s.length() ? s.charAt(pos) : 0;
        }

        private int skip() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
            return pos;
        }

        private InputException fault(String what) {
            return new InputException(where + ": bad .npy header: " + what);
        }
    }
}
