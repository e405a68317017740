package io.pgsight.imaging.decode;

/**
 * libjpeg's YCCK to CMYK step (the YCbCr part converted with libjpeg's 16-bit fixed-point tables,
 * then complemented; K passes through), so that raw YCCK samples become what libgd receives.
 */
final class YcckConversion {
    private static final int SCALE = 16;
    private static final int HALF = 1 << (SCALE - 1);
    private static final int[] CR_R = new int[256];
    private static final int[] CB_B = new int[256];
    private static final int[] CR_G = new int[256];
    private static final int[] CB_G = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int x = i - 128;
            CR_R[i] = (fix(1.40200) * x + HALF) >> SCALE;
            CB_B[i] = (fix(1.77200) * x + HALF) >> SCALE;
            CR_G[i] = -fix(0.71414) * x;
            CB_G[i] = -fix(0.34414) * x + HALF;
        }
    }

    private YcckConversion() {
    }

    private static int fix(double v) {
        return (int) (v * (1 << SCALE) + 0.5);
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }

    static int cyan(int y, int cr) {
        return clamp(255 - (y + CR_R[cr]));
    }

    static int magenta(int y, int cb, int cr) {
        return clamp(255 - (y + ((CB_G[cb] + CR_G[cr]) >> SCALE)));
    }

    static int yellow(int y, int cb) {
        return clamp(255 - (y + CB_B[cb]));
    }
}
