package io.pgsight.sql.builtin.numeric;

import io.pgsight.sql.builtin.CatalogWriter;

import io.pgsight.sql.format.PgNumeric;

import java.util.function.BinaryOperator;

/** numeric's operators: numeric_add ... numeric_power, comparisons, unary minus. */
public final class NumericOperators {
    private NumericOperators() {
    }

    private static PgNumeric n(Object o) {
        return Numerics.of(o);
    }

    public static void register(CatalogWriter w) {
        arith(w, "+", "numeric_add", PgNumeric::add);
        arith(w, "-", "numeric_sub", PgNumeric::subtract);
        arith(w, "*", "numeric_mul", PgNumeric::multiply);
        arith(w, "/", "numeric_div", PgNumeric::divide);
        arith(w, "%", "numeric_mod", PgNumeric::mod);
        arith(w, "^", "numeric_power", PgNumeric::power);
        w.prefix("-", "numeric", "numeric_uminus", "numeric", (ctx, a) -> Numerics.value(n(a[0]).negate()));
        w.prefix("+", "numeric", "numeric_uplus", "numeric", (ctx, a) -> a[0]);
        w.op("=", "numeric", "numeric", "numeric_eq", "bool", (ctx, a) -> n(a[0]).compareTo(n(a[1])) == 0);
        w.op("<>", "numeric", "numeric", "numeric_ne", "bool", (ctx, a) -> n(a[0]).compareTo(n(a[1])) != 0);
        w.op("<", "numeric", "numeric", "numeric_lt", "bool", (ctx, a) -> n(a[0]).compareTo(n(a[1])) < 0);
        w.op("<=", "numeric", "numeric", "numeric_le", "bool", (ctx, a) -> n(a[0]).compareTo(n(a[1])) <= 0);
        w.op(">", "numeric", "numeric", "numeric_gt", "bool", (ctx, a) -> n(a[0]).compareTo(n(a[1])) > 0);
        w.op(">=", "numeric", "numeric", "numeric_ge", "bool", (ctx, a) -> n(a[0]).compareTo(n(a[1])) >= 0);
        w.fn("numeric_cmp", "int4", (ctx, a) -> Integer.signum(n(a[0]).compareTo(n(a[1]))), "numeric", "numeric");
    }

    private static void arith(CatalogWriter w, String symbol, String fname, BinaryOperator<PgNumeric> f) {
        w.op(symbol, "numeric", "numeric", fname, "numeric", (ctx, a) -> Numerics.value(f.apply(n(a[0]), n(a[1]))));
    }
}
