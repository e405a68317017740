package io.pgsight.index.pase;

import io.pgsight.index.distance.DistanceKernels;
import io.pgsight.index.distance.VectorDistances;
import io.pgsight.index.internal.Parallel;

/**
 * pase's internal k-means (from pgxn kmeans): deterministic initialisation — per-dimension min and
 * max over the samples, class j's target point is min + (max − min)·(j+1)/(k+1), the nearest
 * sample not yet chosen becomes its initial mean — then Lloyd iterations under squared L2 until
 * the objective is exactly unchanged. Empty clusters keep their mean. Deviation: iterations are
 * capped at {@link #MAX_ITERATIONS} (pase has no cap), and with fewer samples than k the
 * remaining classes start at their target points.
 */
final class PaseKMeans {
    static final int MAX_ITERATIONS = 1000;

    private PaseKMeans() {
    }

    static float[] train(float[] samples, int n, int dim, int k, int threads) {
        float[] centers = new float[k * dim];
        if (n == 0) {
            return centers;
        }
        float[] min = new float[dim];
        float[] max = new float[dim];
        System.arraycopy(samples, 0, min, 0, dim);
        System.arraycopy(samples, 0, max, 0, dim);
        for (int i = 1; i < n; i++) {
            for (int j = 0; j < dim; j++) {
                float v = samples[i * dim + j];
                min[j] = Math.min(min[j], v);
                max[j] = Math.max(max[j], v);
            }
        }
        boolean[] chosen = new boolean[n];
        float[] target = new float[dim];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < dim; j++) {
                target[j] = min[j] + (max[j] - min[j]) * (c + 1) / (k + 1);
            }
            int best = -1;
            float bestD = Float.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (chosen[i]) {
                    continue;
                }
                float d = DistanceKernels.l2Squared(target, 0, samples, i * dim, dim);
                if (d < bestD) {
                    bestD = d;
                    best = i;
                }
            }
            if (best >= 0) {
                chosen[best] = true;
                System.arraycopy(samples, best * dim, centers, c * dim, dim);
            } else {
                System.arraycopy(target, 0, centers, c * dim, dim);
            }
        }
        int[] assignment = new int[n];
        double previous = Double.NaN;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double objective = assign(samples, n, dim, centers, k, assignment, threads);
            if (objective == previous) {
                break;
            }
            previous = objective;
            recompute(samples, n, dim, centers, k, assignment);
        }
        return centers;
    }

    private static double assign(float[] samples, int n, int dim, float[] centers, int k, int[] assignment,
                                 int threads) {
        var finder = new io.pgsight.index.internal.NearestCenter(centers, k, dim);
        int workers = Math.max(1, Math.min(threads, n / 2048 + 1));
        int block = (n + workers - 1) / workers;
        double[] partial = new double[workers];
        Parallel.run(workers, w -> {
            double sum = 0;
            for (int i = w * block, end = Math.min(n, (w + 1) * block); i < end; i++) {
                int c = finder.nearest(samples, i * dim, assignment[i] - 1);
                assignment[i] = c + 1; // 0 = not yet assigned
                sum += DistanceKernels.l2Squared(samples, i * dim, centers, c * dim, dim);
            }
            partial[w] = sum;
        });
        double total = 0;
        for (double p : partial) {
            total += p;
        }
        return total;
    }

    private static void recompute(float[] samples, int n, int dim, float[] centers, int k, int[] assignment) {
        double[] sums = new double[k * dim];
        int[] counts = new int[k];
        for (int i = 0; i < n; i++) {
            int c = assignment[i] - 1;
            counts[c]++;
            for (int j = 0; j < dim; j++) {
                sums[c * dim + j] += samples[i * dim + j];
            }
        }
        for (int c = 0; c < k; c++) {
            if (counts[c] == 0) {
                continue;
            }
            for (int j = 0; j < dim; j++) {
                centers[c * dim + j] = (float) (sums[c * dim + j] / counts[c]);
            }
        }
    }
}
