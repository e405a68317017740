package io.pgsight.index.distance;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Squared L2 on the Vector API that gives up once the partial sum passes a bound (see
 * {@link DistanceKernels#l2SquaredBounded}). Loaded only when the Vector API module is present.
 */
final class SimdBoundedL2 {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_256;
    /** Dimensions summed before the first look at the bound, then between looks. */
    private static final int STEP = 16;

    private SimdBoundedL2() {
    }

    static float l2SquaredBounded(float[] q, float[] v, int vo, int dim, float bound) {
        FloatVector acc = FloatVector.zero(SPECIES);
        FloatVector acc2 = FloatVector.zero(SPECIES);
        int end = dim - dim % STEP;
        int i = 0;
        while (i < end) {
            FloatVector d = FloatVector.fromArray(SPECIES, q, i).sub(FloatVector.fromArray(SPECIES, v, vo + i));
            FloatVector d2 = FloatVector.fromArray(SPECIES, q, i + 8).sub(FloatVector.fromArray(SPECIES, v, vo + i + 8));
            acc = d.fma(d, acc);
            acc2 = d2.fma(d2, acc2);
            i += STEP;
            if (i < dim) {
                float partial = acc.add(acc2).reduceLanes(VectorOperators.ADD);
                if (partial > bound) {
                    return partial;
                }
            }
        }
        float sum = acc.add(acc2).reduceLanes(VectorOperators.ADD);
        for (; i < dim; i++) {
            float d = q[i] - v[vo + i];
            sum += d * d;
        }
        return sum;
    }
}
