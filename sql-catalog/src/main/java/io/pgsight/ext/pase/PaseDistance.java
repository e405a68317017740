package io.pgsight.ext.pase;

import io.pgsight.ext.vector.Distances;
import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.spi.PgArray;

/**
 * g_pase_distance: squared L2 (no root) unless the query's ds is 1, then the plain (positive) inner
 * product; float32 results. {@code <#>} is the same function, not pgvector's negative inner product.
 */
final class PaseDistance {
    private PaseDistance() {
    }

    /** The elements of a float4[] in storage order, any number of dimensions. */
    static float[] elements(PgArray array) {
        float[] compact = array.float4Copy();
        if (compact != null) {
            return compact;
        }
        float[] x = new float[array.length()];
        for (int i = 0; i < x.length; i++) {
            Object e = array.get(i);
            if (e == null) {
                // pase copies raw array data; a NULL element has none, so refuse it
                throw new SqlException("22004", "array must not contain nulls");
            }
            x[i] = ((Number) e).floatValue();
        }
        return x;
    }

    static float distance(float[] data, PaseValue query, boolean innerProductInDouble) {
        if (query.dimensions() != data.length) {
            throw new SqlException("22023", "leftarg[" + query.dimensions() + "] and rightarg[" + data.length
                    + "] dim is not equal.");
        }
        if (query.ds() == 1) {
            if (innerProductInDouble) {
                double sum = 0;
                for (int i = 0; i < data.length; i++) {
                    sum += (double) data[i] * query.get(i);
                }
                return (float) sum;
            }
            float sum = 0f;
            for (int i = 0; i < data.length; i++) {
                sum += data[i] * query.get(i);
            }
            return sum;
        }
        return (float) Distances.l2Squared(data, query.elements());
    }
}
