package io.pgsight.ext.vector;

/**
 * pgvector's distance kernels over float32 data. Sums are float32 in 8 lanes (element i in lane
 * i mod 8, lanes reduced pairwise 4+4, 2+2, 1+1) (separate multiply and add) followed by a
 * sequential scalar tail whose multiply-adds are fused (FMA). That is the shape of the reference
 * build's code as measured on shared/compat: the 16-d tutorial distances match only with unfused
 * lanes, the 4-d vector_index distances (all tail) only with the fused tail. Results are doubles as the SQL functions return them.
 */
public final class Distances {
    private Distances() {
    }

    public static double l2Squared(float[] a, float[] b) {
        int n8 = a.length & ~7;
        float[] lanes = new float[8];
        for (int i = 0; i < n8; i += 8) {
            for (int j = 0; j < 8; j++) {
                float d = a[i + j] - b[i + j];
                lanes[j] += d * d;
            }
        }
        float sum = reduce(lanes);
        for (int i = n8; i < a.length; i++) {
            float d = a[i] - b[i];
            sum = Math.fma(d, d, sum);
        }
        return sum;
    }

    public static double l2(float[] a, float[] b) {
        return Math.sqrt(l2Squared(a, b));
    }

    public static double innerProduct(float[] a, float[] b) {
        int n8 = a.length & ~7;
        float[] lanes = new float[8];
        for (int i = 0; i < n8; i += 8) {
            for (int j = 0; j < 8; j++) {
                lanes[j] += a[i + j] * b[i + j];
            }
        }
        float sum = reduce(lanes);
        for (int i = n8; i < a.length; i++) {
            sum = Math.fma(a[i], b[i], sum);
        }
        return sum;
    }

    public static double cosine(float[] a, float[] b) {
        int n8 = a.length & ~7;
        float[] dot = new float[8];
        float[] na = new float[8];
        float[] nb = new float[8];
        for (int i = 0; i < n8; i += 8) {
            for (int j = 0; j < 8; j++) {
                float x = a[i + j];
                float y = b[i + j];
                dot[j] += x * y;
                na[j] += x * x;
                nb[j] += y * y;
            }
        }
        float d = reduce(dot);
        float sa = reduce(na);
        float sb = reduce(nb);
        for (int i = n8; i < a.length; i++) {
            d = Math.fma(a[i], b[i], d);
            sa = Math.fma(a[i], a[i], sa);
            sb = Math.fma(b[i], b[i], sb);
        }
        return cosineFromSums(d, sa, sb);
    }

    /** 1 - similarity, the similarity clamped to [-1, 1] (NaN, e.g. for a zero vector, passes through). */
    static double cosineFromSums(float dot, float normA, float normB) {
        double similarity = (double) dot / Math.sqrt((double) normA * (double) normB);
        if (similarity > 1) {
            similarity = 1;
        } else if (similarity < -1) {
            similarity = -1;
        }
        return 1 - similarity;
    }

    public static double l1(float[] a, float[] b) {
        int n8 = a.length & ~7;
        float[] lanes = new float[8];
        for (int i = 0; i < n8; i += 8) {
            for (int j = 0; j < 8; j++) {
                lanes[j] += Math.abs(a[i + j] - b[i + j]);
            }
        }
        float sum = reduce(lanes);
        for (int i = n8; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum;
    }

    /** Euclidean norm accumulated in double, as vector_norm / l2_norm do. */
    public static double norm(float[] a) {
        double sum = 0;
        for (float x : a) {
            sum += (double) x * (double) x;
        }
        return Math.sqrt(sum);
    }

    private static float reduce(float[] l) {
        float t0 = l[0] + l[4];
        float t1 = l[1] + l[5];
        float t2 = l[2] + l[6];
        float t3 = l[3] + l[7];
        float u0 = t0 + t2;
        float u1 = t1 + t3;
        return u0 + u1;
    }
}
