package io.pgsight.sql.format;

import io.pgsight.sql.api.SqlException;

/**
 * float8/float4 operators and math functions with PostgreSQL 15's checks: "value out of range: overflow" /
 * "underflow" (22003), "division by zero" (22012), and the domain errors of sqrt, ln, log, power and trig.
 * Comparison follows PostgreSQL: NaN equals NaN and sorts above everything; -0 equals 0.
 */
public final class FloatArithmetic {
    private FloatArithmetic() {
    }

    public static SqlException overflow() {
        return new SqlException(PgErrors.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
    }

    public static SqlException underflow() {
        return new SqlException(PgErrors.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: underflow");
    }

    private static SqlException inputOutOfRange() {
        return new SqlException(PgErrors.NUMERIC_VALUE_OUT_OF_RANGE, "input is out of range");
    }

    // ---------------------------------------------------------------- float8 operators

    public static double add(double a, double b) {
        double r = a + b;
        if (Double.isInfinite(r) && !Double.isInfinite(a) && !Double.isInfinite(b)) {
            throw overflow();
        }
        return r;
    }

    public static double sub(double a, double b) {
        double r = a - b;
        if (Double.isInfinite(r) && !Double.isInfinite(a) && !Double.isInfinite(b)) {
            throw overflow();
        }
        return r;
    }

    public static double mul(double a, double b) {
        double r = a * b;
        if (Double.isInfinite(r) && !Double.isInfinite(a) && !Double.isInfinite(b)) {
            throw overflow();
        }
        if (r == 0 && a != 0 && b != 0) {
            throw underflow();
        }
        return r;
    }

    public static double div(double a, double b) {
        if (b == 0 && !Double.isNaN(a)) {
            throw PgErrors.divisionByZero();
        }
        double r = a / b;
        if (Double.isInfinite(r) && !Double.isInfinite(a)) {
            throw overflow();
        }
        if (r == 0 && a != 0 && !Double.isInfinite(b)) {
            throw underflow();
        }
        return r;
    }

    // ---------------------------------------------------------------- float4 operators (computed in float)

    public static float add(float a, float b) {
        float r = a + b;
        if (Float.isInfinite(r) && !Float.isInfinite(a) && !Float.isInfinite(b)) {
            throw overflow();
        }
        return r;
    }

    public static float sub(float a, float b) {
        float r = a - b;
        if (Float.isInfinite(r) && !Float.isInfinite(a) && !Float.isInfinite(b)) {
            throw overflow();
        }
        return r;
    }

    public static float mul(float a, float b) {
        float r = a * b;
        if (Float.isInfinite(r) && !Float.isInfinite(a) && !Float.isInfinite(b)) {
            throw overflow();
        }
        if (r == 0 && a != 0 && b != 0) {
            throw underflow();
        }
        return r;
    }

    public static float div(float a, float b) {
        if (b == 0 && !Float.isNaN(a)) {
            throw PgErrors.divisionByZero();
        }
        float r = a / b;
        if (Float.isInfinite(r) && !Float.isInfinite(a)) {
            throw overflow();
        }
        if (r == 0 && a != 0 && !Float.isInfinite(b)) {
            throw underflow();
        }
        return r;
    }

    /** float8 to float4 (dtof): overflow and underflow are errors. */
    public static float toFloat4(double v) {
        float r = (float) v;
        if (Float.isInfinite(r) && !Double.isInfinite(v)) {
            throw overflow();
        }
        if (r == 0 && v != 0) {
            throw underflow();
        }
        return r;
    }

    /** PostgreSQL's float ordering: NaN = NaN, NaN greater than all, -0 = 0. */
    public static int compare(double a, double b) {
        if (Double.isNaN(a)) {
            return Double.isNaN(b) ? 0 : 1;
        }
        if (Double.isNaN(b)) {
            return -1;
        }
        return a < b ? -1 : a > b ? 1 : 0;
    }

    // ---------------------------------------------------------------- functions

    /** round(float8): rint, half to even. */
    public static double round(double v) {
        return Math.rint(v);
    }

    public static double trunc(double v) {
        return v >= 0 ? Math.floor(v) : Math.ceil(v);
    }

    public static double sign(double v) {
        return v > 0 ? 1.0 : v < 0 ? -1.0 : 0.0;
    }

    public static double sqrt(double v) {
        if (v < 0) {
            throw new SqlException(PgErrors.INVALID_ARGUMENT_FOR_POWER, "cannot take square root of a negative number");
        }
        return Math.sqrt(v);
    }

    public static double cbrt(double v) {
        return Math.cbrt(v);
    }

    public static double exp(double v) {
        double r = Math.exp(v);
        if (Double.isInfinite(r) && !Double.isInfinite(v)) {
            throw overflow();
        }
        if (r == 0 && !Double.isInfinite(v)) {
            throw underflow();
        }
        return r;
    }

    public static double ln(double v) {
        checkLogArgument(v);
        return Math.log(v);
    }

    public static double log10(double v) {
        checkLogArgument(v);
        return Math.log10(v);
    }

    private static void checkLogArgument(double v) {
        if (v == 0) {
            throw new SqlException(PgErrors.INVALID_ARGUMENT_FOR_LOG, "cannot take logarithm of zero");
        }
        if (v < 0) {
            throw new SqlException(PgErrors.INVALID_ARGUMENT_FOR_LOG, "cannot take logarithm of a negative number");
        }
    }

    /** dpow with PostgreSQL's (POSIX) special cases and errors. */
    public static double power(double x, double y) {
        if (Double.isNaN(x)) {
            return y == 0 ? 1.0 : Double.NaN;
        }
        if (Double.isNaN(y)) {
            return x == 1 ? 1.0 : Double.NaN;
        }
        if (x == 0 && y < 0) {
            throw new SqlException(PgErrors.INVALID_ARGUMENT_FOR_POWER, "zero raised to a negative power is undefined");
        }
        if (x < 0 && Math.floor(y) != y) {
            throw new SqlException(PgErrors.INVALID_ARGUMENT_FOR_POWER,
                    "a negative number raised to a non-integer power yields a complex result");
        }
        if (Double.isInfinite(y)) {
            double ax = Math.abs(x);
            if (ax == 1) {
                return 1.0;
            }
            return (ax > 1) == (y > 0) ? Double.POSITIVE_INFINITY : 0.0;
        }
        double r = Math.pow(x, y);
        if (Double.isInfinite(r) && !Double.isInfinite(x)) {
            throw overflow();
        }
        if (r == 0 && x != 0 && !Double.isInfinite(x)) {
            throw underflow();
        }
        return r;
    }

    public static double sin(double v) {
        return Math.sin(checkFinite(v));
    }

    public static double cos(double v) {
        return Math.cos(checkFinite(v));
    }

    public static double tan(double v) {
        return Math.tan(checkFinite(v));
    }

    public static double asin(double v) {
        if (v < -1 || v > 1) {
            throw inputOutOfRange();
        }
        return CorrectlyRounded.asin(v);
    }

    public static double acos(double v) {
        if (v < -1 || v > 1) {
            throw inputOutOfRange();
        }
        return CorrectlyRounded.acos(v);
    }

    /** atan, asin, acos, atan2 are correctly rounded like glibc (java.lang.Math differs in 5-18% of cases). */
    public static double atan(double v) {
        return CorrectlyRounded.atan(v);
    }

    public static double atan2(double y, double x) {
        return CorrectlyRounded.atan2(y, x);
    }

    public static double degrees(double radians) {
        return radians / (Math.PI / 180.0);
    }

    public static double radians(double degrees) {
        return degrees * (Math.PI / 180.0);
    }

    public static double cot(double v) {
        return 1.0 / Math.tan(checkFinite(v));
    }

    public static double sinh(double v) {
        return Math.sinh(v);
    }

    public static double cosh(double v) {
        return Math.cosh(v);
    }

    public static double tanh(double v) {
        return Math.tanh(v);
    }

    public static double asinh(double v) {
        return Double.isInfinite(v) ? v : asinhAccurate(v);
    }

    private static double asinhAccurate(double v) {
        double a = Math.abs(v);
        double r = a > 1e8 ? Math.log(a) + Math.log(2) : Math.log1p(a + a * a / (1 + Math.sqrt(1 + a * a)));
        return Math.copySign(r, v);
    }

    public static double acosh(double v) {
        if (v < 1) {
            throw inputOutOfRange();
        }
        return v > 1e8 ? Math.log(v) + Math.log(2) : Math.log(v + Math.sqrt(v * v - 1));
    }

    public static double atanh(double v) {
        if (v < -1 || v > 1) {
            throw inputOutOfRange();
        }
        if (v == 1 || v == -1) {
            return v > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        return 0.5 * Math.log1p(2 * v / (1 - v));
    }

    // ---------------------------------------------------------------- degree variants (PostgreSQL's exact-at-key-angles scheme)

    private static final double RADIANS_PER_DEGREE = 0.0174532925199432957692;
    private static final double SIN_30 = Math.sin(30.0 * RADIANS_PER_DEGREE);
    private static final double ONE_MINUS_COS_60 = 1.0 - Math.cos(60.0 * RADIANS_PER_DEGREE);
    private static final double ASIN_0_5 = CorrectlyRounded.asin(0.5);
    private static final double ACOS_0_5 = CorrectlyRounded.acos(0.5);
    private static final double ATAN_1_0 = CorrectlyRounded.atan(1.0);
    private static final double TAN_45 = sindQ1(45.0) / cosdQ1(45.0);
    private static final double COT_45 = cosdQ1(45.0) / sindQ1(45.0);

    private static double sind0To30(double x) {
        return (Math.sin(x * RADIANS_PER_DEGREE) / SIN_30) / 2.0;
    }

    private static double cosd0To60(double x) {
        double oneMinusCos = 1.0 - Math.cos(x * RADIANS_PER_DEGREE);
        return 1.0 - (oneMinusCos / ONE_MINUS_COS_60) / 2.0;
    }

    private static double sindQ1(double x) {
        return x <= 30.0 ? sind0To30(x) : cosd0To60(90.0 - x);
    }

    private static double cosdQ1(double x) {
        return x <= 60.0 ? cosd0To60(x) : sind0To30(90.0 - x);
    }

    public static double sind(double v) {
        if (Double.isNaN(v)) {
            return v;
        }
        double x = checkFinite(v) % 360.0;
        int sign = 1;
        if (x < 0) {
            x = -x;
            sign = -sign;
        }
        if (x > 180) {
            x = 360 - x;
            sign = -sign;
        }
        if (x > 90) {
            x = 180 - x;
        }
        return sign * sindQ1(x);
    }

    public static double cosd(double v) {
        if (Double.isNaN(v)) {
            return v;
        }
        double x = Math.abs(checkFinite(v) % 360.0);
        int sign = 1;
        if (x > 180) {
            x = 360 - x;
        }
        if (x > 90) {
            x = 180 - x;
            sign = -sign;
        }
        return sign * cosdQ1(x);
    }

    public static double tand(double v) {
        if (Double.isNaN(v)) {
            return v;
        }
        double x = checkFinite(v) % 360.0;
        int sign = 1;
        if (x < 0) {
            x = -x;
            sign = -sign;
        }
        if (x > 180) {
            x = 360 - x;
            sign = -sign;
        }
        if (x > 90) {
            x = 180 - x;
            sign = -sign;
        }
        double r = sign * (sindQ1(x) / cosdQ1(x) / TAN_45);
        return r == 0 ? 0.0 : r;
    }

    public static double cotd(double v) {
        if (Double.isNaN(v)) {
            return v;
        }
        double x = checkFinite(v) % 360.0;
        int sign = 1;
        if (x < 0) {
            x = -x;
            sign = -sign;
        }
        if (x > 180) {
            x = 360 - x;
            sign = -sign;
        }
        if (x > 90) {
            x = 180 - x;
            sign = -sign;
        }
        double r = sign * (cosdQ1(x) / sindQ1(x) / COT_45);
        return r == 0 ? 0.0 : r;
    }

    public static double asind(double v) {
        if (Double.isNaN(v)) {
            return v;
        }
        if (v < -1 || v > 1) {
            throw inputOutOfRange();
        }
        return v >= 0 ? asind0To1(v) : -asind0To1(-v);
    }

    private static double asind0To1(double x) {
        if (x <= 0.5) {
            return (CorrectlyRounded.asin(x) / ASIN_0_5) * 30.0;
        }
        return 90.0 - (CorrectlyRounded.acos(x) / ACOS_0_5) * 60.0;
    }

    private static double acosd0To1(double x) {
        if (x <= 0.5) {
            return 90.0 - (CorrectlyRounded.asin(x) / ASIN_0_5) * 30.0;
        }
        return (CorrectlyRounded.acos(x) / ACOS_0_5) * 60.0;
    }

    public static double acosd(double v) {
        if (Double.isNaN(v)) {
            return v;
        }
        if (v < -1 || v > 1) {
            throw inputOutOfRange();
        }
        return v >= 0 ? acosd0To1(v) : 90.0 + asind0To1(-v);
    }

    public static double atand(double v) {
        if (Double.isNaN(v)) {
            return v;
        }
        double atanArg = CorrectlyRounded.atan(v);
        return (atanArg / ATAN_1_0) * 45.0;
    }

    public static double atan2d(double y, double x) {
        if (Double.isNaN(y) || Double.isNaN(x)) {
            return Double.NaN;
        }
        double atan2Arg = CorrectlyRounded.atan2(y, x);
        return (atan2Arg / ATAN_1_0) * 45.0;
    }

    private static double checkFinite(double v) {
        if (Double.isInfinite(v)) {
            throw inputOutOfRange();
        }
        return v;
    }
}
