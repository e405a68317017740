package io.pgsight.index.distance;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Ranking kernels on the incubating Vector API, 8 float lanes (256 bits; measured faster than
 * 512 bits at 80 and 128 dimensions on the project's AMD EPYC). Loaded only by
 * {@link DistanceKernels} when the JVM runs with {@code --add-modules jdk.incubator.vector}.
 * Results may differ from {@link VectorDistances} in the last bits (fused multiply-add, lane
 * reduction order), so they are used for ranking only, never for values shown to users.
 */
final class SimdKernels {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_256;

    private SimdKernels() {
    }

    static float l2Squared(float[] a, int ao, float[] b, int bo, int n) {
        // two accumulators: the FMA latency, not the loads, bounds one chain at 80-128 dimensions
        FloatVector acc = FloatVector.zero(SPECIES);
        FloatVector acc2 = FloatVector.zero(SPECIES);
        int end = SPECIES.loopBound(n);
        int i = 0;
        for (; i + 16 <= end; i += 16) {
            FloatVector d = FloatVector.fromArray(SPECIES, a, ao + i).sub(FloatVector.fromArray(SPECIES, b, bo + i));
            FloatVector d2 = FloatVector.fromArray(SPECIES, a, ao + i + 8)
                    .sub(FloatVector.fromArray(SPECIES, b, bo + i + 8));
            acc = d.fma(d, acc);
            acc2 = d2.fma(d2, acc2);
        }
        acc = acc.add(acc2);
        for (; i < end; i += 8) {
            FloatVector d = FloatVector.fromArray(SPECIES, a, ao + i).sub(FloatVector.fromArray(SPECIES, b, bo + i));
            acc = d.fma(d, acc);
        }
        float sum = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            float d = a[ao + i] - b[bo + i];
            sum += d * d;
        }
        return sum;
    }

    /**
     * {@link #l2Squared} from {@code q} (at {@code qo}) to four vectors of {@code v} at offsets
     * {@code o0..o3}, into {@code out[at..at+3]}: the query is loaded once for the four, and each
     * vector is summed exactly as {@link #l2Squared} sums it (same accumulators, same order).
     */
    static void l2SquaredFour(float[] q, int qo, float[] v, int o0, int o1, int o2, int o3, int n, float[] out,
                              int at) {
        FloatVector a0 = FloatVector.zero(SPECIES);
        FloatVector b0 = FloatVector.zero(SPECIES);
        FloatVector a1 = FloatVector.zero(SPECIES);
        FloatVector b1 = FloatVector.zero(SPECIES);
        FloatVector a2 = FloatVector.zero(SPECIES);
        FloatVector b2 = FloatVector.zero(SPECIES);
        FloatVector a3 = FloatVector.zero(SPECIES);
        FloatVector b3 = FloatVector.zero(SPECIES);
        int end = SPECIES.loopBound(n);
        int i = 0;
        for (; i + 16 <= end; i += 16) {
            FloatVector x = FloatVector.fromArray(SPECIES, q, qo + i);
            FloatVector y = FloatVector.fromArray(SPECIES, q, qo + i + 8);
            FloatVector d = x.sub(FloatVector.fromArray(SPECIES, v, o0 + i));
            FloatVector e = y.sub(FloatVector.fromArray(SPECIES, v, o0 + i + 8));
            a0 = d.fma(d, a0);
            b0 = e.fma(e, b0);
            d = x.sub(FloatVector.fromArray(SPECIES, v, o1 + i));
            e = y.sub(FloatVector.fromArray(SPECIES, v, o1 + i + 8));
            a1 = d.fma(d, a1);
            b1 = e.fma(e, b1);
            d = x.sub(FloatVector.fromArray(SPECIES, v, o2 + i));
            e = y.sub(FloatVector.fromArray(SPECIES, v, o2 + i + 8));
            a2 = d.fma(d, a2);
            b2 = e.fma(e, b2);
            d = x.sub(FloatVector.fromArray(SPECIES, v, o3 + i));
            e = y.sub(FloatVector.fromArray(SPECIES, v, o3 + i + 8));
            a3 = d.fma(d, a3);
            b3 = e.fma(e, b3);
        }
        a0 = a0.add(b0);
        a1 = a1.add(b1);
        a2 = a2.add(b2);
        a3 = a3.add(b3);
        for (; i < end; i += 8) {
            FloatVector x = FloatVector.fromArray(SPECIES, q, qo + i);
            FloatVector d = x.sub(FloatVector.fromArray(SPECIES, v, o0 + i));
            a0 = d.fma(d, a0);
            d = x.sub(FloatVector.fromArray(SPECIES, v, o1 + i));
            a1 = d.fma(d, a1);
            d = x.sub(FloatVector.fromArray(SPECIES, v, o2 + i));
            a2 = d.fma(d, a2);
            d = x.sub(FloatVector.fromArray(SPECIES, v, o3 + i));
            a3 = d.fma(d, a3);
        }
        float s0 = a0.reduceLanes(VectorOperators.ADD);
        float s1 = a1.reduceLanes(VectorOperators.ADD);
        float s2 = a2.reduceLanes(VectorOperators.ADD);
        float s3 = a3.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            float x = q[qo + i];
            float d0 = x - v[o0 + i];
            float d1 = x - v[o1 + i];
            float d2 = x - v[o2 + i];
            float d3 = x - v[o3 + i];
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        out[at] = s0;
        out[at + 1] = s1;
        out[at + 2] = s2;
        out[at + 3] = s3;
    }

    static float innerProduct(float[] a, int ao, float[] b, int bo, int n) {
        FloatVector acc = FloatVector.zero(SPECIES);
        FloatVector acc2 = FloatVector.zero(SPECIES);
        int end = SPECIES.loopBound(n);
        int i = 0;
        for (; i + 16 <= end; i += 16) {
            acc = FloatVector.fromArray(SPECIES, a, ao + i).fma(FloatVector.fromArray(SPECIES, b, bo + i), acc);
            acc2 = FloatVector.fromArray(SPECIES, a, ao + i + 8).fma(FloatVector.fromArray(SPECIES, b, bo + i + 8), acc2);
        }
        acc = acc.add(acc2);
        for (; i < end; i += 8) {
            acc = FloatVector.fromArray(SPECIES, a, ao + i).fma(FloatVector.fromArray(SPECIES, b, bo + i), acc);
        }
        float sum = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            sum += a[ao + i] * b[bo + i];
        }
        return sum;
    }

    static float l1(float[] a, int ao, float[] b, int bo, int n) {
        FloatVector acc = FloatVector.zero(SPECIES);
        int end = SPECIES.loopBound(n);
        int i = 0;
        for (; i < end; i += 8) {
            acc = acc.add(FloatVector.fromArray(SPECIES, a, ao + i).sub(FloatVector.fromArray(SPECIES, b, bo + i)).abs());
        }
        float sum = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            sum += Math.abs(a[ao + i] - b[bo + i]);
        }
        return sum;
    }

    /**
     * Squared L2 from {@code q} to {@code count} vectors stored back to back from vector {@code from}
     * of {@code v}: four vectors per step share each load of the query and keep four accumulators in flight.
     */
    static void l2SquaredMany(float[] q, float[] v, int from, int count, int dim, float[] out, int outOffset) {
        int end = SPECIES.loopBound(dim);
        int i = 0;
        for (; i + 4 <= count; i += 4) {
            int o0 = (from + i) * dim;
            int o1 = o0 + dim;
            int o2 = o1 + dim;
            int o3 = o2 + dim;
            FloatVector a0 = FloatVector.zero(SPECIES);
            FloatVector a1 = FloatVector.zero(SPECIES);
            FloatVector a2 = FloatVector.zero(SPECIES);
            FloatVector a3 = FloatVector.zero(SPECIES);
            int j = 0;
            for (; j < end; j += 8) {
                FloatVector x = FloatVector.fromArray(SPECIES, q, j);
                FloatVector d0 = x.sub(FloatVector.fromArray(SPECIES, v, o0 + j));
                FloatVector d1 = x.sub(FloatVector.fromArray(SPECIES, v, o1 + j));
                FloatVector d2 = x.sub(FloatVector.fromArray(SPECIES, v, o2 + j));
                FloatVector d3 = x.sub(FloatVector.fromArray(SPECIES, v, o3 + j));
                a0 = d0.fma(d0, a0);
                a1 = d1.fma(d1, a1);
                a2 = d2.fma(d2, a2);
                a3 = d3.fma(d3, a3);
            }
            float s0 = a0.reduceLanes(VectorOperators.ADD);
            float s1 = a1.reduceLanes(VectorOperators.ADD);
            float s2 = a2.reduceLanes(VectorOperators.ADD);
            float s3 = a3.reduceLanes(VectorOperators.ADD);
            for (; j < dim; j++) {
                float x = q[j];
                float d0 = x - v[o0 + j];
                float d1 = x - v[o1 + j];
                float d2 = x - v[o2 + j];
                float d3 = x - v[o3 + j];
                s0 += d0 * d0;
                s1 += d1 * d1;
                s2 += d2 * d2;
                s3 += d3 * d3;
            }
            out[outOffset + i] = s0;
            out[outOffset + i + 1] = s1;
            out[outOffset + i + 2] = s2;
            out[outOffset + i + 3] = s3;
        }
        for (; i < count; i++) {
            out[outOffset + i] = l2SquaredAsInMany(q, v, (from + i) * dim, dim);
        }
    }

    /**
     * One vector summed exactly as the four-vector step sums each of its vectors (one accumulator,
     * same order), so a vector's distance does not depend on where it falls in a batch.
     */
    private static float l2SquaredAsInMany(float[] q, float[] v, int o, int dim) {
        int end = SPECIES.loopBound(dim);
        FloatVector a = FloatVector.zero(SPECIES);
        int j = 0;
        for (; j < end; j += 8) {
            FloatVector d = FloatVector.fromArray(SPECIES, q, j).sub(FloatVector.fromArray(SPECIES, v, o + j));
            a = d.fma(d, a);
        }
        float s = a.reduceLanes(VectorOperators.ADD);
        for (; j < dim; j++) {
            float d = q[j] - v[o + j];
            s += d * d;
        }
        return s;
    }
}
