package io.pgsight.imaging.wavelet;

/**
 * imgsmlr's {@code shuffle_pattern}: each detail block of levels 32..4 is replaced by a cone-weighted
 * local RMS of itself (radius size/4); the top-left 4x4 corner is kept. Reads only the input.
 */
public final class PatternShuffle {
    private static final int SIDE = HaarTransform.SIDE;
    /** WEIGHTS[w][di*(w+1)+dj]: f32(1 - sqrt(di^2+dj^2)/w), the same value imgsmlr computes per tap. */
    private static final float[][] WEIGHTS = new float[9][];

    static {
        for (int w = 1; w <= 8; w++) {
            float[] t = new float[(w + 1) * (w + 1)];
            for (int di = 0; di <= w; di++) {
                for (int dj = 0; dj <= w; dj++) {
                    float q = (float) (di * di + dj * dj);
                    t[di * (w + 1) + dj] = (float) (1.0 - Math.sqrt(q) / (double) w);
                }
            }
            WEIGHTS[w] = t;
        }
    }

    private PatternShuffle() {
    }

    public static float[] shuffle(float[] src) {
        float[] dst = src.clone();
        int size = SIDE;
        while (size > 4) {
            size /= 2;
            int w = size / 4;
            blur(src, dst, size, 0, size, w);
            blur(src, dst, 0, size, size, w);
            blur(src, dst, size, size, size, w);
        }
        return dst;
    }

    private static void blur(float[] src, float[] dst, int x0, int y0, int s, int w) {
        float[] weights = WEIGHTS[w];
        int stride = w + 1;
        for (int i = x0; i < x0 + s; i++) {
            int iiFrom = Math.max(x0, i - w);
            int iiTo = Math.min(x0 + s, i + w + 1);
            for (int j = y0; j < y0 + s; j++) {
                int jjFrom = Math.max(y0, j - w);
                int jjTo = Math.min(y0 + s, j + w + 1);
                float sum = 0.0f;
                float sumR = 0.0f;
                for (int ii = iiFrom; ii < iiTo; ii++) {
                    int di = Math.abs(i - ii);
                    for (int jj = jjFrom; jj < jjTo; jj++) {
                        float r = weights[di * stride + Math.abs(j - jj)];
                        if (r <= 0.0f) {
                            continue;
                        }
                        float x = src[ii * SIDE + jj];
                        sum = sum + (x * x) * r;
                        sumR = sumR + r;
                    }
                }
                dst[i * SIDE + j] = (float) Math.sqrt(sum / sumR);
            }
        }
    }
}
