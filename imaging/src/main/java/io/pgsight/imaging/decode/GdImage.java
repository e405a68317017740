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

    /** True when every pixel (including what out-of-bounds reads answer) has alpha 0. */
    default boolean opaque() {
        return false;
    }

    /** gdTrueColorAlpha. */
    static int argb(int r, int g, int b, int a) {
        return (a << 24) + (r << 16) + (g << 8) + b;
    }
}
