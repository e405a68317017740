package io.pgsight.imaging.decode;

/**
 * A decoded image in libgd's pixel model, as {@code gdImageGetTrueColorPixel} sees it: ints
 * {@code (a << 24) | (r << 16) | (g << 8) | b} with a 7-bit alpha, 0 = opaque, 127 = transparent.
 */
public interface GdImage {
    int width();

    int height();

    /** The pixel at column {@code x}, row {@code y} (both in range). */
    int pixel(int x, int y);

    /**
     * Pixels {@code 0 .. len-1} of row {@code y} into {@code out}; positions outside the image
     * read as {@link #pixel} answers them (libgd's out-of-bounds value).
     */
    default void row(int y, int[] out, int len) {
        for (int x = 0; x < len; x++) {
            out[x] = pixel(x, y);
        }
    }

    /**
     * The red, green and blue samples of the pixels at {@code columns} of row {@code y} (all in
     * range), as floats; for the resampler's opaque path, which ignores alpha.
     */
    default void gatherRgb(int y, int[] columns, float[] r, float[] g, float[] b) {
        for (int i = 0; i < columns.length; i++) {
            int p = pixel(columns[i], y);
            r[i] = (float) ((p >> 16) & 0xff);
            g[i] = (float) ((p >> 8) & 0xff);
            b[i] = (float) (p & 0xff);
        }
    }

    /** True when every pixel (including what out-of-bounds reads answer) has alpha 0. */
    default boolean opaque() {
        return false;
    }

    /** gdTrueColorAlpha. */
    static int argb(int r, int g, int b, int a) {
        return (a << 24) + (r << 16) + (g << 8) + b;
    }
}
