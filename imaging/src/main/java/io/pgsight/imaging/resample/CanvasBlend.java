package io.pgsight.imaging.resample;

/**
 * {@code gdImageSetPixel} with alpha blending onto imgsmlr's fresh canvas (opaque black):
 * gdAlphaBlend specialised to a black, opaque destination, in libgd's integer arithmetic.
 */
final class CanvasBlend {
    private CanvasBlend() {
    }

    /** The resulting opaque pixel as 0xRRGGBB. */
    static int overBlack(int r, int g, int b, int a) {
        if (a == 0) {
            return (r << 16) | (g << 8) | b;
        }
        if (a == 127) {
            return 0;
        }
        int keep = 127 - a;
        return ((r * keep / 127) << 16) | ((g * keep / 127) << 8) | (b * keep / 127);
    }
}
