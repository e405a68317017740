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
    private final boolean opaque;

    public PaletteImage(int width, int height, byte[] indices, int[] colors) {
        if (indices.length != width * height || colors.length != 256) {
            throw new IllegalArgumentException("bad palette image " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.indices = indices;
        this.colors = colors;
        boolean o = true;
        for (int c : colors) {
            if ((c & 0x7f000000) != 0) {
                o = false;
                break;
            }
        }
        this.opaque = o;
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
    public boolean opaque() {
        return opaque;
    }

    @Override
    public void row(int y, int[] out, int len) {
        if (y >= height || len > width) {
            GdImage.super.row(y, out, len);
            return;
        }
        int o = y * width;
        for (int x = 0; x < len; x++) {
            out[x] = colors[indices[o + x] & 0xff];
        }
    }

    @Override
    public int pixel(int x, int y) {
        if (x >= width || y >= height) {
            return colors[0]; // gdImageGetPixel answers 0 out of bounds (only for 0-sized frames)
        }
        return colors[indices[y * width + x] & 0xff];
    }
}
