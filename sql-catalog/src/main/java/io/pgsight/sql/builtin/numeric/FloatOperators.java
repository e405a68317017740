package io.pgsight.sql.builtin.numeric;

import io.pgsight.sql.builtin.CatalogWriter;
import io.pgsight.sql.builtin.PgErrors;
import io.pgsight.sql.builtin.types.ValueOrder;

import java.util.function.DoubleBinaryOperator;

/**
 * + - * / and comparisons over real and double precision with pg_operator's cross-type set
 * (float48pl ...): real op real stays real, anything with a double is double. Overflow and underflow
 * are checked as float.c does (an infinite result from finite inputs is an error).
 */
public final class FloatOperators {
    private FloatOperators() {
    }

    private static double d(Object o) {
        return ((Number) o).doubleValue();
    }

    /** float_overflow_error / float_underflow_error checks of float.c. */
    public static double checkDouble(double result, boolean infiniteInput, boolean zeroAllowed) {
        if (Double.isInfinite(result) && !infiniteInput) {
            throw PgErrors.floatOverflow();
        }
        if (result == 0 && !zeroAllowed) {
            throw PgErrors.floatUnderflow();
        }
        return result;
    }

    public static float checkFloat(double exact, boolean infiniteInput, boolean zeroAllowed) {
        float f = (float) exact;
        if (Float.isInfinite(f) && !infiniteInput) {
            throw PgErrors.floatOverflow();
        }
        if (f == 0 && !zeroAllowed) {
            throw PgErrors.floatUnderflow();
        }
        return f;
    }

    public static void register(CatalogWriter w) {
        String[][] pairs = {{"float4", "float4", "float4"}, {"float8", "float8", "float8"},
                {"float4", "float8", "float48"}, {"float8", "float4", "float84"}};
        for (String[] p : pairs) {
            String l = p[0];
            String r = p[1];
            String prefix = p[2];
            boolean single = l.equals("float4") && r.equals("float4");
            String result = single ? "float4" : "float8";
            arith(w, "+", l, r, prefix + "pl", single, (a, b) -> a + b, false);
            arith(w, "-", l, r, prefix + "mi", single, (a, b) -> a - b, false);
            arith(w, "*", l, r, prefix + "mul", single, (a, b) -> a * b, true);
            w.op("/", l, r, prefix + "div", result, (ctx, a) -> {
                double x = d(a[0]);
                double y = d(a[1]);
                if (y == 0) {
                    throw PgErrors.divisionByZero();
                }
                boolean inf = Double.isInfinite(x) || Double.isInfinite(y);
                if (single) {
                    return checkFloat((float) x / (float) y, inf, x == 0 || Double.isInfinite(y));
                }
                return checkDouble(x / y, inf, x == 0 || Double.isInfinite(y));
            });
            compare(w, l, r, prefix);
        }
        for (String t : new String[] {"float4", "float8"}) {
            boolean single = t.equals("float4");
            w.prefix("-", t, t + "um", t, (ctx, a) -> single ? (Object) (-(Float) a[0]) : (Object) (-(Double) a[0]));
            w.prefix("+", t, t + "up", t, (ctx, a) -> a[0]);
            w.fn(t + "abs", t, (ctx, a) -> single ? (Object) Math.abs((Float) a[0]) : (Object) Math.abs((Double) a[0]), t);
            w.fn("abs", t, (ctx, a) -> single ? (Object) Math.abs((Float) a[0]) : (Object) Math.abs((Double) a[0]), t);
        }
    }

    private static void arith(CatalogWriter w, String symbol, String l, String r, String fname, boolean single,
                              DoubleBinaryOperator f, boolean multiply) {
        w.op(symbol, l, r, fname, single ? "float4" : "float8", (ctx, a) -> {
            double x = d(a[0]);
            double y = d(a[1]);
            boolean inf = Double.isInfinite(x) || Double.isInfinite(y);
            boolean zeroOk = !multiply || x == 0 || y == 0;
            if (single) {
                return checkFloat((float) f.applyAsDouble((float) x, (float) y), inf, zeroOk);
            }
            return checkDouble(f.applyAsDouble(x, y), inf, zeroOk);
        });
    }

    private static void compare(CatalogWriter w, String l, String r, String prefix) {
        w.op("=", l, r, prefix + "eq", "bool", (ctx, a) -> ValueOrder.compareDouble(d(a[0]), d(a[1])) == 0);
        w.op("<>", l, r, prefix + "ne", "bool", (ctx, a) -> ValueOrder.compareDouble(d(a[0]), d(a[1])) != 0);
        w.op("<", l, r, prefix + "lt", "bool", (ctx, a) -> ValueOrder.compareDouble(d(a[0]), d(a[1])) < 0);
        w.op("<=", l, r, prefix + "le", "bool", (ctx, a) -> ValueOrder.compareDouble(d(a[0]), d(a[1])) <= 0);
        w.op(">", l, r, prefix + "gt", "bool", (ctx, a) -> ValueOrder.compareDouble(d(a[0]), d(a[1])) > 0);
        w.op(">=", l, r, prefix + "ge", "bool", (ctx, a) -> ValueOrder.compareDouble(d(a[0]), d(a[1])) >= 0);
        w.fn("bt" + prefix + "cmp", "int4", (ctx, a) -> ValueOrder.compareDouble(d(a[0]), d(a[1])), l, r);
    }
}
