package io.pgsight.sql.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Text output and input of float8 (double precision) and float4 (real) exactly as PostgreSQL 15 does it.
 *
 * <p>Output with extra_float_digits &gt; 0 (the default is 1) is the shortest decimal that reads back to the
 * same value, choosing the nearest such decimal (Ryu semantics); fixed notation when the decimal exponent is
 * in [-4, 15) for float8 and [-4, 6) for float4, else {@code d.ddde+XX}. With extra_float_digits &lt;= 0 it is
 * C's {@code %.Ng} with N = 15 + efd (float8) or 6 + efd (float4). Java 17's Double.toString is not always
 * shortest, so the digits are found here by exact decimal arithmetic.
 */
public final class FloatFormat {
    /** DBL_DIG and FLT_DIG. */
    public static final int DBL_DIG = 15;
    public static final int FLT_DIG = 6;

    private FloatFormat() {
    }

    // ---------------------------------------------------------------- output

    /** float8out with the default extra_float_digits = 1. */
    public static String float8Out(double v) {
        return float8Out(v, 1);
    }

    public static String float8Out(double v, int extraFloatDigits) {
        String special = special(v);
        if (special != null) {
            return special;
        }
        if (extraFloatDigits > 0) {
            long[] d = RyuDouble.shortest(Math.abs(v));
            return layout(v < 0, d[0], (int) d[1], 15);
        }
        return formatG(new BigDecimal(v), Math.max(1, DBL_DIG + extraFloatDigits), isNegative(v));
    }

    /** float4out with the default extra_float_digits = 1. */
    public static String float4Out(float v) {
        return float4Out(v, 1);
    }

    public static String float4Out(float v, int extraFloatDigits) {
        String special = special(v);
        if (special != null) {
            return special;
        }
        if (extraFloatDigits > 0) {
            long[] d = RyuFloat.shortest(Math.abs(v));
            return layout(v < 0, d[0], (int) d[1], 6);
        }
        return formatG(new BigDecimal(v), Math.max(1, FLT_DIG + extraFloatDigits), isNegative(v));
    }

    /**
     * C's {@code printf("%.{precision}g", v)} for a finite double: the exact binary value rounded half-even to
     * {@code precision} significant digits, trailing zeros removed. Used for float-to-numeric casts as well.
     */
    public static String formatG(double v, int precision) {
        String special = special(v);
        if (special != null) {
            return special.equals("Infinity") ? "inf" : special.equals("-Infinity") ? "-inf" : special;
        }
        return formatG(new BigDecimal(v), precision, isNegative(v));
    }

    private static String special(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        if (v == 0) {
            return isNegative(v) ? "-0" : "0";
        }
        return null;
    }

    private static boolean isNegative(double v) {
        return (Double.doubleToRawLongBits(v) & Long.MIN_VALUE) != 0;
    }

    private static String formatG(BigDecimal exact, int precision, boolean negative) {
        if (exact.signum() == 0) {
            return negative ? "-0" : "0";
        }
        BigDecimal rounded = exact.abs().round(new MathContext(precision, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        BigDecimal stripped = rounded.stripTrailingZeros();
        String body;
        if (exponent < -4 || exponent >= precision) {
            body = scientific(stripped.unscaledValue().toString(), exponent);
        } else {
            body = plain(stripped);
        }
        return negative ? "-" + body : body;
    }

    /**
     * The shortest decimal strictly inside the rounding interval (PostgreSQL's Ryu is built with
     * STRICTLY_SHORTEST 0, so an exact midpoint is never chosen), found by exact decimal arithmetic and
     * formatted the way d2s.c / f2s.c print it.
     */
    static String shortestExact(double v, boolean isFloat4) {
        boolean negative = v < 0;
        double a = Math.abs(v);
        BigDecimal exact = new BigDecimal(a);
        BigDecimal low;
        BigDecimal high;
        if (isFloat4) {
            float f = (float) a;
            low = midpoint(exact, new BigDecimal(Math.nextDown(f)));
            high = f == Float.MAX_VALUE ? exact.add(new BigDecimal(Math.ulp(f)).divide(BigDecimal.valueOf(2)))
                    : midpoint(exact, new BigDecimal(Math.nextUp(f)));
        } else {
            low = midpoint(exact, new BigDecimal(Math.nextDown(a)));
            high = a == Double.MAX_VALUE ? exact.add(new BigDecimal(Math.ulp(a)).divide(BigDecimal.valueOf(2)))
                    : midpoint(exact, new BigDecimal(Math.nextUp(a)));
        }
        // The set of precisions that admit a round-tripping decimal is upward closed: binary search it.
        int lo = 1;
        int hi = isFloat4 ? 9 : 17;
        BigDecimal best = candidate(exact, hi, low, high, false);
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            BigDecimal c = candidate(exact, mid, low, high, false);
            if (c != null) {
                best = c;
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        BigDecimal stripped = best.stripTrailingZeros();
        int olength = stripped.precision();
        int exponent = olength - stripped.scale() - 1;
        int fixedLimit = isFloat4 ? 6 : 15;
        String body = exponent >= -4 && exponent < fixedLimit ? plain(stripped)
                : scientific(stripped.unscaledValue().toString(), exponent);
        return negative ? "-" + body : body;
    }

    /**
     * Lays out mantissa * 10^exponent as d2s.c/f2s.c do: fixed notation when the decimal exponent of the
     * leading digit is in [-4, fixedLimit), else d.ddde+XX.
     */
    private static String layout(boolean negative, long mantissa, int exponent, int fixedLimit) {
        while (mantissa % 10 == 0) {
            mantissa /= 10;
            exponent++;
        }
        String digits = Long.toString(mantissa);
        int olength = digits.length();
        int leading = exponent + olength - 1;
        StringBuilder sb = new StringBuilder(olength + 8);
        if (negative) {
            sb.append('-');
        }
        if (leading < -4 || leading >= fixedLimit) {
            sb.append(scientific(digits, leading));
        } else if (exponent >= 0) {
            sb.append(digits);
            for (int i = 0; i < exponent; i++) {
                sb.append('0');
            }
        } else if (leading >= 0) {
            sb.append(digits, 0, leading + 1).append('.').append(digits, leading + 1, olength);
        } else {
            sb.append("0.");
            for (int i = -1; i > leading; i--) {
                sb.append('0');
            }
            sb.append(digits);
        }
        return sb.toString();
    }

    private static BigDecimal midpoint(BigDecimal a, BigDecimal b) {
        return a.add(b).divide(BigDecimal.valueOf(2));
    }

    /** The decimal of {@code digits} significant digits nearest to exact inside the rounding interval, or null. */
    private static BigDecimal candidate(BigDecimal exact, int digits, BigDecimal low, BigDecimal high,
                                        boolean inclusive) {
        BigDecimal down = exact.round(new MathContext(digits, RoundingMode.FLOOR));
        if (down.compareTo(exact) == 0) {
            return down;
        }
        BigDecimal up = exact.round(new MathContext(digits, RoundingMode.CEILING));
        boolean downOk = inside(down, low, high, inclusive);
        boolean upOk = inside(up, low, high, inclusive);
        if (downOk && upOk) {
            int cmp = exact.subtract(down).compareTo(up.subtract(exact));
            if (cmp != 0) {
                return cmp < 0 ? down : up;
            }
            return down.unscaledValue().testBit(0) ? up : down;
        }
        return downOk ? down : upOk ? up : null;
    }

    private static boolean inside(BigDecimal c, BigDecimal low, BigDecimal high, boolean inclusive) {
        int l = c.compareTo(low);
        int h = c.compareTo(high);
        return inclusive ? l >= 0 && h <= 0 : l > 0 && h < 0;
    }

    private static String plain(BigDecimal nonNegative) {
        BigDecimal v = nonNegative.scale() < 0 ? nonNegative.setScale(0) : nonNegative;
        return v.toPlainString();
    }

    private static String scientific(String digits, int exponent) {
        StringBuilder sb = new StringBuilder(digits.length() + 6);
        sb.append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        }
        sb.append('e').append(exponent < 0 ? '-' : '+');
        int e = Math.abs(exponent);
        if (e < 10) {
            sb.append('0');
        }
        return sb.append(e).toString();
    }

    // ---------------------------------------------------------------- input

    /** float8in: leading/trailing whitespace, NaN, [+-]Infinity, [+-]inf, decimal and hex (as glibc's strtod). */
    public static double float8In(String text) {
        return parse(text, "double precision", false);
    }

    /** float4in: like float8in but correctly rounded to float (strtof semantics). */
    public static float float4In(String text) {
        return (float) parse(text, "real", true);
    }

    private static double parse(String text, String typeName, boolean isFloat4) {
        int n = text.length();
        int start = 0;
        while (start < n && isSpace(text.charAt(start))) {
            start++;
        }
        int end = n;
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            throw PgErrors.invalidInput(typeName, text);
        }
        String s = text.substring(start, end);
        Double named = namedValue(s);
        if (named != null) {
            return named;
        }
        if (!isNumberSyntax(s)) {
            throw PgErrors.invalidInput(typeName, text);
        }
        boolean hex = isHex(s);
        double d;
        try {
            d = hex ? parseHex(s) : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw PgErrors.invalidInput(typeName, text);
        }
        if (isFloat4) {
            float f = hex ? (float) d : roundToFloat(s, d);
            if (Float.isInfinite(f) || (f == 0 && hasNonZeroDigit(s, hex))) {
                throw outOfRange(s, typeName);
            }
            return f;
        }
        if (Double.isInfinite(d) || (d == 0 && hasNonZeroDigit(s, hex))) {
            throw outOfRange(s, typeName);
        }
        return d;
    }

    private static io.pgsight.sql.api.SqlException outOfRange(String number, String typeName) {
        return new io.pgsight.sql.api.SqlException(PgErrors.NUMERIC_VALUE_OUT_OF_RANGE,
                "\"" + number + "\" is out of range for type " + typeName);
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    private static Double namedValue(String s) {
        String t = s;
        boolean negative = false;
        if (t.startsWith("+") || t.startsWith("-")) {
            negative = t.charAt(0) == '-';
            t = t.substring(1);
        }
        if (t.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        if (t.equalsIgnoreCase("infinity") || t.equalsIgnoreCase("inf")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return null;
    }

    /** [+-]? (digits [. digits] | . digits) ([eE] [+-]? digits)?  or  [+-]? 0x hexdigits [. hexdigits] ([pP][+-]?digits)? */
    private static boolean isNumberSyntax(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        boolean hex = isHex(s);
        if (hex) {
            i += 2;
        }
        int digits = 0;
        while (i < n && isDigit(s.charAt(i), hex)) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i), hex)) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (hex ? (s.charAt(i) == 'p' || s.charAt(i) == 'P') : (s.charAt(i) == 'e' || s.charAt(i) == 'E'))) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isHex(String s) {
        int i = s.startsWith("+") || s.startsWith("-") ? 1 : 0;
        return s.length() > i + 2 && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X');
    }

    private static boolean isDigit(char c, boolean hex) {
        return (c >= '0' && c <= '9') || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
    }

    private static double parseHex(String s) {
        boolean hasExponent = s.indexOf('p') >= 0 || s.indexOf('P') >= 0;
        return Double.parseDouble(hasExponent ? s : s + "p0");
    }

    private static boolean hasNonZeroDigit(String s, boolean hex) {
        int i = hex ? s.indexOf('x') >= 0 ? s.indexOf('x') + 1 : s.indexOf('X') + 1 : 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 'e' || c == 'E' || (hex && (c == 'p' || c == 'P'))) {
                break;
            }
            if (isDigit(c, hex) && c != '0') {
                return true;
            }
        }
        return false;
    }

    /** The decimal string s correctly rounded to float (avoids double rounding through double). */
    private static float roundToFloat(String s, double d) {
        float f = (float) d;
        if (d == 0 || Double.isInfinite(d)) {
            return f;
        }
        BigDecimal exact = new BigDecimal(s).abs();
        float af = Math.abs(f);
        if (Float.isInfinite(af)) {
            BigDecimal limit = new BigDecimal(Float.MAX_VALUE).add(new BigDecimal(Math.ulp(Float.MAX_VALUE)).divide(BigDecimal.valueOf(2)));
            af = exact.compareTo(limit) < 0 ? Float.MAX_VALUE : Float.POSITIVE_INFINITY;
        } else {
            BigDecimal here = new BigDecimal(af);
            BigDecimal up = af == Float.MAX_VALUE
                    ? here.add(new BigDecimal(Math.ulp(af)).divide(BigDecimal.valueOf(2)))
                    : midpoint(here, new BigDecimal(Math.nextUp(af)));
            BigDecimal down = midpoint(here, new BigDecimal(Math.nextDown(af)));
            boolean odd = (Float.floatToRawIntBits(af) & 1) != 0;
            int cu = exact.compareTo(up);
            int cd = exact.compareTo(down);
            if (cu > 0 || (cu == 0 && odd)) {
                af = Math.nextUp(af);
            } else if (cd < 0 || (cd == 0 && odd)) {
                af = Math.nextDown(af);
            }
        }
        return d < 0 ? -af : af;
    }

}
