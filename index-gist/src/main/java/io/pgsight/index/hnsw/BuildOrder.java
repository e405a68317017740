package io.pgsight.index.hnsw;

import io.pgsight.index.distance.DistanceKernels;
import io.pgsight.index.internal.Parallel;

import java.util.SplittableRandom;

/**
 * The order in which a bulk load inserts its rows, and their HNSW levels. A build is bound by
 * memory latency: each insert reads about a thousand vectors and link lists, and in input order
 * those lie anywhere in a graph far larger than the caches. A bulk load sees every row up front,
 * so it may choose the order:
 * <ol>
 *   <li>levels are drawn for all rows first (the index's level generator, in a random order of
 *       the rows); the rows that reach layer 1 or above (about 1 in m) form a <em>skeleton</em>
 *       inserted first, in random order, so the upper layers and the long-range links between
 *       regions are built exactly as in a random-order build (inserting the data region by region
 *       would otherwise link each region to the others only through its first few rows);</li>
 *   <li>then the layer-0-only rows grouped by a coarse partition of about
 *       {@value #PARTITION_ROWS} rows (nearest of pivots drawn from the data with k-means++
 *       seeding, in two levels so a row costs about 2·√(rows / {@value #PARTITION_ROWS})
 *       distances), partitions in a chain of nearby pivots, each partition's rows in input order.</li>
 * </ol>
 * Consecutive inserts then search the same few megabytes of vectors and links, and since node ids
 * follow insertion order, those sit next to each other in memory. Rows with identical vectors
 * fall in the same partition and keep their input order, unless one of them is in the skeleton.
 * Deterministic for a given seed and level sequence, whatever the thread count. The pivots use
 * squared L2 on the vectors as given: a heuristic for locality only, whatever the index's metric.
 */
final class BuildOrder {
    /** Below this many rows the graph fits the caches anyway; input order is kept. */
    static final int MIN_ROWS = 20_000;
    /** Rows per partition: their vectors and links (about 4·dim + 8·m bytes each) stay cache-sized. */
    static final int PARTITION_ROWS = 2048;
    /** k-means++ seeding looks at this many rows per pivot. */
    private static final int SAMPLE_PER_PIVOT = 32;
    /** -Dpgsight.hnsw.buildOrder=input keeps input order (for comparisons). */
    private static final boolean INPUT_ORDER = "input".equals(System.getProperty("pgsight.hnsw.buildOrder"));
    private static final int PARTITION_SIZE = Integer.getInteger("pgsight.hnsw.partitionRows", PARTITION_ROWS);

    /** Insert row {@code rows[i]} i-th, at level {@code levels[i]}. */
    record Plan(int[] rows, byte[] levels) {
    }

    private BuildOrder() {
    }

    /**
     * Input order with levels from {@code level}, or the locality order when there are at least
     * {@link #MIN_ROWS} rows. Draws one level per row either way.
     */
    static Plan forLoad(float[][] vectors, long seed, int threads, java.util.function.IntSupplier level) {
        return vectors.length < MIN_ROWS || INPUT_ORDER ? inputOrder(vectors.length, level)
                : of(vectors, seed, threads, PARTITION_SIZE, level);
    }

    static Plan inputOrder(int n, java.util.function.IntSupplier level) {
        byte[] levels = new byte[n];
        for (int i = 0; i < n; i++) {
            levels[i] = (byte) level.getAsInt();
        }
        return new Plan(identity(n), levels);
    }

    static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /** Skeleton (rows with upper layers) first in random order, then the rest grouped by partition. */
    static Plan of(float[][] vectors, long seed, int threads, int partitionRows, java.util.function.IntSupplier level) {
        int n = vectors.length;
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int[] shuffled = identity(n);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = t;
        }
        int[] order = new int[n];
        byte[] levels = new byte[n];
        boolean[] inSkeleton = new boolean[n];
        int skeleton = 0;
        for (int i = 0; i < n; i++) {
            int l = level.getAsInt();
            if (l > 0) {
                inSkeleton[shuffled[i]] = true;
                order[skeleton] = shuffled[i];
                levels[skeleton++] = (byte) l;
            }
        }
        int rest = n - skeleton;
        if (rest == 0) {
            return new Plan(order, levels);
        }
        int[] rows = new int[rest];
        for (int i = 0, r = 0; i < n; i++) {
            if (!inSkeleton[i]) {
                rows[r++] = i; // input order
            }
        }
        int partitions = Math.max(1, (rest + partitionRows - 1) / partitionRows);
        int top = Math.max(1, (int) Math.round(Math.sqrt(partitions)));
        // level 1: rows to the nearest of `top` pivots
        float[][] pivots = pivots(vectors, rows, 0, rest, top, random);
        int[] cell = nearest(vectors, rows, 0, rest, pivots, threads);
        int[] cellOrder = chain(pivots);
        int[] byCell = groupBy(rows, cell, pivots.length, cellOrder);
        int[] cellStart = starts(cell, pivots.length, cellOrder);
        // level 2: within each cell, rows to the nearest of pivots drawn from the cell
        int written = skeleton;
        for (int c = 0; c < pivots.length; c++) {
            int from = cellStart[c];
            int to = cellStart[c + 1];
            int size = to - from;
            if (size == 0) {
                continue;
            }
            int k = Math.max(1, (size + partitionRows - 1) / partitionRows);
            float[][] sub = pivots(vectors, byCell, from, to, k, random);
            int[] part = nearest(vectors, byCell, from, to, sub, threads);
            int[] cellRows = java.util.Arrays.copyOfRange(byCell, from, to);
            int[] grouped = groupBy(cellRows, part, sub.length, chain(sub));
            System.arraycopy(grouped, 0, order, written, size);
            written += size;
        }
        return new Plan(order, levels);
    }

    /**
     * Up to {@code k} pivots among rows[from..to) by k-means++ seeding (each next pivot drawn with
     * probability proportional to its squared distance to the nearest pivot so far) on a random
     * sample: unlike a uniform draw, it leaves no small far-away group of rows without a pivot.
     */
    private static float[][] pivots(float[][] vectors, int[] rows, int from, int to, int k, SplittableRandom random) {
        int size = to - from;
        int sampleSize = (int) Math.min(size, (long) k * SAMPLE_PER_PIVOT);
        float[][] sample = new float[sampleSize][];
        for (int i = 0; i < sampleSize; i++) {
            // spread over the range (input order may correlate with position), jittered
            long slot = (long) size * i / sampleSize;
            int width = (int) Math.max(1, (long) size * (i + 1) / sampleSize - slot);
            sample[i] = vectors[rows[from + (int) slot + random.nextInt(width)]];
        }
        int dim = sample[0].length;
        float[][] chosen = new float[k][];
        double[] nearest = new double[sampleSize];
        java.util.Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        chosen[0] = sample[random.nextInt(sampleSize)];
        int count = 1;
        while (count < k) {
            double total = 0;
            for (int i = 0; i < sampleSize; i++) {
                nearest[i] = Math.min(nearest[i], DistanceKernels.l2Squared(sample[i], 0, chosen[count - 1], 0, dim));
                total += nearest[i];
            }
            if (!(total > 0)) {
                break; // every sampled row coincides with a pivot
            }
            double target = random.nextDouble() * total;
            int pick = sampleSize - 1;
            for (int i = 0; i < sampleSize; i++) {
                target -= nearest[i];
                if (target < 0) {
                    pick = i;
                    break;
                }
            }
            chosen[count++] = sample[pick];
        }
        return java.util.Arrays.copyOf(chosen, count);
    }

    /** For rows[from..to): index of the nearest pivot (squared L2), computed on {@code threads} threads. */
    private static int[] nearest(float[][] vectors, int[] rows, int from, int to, float[][] pivots, int threads) {
        int count = to - from;
        int[] out = new int[count];
        int dim = pivots[0].length;
        int workers = Math.max(1, Math.min(threads, (int) ((long) count * pivots.length / 200_000)));
        Parallel.run(workers, w -> {
            for (int i = w; i < count; i += workers) {
                float[] v = vectors[rows[from + i]];
                int best = 0;
                float bestD = Float.POSITIVE_INFINITY;
                for (int p = 0; p < pivots.length; p++) {
                    float d = DistanceKernels.l2Squared(v, 0, pivots[p], 0, dim);
                    if (d < bestD) {
                        bestD = d;
                        best = p;
                    }
                }
                out[i] = best;
            }
        });
        return out;
    }

    /** Pivots in a greedy nearest-neighbour chain from pivot 0: rank of each pivot. */
    private static int[] chain(float[][] pivots) {
        int k = pivots.length;
        int dim = pivots[0].length;
        int[] rank = new int[k];
        boolean[] used = new boolean[k];
        int current = 0;
        used[0] = true;
        for (int r = 1; r < k; r++) {
            int best = -1;
            float bestD = Float.POSITIVE_INFINITY;
            for (int p = 0; p < k; p++) {
                if (!used[p]) {
                    float d = DistanceKernels.l2Squared(pivots[current], 0, pivots[p], 0, dim);
                    if (best < 0 || d < bestD) {
                        bestD = d;
                        best = p;
                    }
                }
            }
            used[best] = true;
            rank[best] = r;
            current = best;
        }
        return rank;
    }

    /** Stable counting sort of {@code rows} by the rank of their group. */
    private static int[] groupBy(int[] rows, int[] group, int groups, int[] rank) {
        int[] start = starts(group, groups, rank);
        int[] out = new int[group.length];
        for (int i = 0; i < group.length; i++) {
            out[start[rank[group[i]]]++] = rows[i];
        }
        return out;
    }

    /** Start offset of each group's rows, by rank, plus the total at the end. */
    private static int[] starts(int[] group, int groups, int[] rank) {
        int[] start = new int[groups + 1];
        for (int g : group) {
            start[rank[g] + 1]++;
        }
        for (int i = 0; i < groups; i++) {
            start[i + 1] += start[i];
        }
        return start;
    }
}
