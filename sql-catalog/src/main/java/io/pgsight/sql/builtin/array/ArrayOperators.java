package io.pgsight.sql.builtin.array;

import io.pgsight.sql.builtin.CatalogWriter;
import io.pgsight.sql.builtin.ComparisonFamily;
import io.pgsight.sql.builtin.types.ValueOrder;
import io.pgsight.sql.spi.PgArray;

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
        w.op("||", "anycompatiblearray", "anycompatible", "array_append", "anycompatiblearray",
                (ctx, v) -> ArrayValues.append(a(v[0]), v[1]));
        w.op("||", "anycompatible", "anycompatiblearray", "array_prepend", "anycompatiblearray",
                (ctx, v) -> ArrayValues.prepend(v[0], a(v[1])));
        w.op("||", "anycompatiblearray", "anycompatiblearray", "array_cat", "anycompatiblearray",
                (ctx, v) -> ArrayValues.concat(a(v[0]), a(v[1])));
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
