package io.pgsight.index.distance;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VectorDistancesTest {
    @Test
    void pgvectorEdgeValues() {
        assertEquals(5.0, VectorDistances.l2(new float[] {0, 0}, new float[] {3, 4}));
        assertEquals(Double.POSITIVE_INFINITY, VectorDistances.l2(new float[] {3e38f}, new float[] {-3e38f}));
        assertEquals(Float.POSITIVE_INFINITY, VectorDistances.innerProduct(new float[] {3e38f}, new float[] {3e38f}));
        assertEquals(-11.0, VectorDistances.negativeInnerProduct(new float[] {1, 2}, new float[] {3, 4}));
        assertEquals(2.0, VectorDistances.cosine(new float[] {1, 1}, new float[] {-1, -1}));
        assertEquals(0.0, VectorDistances.cosine(new float[] {1, 2}, new float[] {2, 4}), 1e-7);
        assertTrue(Double.isNaN(VectorDistances.cosine(new float[] {0, 0}, new float[] {1, 2})));
        assertTrue(Double.isNaN(VectorDistances.cosine(new float[] {3e38f}, new float[] {3e38f})));
        assertEquals(7f, VectorDistances.l1(new float[] {0, 0}, new float[] {3, -4}));
        assertEquals(5e37, VectorDistances.norm(new float[] {3e37f, 4e37f}), 1e30);
    }

    @Test
    void summationFollowsEightLaneModel() {
        SplittableRandom r = new SplittableRandom(7);
        for (int n : new int[] {1, 3, 8, 16, 19, 80, 128}) {
            float[] a = new float[n];
            float[] b = new float[n];
            for (int i = 0; i < n; i++) {
                a[i] = (float) r.nextDouble() * 1000;
                b[i] = (float) r.nextDouble() * 1000;
            }
            float[] lanes = new float[8];
            int end = n & ~7;
            for (int i = 0; i < end; i++) {
                float d = a[i] - b[i];
                lanes[i % 8] += d * d;
            }
            float sum = ((lanes[0] + lanes[4]) + (lanes[2] + lanes[6])) + ((lanes[1] + lanes[5]) + (lanes[3] + lanes[7]));
            for (int i = end; i < n; i++) {
                float d = a[i] - b[i];
                sum += d * d;
            }
            assertEquals(sum, VectorDistances.l2Squared(a, b), "n=" + n);
        }
    }

    @Test
    void rankingKernelsAgreeWithScalarOnes() {
        SplittableRandom r = new SplittableRandom(11);
        for (int n : new int[] {1, 7, 8, 9, 80, 128, 1000}) {
            float[] a = new float[n];
            float[] b = new float[n];
            for (int i = 0; i < n; i++) {
                a[i] = (float) (r.nextDouble() * 2 - 1);
                b[i] = (float) (r.nextDouble() * 2 - 1);
            }
            assertEquals(VectorDistances.l2Squared(a, 0, b, 0, n), DistanceKernels.l2Squared(a, 0, b, 0, n), 1e-4 * n);
            assertEquals(VectorDistances.innerProduct(a, 0, b, 0, n), DistanceKernels.innerProduct(a, 0, b, 0, n),
                    1e-4 * n);
            assertEquals(VectorDistances.l1(a, 0, b, 0, n), DistanceKernels.l1(a, 0, b, 0, n), 1e-4 * n);
        }
    }

    @Test
    void indexDistanceReportsOperatorValues() {
        float[] a = {1, 2, 3};
        float[] b = {-2, 0, 5};
        IndexDistance l2 = IndexDistance.of(io.pgsight.index.Metric.L2);
        assertEquals((float) VectorDistances.l2(a, b), l2.reported(l2.between(a, 0, b, 0, 3)));
        IndexDistance ip = IndexDistance.of(io.pgsight.index.Metric.NEGATIVE_INNER_PRODUCT);
        assertEquals((float) VectorDistances.negativeInnerProduct(a, b), ip.reported(ip.between(a, 0, b, 0, 3)));
        IndexDistance cos = IndexDistance.of(io.pgsight.index.Metric.COSINE);
        float[] pa = cos.prepare(a);
        float[] pb = cos.prepare(b);
        assertEquals(VectorDistances.cosine(a, b), cos.reported(cos.between(pa, 0, pb, 0, 3)), 1e-6);
        assertEquals(null, cos.prepare(new float[] {0, 0, 0}));
    }
}
