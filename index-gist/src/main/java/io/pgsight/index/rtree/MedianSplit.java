package io.pgsight.index.rtree;

import java.util.Arrays;

/**
 * How the tree splits an overflowing node: the entries (boxes, or points with lo == hi) are sorted
 * by their centre on the dimension where the centres vary most, and cut in the middle. This is the
 * bulk loader's k-d rule applied to one node; in 16 dimensions it keeps subtrees compact where
 * imgsmlr's volume-based quadratic split ({@link SignatureGistOps#picksplit}) sees only zero
 * volumes. Only index quality depends on it, never query results.
 */
final class MedianSplit {
    private static final int D = Box.DIMENSIONS;

    private MedianSplit() {
    }

    /** Entry indices ordered by centre along the dimension of largest centre variance. */
    static int[] order(float[] lo, float[] hi, int n) {
        int dim = 0;
        double bestVariance = -1;
        for (int k = 0; k < D; k++) {
            double sum = 0;
            double sumSq = 0;
            int count = 0;
            for (int e = 0; e < n; e++) {
                double c = centre(lo, hi, e, k);
                if (c == c && !Double.isInfinite(c)) {
                    sum += c;
                    sumSq += c * c;
                    count++;
                }
            }
            double variance = count == 0 ? 0 : sumSq / count - (sum / count) * (sum / count);
            if (variance > bestVariance) {
                bestVariance = variance;
                dim = k;
            }
        }
        long[] keyed = new long[n];
        for (int e = 0; e < n; e++) {
            double c = centre(lo, hi, e, dim);
            // NaN and infinite centres (NaN signatures) sort last
            float f = c == c ? (float) c : Float.POSITIVE_INFINITY;
            keyed[e] = ((long) sortableBits(f) << 32) | e;
        }
        Arrays.sort(keyed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) keyed[i];
        }
        return order;
    }

    private static double centre(float[] lo, float[] hi, int e, int k) {
        return ((double) lo[e * D + k] + hi[e * D + k]) / 2;
    }

    /** float bits mapped so that signed int order is numeric order. */
    private static int sortableBits(float f) {
        int b = Float.floatToIntBits(f);
        return b >= 0 ? b : b ^ 0x7fffffff;
    }
}
