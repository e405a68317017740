package io.pgsight.sql.builtin.array;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.builtin.CatalogWriter;
import io.pgsight.sql.builtin.types.ValueOrder;
import io.pgsight.sql.builtin.types.ValueText;
import io.pgsight.sql.spi.PgArray;
import io.pgsight.sql.spi.SetReturningFunction;
import io.pgsight.sql.spi.Volatility;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Array functions (manual 9.19): array_length/upper/lower/dims/ndims, cardinality, array_position(s),
 * array_remove, array_replace, array_fill, array_to_string, string_to_array, trim_array, and the
 * set-returning unnest and generate_subscripts.
 */
public final class ArrayFunctions {
    private static final int TEXT_OID = 25;

    private ArrayFunctions() {
    }

    private static PgArray a(Object o) {
        return (PgArray) o;
    }

    private static int i(Object o) {
        return ((Number) o).intValue();
    }

    public static void register(CatalogWriter w) {
        w.fn("array_length", "int4", (ctx, v) -> {
            int d = i(v[1]);
            return d < 1 || d > a(v[0]).dimensionCount() ? null : a(v[0]).dimension(d - 1);
        }, "anyarray", "int4");
        w.fn("array_lower", "int4", (ctx, v) -> {
            int d = i(v[1]);
            return d < 1 || d > a(v[0]).dimensionCount() ? null : a(v[0]).lowerBound(d - 1);
        }, "anyarray", "int4");
        w.fn("array_upper", "int4", (ctx, v) -> {
            int d = i(v[1]);
            PgArray x = a(v[0]);
            return d < 1 || d > x.dimensionCount() ? null : x.lowerBound(d - 1) + x.dimension(d - 1) - 1;
        }, "anyarray", "int4");
        w.fn("array_ndims", "int4", (ctx, v) -> a(v[0]).dimensionCount() == 0 ? null : a(v[0]).dimensionCount(),
                "anyarray");
        w.fn("array_dims", "text", (ctx, v) -> dims(a(v[0])), "anyarray");
        w.fn("cardinality", "int4", (ctx, v) -> a(v[0]).length(), "anyarray");
        w.fn("array_position", "int4", false, Volatility.IMMUTABLE,
                (ctx, v) -> v[0] == null ? null : position(a(v[0]), v[1], 1), "anycompatiblearray", "anycompatible");
        w.fn("array_position", "int4", false, Volatility.IMMUTABLE, (ctx, v) -> {
            if (v[0] == null) {
                return null;
            }
            if (v[2] == null) {
                throw new SqlException("22004", "initial position must not be null");
            }
            return position(a(v[0]), v[1], i(v[2]));
        }, "anycompatiblearray", "anycompatible", "int4");
        w.fn("array_positions", "_int4", false, Volatility.IMMUTABLE,
                (ctx, v) -> v[0] == null ? null : positions(a(v[0]), v[1]), "anycompatiblearray", "anycompatible");
        w.fn("array_remove", "anycompatiblearray", false, Volatility.IMMUTABLE,
                (ctx, v) -> v[0] == null ? null : replace(a(v[0]), v[1], null, true, "removing"),
                "anycompatiblearray", "anycompatible");
        w.fn("array_replace", "anycompatiblearray", false, Volatility.IMMUTABLE,
                (ctx, v) -> v[0] == null ? null : replace(a(v[0]), v[1], v[2], false, "replacing"),
                "anycompatiblearray", "anycompatible", "anycompatible");
        w.fn("array_fill", "anyarray", false, Volatility.IMMUTABLE,
                (ctx, v) -> fill(ElementTypes.oidOf(ctx, 0, v[0]), v[0], (PgArray) v[1], null), "anyelement", "_int4");
        w.fn("array_fill", "anyarray", false, Volatility.IMMUTABLE,
                (ctx, v) -> fill(ElementTypes.oidOf(ctx, 0, v[0]), v[0], (PgArray) v[1], (PgArray) v[2]),
                "anyelement", "_int4", "_int4");
        w.fn("array_to_string", "text", (ctx, v) -> arrayToString(ctx, a(v[0]), (String) v[1], null),
                "anyarray", "text");
        w.fn("array_to_string", "text", false, Volatility.STABLE, (ctx, v) -> v[0] == null || v[1] == null ? null
                : arrayToString(ctx, a(v[0]), (String) v[1], (String) v[2]), "anyarray", "text", "text");
        w.fn("string_to_array", "_text", false, Volatility.IMMUTABLE,
                (ctx, v) -> v[0] == null ? null : stringToArray((String) v[0], (String) v[1], null), "text", "text");
        w.fn("string_to_array", "_text", false, Volatility.IMMUTABLE,
                (ctx, v) -> v[0] == null ? null : stringToArray((String) v[0], (String) v[1], (String) v[2]),
                "text", "text", "text");
        w.fn("trim_array", "anyarray", (ctx, v) -> trim(a(v[0]), i(v[1])), "anyarray", "int4");
        SetReturningFunction unnest = (ctx, v) -> elements(a(v[0]));
        w.srf("unnest", "anyelement", unnest, "anyarray");
        SetReturningFunction subscripts = (ctx, v) -> subscripts(a(v[0]), i(v[1]), false);
        SetReturningFunction subscriptsReverse = (ctx, v) -> subscripts(a(v[0]), i(v[1]), (Boolean) v[2]);
        w.srf("generate_subscripts", "int4", subscripts, "anyarray", "int4");
        w.srf("generate_subscripts", "int4", subscriptsReverse, "anyarray", "int4", "bool");
        SetReturningFunction stringToTable = (ctx, v) -> {
            PgArray parts = stringToArray((String) v[0], (String) v[1], null);
            return elements(parts);
        };
        w.srf("string_to_table", "text", stringToTable, "text", "text");
    }

    static String dims(PgArray x) {
        if (x.dimensionCount() == 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int d = 0; d < x.dimensionCount(); d++) {
            sb.append('[').append(x.lowerBound(d)).append(':').append(x.lowerBound(d) + x.dimension(d) - 1).append(']');
        }
        return sb.toString();
    }

    private static boolean same(Object x, Object y) {
        return x == null ? y == null : y != null && ValueOrder.equal(x, y);
    }

    static Integer position(PgArray x, Object search, int start) {
        if (x.dimensionCount() > 1) {
            throw new SqlException("0A000", "searching for elements in multidimensional arrays is not supported");
        }
        if (x.dimensionCount() == 0) {
            return null;
        }
        int lb = x.lowerBound(0);
        for (int k = Math.max(0, start - lb); k < x.length(); k++) {
            if (same(x.get(k), search)) {
                return k + lb;
            }
        }
        return null;
    }

    static PgArray positions(PgArray x, Object search) {
        if (x.dimensionCount() > 1) {
            throw new SqlException("0A000", "searching for elements in multidimensional arrays is not supported");
        }
        List<Object> out = new ArrayList<>();
        for (int k = 0; k < x.length(); k++) {
            if (same(x.get(k), search)) {
                out.add(k + x.lowerBound(0));
            }
        }
        return PgArray.of(23, out.toArray());
    }

    static PgArray replace(PgArray x, Object search, Object replacement, boolean remove, String verb) {
        if (x.dimensionCount() > 1 && remove) {
            throw new SqlException("0A000", verb + " elements from multidimensional arrays is not supported");
        }
        List<Object> out = new ArrayList<>();
        for (int k = 0; k < x.length(); k++) {
            Object e = x.get(k);
            if (same(e, search)) {
                if (!remove) {
                    out.add(replacement);
                }
            } else {
                out.add(e);
            }
        }
        if (!remove) {
            return new PgArray(x.elementTypeOid(), x.dimensions(), x.lowerBounds(), out.toArray());
        }
        if (out.isEmpty()) {
            return new PgArray(x.elementTypeOid(), new int[0], new int[0], new Object[0]);
        }
        return new PgArray(x.elementTypeOid(), new int[] {out.size()},
                new int[] {x.dimensionCount() == 0 ? 1 : x.lowerBound(0)}, out.toArray());
    }

    static PgArray fill(int elementOid, Object value, PgArray dims, PgArray lbs) {
        if (dims == null) {
            throw new SqlException("22004", "dimension array or low bound array cannot be null");
        }
        if (dims.dimensionCount() > 1 || (lbs != null && lbs.dimensionCount() > 1)) {
            throw new SqlException("2202E", "wrong number of array subscripts")
                    .withDetail("Dimension array must be one dimensional.");
        }
        if (lbs != null && lbs.length() != dims.length()) {
            throw new SqlException("2202E", "wrong number of array subscripts")
                    .withDetail("Low bound array has different size than dimensions array.");
        }
        int n = dims.length();
        int[] d = new int[n];
        int[] lb = new int[n];
        long total = n == 0 ? 0 : 1;
        for (int k = 0; k < n; k++) {
            if (dims.get(k) == null || (lbs != null && lbs.get(k) == null)) {
                throw new SqlException("22004", "dimension values cannot be null");
            }
            d[k] = (Integer) dims.get(k);
            lb[k] = lbs == null ? 1 : (Integer) lbs.get(k);
            total *= Math.max(d[k], 0);
        }
        if (total > 134_217_727L) {
            throw new SqlException("54000", "array size exceeds the maximum allowed (134217727)");
        }
        if (total == 0) {
            return new PgArray(elementOid, new int[0], new int[0], new Object[0]);
        }
        Object[] elems = new Object[(int) total];
        java.util.Arrays.fill(elems, value);
        return new PgArray(elementOid, d, lb, elems);
    }

    static String arrayToString(io.pgsight.sql.spi.FunctionContext ctx, PgArray x, String delimiter, String nullText) {
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (int k = 0; k < x.length(); k++) {
            Object e = x.get(k);
            if (e == null && nullText == null) {
                continue;
            }
            if (!first) {
                sb.append(delimiter);
            }
            sb.append(e == null ? nullText : ValueText.ofElement(ctx, x, e));
            first = false;
        }
        return sb.toString();
    }

    static PgArray stringToArray(String s, String delimiter, String nullText) {
        List<Object> out = new ArrayList<>();
        if (s.isEmpty()) {
            return PgArray.of(TEXT_OID);
        }
        if (delimiter == null) {
            s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
        } else if (delimiter.isEmpty()) {
            out.add(s);
        } else {
            int from = 0;
            while (true) {
                int idx = s.indexOf(delimiter, from);
                if (idx < 0) {
                    out.add(s.substring(from));
                    break;
                }
                out.add(s.substring(from, idx));
                from = idx + delimiter.length();
            }
        }
        if (nullText != null) {
            out.replaceAll(p -> nullText.equals(p) ? null : p);
        }
        return PgArray.of(TEXT_OID, out.toArray());
    }

    static PgArray trim(PgArray x, int n) {
        int len = x.dimensionCount() == 0 ? 0 : x.dimension(0);
        if (n < 0 || n > len) {
            throw new SqlException("2202E", "number of elements to trim must be between 0 and " + len);
        }
        if (n == 0) {
            return x;
        }
        int slice = len == 0 ? 0 : x.length() / len;
        int keep = (len - n) * slice;
        if (keep == 0) {
            return new PgArray(x.elementTypeOid(), new int[0], new int[0], new Object[0]);
        }
        int[] d = x.dimensions();
        d[0] = len - n;
        return new PgArray(x.elementTypeOid(), d, x.lowerBounds(), java.util.Arrays.copyOf(x.toArray(), keep));
    }

    static Iterator<Object> elements(PgArray x) {
        return new Iterator<>() {
            private int k;

            @Override
            public boolean hasNext() {
                return k < x.length();
            }

            @Override
            public Object next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return x.get(k++);
            }
        };
    }

    static Iterator<Object> subscripts(PgArray x, int dim, boolean reverse) {
        List<Object> out = new ArrayList<>();
        if (dim >= 1 && dim <= x.dimensionCount()) {
            int lb = x.lowerBound(dim - 1);
            int ub = lb + x.dimension(dim - 1) - 1;
            for (int k = 0; k <= ub - lb; k++) {
                out.add(reverse ? ub - k : lb + k);
            }
        }
        return out.iterator();
    }
}
