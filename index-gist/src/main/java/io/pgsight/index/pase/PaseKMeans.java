package io.pgsight.index.pase;

import io.pgsight.index.BuildProgress;
import io.pgsight.index.distance.DistanceKernels;
import io.pgsight.index.internal.BoundedAssignment;
import io.pgsight.index.internal.Parallel;

/**
 * pase's internal k-means (from pgxn kmeans): deterministic initialisation — per-dimension min and
 * max over the samples, class j's target point is min + (max − min)·(j+1)/(k+1), the nearest
 * sample not yet chosen becomes its initial mean — then Lloyd iterations under squared L2 until
 * the objective is exactly unchanged. Empty clusters keep their mean. Deviation: iterations are
 * capped at {@link #MAX_ITERATIONS} (pase has no cap), and with fewer samples than k the
 * remaining classes start at their target points.
 *
 * <p>Speed without changing results: the targets lie on one line, so a sample's squared distance
 * to every target is a quadratic in the line parameter; the initialisation ranks samples with it
 * and confirms the winner with exact distances. Assignment keeps per-sample bounds
 * ({@link BoundedAssignment}) so settled samples cost one distance per iteration.
 */
final class PaseKMeans {
    static final int MAX_ITERATIONS = 1000;

    private PaseKMeans() {
    }

    static float[] train(float[] samples, int n, int dim, int k, int threads) {
        return train(samples, n, dim, k, threads, BuildProgress.NONE);
    }

    /** Trains; {@code progress} gets ("performing k-means", iteration, MAX_ITERATIONS) per iteration. */
    static float[] train(float[] samples, int n, int dim, int k, int threads, BuildProgress progress) {
        float[] centers = new float[k * dim];
        if (n == 0) {
            return centers;
        }
        initialMeans(samples, n, dim, k, centers);
        BoundedAssignment assignment = new BoundedAssignment(samples, n, dim, threads);
        double previous = Double.NaN;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            assignment.assign(centers, k);
            double objective = assignment.objective();
            progress.report("performing k-means", iteration + 1, MAX_ITERATIONS);
            if (objective == previous) {
                break;
            }
            previous = objective;
            recompute(samples, n, dim, centers, k, assignment.assignment(), threads);
        }
        return centers;
    }

    /**
     * Initial means: for each class in order, the nearest not-yet-chosen sample to its target
     * point (ties: lowest sample index). With a = x − min and w = max − min, the squared distance
     * to target t·w + min is |a|² − 2t·(a·w) + t²·|w|²; that ranks samples in a few flops, then
     * every sample whose estimate is within rounding reach of the smallest gets an exact distance.
     */
    static void initialMeans(float[] samples, int n, int dim, int k, float[] centers) {
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
        double ww = 0;
        for (int j = 0; j < dim; j++) {
            double w = (double) max[j] - min[j];
            ww += w * w;
        }
        double[] aa = new double[n];
        double[] aw = new double[n];
        double scale = 0; // largest |a|², for the rounding allowance
        for (int i = 0; i < n; i++) {
            double s = 0;
            double p = 0;
            for (int j = 0; j < dim; j++) {
                double a = (double) samples[i * dim + j] - min[j];
                s += a * a;
                p += a * ((double) max[j] - min[j]);
            }
            aa[i] = s;
            aw[i] = p;
            scale = Math.max(scale, s);
        }
        scale = Math.max(scale, ww);
        boolean[] chosen = new boolean[n];
        float[] target = new float[dim];
        double[] estimate = new double[n];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < dim; j++) {
                target[j] = min[j] + (max[j] - min[j]) * (c + 1) / (k + 1);
            }
            double t = (c + 1) / (double) (k + 1);
            double lowest = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double e = aa[i] - 2 * t * aw[i] + t * t * ww;
                estimate[i] = e;
                if (!chosen[i] && e < lowest) {
                    lowest = e;
                }
            }
            if (lowest == Double.POSITIVE_INFINITY) {
                System.arraycopy(target, 0, centers, c * dim, dim); // fewer samples than classes
                continue;
            }
            // float32 targets and float32 distance sums differ from the estimate by far less than this
            double reach = lowest + 1e-4 * lowest + 1e-5 * scale + 1e-30;
            int best = -1;
            float bestD = Float.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (chosen[i] || estimate[i] > reach) {
                    continue;
                }
                float d = DistanceKernels.l2Squared(target, 0, samples, i * dim, dim);
                if (d < bestD) {
                    bestD = d;
                    best = i;
                }
            }
            chosen[best] = true;
            System.arraycopy(samples, best * dim, centers, c * dim, dim);
        }
    }

    /**
     * New means in double, per dimension in sample order; threads split the dimensions, so the
     * result does not depend on the thread count. Empty clusters keep their mean.
     */
    private static void recompute(float[] samples, int n, int dim, float[] centers, int k, int[] assignment,
                                  int threads) {
        int[] counts = new int[k];
        for (int i = 0; i < n; i++) {
            counts[assignment[i]]++;
        }
        int workers = Math.max(1, Math.min(threads, dim / 8));
        int span = (dim + workers - 1) / workers;
        Parallel.run(workers, w -> {
            int lo = w * span;
            int hi = Math.min(dim, lo + span);
            int width = hi - lo;
            if (width <= 0) {
                return;
            }
            double[] sums = new double[k * width];
            for (int i = 0; i < n; i++) {
                int so = i * dim + lo;
                int co = assignment[i] * width;
                for (int j = 0; j < width; j++) {
                    sums[co + j] += samples[so + j];
                }
            }
            for (int c = 0; c < k; c++) {
                if (counts[c] == 0) {
                    continue;
                }
                for (int j = 0; j < width; j++) {
                    centers[c * dim + lo + j] = (float) (sums[c * width + j] / counts[c]);
                }
            }
        });
    }
}
