package io.pgsight.index.internal;

import io.pgsight.index.distance.VectorDistances;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NearestCenterTest {
    @Test
    void agreesWithBruteForceOnClusteredAndUniformCentres() {
        SplittableRandom r = new SplittableRandom(3);
        for (boolean clustered : new boolean[] {true, false}) {
            int k = 500;
            int dim = 12;
            float[] centers = new float[k * dim];
            float[][] blobs = new float[20][dim];
            for (float[] b : blobs) {
                for (int j = 0; j < dim; j++) {
                    b[j] = (float) (r.nextDouble() * 100);
                }
            }
            for (int c = 0; c < k; c++) {
                float[] blob = blobs[r.nextInt(blobs.length)];
                for (int j = 0; j < dim; j++) {
                    centers[c * dim + j] = clustered ? blob[j] + (float) r.nextDouble() : (float) (r.nextDouble() * 100);
                }
            }
            NearestCenter finder = new NearestCenter(centers, k, dim);
            for (int t = 0; t < 2000; t++) {
                float[] x = new float[dim];
                float[] blob = blobs[r.nextInt(blobs.length)];
                for (int j = 0; j < dim; j++) {
                    x[j] = clustered ? blob[j] + (float) (r.nextDouble() * 2) : (float) (r.nextDouble() * 120 - 10);
                }
                int expected = 0;
                float best = Float.POSITIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    float d = VectorDistances.l2Squared(x, 0, centers, c * dim, dim);
                    if (d < best) {
                        best = d;
                        expected = c;
                    }
                }
                int hint = r.nextInt(k + 1) - 1;
                float got = VectorDistances.l2Squared(x, 0, centers, finder.nearest(x, 0, hint) * dim, dim);
                assertEquals(best, got, best * 1e-5f, "clustered=" + clustered + " expected centre " + expected);
            }
        }
    }
}
