package io.pgsight.imaging;

/** imgsmlr's {@code <->} operators; both return float4 computed exactly as the C code does. */
public final class Distances {
    private static final int SIDE = Pattern.SIDE;

    private Distances() {
    }

    /** {@code pattern_distance}: level-weighted squared differences of all wavelet blocks. */
    public static float patternDistance(Pattern a, Pattern b) {
        float[] x = a.raw();
        float[] y = b.raw();
        float dist = 0.0f;
        float mult = 1.0f;
        int size = SIDE;
        while (size > 1) {
            size /= 2;
            dist = dist + mult * squaredDifference(x, y, size, 0, size);
            dist = dist + mult * squaredDifference(x, y, 0, size, size);
            dist = dist + mult * squaredDifference(x, y, size, size, size);
            mult = mult * 2.0f;
        }
        float t = x[0] - y[0];
        dist = dist + (mult * t) * t;
        return (float) Math.sqrt(dist);
    }

    private static float squaredDifference(float[] x, float[] y, int x0, int y0, int s) {
        float acc = 0.0f;
        for (int i = x0; i < x0 + s; i++) {
            for (int j = y0; j < y0 + s; j++) {
                float t = x[i * SIDE + j] - y[i * SIDE + j];
                acc = acc + t * t;
            }
        }
        return acc;
    }

    /** {@code signature_distance}: Euclidean distance accumulated in float. */
    public static float signatureDistance(Signature a, Signature b) {
        return signatureDistance(a.raw(), b.raw());
    }

    /** The same on raw 16-float arrays (for index code that keeps signatures unboxed). */
    public static float signatureDistance(float[] a, float[] b) {
        float acc = 0.0f;
        for (int k = 0; k < Signature.SIZE; k++) {
            float t = a[k] - b[k];
            acc = acc + t * t;
        }
        return (float) Math.sqrt(acc);
    }
}
