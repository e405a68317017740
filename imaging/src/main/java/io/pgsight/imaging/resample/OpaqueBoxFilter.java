package io.pgsight.imaging.resample;

import io.pgsight.imaging.decode.GdImage;

/**
 * The float variants of gdImageCopyResampled for opaque sources (every JPEG), reorganised for
 * speed without changing a bit. libgd sums each destination pixel's taps one after another, a
 * chain of dependent float additions; here the 64 destination pixels of a row advance together,
 * tap slot by tap slot, so the innermost loop runs over 64 independent sums (which the JIT
 * vectorises). Each pixel still adds its own taps in libgd's order (source rows, then columns).
 * Pixels with fewer taps than the widest get padding taps of portion 0; such a tap adds
 * {@code +0.0} to sums that are never {@code -0.0}, which leaves them unchanged.
 */
final class OpaqueBoxFilter {
    private static final int SIDE = GdCopyResampled.SIDE;

    private OpaqueBoxFilter() {
    }

    static int[] thumbnail(GdImage src, boolean round) {
        int width = src.width();
        BoxSpans xs = BoxSpans.of(width, SIDE);
        BoxSpans ys = BoxSpans.of(src.height(), SIDE);
        int taps = 0;
        for (int x = 0; x < SIDE; x++) {
            taps = Math.max(taps, xs.end[x] - xs.start[x]);
        }
        // slot t of pixel x at [t * 64 + x]: its source column and its x portion (0 for padding)
        int[][] column = new int[taps][SIDE];
        float[][] xportion = new float[taps][SIDE];
        for (int x = 0; x < SIDE; x++) {
            int first = xs.start[x];
            int count = xs.end[x] - first;
            for (int t = 0; t < taps; t++) {
                column[t][x] = xs.index[first + Math.min(t, count - 1)];
                xportion[t][x] = t < count ? xs.portion[first + t] : 0.0f;
            }
        }
        float[][] r = new float[taps][SIDE];
        float[][] g = new float[taps][SIDE];
        float[][] b = new float[taps][SIDE];
        float[] red = new float[SIDE];
        float[] green = new float[SIDE];
        float[] blue = new float[SIDE];
        float[] alphaSum = new float[SIDE];
        float[] contribSum = new float[SIDE];
        float[] spixels = new float[SIDE];
        int[] out = new int[SIDE * SIDE];
        int lastRow = -1;
        for (int y = 0; y < SIDE; y++) {
            java.util.Arrays.fill(red, 0.0f);
            java.util.Arrays.fill(green, 0.0f);
            java.util.Arrays.fill(blue, 0.0f);
            java.util.Arrays.fill(alphaSum, 0.0f);
            java.util.Arrays.fill(contribSum, 0.0f);
            java.util.Arrays.fill(spixels, 0.0f);
            for (int k = ys.start[y]; k < ys.end[y]; k++) {
                float yportion = ys.portion[k];
                int sourceRow = ys.index[k];
                if (sourceRow != lastRow) {
                    for (int t = 0; t < taps; t++) {
                        src.gatherRgb(sourceRow, column[t], r[t], g[t], b[t]);
                    }
                    lastRow = sourceRow;
                }
                for (int t = 0; t < taps; t++) {
                    accumulate(yportion, xportion[t], r[t], g[t], b[t], red, green, blue, alphaSum, contribSum, spixels);
                }
            }
            for (int x = 0; x < SIDE; x++) {
                float rr = red[x];
                float gg = green[x];
                float bb = blue[x];
                float alpha = 0.0f;
                float sp = spixels[x];
                if (sp != 0) {
                    rr /= sp;
                    gg /= sp;
                    bb /= sp;
                    alpha /= sp;
                }
                float as = alphaSum[x];
                if (as != 0) {
                    float cs = contribSum[x];
                    if (cs != 0) {
                        as /= cs;
                    }
                    rr /= as;
                    gg /= as;
                    bb /= as;
                }
                out[y * SIDE + x] = GdCopyResampled.finish(rr, gg, bb, alpha, round);
            }
        }
        return out;
    }

    /** One tap slot for all 64 pixels: libgd's per-tap statements with alpha 0 ({@code af = 127 * pc}). */
    private static void accumulate(float yportion, float[] xportion, float[] r, float[] g, float[] b,
            float[] red, float[] green, float[] blue, float[] alphaSum, float[] contribSum, float[] spixels) {
        for (int x = 0; x < SIDE; x++) {
            float pc = xportion[x] * yportion;
            float af = 127f * pc;
            red[x] = red[x] + r[x] * af;
            green[x] = green[x] + g[x] * af;
            blue[x] = blue[x] + b[x] * af;
            alphaSum[x] = alphaSum[x] + af;
            contribSum[x] = contribSum[x] + pc;
            spixels[x] = spixels[x] + pc;
        }
    }
}
