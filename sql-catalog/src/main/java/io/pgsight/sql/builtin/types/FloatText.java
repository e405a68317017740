package io.pgsight.sql.builtin.types;

import io.pgsight.sql.builtin.PgErrors;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * float4/float8 text form as PostgreSQL 12+ prints it with extra_float_digits = 1: the shortest
 * decimal that reads back to the same value, fixed notation for decimal exponents in [-4, 15) (float8)
 * or [-4, 6) (float4), else {@code d.ddde+XX}.
 */
public final class FloatText {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private FloatText() {
    }

    public static String format(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0" : "0";
        }
        BigDecimal exact = new BigDecimal(d);
        for (int p = 1; p <= 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (Double.parseDouble(r.toString()) == d) {
                return layout(r, 15);
            }
        }
        return layout(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)), 15);
    }

    public static String format(float f) {
        if (Float.isNaN(f)) {
            return "NaN";
        }
        if (Float.isInfinite(f)) {
            return f > 0 ? "Infinity" : "-Infinity";
        }
        if (f == 0) {
            return (1 / f < 0) ? "-0" : "0";
        }
        BigDecimal exact = new BigDecimal(f);
        for (int p = 1; p <= 9; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (Float.parseFloat(r.toString()) == f) {
                return layout(r, 6);
            }
        }
        return layout(exact.round(new MathContext(9, RoundingMode.HALF_EVEN)), 6);
    }

    /** Places the significant digits of {@code r} in fixed or exponential notation. */
    private static String layout(BigDecimal r, int fixedLimit) {
        BigDecimal stripped = r.stripTrailingZeros();
        String digits = stripped.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - stripped.scale();
        StringBuilder sb = new StringBuilder();
        if (stripped.signum() < 0) {
            sb.append('-');
        }
        if (exponent < -4 || exponent >= fixedLimit) {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            sb.append('e').append(exponent < 0 ? '-' : '+');
            int abs = Math.abs(exponent);
            if (abs < 10) {
                sb.append('0');
            }
            sb.append(abs);
        } else if (exponent < 0) {
            sb.append("0.");
            sb.append("0".repeat(-exponent - 1));
            sb.append(digits);
        } else if (digits.length() <= exponent + 1) {
            sb.append(digits);
            sb.append("0".repeat(exponent + 1 - digits.length()));
        } else {
            sb.append(digits, 0, exponent + 1).append('.').append(digits, exponent + 1, digits.length());
        }
        return sb.toString();
    }

    /** float8in: decimal or exponent notation, NaN, [+-]Infinity/inf, surrounding whitespace. */
    public static double parseDouble(String text, String sqlName) {
        String s = text.strip();
        Double special = special(s);
        if (special != null) {
            return special;
        }
        if (!NUMBER.matcher(s).matches()) {
            throw PgErrors.invalidSyntax(sqlName, text);
        }
        double d = Double.parseDouble(s);
        if (Double.isInfinite(d) || (d == 0 && nonZeroDigits(s))) {
            throw PgErrors.outOfRangeForType(text, sqlName);
        }
        return d;
    }

    public static float parseFloat(String text) {
        String s = text.strip();
        Double special = special(s);
        if (special != null) {
            return special.floatValue();
        }
        if (!NUMBER.matcher(s).matches()) {
            throw PgErrors.invalidSyntax("real", text);
        }
        float f = Float.parseFloat(s);
        if (Float.isInfinite(f) || (f == 0 && nonZeroDigits(s))) {
            throw PgErrors.outOfRangeForType(text, "real");
        }
        return f;
    }

    private static Double special(String s) {
        switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "nan", "+nan", "-nan":
                return Double.NaN;
            case "infinity", "+infinity", "inf", "+inf":
                return Double.POSITIVE_INFINITY;
            case "-infinity", "-inf":
                return Double.NEGATIVE_INFINITY;
            default:
                return null;
        }
    }

    private static boolean nonZeroDigits(String s) {
        int e = s.indexOf('e') >= 0 ? s.indexOf('e') : s.indexOf('E');
        String mantissa = e >= 0 ? s.substring(0, e) : s;
        for (int i = 0; i < mantissa.length(); i++) {
            char c = mantissa.charAt(i);
            if (c >= '1' && c <= '9') {
                return true;
            }
        }
        return false;
    }
}
