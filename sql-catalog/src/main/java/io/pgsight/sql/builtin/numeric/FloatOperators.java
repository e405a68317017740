package io.pgsight.sql.builtin.numeric;

import io.pgsight.sql.builtin.CatalogWriter;
import io.pgsight.sql.builtin.types.ValueOrder;
import io.pgsight.sql.format.FloatArithmetic;

import java.util.function.DoubleBinaryOperator;

/**
 * + - * / and comparisons over real and double precision with pg_operator's cross-type set
 * (float48pl ...): real op real stays real (computed in float), anything with a double is double.
 * Arithmetic and its overflow/underflow errors are the formats library's FloatArithmetic.
 */
public final class FloatOperators {
    private FloatOperators() {
    }

    private static double d(Object o) {
        return ((Number) o).doubleValue();
    }

    public static void register(CatalogWriter w) {
        String[][] pairs = {{"float4", "float4", "float4"}, {"float8", "float8", "float8"},
                {"float4", "float8", "float48"}, {"float8", "float4", "float84"}};
        for (String[] p : pairs) {
            String l = p[0];
            String r = p[1];
            String prefix = p[2];
            if (l.equals("float4") && r.equals("float4")) {
                arith4(w, "+", prefix + "pl", FloatArithmetic::add);
                arith4(w, "-", prefix + "mi", FloatArithmetic::sub);
                arith4(w, "*", prefix + "mul", FloatArithmetic::mul);
                arith4(w, "/", prefix + "div", FloatArithmetic::div);
            } else {
                arith8(w, "+", l, r, prefix + "pl", FloatArithmetic::add);
                arith8(w, "-", l, r, prefix + "mi", FloatArithmetic::sub);
                arith8(w, "*", l, r, prefix + "mul", FloatArithmetic::mul);
                arith8(w, "/", l, r, prefix + "div", FloatArithmetic::div);
            }
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

    private interface FloatOp {
        float apply(float a, float b);
    }

    private static void arith4(CatalogWriter w, String symbol, String fname, FloatOp f) {
        w.op(symbol, "float4", "float4", fname, "float4", (ctx, a) -> f.apply((Float) a[0], (Float) a[1]));
    }

    private static void arith8(CatalogWriter w, String symbol, String l, String r, String fname, DoubleBinaryOperator f) {
        w.op(symbol, l, r, fname, "float8", (ctx, a) -> f.applyAsDouble(d(a[0]), d(a[1])));
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
