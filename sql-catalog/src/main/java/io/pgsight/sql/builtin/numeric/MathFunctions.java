package io.pgsight.sql.builtin.numeric;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.builtin.CatalogWriter;
import io.pgsight.sql.format.FloatArithmetic;
import io.pgsight.sql.format.PgNumeric;

import java.util.function.DoubleUnaryOperator;

/**
 * The mathematical functions of the PostgreSQL manual (9.3) in their float8 and numeric variants:
 * round, trunc, ceil, floor, sign, abs, sqrt, cbrt, exp, ln, log, power, mod, div, pi, degrees,
 * radians and the trigonometric family, with float.c's and numeric.c's errors.
 */
public final class MathFunctions {
    private MathFunctions() {
    }

    private static double d(Object o) {
        return (Double) o;
    }

    private static PgNumeric n(Object o) {
        return Numerics.of(o);
    }

    private static Object v(PgNumeric p) {
        return Numerics.value(p);
    }

    private static int i(Object o) {
        return ((Number) o).intValue();
    }

    public static void register(CatalogWriter w) {
        // rounding
        w.fn("round", "float8", (ctx, a) -> FloatArithmetic.round(d(a[0])), "float8");
        w.fn("trunc", "float8", (ctx, a) -> FloatArithmetic.trunc(d(a[0])), "float8");
        w.fn("ceil", "float8", (ctx, a) -> Math.ceil(d(a[0])), "float8");
        w.fn("ceiling", "float8", (ctx, a) -> Math.ceil(d(a[0])), "float8");
        w.fn("floor", "float8", (ctx, a) -> Math.floor(d(a[0])), "float8");
        w.fn("sign", "float8", (ctx, a) -> FloatArithmetic.sign(d(a[0])), "float8");
        w.fn("round", "numeric", (ctx, a) -> v(n(a[0]).round(0)), "numeric");
        w.fn("round", "numeric", (ctx, a) -> v(n(a[0]).round(i(a[1]))), "numeric", "int4");
        w.fn("trunc", "numeric", (ctx, a) -> v(n(a[0]).trunc(0)), "numeric");
        w.fn("trunc", "numeric", (ctx, a) -> v(n(a[0]).trunc(i(a[1]))), "numeric", "int4");
        w.fn("ceil", "numeric", (ctx, a) -> v(n(a[0]).ceil()), "numeric");
        w.fn("ceiling", "numeric", (ctx, a) -> v(n(a[0]).ceil()), "numeric");
        w.fn("floor", "numeric", (ctx, a) -> v(n(a[0]).floor()), "numeric");
        w.fn("sign", "numeric", (ctx, a) -> v(n(a[0]).sign()), "numeric");
        w.fn("abs", "numeric", (ctx, a) -> v(n(a[0]).abs()), "numeric");
        w.fn("numeric_abs", "numeric", (ctx, a) -> v(n(a[0]).abs()), "numeric");
        w.fn("scale", "int4", false, io.pgsight.sql.spi.Volatility.IMMUTABLE,
                (ctx, a) -> a[0] == null ? null : n(a[0]).displayScale(), "numeric");
        w.fn("min_scale", "int4", false, io.pgsight.sql.spi.Volatility.IMMUTABLE,
                (ctx, a) -> a[0] == null ? null : n(a[0]).minScale(), "numeric");
        w.fn("trim_scale", "numeric", (ctx, a) -> v(n(a[0]).trimScale()), "numeric");
        w.fn("mod", "numeric", (ctx, a) -> v(n(a[0]).mod(n(a[1]))), "numeric", "numeric");
        w.fn("div", "numeric", (ctx, a) -> v(n(a[0]).divideTrunc(n(a[1]))), "numeric", "numeric");

        // roots, powers, logarithms
        w.fn("sqrt", "float8", (ctx, a) -> FloatArithmetic.sqrt(d(a[0])), "float8");
        w.fn("dsqrt", "float8", (ctx, a) -> FloatArithmetic.sqrt(d(a[0])), "float8");
        w.fn("cbrt", "float8", (ctx, a) -> FloatArithmetic.cbrt(d(a[0])), "float8");
        w.fn("sqrt", "numeric", (ctx, a) -> v(n(a[0]).sqrt()), "numeric");
        w.fn("exp", "float8", (ctx, a) -> FloatArithmetic.exp(d(a[0])), "float8");
        w.fn("exp", "numeric", (ctx, a) -> v(n(a[0]).exp()), "numeric");
        w.fn("ln", "float8", (ctx, a) -> FloatArithmetic.ln(d(a[0])), "float8");
        w.fn("log", "float8", (ctx, a) -> FloatArithmetic.log10(d(a[0])), "float8");
        w.fn("log10", "float8", (ctx, a) -> FloatArithmetic.log10(d(a[0])), "float8");
        w.fn("ln", "numeric", (ctx, a) -> v(n(a[0]).ln()), "numeric");
        w.fn("log", "numeric", (ctx, a) -> v(n(a[0]).log10()), "numeric");
        w.fn("log10", "numeric", (ctx, a) -> v(n(a[0]).log10()), "numeric");
        w.fn("log", "numeric", (ctx, a) -> v(PgNumeric.log(n(a[0]), n(a[1]))), "numeric", "numeric");
        w.op("^", "float8", "float8", "dpow", "float8", (ctx, a) -> FloatArithmetic.power(d(a[0]), d(a[1])));
        w.fn("power", "float8", (ctx, a) -> FloatArithmetic.power(d(a[0]), d(a[1])), "float8", "float8");
        w.fn("pow", "float8", (ctx, a) -> FloatArithmetic.power(d(a[0]), d(a[1])), "float8", "float8");
        w.fn("power", "numeric", (ctx, a) -> v(n(a[0]).power(n(a[1]))), "numeric", "numeric");
        w.fn("pow", "numeric", (ctx, a) -> v(n(a[0]).power(n(a[1]))), "numeric", "numeric");

        // constants and angles
        w.fn("pi", "float8", (ctx, a) -> Math.PI);
        w.fn("degrees", "float8", (ctx, a) -> FloatArithmetic.degrees(d(a[0])), "float8");
        w.fn("radians", "float8", (ctx, a) -> FloatArithmetic.radians(d(a[0])), "float8");
        trig(w, "sin", FloatArithmetic::sin);
        trig(w, "cos", FloatArithmetic::cos);
        trig(w, "tan", FloatArithmetic::tan);
        trig(w, "cot", x -> 1 / Math.tan(x));
        trig(w, "asin", FloatArithmetic::asin);
        trig(w, "acos", FloatArithmetic::acos);
        trig(w, "atan", FloatArithmetic::atan);
        trig(w, "sinh", Math::sinh);
        trig(w, "cosh", Math::cosh);
        trig(w, "tanh", Math::tanh);
        trig(w, "sind", x -> Math.sin(Math.toRadians(x)));
        trig(w, "cosd", x -> Math.cos(Math.toRadians(x)));
        w.fn("atan2", "float8", (ctx, a) -> FloatArithmetic.atan2(d(a[0]), d(a[1])), "float8", "float8");
        w.fn("width_bucket", "int4", (ctx, a) -> widthBucket(d(a[0]), d(a[1]), d(a[2]), i(a[3])),
                "float8", "float8", "float8", "int4");
    }

    private static void trig(CatalogWriter w, String name, DoubleUnaryOperator f) {
        w.fn(name, "float8", (ctx, a) -> {
            double x = d(a[0]);
            double r = f.applyAsDouble(x);
            if (Double.isNaN(r) && !Double.isNaN(x)) {
                throw new SqlException("22003", "input is out of range");
            }
            return r;
        }, "float8");
    }

    private static int widthBucket(double operand, double low, double high, int count) {
        if (count <= 0) {
            throw new SqlException("2201G", "count must be greater than zero");
        }
        if (low == high) {
            throw new SqlException("2201G", "lower bound cannot equal upper bound");
        }
        if (low < high) {
            if (operand < low) {
                return 0;
            }
            if (operand >= high) {
                return count + 1;
            }
            return (int) ((operand - low) / (high - low) * count) + 1;
        }
        if (operand > low) {
            return 0;
        }
        if (operand <= high) {
            return count + 1;
        }
        return (int) ((low - operand) / (low - high) * count) + 1;
    }
}
