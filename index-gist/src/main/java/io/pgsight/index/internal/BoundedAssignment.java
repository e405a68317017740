package io.pgsight.index.internal;

import io.pgsight.index.distance.DistanceKernels;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The assignment step of Lloyd's k-means (each sample to its nearest centre under L2), repeated
 * over iterations with Hamerly-style bounds so that most samples cost one distance once centres
 * settle. Per sample it keeps a lower bound on the distance to every centre other than its own;
 * after centres move, the bound drops by the largest movement of another centre. A sample whose
 * exact distance to its own centre is below that bound keeps its centre without a search; the
 * others get a full exact search ({@link NearestCenter}, or every centre when few samples need
 * one). Results are what a plain exhaustive assignment gives, up to exact ties (the previous
 * centre wins those). Also keeps each sample's squared distance to its centre, so the objective
 * costs nothing extra. Samples are split over {@code threads} threads in fixed blocks; results do
 * not depend on the thread count.
 */
public final class BoundedAssignment {
    /** Relative margin that keeps float rounding from skipping a sample that must move. */
    private static final float MARGIN = 1e-5f;

    private final float[] samples;
    private final int n;
    private final int dim;
    private final int threads;
    private final int[] assignment;
    private final float[] lower;
    private final float[] terms;
    private float[] previousCenters;
    private long fullSearches;

    public BoundedAssignment(float[] samples, int n, int dim, int threads) {
        this.samples = samples;
        this.n = n;
        this.dim = dim;
        this.threads = Math.max(1, Math.min(threads, n / 2048 + 1));
        this.assignment = new int[n];
        this.lower = new float[n];
        this.terms = new float[n];
        java.util.Arrays.fill(assignment, -1);
    }

    /** Current centre of each sample (-1 before the first {@link #assign}). Live array: do not modify. */
    public int[] assignment() {
        return assignment;
    }

    /** Samples that needed a full search so far (for benchmarks). */
    public long fullSearches() {
        return fullSearches;
    }

    /**
     * Assigns every sample to its nearest of the {@code k} centres (k·dim floats). Returns how many
     * samples changed centre (all of them on the first call).
     */
    public int assign(float[] centers, int k) {
        boolean first = previousCenters == null || previousCenters.length != centers.length;
        if (!first) {
            lowerBoundsAfterMove(centers, k);
        }
        previousCenters = centers.clone();
        int block = (n + threads - 1) / threads;
        int[][] pending = new int[threads][];
        int[] pendingCount = new int[threads];
        Parallel.run(threads, w -> {
            int from = w * block;
            int to = Math.min(n, from + block);
            int[] mine = new int[Math.max(16, first ? to - from : (to - from) / 8)];
            int count = 0;
            for (int i = from; i < to; i++) {
                int a = assignment[i];
                if (a >= 0) {
                    float d2 = DistanceKernels.l2Squared(samples, i * dim, centers, a * dim, dim);
                    terms[i] = d2;
                    if ((float) Math.sqrt(d2) < lower[i] * (1 - MARGIN)) {
                        continue;
                    }
                }
                if (count == mine.length) {
                    mine = java.util.Arrays.copyOf(mine, count * 2);
                }
                mine[count++] = i;
            }
            pending[w] = mine;
            pendingCount[w] = count;
        });
        int total = 0;
        for (int c : pendingCount) {
            total += c;
        }
        fullSearches += total;
        if (total == 0) {
            return 0;
        }
        // a neighbour structure costs about k² distances; every centre costs k per sample
        NearestCenter finder = total > k ? new NearestCenter(centers, k, dim, threads) : null;
        AtomicInteger changed = new AtomicInteger();
        Parallel.run(threads, w -> {
            float[] bounds = new float[2];
            int local = 0;
            int[] mine = pending[w];
            for (int p = 0; p < pendingCount[w]; p++) {
                int i = mine[p];
                int old = assignment[i];
                int c = finder != null ? finder.nearest(samples, i * dim, old, bounds)
                        : exhaustive(centers, k, i, old, bounds);
                lower[i] = bounds[1];
                terms[i] = c == old ? terms[i] : DistanceKernels.l2Squared(samples, i * dim, centers, c * dim, dim);
                if (c != old) {
                    assignment[i] = c;
                    local++;
                }
            }
            changed.addAndGet(local);
        });
        return changed.get();
    }

    /** Every centre; the previous one wins ties. Writes the nearest and second-nearest distances. */
    private int exhaustive(float[] centers, int k, int i, int prefer, float[] bounds) {
        int best = prefer;
        float bestD = prefer >= 0 ? DistanceKernels.l2Squared(samples, i * dim, centers, prefer * dim, dim)
                : Float.POSITIVE_INFINITY;
        float secondD = Float.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            if (c == prefer) {
                continue;
            }
            float d = DistanceKernels.l2Squared(samples, i * dim, centers, c * dim, dim);
            if (d < bestD) {
                secondD = bestD;
                bestD = d;
                best = c;
            } else if (d < secondD) {
                secondD = d;
            }
        }
        bounds[0] = (float) Math.sqrt(bestD);
        bounds[1] = (float) Math.sqrt(secondD);
        return best < 0 ? 0 : best;
    }

    /** Lowers each sample's bound by the largest movement of any centre other than its own. */
    private void lowerBoundsAfterMove(float[] centers, int k) {
        float max1 = 0;
        float max2 = 0;
        int arg1 = -1;
        for (int c = 0; c < k; c++) {
            float move = (float) Math.sqrt(DistanceKernels.l2Squared(previousCenters, c * dim, centers, c * dim, dim));
            move = move * (1 + MARGIN) + Float.MIN_NORMAL;
            if (move > max1) {
                max2 = max1;
                max1 = move;
                arg1 = c;
            } else if (move > max2) {
                max2 = move;
            }
        }
        for (int i = 0; i < n; i++) {
            lower[i] -= assignment[i] == arg1 ? max2 : max1;
        }
    }

    /** Σ squared distance of each sample to its centre, summed in sample order (deterministic). */
    public double objective() {
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += terms[i];
        }
        return total;
    }
}
