package io.pgsight.index.pase;

import io.pgsight.index.distance.DistanceKernels;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class PaseKMeansTest {
    /** The initialisation as pase writes it: per class, scan every sample not yet chosen. */
    private static float[] plainInitialMeans(float[] samples, int n, int dim, int k) {
        float[] min = new float[dim];
        float[] max = new float[dim];
        System.arraycopy(samples, 0, min, 0, dim);
        System.arraycopy(samples, 0, max, 0, dim);
        for (int i = 1; i < n; i++) {
            for (int j = 0; j < dim; j++) {
                min[j] = Math.min(min[j], samples[i * dim + j]);
                max[j] = Math.max(max[j], samples[i * dim + j]);
            }
        }
        float[] centers = new float[k * dim];
        boolean[] chosen = new boolean[n];
        float[] target = new float[dim];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < dim; j++) {
                target[j] = min[j] + (max[j] - min[j]) * (c + 1) / (k + 1);
            }
            int best = -1;
            float bestD = Float.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (!chosen[i]) {
                    float d = DistanceKernels.l2Squared(target, 0, samples, i * dim, dim);
                    if (d < bestD) {
                        bestD = d;
                        best = i;
                    }
                }
            }
            if (best < 0) {
                System.arraycopy(target, 0, centers, c * dim, dim);
            } else {
                chosen[best] = true;
                System.arraycopy(samples, best * dim, centers, c * dim, dim);
            }
        }
        return centers;
    }

    @Test
    void initialMeansMatchThePlainScan() {
        SplittableRandom r = new SplittableRandom(11);
        int dim = 16;
        for (int n : new int[] {5, 3000}) {
            float[] samples = new float[n * dim];
            for (int i = 0; i < n; i++) {
                // tutorial-like: a few integer centres scaled by 1 ± 10%, plus exact duplicates
                int blob = r.nextInt(6);
                for (int j = 0; j < dim; j++) {
                    float u = (blob * 1237 + j * 311) % 10_000;
                    samples[i * dim + j] = i % 7 == 0 && i > 0 ? samples[(i - 1) * dim + j]
                            : (float) (u * 1.1 - u * 0.2 * r.nextDouble());
                }
            }
            int k = n == 5 ? 8 : 200;
            float[] fast = new float[k * dim];
            PaseKMeans.initialMeans(samples, n, dim, k, fast);
            assertArrayEquals(plainInitialMeans(samples, n, dim, k), fast, "n=" + n);
        }
    }

    @Test
    void resultDoesNotDependOnThreads() {
        SplittableRandom r = new SplittableRandom(12);
        int n = 5000;
        int dim = 8;
        float[] samples = new float[n * dim];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (r.nextInt(5) * 10 + r.nextDouble());
        }
        assertArrayEquals(PaseKMeans.train(samples, n, dim, 40, 1), PaseKMeans.train(samples, n, dim, 40, 3));
    }
}
