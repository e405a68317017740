package io.pgsight.imaging.decode;

/** A libgd truecolor image: one packed gd pixel per int, row-major. */
public final class TrueColorImage implements GdImage {
    private final int width;
    private final int height;
    private final int[] pixels;
    private final boolean opaque;

    public TrueColorImage(int width, int height, int[] pixels) {
        if (pixels.length != width * height) {
            throw new IllegalArgumentException("pixel count does not match " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.pixels = pixels;
        boolean o = true;
        for (int p : pixels) {
            if ((p & 0x7f000000) != 0) {
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
        System.arraycopy(pixels, y * width, out, 0, len);
    }

    @Override
    public void gatherRgb(int y, int[] columns, float[] r, float[] g, float[] b) {
        int rowBase = y * width;
        for (int i = 0; i < columns.length; i++) {
            int p = pixels[rowBase + columns[i]];
            r[i] = (float) ((p >> 16) & 0xff);
            g[i] = (float) ((p >> 8) & 0xff);
            b[i] = (float) (p & 0xff);
        }
    }

    @Override
    public int pixel(int x, int y) {
        if (x >= width || y >= height) {
            return 0; // gdImageGetPixel answers 0 out of bounds (only for 0-sized images)
        }
        return pixels[y * width + x];
    }
}
