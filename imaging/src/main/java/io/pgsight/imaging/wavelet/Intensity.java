package io.pgsight.imaging.wavelet;

/**
 * imgsmlr's {@code makePattern} + {@code normalizePattern}: per pixel the RMS of the three channels,
 * then min-max normalisation (a uniform image gives 0/0 = NaN everywhere, as in imgsmlr).
 */
public final class Intensity {
    private static final float[] CHANNEL = new float[256];

    static {
        for (int c = 0; c < 256; c++) {
            CHANNEL[c] = (float) (c / 255.0);
        }
    }

    private Intensity() {
    }

    /**
     * {@code rgb} holds the 64x64 thumbnail as opaque 0xRRGGBB ints indexed {@code y*64+x}; the
     * result is indexed {@code x*64+y} (imgsmlr's {@code values[x][y]}).
     */
    public static float[] normalizedIntensity(int[] rgb) {
        int side = HaarTransform.SIDE;
        float[] v = new float[side * side];
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                int p = rgb[j * side + i];
                float r = CHANNEL[(p >> 16) & 0xff];
                float g = CHANNEL[(p >> 8) & 0xff];
                float b = CHANNEL[p & 0xff];
                float s = ((r * r + g * g) + b * b) / 3.0f;
                v[i * side + j] = (float) Math.sqrt(s);
            }
        }
        float min = 1.0f;
        float max = 0.0f;
        for (float x : v) {
            if (x < min) {
                min = x;
            }
            if (x > max) {
                max = x;
            }
        }
        float range = max - min;
        for (int k = 0; k < v.length; k++) {
            v[k] = (v[k] - min) / range;
        }
        return v;
    }
}
