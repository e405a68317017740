package io.pgsight.index.rtree;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a packed tree from all rows at once: the points are ordered by a k-d recursion (split at the
 * median of the widest dimension, cut points aligned to leaf capacity), then consecutive runs are
 * packed into leaves and, level by level, into parents. Spatially close points end up in the same
 * subtrees, which a one-by-one insertion with 16-D volume penalties would not achieve.
 */
final class BulkLoader {
    private static final int D = Box.DIMENSIONS;

    private BulkLoader() {
    }

    static Node build(float[] points, long[] rowIds, int leafCapacity, int innerCapacity) {
        int n = rowIds.length;
        if (n == 0) {
            return null;
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        kdOrder(points, order, 0, n, leafCapacity);
        List<Node> level = new ArrayList<>();
        for (int start = 0; start < n; start += leafCapacity) {
            int end = Math.min(n, start + leafCapacity);
            float[] p = new float[(end - start) * D];
            long[] ids = new long[end - start];
            for (int e = start; e < end; e++) {
                System.arraycopy(points, order[e] * D, p, (e - start) * D, D);
                ids[e - start] = rowIds[order[e]];
            }
            level.add(new Node.Leaf(p, ids));
        }
        while (level.size() > 1) {
            List<Node> up = new ArrayList<>();
            for (int start = 0; start < level.size(); start += innerCapacity) {
                int end = Math.min(level.size(), start + innerCapacity);
                up.add(Node.Inner.of(level.subList(start, end).toArray(new Node[0])));
            }
            level = up;
        }
        return level.get(0);
    }

    private static void kdOrder(float[] points, int[] order, int from, int to, int leafCapacity) {
        int n = to - from;
        if (n <= leafCapacity) {
            return;
        }
        int dim = widestDimension(points, order, from, to);
        int leaves = (n + leafCapacity - 1) / leafCapacity;
        int mid = from + (leaves / 2) * leafCapacity;
        select(points, order, from, to - 1, mid, dim);
        kdOrder(points, order, from, mid, leafCapacity);
        kdOrder(points, order, mid, to, leafCapacity);
    }

    /**
     * The dimension with the largest variance. Not the largest range: signatures are heavy-tailed,
     * and a few outliers would make one dimension look widest while most points sit in a narrow band.
     */
    private static int widestDimension(float[] points, int[] order, int from, int to) {
        int best = 0;
        double bestSpread = -1;
        int n = to - from;
        int step = Math.max(1, n / 4096); // a sample is plenty to rank 16 variances
        for (int k = 0; k < D; k++) {
            double sum = 0;
            double sumSq = 0;
            int count = 0;
            for (int e = from; e < to; e += step) {
                float v = points[order[e] * D + k];
                if (v == v) {
                    sum += v;
                    sumSq += (double) v * v;
                    count++;
                }
            }
            double spread = count == 0 ? 0 : sumSq / count - (sum / count) * (sum / count);
            if (spread > bestSpread) {
                bestSpread = spread;
                best = k;
            }
        }
        return best;
    }

    /** Quickselect: afterwards order[lo..k) <= order[k] <= order(k..hi] by coordinate {@code dim}. */
    private static void select(float[] points, int[] order, int lo, int hi, int k, int dim) {
        while (hi > lo) {
            int m = lo + (hi - lo) / 2;
            float pivot = points[order[m] * D + dim];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (points[order[i] * D + dim] < pivot) {
                    i++;
                }
                while (points[order[j] * D + dim] > pivot) {
                    j--;
                }
                if (i <= j) {
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }
}
