package theta.data;

/**
 * An image as text: one line per pixel row, two characters per pixel (terminal cells are about
 * twice as tall as wide), darker characters for brighter pixels.
 */
public final class TextArt {
    /** From blank to full intensity. */
    static final String RAMP = " .:-=+*#%@";

    private TextArt() {}

    /**
     * Example i of d drawn with {@link #RAMP}. Byte pixels are already in [0,1]; float pixels
     * are stretched from the example's own minimum to its maximum.
     */
    public static String render(Dataset d, int i) {
        float[] v = new float[d.features()];
        d.copyRow(i, v, 0);
        float lo = 0;
        float hi = 1;
        if (!d.isBytes()) {
            lo = Float.POSITIVE_INFINITY;
            hi = Float.NEGATIVE_INFINITY;
            for (float x : v) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        float range = hi > lo ? hi - lo : 1;
        int levels = RAMP.length();
        StringBuilder s = new StringBuilder();
        for (int r = 0; r < d.rows(); r++) {
            for (int c = 0; c < d.cols(); c++) {
                int level = (int) ((v[r * d.cols() + c] - lo) / range * levels);
                char ch = RAMP.charAt(Math.max(0, Math.min(levels - 1, level)));
                s.append(ch).append(ch);
            }
            s.append('\n');
        }
        return s.toString();
    }
}
