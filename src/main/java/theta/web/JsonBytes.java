package theta.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer that JSON replies are written into directly, without a tree, boxing or
 * an intermediate String: a prediction's reply is 784 + 10 numbers, and formatting them through
 * Gson cost more than parsing the request and classifying it together. Reused by one thread.
 */
final class JsonBytes {
    private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12};
    private byte[] buf;
    private int size;

    JsonBytes(int capacity) {
        buf = new byte[capacity];
    }

    void clear() {
        size = 0;
    }

    int size() {
        return size;
    }

    /** A copy of the bytes written, exactly sized (the buffer itself is reused for the next reply). */
    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    /** Plain ASCII text with nothing to escape (names, punctuation). */
    JsonBytes ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[size++] = (byte) s.charAt(i);
        }
        return this;
    }

    JsonBytes raw(char c) {
        ensure(1);
        buf[size++] = (byte) c;
        return this;
    }

    JsonBytes integer(long v) {
        return ascii(Long.toString(v));
    }

    /** A finite double as Java writes it (Double.toString, valid JSON for finite values). */
    JsonBytes number(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("JSON has no " + v);
        }
        return ascii(Double.toString(v));
    }

    /**
     * A float in [0,1] (an image value) as the shortest plain decimal that reads back as the
     * same float; other values as {@link Float#toString}. See {@link #shortestUnit(float)}.
     */
    JsonBytes number(float v) {
        if (v == 0) {
            return ascii(Float.floatToRawIntBits(v) == 0 ? "0.0" : "-0.0");
        }
        if (v == 1) {
            return ascii("1.0");
        }
        long digits = v > 0.001f && v < 1 ? shortestUnit(v) : -1;
        if (digits < 0) {
            return ascii(Float.toString(v));
        }
        int places = (int) (digits & 0xff);
        long n = digits >>> 8;
        ensure(places + 2);
        buf[size++] = '0';
        buf[size++] = '.';
        for (int i = places - 1; i >= 0; i--) {
            buf[size + i] = (byte) ('0' + n % 10);
            n /= 10;
        }
        size += places;
        return this;
    }

    /**
     * For {@code 0.001 < v < 1}: the fewest decimal places p and the integer n such that the
     * decimal n / 10^p reads back (correctly rounded) as v, packed as {@code n << 8 | p}; -1 when
     * this cannot tell for sure, and the caller falls back to Float.toString.
     *
     * <p>A decimal reads back as v when it lies inside v's rounding interval, v -/+ half the gap
     * to its neighbours (held exactly in a double: a float has 24 significant bits). n / 10^p is
     * computed in double, within half a double ulp of the exact quotient, so it is accepted only
     * when it is more than a double ulp inside the interval; the rare candidates closer to an
     * edge than that fall back.
     */
    static long shortestUnit(float v) {
        double up = Math.nextUp(v);
        double down = Math.nextDown(v);
        double hi = (v + up) / 2;
        double lo = (v + down) / 2;
        for (int p = 1; p < POW10.length; p++) {
            long n = Math.round(v * POW10[p]);
            double x = n / POW10[p];
            double margin = Math.ulp(x);
            if (x - lo > margin && hi - x > margin) {
                while (n % 10 == 0 && p > 1) { // cannot happen for the fewest places; kept for safety
                    n /= 10;
                    p--;
                }
                return n << 8 | p;
            }
        }
        return -1;
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }

    @Override
    public String toString() {
        return new String(buf, 0, size, StandardCharsets.UTF_8);
    }
}
