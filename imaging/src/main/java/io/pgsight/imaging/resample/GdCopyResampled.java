package io.pgsight.imaging.resample;

import io.pgsight.imaging.decode.GdImage;

/**
 * {@code gdImageCopyResampled(tb, im, 0,0, 0,0, 64,64, W,H)} onto a fresh 64x64 truecolor canvas
 * (opaque black, alpha blending on), bit-exact for each libgd generation. The area-weighted box
 * filter visits source pixels per destination pixel in libgd's order; float operations are kept in
 * C's order and precision.
 */
public final class GdCopyResampled {
    public static final int SIDE = 64;

    private GdCopyResampled() {
    }

    /** The thumbnail as opaque 0xRRGGBB ints, indexed {@code y * 64 + x}. */
    public static int[] thumbnail(GdImage src, Resampler variant) {
        return variant == Resampler.GD_2_1 ? doubleVariant(src) : floatVariant(src, variant == Resampler.GD_2_3_3);
    }

    /** libgd 2.2.3+ (round = false: truncate; round = true: 2.3.3's +0.5). */
    private static int[] floatVariant(GdImage src, boolean round) {
        if (src.opaque() && src.width() > 0 && src.height() > 0) {
            return OpaqueBoxFilter.thumbnail(src, round);
        }
        return floatVariantGeneric(src, round);
    }

    /** The float variants tap by tap, any alpha; package-visible so tests can hold the fast path to it. */
    static int[] floatVariantGeneric(GdImage src, boolean round) {
        int[] out = new int[SIDE * SIDE];
        BoxSpans xs = BoxSpans.of(src.width(), SIDE);
        BoxSpans ys = BoxSpans.of(src.height(), SIDE);
        // the source rows under one destination row, fetched once (a virtual call per row, not per tap)
        int rowLength = Math.max(src.width(), 1);
        int maxRows = 0;
        for (int y = 0; y < SIDE; y++) {
            maxRows = Math.max(maxRows, ys.end[y] - ys.start[y]);
        }
        int[][] rows = new int[maxRows][rowLength];
        boolean opaque = src.opaque();
        for (int y = 0; y < SIDE; y++) {
            int first = ys.start[y];
            int count = ys.end[y] - first;
            for (int k = 0; k < count; k++) {
                src.row(ys.index[first + k], rows[k], rowLength);
            }
            for (int x = 0; x < SIDE; x++) {
                float spixels = 0;
                float red = 0;
                float green = 0;
                float blue = 0;
                float alpha = 0;
                float alphaSum = 0;
                float contribSum = 0;
                for (int k = 0; k < count; k++) {
                    float yportion = ys.portion[first + k];
                    int[] row = rows[k];
                    int ixEnd = xs.end[x];
                    if (opaque) {
                        // a == 0: af = 127 * pc and alpha only ever adds +0.0, so skipping it changes nothing
                        for (int ix = xs.start[x]; ix < ixEnd; ix++) {
                            float pc = xs.portion[ix] * yportion;
                            int p = row[xs.index[ix]];
                            float af = 127f * pc;
                            red += (float) ((p >> 16) & 0xff) * af;
                            green += (float) ((p >> 8) & 0xff) * af;
                            blue += (float) (p & 0xff) * af;
                            alphaSum += af;
                            contribSum += pc;
                            spixels += pc;
                        }
                        continue;
                    }
                    for (int ix = xs.start[x]; ix < ixEnd; ix++) {
                        float xportion = xs.portion[ix];
                        float pc = xportion * yportion;
                        int p = row[xs.index[ix]];
                        int a = (p >>> 24) & 0x7f;
                        float af = (float) (127 - a) * pc;
                        red += (float) ((p >> 16) & 0xff) * af;
                        green += (float) ((p >> 8) & 0xff) * af;
                        blue += (float) (p & 0xff) * af;
                        alpha += (float) a * pc;
                        alphaSum += af;
                        contribSum += pc;
                        spixels += pc;
                    }
                }
                if (spixels != 0) {
                    red /= spixels;
                    green /= spixels;
                    blue /= spixels;
                    alpha /= spixels;
                }
                if (alphaSum != 0) {
                    if (contribSum != 0) {
                        alphaSum /= contribSum;
                    }
                    red /= alphaSum;
                    green /= alphaSum;
                    blue /= alphaSum;
                }
                out[y * SIDE + x] = finish(red, green, blue, alpha, round);
            }
        }
        return out;
    }

    /** libgd's final conversion of one destination pixel's averages, then the blend onto the black canvas. */
    static int finish(float red, float green, float blue, float alpha, boolean round) {
        if (round) {
            red = red >= 255.5f ? 255 : (float) ((double) red + 0.5);
            green = green >= 255.5f ? 255 : (float) ((double) green + 0.5);
            blue = blue >= 255.5f ? 255 : (float) ((double) blue + 0.5);
            alpha = alpha >= 127.5f ? 127 : (float) ((double) alpha + 0.5);
        } else {
            red = red > 255 ? 255 : red;
            green = green > 255 ? 255 : green;
            blue = blue > 255 ? 255 : blue;
            alpha = alpha > 127 ? 127 : alpha;
        }
        return CanvasBlend.overBlack((int) red, (int) green, (int) blue, (int) alpha);
    }

    /** libgd up to 2.2.2: double sums, colour not alpha-weighted, alpha rounded. */
    private static int[] doubleVariant(GdImage src) {
        int[] out = new int[SIDE * SIDE];
        double w = src.width();
        double h = src.height();
        for (int y = 0; y < SIDE; y++) {
            double sy1 = (double) y * h / 64.0;
            double sy2 = (double) (y + 1) * h / 64.0;
            for (int x = 0; x < SIDE; x++) {
                double sx1 = (double) x * w / 64.0;
                double sx2 = (double) (x + 1) * w / 64.0;
                double spixels = 0;
                double red = 0;
                double green = 0;
                double blue = 0;
                double alpha = 0;
                double sy = sy1;
                do {
                    double yportion;
                    if ((long) sy == (long) sy1) {
                        yportion = 1.0 - (sy - (long) sy);
                        if (yportion > sy2 - sy1) {
                            yportion = sy2 - sy1;
                        }
                        sy = (long) sy;
                    } else if (sy == (long) sy2) {
                        yportion = sy2 - (long) sy2;
                    } else {
                        yportion = 1.0;
                    }
                    double sx = sx1;
                    do {
                        double xportion;
                        if ((long) sx == (long) sx1) {
                            xportion = 1.0 - (sx - (long) sx);
                            if (xportion > sx2 - sx1) {
                                xportion = sx2 - sx1;
                            }
                            sx = (long) sx;
                        } else if (sx == (long) sx2) {
                            xportion = sx2 - (long) sx2;
                        } else {
                            xportion = 1.0;
                        }
                        double pc = xportion * yportion;
                        int p = src.pixel((int) sx, (int) sy);
                        red += ((p >> 16) & 0xff) * pc;
                        green += ((p >> 8) & 0xff) * pc;
                        blue += (p & 0xff) * pc;
                        alpha += ((p >>> 24) & 0x7f) * pc;
                        spixels += xportion * yportion;
                        sx += 1.0;
                    } while (sx < sx2);
                    sy += 1.0;
                } while (sy < sy2);
                if (spixels != 0) {
                    red /= spixels;
                    green /= spixels;
                    blue /= spixels;
                    alpha /= spixels;
                    alpha += 0.5;
                }
                red = Math.min(red, 255.0);
                green = Math.min(green, 255.0);
                blue = Math.min(blue, 255.0);
                alpha = Math.min(alpha, 127.0);
                out[y * SIDE + x] = CanvasBlend.overBlack((int) red, (int) green, (int) blue, (int) alpha);
            }
        }
        return out;
    }
}
