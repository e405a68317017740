package io.pgsight.sql.builtin.numeric;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.builtin.CatalogWriter;
import io.pgsight.sql.builtin.PgErrors;
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
        w.fn("round", "float8", (ctx, a) -> Math.rint(d(a[0])), "float8");
        w.fn("trunc", "float8", (ctx, a) -> {
            double x = d(a[0]);
            return x >= 0 ? Math.floor(x) : Math.ceil(x);
        }, "float8");
        w.fn("ceil", "float8", (ctx, a) -> Math.ceil(d(a[0])), "float8");
        w.fn("ceiling", "float8", (ctx, a) -> Math.ceil(d(a[0])), "float8");
        w.fn("floor", "float8", (ctx, a) -> Math.floor(d(a[0])), "float8");
        w.fn("sign", "float8", (ctx, a) -> Math.signum(d(a[0])), "float8");
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
        w.fn("sqrt", "float8", (ctx, a) -> {
            if (d(a[0]) < 0) {
                throw new SqlException("2201F", "cannot take square root of a negative number");
            }
            return Math.sqrt(d(a[0]));
        }, "float8");
        w.fn("dsqrt", "float8", (ctx, a) -> Math.sqrt(d(a[0])), "float8");
        w.fn("cbrt", "float8", (ctx, a) -> Math.cbrt(d(a[0])), "float8");
        w.fn("sqrt", "numeric", (ctx, a) -> v(n(a[0]).sqrt()), "numeric");
        w.fn("exp", "float8", (ctx, a) -> {
            double r = Math.exp(d(a[0]));
            if (Double.isInfinite(r) && !Double.isInfinite(d(a[0]))) {
                throw PgErrors.floatOverflow();
            }
            if (r == 0 && !Double.isInfinite(d(a[0]))) {
                throw PgErrors.floatUnderflow();
            }
            return r;
        }, "float8");
        w.fn("exp", "numeric", (ctx, a) -> v(n(a[0]).exp()), "numeric");
        w.fn("ln", "float8", (ctx, a) -> log(d(a[0]), Math::log), "float8");
        w.fn("log", "float8", (ctx, a) -> log(d(a[0]), Math::log10), "float8");
        w.fn("log10", "float8", (ctx, a) -> log(d(a[0]), Math::log10), "float8");
        w.fn("ln", "numeric", (ctx, a) -> v(n(a[0]).ln()), "numeric");
        w.fn("log", "numeric", (ctx, a) -> v(n(a[0]).log10()), "numeric");
        w.fn("log10", "numeric", (ctx, a) -> v(n(a[0]).log10()), "numeric");
        w.fn("log", "numeric", (ctx, a) -> v(PgNumeric.log(n(a[0]), n(a[1]))), "numeric", "numeric");
        w.op("^", "float8", "float8", "dpow", "float8", (ctx, a) -> pow(d(a[0]), d(a[1])));
        w.fn("power", "float8", (ctx, a) -> pow(d(a[0]), d(a[1])), "float8", "float8");
        w.fn("pow", "float8", (ctx, a) -> pow(d(a[0]), d(a[1])), "float8", "float8");
        w.fn("power", "numeric", (ctx, a) -> v(n(a[0]).power(n(a[1]))), "numeric", "numeric");
        w.fn("pow", "numeric", (ctx, a) -> v(n(a[0]).power(n(a[1]))), "numeric", "numeric");

        // constants and angles
        w.fn("pi", "float8", (ctx, a) -> Math.PI);
        w.fn("degrees", "float8", (ctx, a) -> Math.toDegrees(d(a[0])), "float8");
        w.fn("radians", "float8", (ctx, a) -> Math.toRadians(d(a[0])), "float8");
        trig(w, "sin", Math::sin);
        trig(w, "cos", Math::cos);
        trig(w, "tan", Math::tan);
        trig(w, "cot", x -> 1 / Math.tan(x));
        trig(w, "asin", Math::asin);
        trig(w, "acos", Math::acos);
        trig(w, "atan", Math::atan);
        trig(w, "sinh", Math::sinh);
        trig(w, "cosh", Math::cosh);
        trig(w, "tanh", Math::tanh);
        trig(w, "sind", x -> Math.sin(Math.toRadians(x)));
        trig(w, "cosd", x -> Math.cos(Math.toRadians(x)));
        w.fn("atan2", "float8", (ctx, a) -> Math.atan2(d(a[0]), d(a[1])), "float8", "float8");
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

    private static double log(double x, DoubleUnaryOperator f) {
        if (x == 0) {
            throw new SqlException("2201E", "cannot take logarithm of zero");
        }
        if (x < 0) {
            throw new SqlException("2201E", "cannot take logarithm of a negative number");
        }
        return f.applyAsDouble(x);
    }

    /** dpow with float.c's errors. */
    static double pow(double x, double y) {
        if (x == 0 && y < 0) {
            throw new SqlException("2201F", "zero raised to a negative power is undefined");
        }
        if (x < 0 && Math.floor(y) != y && !Double.isInfinite(y)) {
            throw new SqlException("2201F", "a negative number raised to a non-integer power yields a complex result");
        }
        double r = Math.pow(x, y);
        if (Double.isInfinite(r) && !Double.isInfinite(x) && !Double.isInfinite(y)) {
            throw PgErrors.floatOverflow();
        }
        if (r == 0 && x != 0 && !Double.isInfinite(y) && !Double.isInfinite(x)) {
            throw PgErrors.floatUnderflow();
        }
        return r;
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
