package io.pgsight.sql.builtin;

import java.util.Comparator;

/**
 * Registers the six comparison operators of a btree family over one pair of types, with pg_proc's
 * function names ({@code prefix} + eq/ne/lt/le/gt/ge, e.g. texteq ... or text_lt with separator "_"),
 * and the family's three-way support function.
 */
public final class ComparisonFamily {
    private ComparisonFamily() {
    }

    /**
     * @param names the six function names in the order = <> < <= > >=, then the cmp support function
     *              (null to skip it)
     */
    public static void register(CatalogWriter w, String left, String right, Comparator<Object> order, String... names) {
        w.op("=", left, right, names[0], "bool", (ctx, a) -> order.compare(a[0], a[1]) == 0);
        w.op("<>", left, right, names[1], "bool", (ctx, a) -> order.compare(a[0], a[1]) != 0);
        w.op("<", left, right, names[2], "bool", (ctx, a) -> order.compare(a[0], a[1]) < 0);
        w.op("<=", left, right, names[3], "bool", (ctx, a) -> order.compare(a[0], a[1]) <= 0);
        w.op(">", left, right, names[4], "bool", (ctx, a) -> order.compare(a[0], a[1]) > 0);
        w.op(">=", left, right, names[5], "bool", (ctx, a) -> order.compare(a[0], a[1]) >= 0);
        if (names.length > 6 && names[6] != null) {
            w.fn(names[6], "int4", (ctx, a) -> Integer.signum(order.compare(a[0], a[1])), left, right);
        }
    }

    /** Names {@code p+eq, p+ne, p+lt, p+le, p+gt, p+ge} and {@code cmp}. */
    public static String[] names(String prefix, String cmp) {
        return new String[] {prefix + "eq", prefix + "ne", prefix + "lt", prefix + "le", prefix + "gt", prefix + "ge", cmp};
    }
}
