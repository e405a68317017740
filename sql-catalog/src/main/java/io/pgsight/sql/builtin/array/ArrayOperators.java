package io.pgsight.sql.builtin.array;

import io.pgsight.sql.builtin.CatalogWriter;
import io.pgsight.sql.builtin.ComparisonFamily;
import io.pgsight.sql.builtin.types.ValueOrder;
import io.pgsight.sql.spi.FunctionContext;
import io.pgsight.sql.spi.PgArray;
import io.pgsight.sql.spi.Volatility;

/**
 * Array operators: comparisons (element-wise, NULL elements equal to each other and above values),
 * @> <@ && (containment and overlap, NULLs never match), and || in its three forms.
 */
public final class ArrayOperators {
    private ArrayOperators() {
    }

    private static PgArray a(Object o) {
        return (PgArray) o;
    }

    public static void register(CatalogWriter w) {
        ComparisonFamily.register(w, "anyarray", "anyarray", (x, y) -> ValueOrder.compareArrays(a(x), a(y)),
                "array_eq", "array_ne", "array_lt", "array_le", "array_gt", "array_ge", "btarraycmp");
        w.op("@>", "anyarray", "anyarray", "arraycontains", "bool", (ctx, v) -> contains(a(v[0]), a(v[1])));
        w.op("<@", "anyarray", "anyarray", "arraycontained", "bool", (ctx, v) -> contains(a(v[1]), a(v[0])));
        w.op("&&", "anyarray", "anyarray", "arrayoverlap", "bool", (ctx, v) -> overlaps(a(v[0]), a(v[1])));
        // not strict, as in PostgreSQL: a NULL array acts as an empty one, a NULL element is appended
        w.fn("array_append", "anycompatiblearray", false, Volatility.IMMUTABLE, (ctx, v) -> ArrayValues.append(
                v[0] == null ? empty(ctx, 1, v[1]) : a(v[0]), v[1]), "anycompatiblearray", "anycompatible");
        w.opOnly("||", "anycompatiblearray", "anycompatible", "array_append");
        w.fn("array_prepend", "anycompatiblearray", false, Volatility.IMMUTABLE, (ctx, v) -> ArrayValues.prepend(
                v[0], v[1] == null ? empty(ctx, 0, v[0]) : a(v[1])), "anycompatible", "anycompatiblearray");
        w.opOnly("||", "anycompatible", "anycompatiblearray", "array_prepend");
        w.fn("array_cat", "anycompatiblearray", false, Volatility.IMMUTABLE, (ctx, v) -> v[0] == null ? v[1]
                : v[1] == null ? v[0] : ArrayValues.concat(a(v[0]), a(v[1])), "anycompatiblearray", "anycompatiblearray");
        w.opOnly("||", "anycompatiblearray", "anycompatiblearray", "array_cat");
    }

    /** An empty array whose element type is that of argument {@code elementArg}. */
    private static PgArray empty(FunctionContext ctx, int elementArg, Object element) {
        return PgArray.of(ElementTypes.oidOf(ctx, elementArg, element));
    }

    /** Every non-null element of {@code sub} equals some element of {@code sup}; a NULL in sub fails. */
    static boolean contains(PgArray sup, PgArray sub) {
        for (int i = 0; i < sub.length(); i++) {
            Object e = sub.get(i);
            if (e == null) {
                return false;
            }
            boolean found = false;
            for (int j = 0; j < sup.length() && !found; j++) {
                Object f = sup.get(j);
                found = f != null && ValueOrder.equal(e, f);
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    static boolean overlaps(PgArray x, PgArray y) {
        for (int i = 0; i < x.length(); i++) {
            Object e = x.get(i);
            if (e == null) {
                continue;
            }
            for (int j = 0; j < y.length(); j++) {
                Object f = y.get(j);
                if (f != null && ValueOrder.equal(e, f)) {
                    return true;
                }
            }
        }
        return false;
    }
}
