package io.pgsight.index.internal;

import io.pgsight.index.distance.VectorDistances;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BoundedAssignmentTest {
    /** Lloyd iterations on clustered data: every step's assignment is the exhaustive nearest centre. */
    @Test
    void everyIterationMatchesExhaustiveAssignment() {
        SplittableRandom r = new SplittableRandom(7);
        int n = 6000;
        int dim = 10;
        for (int k : new int[] {20, 300}) {
            float[] samples = new float[n * dim];
            float[][] blobs = new float[15][dim];
            for (float[] b : blobs) {
                for (int j = 0; j < dim; j++) {
                    b[j] = (float) (r.nextDouble() * 50);
                }
            }
            for (int i = 0; i < n; i++) {
                float[] b = blobs[r.nextInt(blobs.length)];
                for (int j = 0; j < dim; j++) {
                    samples[i * dim + j] = b[j] + (float) r.nextGaussian();
                }
            }
            float[] centers = new float[k * dim];
            for (int c = 0; c < k; c++) {
                System.arraycopy(samples, r.nextInt(n) * dim, centers, c * dim, dim);
            }
            BoundedAssignment assignment = new BoundedAssignment(samples, n, dim, 2);
            for (int iteration = 0; iteration < 12; iteration++) {
                assignment.assign(centers, k);
                double objective = 0;
                for (int i = 0; i < n; i++) {
                    float best = Float.POSITIVE_INFINITY;
                    for (int c = 0; c < k; c++) {
                        best = Math.min(best, VectorDistances.l2Squared(samples, i * dim, centers, c * dim, dim));
                    }
                    int a = assignment.assignment()[i];
                    float got = VectorDistances.l2Squared(samples, i * dim, centers, a * dim, dim);
                    assertEquals(best, got, best * 1e-4f + 1e-6f, "k=" + k + " iteration " + iteration + " sample " + i);
                    objective += got;
                }
                assertEquals(objective, assignment.objective(), objective * 1e-4);
                // move the centres to their means (a centre left empty jumps somewhere random)
                float[] sums = new float[k * dim];
                int[] counts = new int[k];
                for (int i = 0; i < n; i++) {
                    int a = assignment.assignment()[i];
                    counts[a]++;
                    for (int j = 0; j < dim; j++) {
                        sums[a * dim + j] += samples[i * dim + j];
                    }
                }
                centers = new float[k * dim];
                for (int c = 0; c < k; c++) {
                    for (int j = 0; j < dim; j++) {
                        centers[c * dim + j] = counts[c] == 0 ? (float) (r.nextDouble() * 50) : sums[c * dim + j] / counts[c];
                    }
                }
            }
        }
    }

    @Test
    void settledSamplesSkipTheSearch() {
        SplittableRandom r = new SplittableRandom(8);
        int n = 4000;
        int dim = 4;
        float[] samples = new float[n * dim];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) r.nextDouble();
        }
        float[] centers = new float[50 * dim];
        System.arraycopy(samples, 0, centers, 0, centers.length);
        BoundedAssignment assignment = new BoundedAssignment(samples, n, dim, 1);
        assignment.assign(centers, 50);
        assertEquals(n, assignment.fullSearches());
        assertEquals(0, assignment.assign(centers, 50)); // unmoved centres: bounds hold for every sample
        assertEquals(n, assignment.fullSearches());
    }
}
