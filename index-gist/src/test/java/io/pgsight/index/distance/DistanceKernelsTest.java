package io.pgsight.index.distance;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The batched kernels give each vector the same bits as the kernel an index uses for it alone, so
 * a row's distance does not depend on which rows it was measured with (the suite runs with the
 * Vector API, so these are the SIMD kernels).
 */
class DistanceKernelsTest {
    @Test
    void fourAtATimeEqualsOneAtATime() {
        assertTrue(DistanceKernels.simd(), "the index-gist suite runs with jdk.incubator.vector");
        SplittableRandom r = new SplittableRandom(9);
        for (int n : new int[] {1, 7, 8, 15, 16, 17, 24, 64, 65, 80, 127}) {
            float[] q = new float[n + 5];
            float[] v = new float[40 * n + 3];
            for (int i = 0; i < q.length; i++) {
                q[i] = (float) (r.nextGaussian() * 1000);
            }
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (r.nextGaussian() * 1000);
            }
            for (int round = 0; round < 20; round++) {
                int qo = r.nextInt(6);
                int[] o = {r.nextInt(39 * n + 1), r.nextInt(39 * n + 1), r.nextInt(39 * n + 1), r.nextInt(39 * n + 1)};
                float[] out = new float[6];
                DistanceKernels.l2SquaredFour(q, qo, v, o[0], o[1], o[2], o[3], n, out, 1);
                for (int k = 0; k < 4; k++) {
                    assertEquals(Float.floatToIntBits(DistanceKernels.l2Squared(q, qo, v, o[k], n)),
                            Float.floatToIntBits(out[1 + k]), "n=" + n + " vector " + k);
                }
            }
        }
    }

    @Test
    void batchLeftoversEqualGroupedRows() {
        SplittableRandom r = new SplittableRandom(4);
        int dim = 16;
        float[] q = new float[dim];
        float[] v = new float[11 * dim];
        for (int i = 0; i < q.length; i++) {
            q[i] = (float) r.nextGaussian();
        }
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        float[] all = new float[11];
        DistanceKernels.l2SquaredMany(q, v, 0, 11, dim, all, 0); // rows 8..10 are leftovers of the groups of four
        for (int row = 0; row < 11; row++) {
            float[] one = new float[1];
            DistanceKernels.l2SquaredMany(q, v, row, 1, dim, one, 0);
            assertEquals(Float.floatToIntBits(all[row]), Float.floatToIntBits(one[0]), "row " + row);
        }
    }
}
