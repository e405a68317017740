package io.pgsight.index.ivfflat;

import io.pgsight.index.BuildProgress;
import io.pgsight.index.distance.DistanceKernels;
import io.pgsight.index.distance.VectorDistances;
import io.pgsight.index.internal.BoundedAssignment;
import io.pgsight.index.internal.NearestCenter;

import java.util.SplittableRandom;

/**
 * pgvector-style k-means: k-means++ initialisation, then Lloyd iterations until an iteration
 * changes no assignment or the cap is reached. New centre = float32 mean of its members (±inf
 * clamped to ±Float.MAX_VALUE); an empty cluster gets a random vector with components uniform in
 * [0, 1). Spherical k-means (inner product and cosine) works on unit vectors and renormalises the
 * centres; on unit vectors L2 orders like the angular distance, so assignment is always L2 and can
 * use {@link NearestCenter}'s triangle-inequality pruning.
 */
final class KMeans {
    private KMeans() {
    }

    /**
     * Trains {@code k} centres on {@code n} samples stored contiguously in {@code samples}.
     * Returns the centres contiguously (k·dim floats).
     */
    static float[] train(float[] samples, int n, int dim, int k, boolean spherical, long seed, int maxIterations,
                         int threads, BuildProgress progress) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] centers = new float[k * dim];
        if (n == 0) {
            for (int c = 0; c < k; c++) {
                randomCenter(centers, c, dim, random, spherical);
            }
            return centers;
        }
        int initialized = initPlusPlus(samples, n, dim, k, centers, random);
        for (int c = initialized; c < k; c++) {
            randomCenter(centers, c, dim, random, spherical);
        }
        if (spherical) {
            for (int c = 0; c < k; c++) {
                normalize(centers, c * dim, dim);
            }
        }
        BoundedAssignment assignment = new BoundedAssignment(samples, n, dim, threads);
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            int changed = assignment.assign(centers, k);
            progress.report("performing k-means", iteration + 1, maxIterations);
            if (changed == 0 && iteration > 0) {
                break;
            }
            centers = recompute(samples, n, dim, k, assignment.assignment(), random, spherical);
        }
        return centers;
    }

    /** k-means++ seeding; returns how many distinct centres it could place (≤ k). */
    private static int initPlusPlus(float[] samples, int n, int dim, int k, float[] centers, SplittableRandom random) {
        float[] nearest = new float[n];          // distance (not squared) to nearest chosen centre
        int[] owner = new int[n];
        int first = random.nextInt(n);
        System.arraycopy(samples, first * dim, centers, 0, dim);
        double total = 0;
        for (int i = 0; i < n; i++) {
            nearest[i] = (float) Math.sqrt(DistanceKernels.l2Squared(samples, i * dim, centers, 0, dim));
            total += (double) nearest[i] * nearest[i];
        }
        float[] toNew = new float[k];
        for (int c = 1; c < k; c++) {
            if (!(total > 0)) {
                return c; // all samples coincide with chosen centres
            }
            double target = random.nextDouble() * total;
            int pick = n - 1;
            double acc = 0;
            for (int i = 0; i < n; i++) {
                acc += (double) nearest[i] * nearest[i];
                if (acc >= target && nearest[i] > 0) {
                    pick = i;
                    break;
                }
            }
            System.arraycopy(samples, pick * dim, centers, c * dim, dim);
            for (int j = 0; j < c; j++) {
                toNew[j] = (float) Math.sqrt(DistanceKernels.l2Squared(centers, j * dim, centers, c * dim, dim));
            }
            total = 0;
            for (int i = 0; i < n; i++) {
                float current = nearest[i];
                // triangle inequality: the new centre cannot be closer when far from the owner
                if (toNew[owner[i]] < 2 * current) {
                    float d = (float) Math.sqrt(DistanceKernels.l2Squared(samples, i * dim, centers, c * dim, dim));
                    if (d < current) {
                        nearest[i] = d;
                        owner[i] = c;
                        current = d;
                    }
                }
                total += (double) current * current;
            }
        }
        return k;
    }

    private static float[] recompute(float[] samples, int n, int dim, int k, int[] assignment, SplittableRandom random,
                                     boolean spherical) {
        float[] sums = new float[k * dim];
        int[] counts = new int[k];
        for (int i = 0; i < n; i++) {
            int c = assignment[i];
            counts[c]++;
            int so = i * dim;
            int co = c * dim;
            for (int j = 0; j < dim; j++) {
                sums[co + j] += samples[so + j];
            }
        }
        for (int c = 0; c < k; c++) {
            int co = c * dim;
            if (counts[c] == 0) {
                randomCenter(sums, c, dim, random, spherical);
                continue;
            }
            for (int j = 0; j < dim; j++) {
                float s = sums[co + j];
                if (s == Float.POSITIVE_INFINITY) {
                    s = Float.MAX_VALUE;
                } else if (s == Float.NEGATIVE_INFINITY) {
                    s = -Float.MAX_VALUE;
                }
                sums[co + j] = s / counts[c];
            }
            if (spherical) {
                normalize(sums, co, dim);
            }
        }
        return sums;
    }

    private static void randomCenter(float[] centers, int c, int dim, SplittableRandom random, boolean spherical) {
        for (int j = 0; j < dim; j++) {
            centers[c * dim + j] = (float) random.nextDouble();
        }
        if (spherical) {
            normalize(centers, c * dim, dim);
        }
    }

    static void normalize(float[] v, int off, int dim) {
        double sum = 0;
        for (int j = 0; j < dim; j++) {
            sum += (double) v[off + j] * v[off + j];
        }
        double norm = Math.sqrt(sum);
        if (norm > 0) {
            for (int j = 0; j < dim; j++) {
                v[off + j] = (float) (v[off + j] / norm);
            }
        }
    }
}
