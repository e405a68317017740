package io.pgsight.sql.plpgsql.exec;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.spi.PgArray;

import java.util.Arrays;

/**
 * {@code a[i] := v} and {@code a[i][j] := v} of PL/pgSQL: the array with one element replaced. A one-dimensional
 * array (or a NULL one) grows to take a subscript outside its bounds, the gap filled with NULLs, as PostgreSQL's
 * array_set does; a multi-dimensional one only takes subscripts inside its bounds.
 */
final class PlArrayElement {
    private PlArrayElement() {
    }

    static PgArray set(PgArray array, int elementType, int[] subscripts, Object value) {
        if (array == null || array.length() == 0) {
            int[] dims = new int[subscripts.length];
            Arrays.fill(dims, 1);
            return new PgArray(elementType, dims, subscripts.clone(), new Object[] {value});
        }
        if (array.dimensionCount() != subscripts.length) {
            throw new SqlException("2202E", "wrong number of array subscripts");
        }
        if (subscripts.length == 1) {
            return setOneDimensional(array, subscripts[0], value);
        }
        int offset = 0;
        for (int d = 0; d < subscripts.length; d++) {
            int k = subscripts[d] - array.lowerBound(d);
            if (k < 0 || k >= array.dimension(d)) {
                throw new SqlException("2202E", "array subscript out of range");
            }
            offset = offset * array.dimension(d) + k;
        }
        Object[] elements = array.toArray();
        elements[offset] = value;
        return new PgArray(array.elementTypeOid(), array.dimensions(), array.lowerBounds(), elements);
    }

    private static PgArray setOneDimensional(PgArray array, int index, Object value) {
        int lower = array.lowerBound(0);
        int upper = lower + array.dimension(0) - 1;
        int newLower = Math.min(lower, index);
        int newUpper = Math.max(upper, index);
        Object[] elements = new Object[newUpper - newLower + 1];
        Object[] old = array.toArray();
        System.arraycopy(old, 0, elements, lower - newLower, old.length);
        elements[index - newLower] = value;
        return new PgArray(array.elementTypeOid(), new int[] {elements.length}, new int[] {newLower}, elements);
    }
}
