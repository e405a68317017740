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
}
