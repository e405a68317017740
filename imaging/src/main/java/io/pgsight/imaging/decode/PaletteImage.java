package io.pgsight.imaging.decode;

/**
 * A libgd palette image: one index byte per pixel and up to 256 gd colours (alpha already set from
 * tRNS or the transparent index, as gdImageGetTrueColorPixel would return them).
 */
public final class PaletteImage implements GdImage {
    private final int width;
    private final int height;
    private final byte[] indices;
    private final int[] colors;

    public PaletteImage(int width, int height, byte[] indices, int[] colors) {
        if (indices.length != width * height || colors.length != 256) {
            throw new IllegalArgumentException("bad palette image " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.indices = indices;
        this.colors = colors;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public int pixel(int x, int y) {
        if (x >= width || y >= height) {
            return colors[0]; // gdImageGetPixel answers 0 out of bounds (only for 0-sized frames)
        }
        return colors[indices[y * width + x] & 0xff];
    }
}
