package io.pgsight.imaging.wavelet;

/**
 * imgsmlr's {@code pattern2signature}: weighted L2 norms of the H/V/D blocks of levels 16..1 and
 * the DC coefficient, all in float in imgsmlr's order.
 */
public final class SignatureMath {
    private static final int SIDE = HaarTransform.SIDE;

    private SignatureMath() {
    }

    public static float[] signature(float[] d) {
        float[] sig = new float[16];
        int k = 0;
        float mult = 1.0f;
        for (int s = 16; s >= 1; s /= 2) {
            sig[k++] = mult * norm(d, s, 0, s);
            sig[k++] = mult * norm(d, 0, s, s);
            sig[k++] = mult * norm(d, s, s, s);
            mult = mult * 2.0f;
        }
        sig[15] = d[0];
        return sig;
    }

    private static float norm(float[] d, int x0, int y0, int s) {
        float acc = 0.0f;
        for (int i = x0; i < x0 + s; i++) {
            for (int j = y0; j < y0 + s; j++) {
                float v = d[i * SIDE + j];
                acc = acc + v * v;
            }
        }
        return (float) Math.sqrt(acc);
    }
}
