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

    /** gdTrueColorAlpha. */
    static int argb(int r, int g, int b, int a) {
        return (a << 24) + (r << 16) + (g << 8) + b;
    }
}
