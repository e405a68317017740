package io.pgsight.index.internal;

import io.pgsight.index.distance.DistanceKernels;
import io.pgsight.index.distance.VectorDistances;

import java.util.Arrays;

/**
 * Exact nearest-centre search under L2 that skips most centres with the triangle inequality:
 * start from the best of a few pivot centres b, then visit centres in increasing distance from b
 * and stop once d(b, c) − d(x, b) ≥ the best distance found (no later centre can be closer).
 * With clustered data this evaluates a few dozen of a thousand centres. Immutable after
 * construction and safe to share between threads. Above {@link #MAX_TABLE_CENTERS} centres the
 * k×k table would be too large and the search is exhaustive.
 */
public final class NearestCenter {
    static final int MAX_TABLE_CENTERS = 4096;
    private final float[] centers;
    private final int k;
    private final int dim;
    private final int[] pivots;
    private final float[][] sortedDistance; // per centre: distances to others, ascending
    private final int[][] sortedCenter;

    public NearestCenter(float[] centers, int k, int dim) {
        this.centers = centers;
        this.k = k;
        this.dim = dim;
        if (k <= 16 || k > MAX_TABLE_CENTERS) {
            pivots = null;
            sortedDistance = null;
            sortedCenter = null;
            return;
        }
        int pivotCount = Math.min(k, Math.max(8, (int) Math.sqrt(k)));
        pivots = new int[pivotCount];
        for (int i = 0; i < pivotCount; i++) {
            pivots[i] = (int) ((long) i * k / pivotCount);
        }
        float[][] table = new float[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                float d = (float) Math.sqrt(DistanceKernels.l2Squared(centers, a * dim, centers, b * dim, dim));
                table[a][b] = d;
                table[b][a] = d;
            }
        }
        sortedDistance = new float[k][];
        sortedCenter = new int[k][];
        long[] packed = new long[k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                // non-negative floats order like their bit patterns
                packed[b] = ((long) Float.floatToRawIntBits(table[a][b]) << 32) | b;
            }
            Arrays.sort(packed);
            float[] ds = new float[k];
            int[] cs = new int[k];
            for (int i = 0; i < k; i++) {
                cs[i] = (int) packed[i];
                ds[i] = Float.intBitsToFloat((int) (packed[i] >>> 32));
            }
            sortedDistance[a] = ds;
            sortedCenter[a] = cs;
        }
    }

    float[] centers() {
        return centers;
    }

    /** Index of the nearest centre to {@code x} (at offset {@code xo}); ties go to any of them. */
    public int nearest(float[] x, int xo) {
        if (pivots == null) {
            int best = 0;
            float bestD = Float.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                float d = DistanceKernels.l2Squared(x, xo, centers, c * dim, dim);
                if (d < bestD) {
                    bestD = d;
                    best = c;
                }
            }
            return best;
        }
        int origin = pivots[0];
        float originD = Float.POSITIVE_INFINITY;
        for (int p : pivots) {
            float d = DistanceKernels.l2Squared(x, xo, centers, p * dim, dim);
            if (d < originD) {
                originD = d;
                origin = p;
            }
        }
        float db = (float) Math.sqrt(originD);
        int best = origin;
        float bestD = db;
        float[] ds = sortedDistance[origin];
        int[] cs = sortedCenter[origin];
        for (int i = 1; i < k; i++) {
            // small slack keeps float rounding from pruning a centre that is in fact closer
            if (ds[i] - db > bestD * 1.0001f + 1e-6f) {
                break;
            }
            int c = cs[i];
            float d = (float) Math.sqrt(DistanceKernels.l2Squared(x, xo, centers, c * dim, dim));
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        return best;
    }
}
