package io.pgsight.imaging.decode;

/**
 * A view of a decoder's interleaved 8-bit raster in libgd's pixel model, read in place (no copy,
 * so a large image costs its decoded bytes once). Grey images use one offset for R, G and B.
 */
final class ByteRasterImage implements GdImage {
    private final int width;
    private final int height;
    private final byte[] data;
    private final int base;
    private final int scan;
    private final int stride;
    private final int r;
    private final int g;
    private final int b;
    /** Offset of the alpha sample, or -1 for opaque images. */
    private final int a;

    ByteRasterImage(int width, int height, byte[] data, int base, int scan, int stride, int r, int g, int b, int a) {
        this.width = width;
        this.height = height;
        this.data = data;
        this.base = base;
        this.scan = scan;
        this.stride = stride;
        this.r = r;
        this.g = g;
        this.b = b;
        this.a = a;
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
        return a < 0;
    }

    @Override
    public void row(int y, int[] out, int len) {
        if (y >= height || len > width) {
            GdImage.super.row(y, out, len);
            return;
        }
        int p = base + y * scan;
        for (int x = 0; x < len; x++, p += stride) {
            int alpha = a < 0 ? 0 : 127 - ((data[p + a] & 0xff) >> 1);
            out[x] = GdImage.argb(data[p + r] & 0xff, data[p + g] & 0xff, data[p + b] & 0xff, alpha);
        }
    }

    @Override
    public void gatherRgb(int y, int[] columns, float[] rOut, float[] gOut, float[] bOut) {
        int rowBase = base + y * scan;
        for (int i = 0; i < columns.length; i++) {
            int p = rowBase + columns[i] * stride;
            rOut[i] = (float) (data[p + r] & 0xff);
            gOut[i] = (float) (data[p + g] & 0xff);
            bOut[i] = (float) (data[p + b] & 0xff);
        }
    }

    @Override
    public int pixel(int x, int y) {
        if (x >= width || y >= height) {
            return 0;
        }
        int p = base + y * scan + x * stride;
        int alpha = a < 0 ? 0 : 127 - ((data[p + a] & 0xff) >> 1);
        return GdImage.argb(data[p + r] & 0xff, data[p + g] & 0xff, data[p + b] & 0xff, alpha);
    }
}
