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
