package io.pgsight.imaging.decode;

import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;

/** Raster samples to gd pixels, one row at a time, any sample model and depth. */
final class RasterPixels {
    private RasterPixels() {
    }

    /** Scales a sample of {@code bits} bits to 8 bits the way libgd's loaders see it. */
    static int to8(int sample, int bits) {
        if (bits == 8) {
            return sample;
        }
        if (bits == 16) {
            return sample >> 8; // png_set_strip_16: the high byte
        }
        if (bits < 8) {
            return 255 * sample / ((1 << bits) - 1);
        }
        return sample >> (bits - 8);
    }

    /** An opaque truecolor image from band 0..2 as R, G, B, or band 0 replicated when there is one band. */
    static GdImage opaqueRgbOrGray(Raster raster) {
        return truecolor(raster, raster.getNumBands() >= 3 ? 3 : 1, false);
    }

    /**
     * Truecolor from {@code colorBands} colour bands (1 = grey, 3 = RGB) followed, when
     * {@code withAlpha}, by an alpha band mapped to gd's {@code 127 - (a8 >> 1)}.
     */
    static GdImage truecolor(Raster raster, int colorBands, boolean withAlpha) {
        GdImage direct = interleavedBytes(raster, colorBands, withAlpha);
        if (direct != null) {
            return direct;
        }
        int w = raster.getWidth();
        int h = raster.getHeight();
        int x0 = raster.getMinX();
        int y0 = raster.getMinY();
        int bandCount = colorBands + (withAlpha ? 1 : 0);
        int[][] rows = new int[bandCount][w];
        int[] bits = new int[bandCount];
        for (int b = 0; b < bandCount; b++) {
            bits[b] = raster.getSampleModel().getSampleSize(b);
        }
        int[] pixels = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int b = 0; b < bandCount; b++) {
                raster.getSamples(x0, y0 + y, w, 1, b, rows[b]);
            }
            for (int x = 0; x < w; x++) {
                int r = to8(rows[0][x], bits[0]);
                int g = colorBands == 3 ? to8(rows[1][x], bits[1]) : r;
                int bl = colorBands == 3 ? to8(rows[2][x], bits[2]) : r;
                int a = withAlpha ? 127 - (to8(rows[colorBands][x], bits[colorBands]) >> 1) : 0;
                pixels[y * w + x] = GdImage.argb(r, g, bl, a);
            }
        }
        return new TrueColorImage(w, h, pixels);
    }

    /**
     * The common case (8-bit samples interleaved in one byte array, as the JPEG and PNG readers
     * produce) as a view of that array; null for any other layout.
     */
    private static GdImage interleavedBytes(Raster raster, int colorBands, boolean withAlpha) {
        if (!(raster.getSampleModel() instanceof ComponentSampleModel sm)
                || !(raster.getDataBuffer() instanceof DataBufferByte db)) {
            return null;
        }
        int bandCount = colorBands + (withAlpha ? 1 : 0);
        int[] banks = sm.getBankIndices();
        for (int b = 1; b < bandCount; b++) {
            if (banks[b] != banks[0]) {
                return null;
            }
        }
        byte[] data = db.getData(banks[0]);
        int[] off = sm.getBandOffsets();
        int stride = sm.getPixelStride();
        int scan = sm.getScanlineStride();
        int w = raster.getWidth();
        int h = raster.getHeight();
        int base = db.getOffsets()[banks[0]]
                + (raster.getMinY() - raster.getSampleModelTranslateY()) * scan
                + (raster.getMinX() - raster.getSampleModelTranslateX()) * stride;
        int r0 = off[0];
        int g0 = colorBands == 3 ? off[1] : off[0];
        int b0 = colorBands == 3 ? off[2] : off[0];
        int a0 = withAlpha ? off[colorBands] : -1;
        return new ByteRasterImage(w, h, data, base, scan, stride, r0, g0, b0, a0);
    }

    /** Palette indices from band 0 (any bit depth up to 8; wider samples use {@code indexOf}). */
    static byte[] indices(Raster raster, java.util.function.IntUnaryOperator indexOf) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        int x0 = raster.getMinX();
        int y0 = raster.getMinY();
        int[] row = new int[w];
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            raster.getSamples(x0, y0 + y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                out[y * w + x] = (byte) indexOf.applyAsInt(row[x]);
            }
        }
        return out;
    }
}
