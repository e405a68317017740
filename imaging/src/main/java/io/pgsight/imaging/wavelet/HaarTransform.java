package io.pgsight.imaging.wavelet;

/**
 * imgsmlr's {@code waveletTransform}: an unnormalised averaging Haar transform of a 64x64 matrix
 * ({@code [i][j]} at {@code i*64+j}), all in float, in imgsmlr's evaluation order (bit-exact).
 */
public final class HaarTransform {
    public static final int SIDE = 64;

    private HaarTransform() {
    }

    /** Transforms {@code v} (overwritten with running averages) and returns the coefficients. */
    public static float[] transform(float[] v) {
        float[] d = new float[SIDE * SIDE];
        int size = SIDE;
        while (size > 1) {
            size /= 2;
            for (int i = 0; i < size; i++) {
                for (int j = 0; j < size; j++) {
                    float a = v[(2 * i) * SIDE + 2 * j];
                    float b = v[(2 * i + 1) * SIDE + 2 * j];
                    float c = v[(2 * i) * SIDE + 2 * j + 1];
                    float e = v[(2 * i + 1) * SIDE + 2 * j + 1];
                    d[(i + size) * SIDE + j] = ((((-a) + b) - c) + e) / 4.0f;
                    d[i * SIDE + j + size] = ((((-a) - b) + c) + e) / 4.0f;
                    d[(i + size) * SIDE + j + size] = (((a - b) - c) + e) / 4.0f;
                }
            }
            for (int i = 0; i < size; i++) {
                for (int j = 0; j < size; j++) {
                    float a = v[(2 * i) * SIDE + 2 * j];
                    float b = v[(2 * i + 1) * SIDE + 2 * j];
                    float c = v[(2 * i) * SIDE + 2 * j + 1];
                    float e = v[(2 * i + 1) * SIDE + 2 * j + 1];
                    v[i * SIDE + j] = (((a + b) + c) + e) / 4.0f;
                }
            }
        }
        d[0] = v[0];
        return d;
    }
}
