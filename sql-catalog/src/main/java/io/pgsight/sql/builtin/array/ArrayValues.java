package io.pgsight.sql.builtin.array;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.spi.PgArray;

import java.util.Arrays;

/** Building new arrays from old ones: append, prepend, concatenate, with array_cat's dimension rules. */
public final class ArrayValues {
    private ArrayValues() {
    }

    public static PgArray append(PgArray a, Object e) {
        if (a.dimensionCount() == 0) {
            return new PgArray(a.elementTypeOid(), new int[] {1}, new int[] {1}, new Object[] {e});
        }
        if (a.dimensionCount() != 1) {
            throw new SqlException("22000", "argument must be empty or one-dimensional array");
        }
        Object[] out = Arrays.copyOf(a.toArray(), a.length() + 1);
        out[a.length()] = e;
        return new PgArray(a.elementTypeOid(), new int[] {out.length}, new int[] {a.lowerBound(0)}, out);
    }

    public static PgArray prepend(Object e, PgArray a) {
        if (a.dimensionCount() == 0) {
            return new PgArray(a.elementTypeOid(), new int[] {1}, new int[] {1}, new Object[] {e});
        }
        if (a.dimensionCount() != 1) {
            throw new SqlException("22000", "argument must be empty or one-dimensional array");
        }
        Object[] out = new Object[a.length() + 1];
        out[0] = e;
        System.arraycopy(a.toArray(), 0, out, 1, a.length());
        return new PgArray(a.elementTypeOid(), new int[] {out.length}, new int[] {a.lowerBound(0)}, out);
    }

    /** array_cat: same-rank arrays join along the first dimension; rank n-1 joins as one more slice. */
    public static PgArray concat(PgArray a, PgArray b) {
        if (a.dimensionCount() == 0) {
            return b;
        }
        if (b.dimensionCount() == 0) {
            return a;
        }
        int na = a.dimensionCount();
        int nb = b.dimensionCount();
        Object[] out = new Object[a.length() + b.length()];
        System.arraycopy(a.toArray(), 0, out, 0, a.length());
        System.arraycopy(b.toArray(), 0, out, a.length(), b.length());
        if (na == nb) {
            for (int i = 1; i < na; i++) {
                if (a.dimension(i) != b.dimension(i)) {
                    throw incompatible();
                }
            }
            int[] dims = a.dimensions();
            dims[0] += b.dimension(0);
            return new PgArray(a.elementTypeOid(), dims, a.lowerBounds(), out);
        }
        if (na == nb + 1) {
            for (int i = 0; i < nb; i++) {
                if (a.dimension(i + 1) != b.dimension(i)) {
                    throw incompatible();
                }
            }
            int[] dims = a.dimensions();
            dims[0] += 1;
            return new PgArray(a.elementTypeOid(), dims, a.lowerBounds(), out);
        }
        if (nb == na + 1) {
            for (int i = 0; i < na; i++) {
                if (b.dimension(i + 1) != a.dimension(i)) {
                    throw incompatible();
                }
            }
            int[] dims = b.dimensions();
            dims[0] += 1;
            return new PgArray(b.elementTypeOid(), dims, b.lowerBounds(), out);
        }
        throw new SqlException("2202E", "cannot concatenate incompatible arrays")
                .withDetail("Arrays of " + na + " and " + nb + " dimensions are not compatible for concatenation.");
    }

    private static SqlException incompatible() {
        return new SqlException("2202E", "cannot concatenate incompatible arrays")
                .withDetail("Arrays with differing element dimensions are not compatible for concatenation.");
    }
}
