package io.pgsight.index.internal;

import io.pgsight.index.distance.DistanceKernels;

/**
 * Exact nearest-centre search under L2 that evaluates few centres (k-means assignment and
 * IVFFlat list choice). Each centre keeps its {@value #NEIGHBORS} nearest other centres, sorted.
 * A search starts from a hint (the previous assignment) or the nearest of a few spread-out pivot
 * centres, climbs greedily along the neighbour lists, then walks the final origin b's list in
 * order and stops once d(b, c) − d(x, b) exceeds the best distance found: by the triangle
 * inequality no later centre can be closer. If the walk runs past the stored neighbours, the
 * remaining centres are checked one by one, so the answer is always exact (up to ties).
 * Immutable after construction; safe to share between threads.
 */
public final class NearestCenter {
    static final int NEIGHBORS = 64;
    private static final int CLIMB_STEPS = 64;
    private final float[] centers;
    private final int k;
    private final int dim;
    private final int[] pivots;
    private final float[][] neighborDistance; // per centre: distances to its nearest others, ascending
    private final int[][] neighborCenter;

    public NearestCenter(float[] centers, int k, int dim) {
        this(centers, k, dim, 1);
    }

    /** Same, computing the centres' neighbour lists on {@code threads} threads. */
    public NearestCenter(float[] centers, int k, int dim, int threads) {
        this.centers = centers;
        this.k = k;
        this.dim = dim;
        if (k <= 32) {
            pivots = null;
            neighborDistance = null;
            neighborCenter = null;
            return;
        }
        int width = Math.min(NEIGHBORS, k - 1);
        neighborDistance = new float[k][];
        neighborCenter = new int[k][];
        int workers = Math.max(1, Math.min(threads, k / 64));
        Parallel.run(workers, w -> {
            NodeHeap heap = NodeHeap.maxHeap(width + 1);
            for (int a = w; a < k; a += workers) {
                neighbours(a, width, heap);
            }
        });
        pivots = farthestPoints(Math.min(k, Math.max(16, 2 * (int) Math.sqrt(k))));
    }

    /** Fills centre {@code a}'s list of its {@code width} nearest other centres, ascending. */
    private void neighbours(int a, int width, NodeHeap heap) {
        heap.clear();
        for (int b = 0; b < k; b++) {
            if (b == a) {
                continue;
            }
            float d = DistanceKernels.l2Squared(centers, a * dim, centers, b * dim, dim);
            if (heap.size() < width || d < heap.topDistance()) {
                heap.push(d, b);
                if (heap.size() > width) {
                    heap.pop();
                }
            }
        }
        float[] ds = new float[heap.size()];
        int[] cs = new int[heap.size()];
        for (int i = ds.length - 1; i >= 0; i--) {
            ds[i] = (float) Math.sqrt(heap.topDistance());
            cs[i] = heap.topNode();
            heap.pop();
        }
        neighborDistance[a] = ds;
        neighborCenter[a] = cs;
    }

    /** Farthest-point traversal: spread-out centres to start searches from. */
    private int[] farthestPoints(int count) {
        int[] chosen = new int[count];
        float[] nearest = new float[k];
        java.util.Arrays.fill(nearest, Float.POSITIVE_INFINITY);
        int next = 0;
        for (int p = 0; p < count; p++) {
            chosen[p] = next;
            int far = 0;
            float farD = -1;
            for (int c = 0; c < k; c++) {
                float d = DistanceKernels.l2Squared(centers, next * dim, centers, c * dim, dim);
                if (d < nearest[c]) {
                    nearest[c] = d;
                }
                if (nearest[c] > farD) {
                    farD = nearest[c];
                    far = c;
                }
            }
            next = far;
        }
        return chosen;
    }

    private float distance(float[] x, int xo, int c) {
        return (float) Math.sqrt(DistanceKernels.l2Squared(x, xo, centers, c * dim, dim));
    }

    /** Index of the nearest centre to {@code x} (at offset {@code xo}). */
    public int nearest(float[] x, int xo) {
        return nearest(x, xo, -1, null);
    }

    /** Same, starting from {@code hint} (e.g. the previous assignment; -1 for none). */
    public int nearest(float[] x, int xo, int hint) {
        return nearest(x, xo, hint, null);
    }

    /**
     * Same as {@link #nearest(float[], int, int)}, and when {@code bounds} is given also writes
     * bounds[0] = the distance (not squared) to the returned centre and bounds[1] = a lower bound
     * on the distance to every other centre (the second-nearest distance, or less). The walk then
     * runs until the second nearest is settled too, so the bound is tight enough for k-means to
     * skip the sample in later iterations while centres move less than the gap.
     */
    public int nearest(float[] x, int xo, int hint, float[] bounds) {
        if (pivots == null) {
            return bruteForce(x, xo, bounds, hint >= 0 && hint < k ? hint : -1);
        }
        int origin;
        float originD;
        if (hint >= 0 && hint < k) {
            origin = hint;
            originD = distance(x, xo, hint);
        } else {
            origin = pivots[0];
            originD = Float.POSITIVE_INFINITY;
            for (int p : pivots) {
                float d = distance(x, xo, p);
                if (d < originD) {
                    originD = d;
                    origin = p;
                }
            }
        }
        // greedy climb along the nearest-centre lists
        for (int step = 0; step < CLIMB_STEPS; step++) {
            int[] cs = neighborCenter[origin];
            float[] ds = neighborDistance[origin];
            int better = -1;
            float betterD = originD;
            for (int i = 0; i < Math.min(16, cs.length); i++) {
                // a centre farther than 2·d(x, origin) from the origin cannot be closer to x
                if (ds[i] > 2 * originD) {
                    break;
                }
                float d = distance(x, xo, cs[i]);
                if (d < betterD) {
                    betterD = d;
                    better = cs[i];
                }
            }
            if (better < 0) {
                break;
            }
            origin = better;
            originD = betterD;
        }
        // exact bounded walk from the origin
        int best = origin;
        float bestD = originD;
        float secondD = Float.POSITIVE_INFINITY;
        float[] ds = neighborDistance[origin];
        int[] cs = neighborCenter[origin];
        for (int i = 0; i < ds.length; i++) {
            // small slack keeps float rounding from pruning a centre that is in fact closer
            float reach = ds[i] - originD;
            float limit = bounds == null ? bestD : secondD;
            if (reach > limit * 1.0001f + 1e-6f) {
                if (bounds != null) {
                    bounds[0] = bestD;
                    bounds[1] = Math.min(secondD, reach - ds[i] * 1e-5f); // rounding of d(b, c) − d(x, b)
                }
                return best;
            }
            float d = distance(x, xo, cs[i]);
            if (d < bestD) {
                secondD = bestD;
                bestD = d;
                best = cs[i];
            } else if (d < secondD) {
                secondD = d;
            }
        }
        if (ds.length == k - 1) {
            if (bounds != null) {
                bounds[0] = bestD;
                bounds[1] = secondD;
            }
            return best;
        }
        // the ball reaches past the stored neighbours: check every centre
        return bruteForce(x, xo, bounds, best);
    }

    /** Every centre; on ties {@code prefer} (if ≥ 0), then the lowest index wins. */
    private int bruteForce(float[] x, int xo, float[] bounds, int prefer) {
        int best = prefer < 0 ? 0 : prefer;
        float bestD = prefer < 0 ? Float.POSITIVE_INFINITY
                : DistanceKernels.l2Squared(x, xo, centers, prefer * dim, dim);
        float secondD = Float.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            if (c == prefer) {
                continue;
            }
            float d = DistanceKernels.l2Squared(x, xo, centers, c * dim, dim);
            if (d < bestD) {
                secondD = bestD;
                bestD = d;
                best = c;
            } else if (d < secondD) {
                secondD = d;
            }
        }
        if (bounds != null) {
            bounds[0] = (float) Math.sqrt(bestD);
            bounds[1] = (float) Math.sqrt(secondD);
        }
        return best;
    }
}
