package io.pgsight.index.distance;

/**
 * pgvector's float distances. Sums are float32 and follow the summation order measured on
 * pgvector's x86-64 build (see the spec's addendum): element i accumulates into lane i mod 8 for
 * the largest multiple of 8 elements, the lanes are reduced pairwise (j + j+4, j + j+2, j + j+1),
 * then the remaining elements are added one by one. Eight independent accumulators are also what
 * makes the scalar loop fast. Norms are double, as in pgvector.
 */
public final class VectorDistances {
    private VectorDistances() {
    }

    /** Squared Euclidean distance over {@code n} elements starting at the given offsets. */
    public static float l2Squared(float[] a, int ao, float[] b, int bo, int n) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int end = n & ~7;
        int i = 0;
        for (; i < end; i += 8) {
            float d0 = a[ao + i] - b[bo + i];
            float d1 = a[ao + i + 1] - b[bo + i + 1];
            float d2 = a[ao + i + 2] - b[bo + i + 2];
            float d3 = a[ao + i + 3] - b[bo + i + 3];
            float d4 = a[ao + i + 4] - b[bo + i + 4];
            float d5 = a[ao + i + 5] - b[bo + i + 5];
            float d6 = a[ao + i + 6] - b[bo + i + 6];
            float d7 = a[ao + i + 7] - b[bo + i + 7];
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
            s4 += d4 * d4;
            s5 += d5 * d5;
            s6 += d6 * d6;
            s7 += d7 * d7;
        }
        float sum = reduce(s0, s1, s2, s3, s4, s5, s6, s7);
        for (; i < n; i++) {
            float d = a[ao + i] - b[bo + i];
            sum += d * d;
        }
        return sum;
    }

    /** Inner product over {@code n} elements. */
    public static float innerProduct(float[] a, int ao, float[] b, int bo, int n) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int end = n & ~7;
        int i = 0;
        for (; i < end; i += 8) {
            s0 += a[ao + i] * b[bo + i];
            s1 += a[ao + i + 1] * b[bo + i + 1];
            s2 += a[ao + i + 2] * b[bo + i + 2];
            s3 += a[ao + i + 3] * b[bo + i + 3];
            s4 += a[ao + i + 4] * b[bo + i + 4];
            s5 += a[ao + i + 5] * b[bo + i + 5];
            s6 += a[ao + i + 6] * b[bo + i + 6];
            s7 += a[ao + i + 7] * b[bo + i + 7];
        }
        float sum = reduce(s0, s1, s2, s3, s4, s5, s6, s7);
        for (; i < n; i++) {
            sum += a[ao + i] * b[bo + i];
        }
        return sum;
    }

    /** Manhattan distance over {@code n} elements. */
    public static float l1(float[] a, int ao, float[] b, int bo, int n) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int end = n & ~7;
        int i = 0;
        for (; i < end; i += 8) {
            s0 += Math.abs(a[ao + i] - b[bo + i]);
            s1 += Math.abs(a[ao + i + 1] - b[bo + i + 1]);
            s2 += Math.abs(a[ao + i + 2] - b[bo + i + 2]);
            s3 += Math.abs(a[ao + i + 3] - b[bo + i + 3]);
            s4 += Math.abs(a[ao + i + 4] - b[bo + i + 4]);
            s5 += Math.abs(a[ao + i + 5] - b[bo + i + 5]);
            s6 += Math.abs(a[ao + i + 6] - b[bo + i + 6]);
            s7 += Math.abs(a[ao + i + 7] - b[bo + i + 7]);
        }
        float sum = reduce(s0, s1, s2, s3, s4, s5, s6, s7);
        for (; i < n; i++) {
            sum += Math.abs(a[ao + i] - b[bo + i]);
        }
        return sum;
    }

    private static float reduce(float s0, float s1, float s2, float s3, float s4, float s5, float s6, float s7) {
        float t0 = s0 + s4;
        float t1 = s1 + s5;
        float t2 = s2 + s6;
        float t3 = s3 + s7;
        return (t0 + t2) + (t1 + t3);
    }

    public static float l2Squared(float[] a, float[] b) {
        return l2Squared(a, 0, b, 0, checkedLength(a, b));
    }

    /** pgvector {@code l2_distance}: sqrt of the float32 sum, in double. */
    public static double l2(float[] a, float[] b) {
        return Math.sqrt(l2Squared(a, b));
    }

    public static float innerProduct(float[] a, float[] b) {
        return innerProduct(a, 0, b, 0, checkedLength(a, b));
    }

    /** pgvector {@code <#>}. */
    public static double negativeInnerProduct(float[] a, float[] b) {
        return -(double) innerProduct(a, b);
    }

    public static float l1(float[] a, float[] b) {
        return l1(a, 0, b, 0, checkedLength(a, b));
    }

    /**
     * pgvector {@code cosine_distance}: dot product and both squared norms summed in float32,
     * similarity in double clamped to [-1, 1]; NaN (zero vector, inf/inf) passes through.
     */
    public static double cosine(float[] a, float[] b) {
        int n = checkedLength(a, b);
        float dot = innerProduct(a, 0, b, 0, n);
        float na = innerProduct(a, 0, a, 0, n);
        float nb = innerProduct(b, 0, b, 0, n);
        double similarity = (double) dot / Math.sqrt((double) na * (double) nb);
        return 1 - clampSimilarity(similarity);
    }

    static double clampSimilarity(double similarity) {
        if (similarity > 1) {
            return 1;
        }
        if (similarity < -1) {
            return -1;
        }
        return similarity;
    }

    /** pgvector {@code vector_norm}: squares summed in double. */
    public static double norm(float[] a) {
        double sum = 0;
        for (float x : a) {
            sum += (double) x * x;
        }
        return Math.sqrt(sum);
    }

    /**
     * pgvector's normalisation (norm in double, each element divided and rounded to float), or
     * null when the norm is zero: such vectors have no direction and are not indexed for cosine.
     */
    public static float[] normalizedOrNull(float[] a) {
        double norm = norm(a);
        if (!(norm > 0)) {
            return null;
        }
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) (a[i] / norm);
        }
        return out;
    }

    private static int checkedLength(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("different vector dimensions " + a.length + " and " + b.length);
        }
        return a.length;
    }
}
