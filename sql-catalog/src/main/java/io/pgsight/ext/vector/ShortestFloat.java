package io.pgsight.ext.vector;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * PostgreSQL's shortest round-trip output of float4 and float8 (what {@code real}/{@code double
 * precision} print with extra_float_digits > 0): the fewest significant digits that read back as the
 * same value, fixed notation for decimal exponents in [-4, P) (P = 6 for float4, 15 for float8),
 * otherwise {@code d.ddde+XX}. JDK 17's Float.toString is not always shortest, hence this class.
 */
public final class ShortestFloat {
    private ShortestFloat() {
    }

    public static String float4(float f) {
        if (Float.isNaN(f)) {
            return "NaN";
        }
        if (Float.isInfinite(f)) {
            return f > 0 ? "Infinity" : "-Infinity";
        }
        if (f == 0f) {
            return Float.floatToRawIntBits(f) < 0 ? "-0" : "0";
        }
        if (f == Math.rint(f) && Math.abs(f) < 1e6f) {
            return Long.toString((long) f);
        }
        BigDecimal exact = new BigDecimal(Math.abs(f));
        BigDecimal best = null;
        for (int p = 1; p <= 9 && best == null; p++) {
            BigDecimal down = exact.round(new MathContext(p, RoundingMode.DOWN));
            BigDecimal up = exact.round(new MathContext(p, RoundingMode.UP));
            boolean downOk = Float.parseFloat(down.toString()) == Math.abs(f);
            boolean upOk = Float.parseFloat(up.toString()) == Math.abs(f);
            best = pick(exact, down, downOk, up, upOk);
        }
        return format(f < 0, best, 6);
    }

    public static String float8(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0d) {
            return Double.doubleToRawLongBits(d) < 0 ? "-0" : "0";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        BigDecimal exact = new BigDecimal(Math.abs(d));
        BigDecimal best = null;
        for (int p = 1; p <= 17 && best == null; p++) {
            BigDecimal down = exact.round(new MathContext(p, RoundingMode.DOWN));
            BigDecimal up = exact.round(new MathContext(p, RoundingMode.UP));
            boolean downOk = Double.parseDouble(down.toString()) == Math.abs(d);
            boolean upOk = Double.parseDouble(up.toString()) == Math.abs(d);
            best = pick(exact, down, downOk, up, upOk);
        }
        return format(d < 0, best, 15);
    }

    /** Of the candidates that round-trip, the one nearer the exact value (ties: even last digit). */
    private static BigDecimal pick(BigDecimal exact, BigDecimal down, boolean downOk, BigDecimal up, boolean upOk) {
        if (downOk && upOk) {
            int c = exact.subtract(down).compareTo(up.subtract(exact));
            if (c != 0) {
                return c < 0 ? down : up;
            }
            return down.unscaledValue().testBit(0) ? up : down;
        }
        return downOk ? down : upOk ? up : null;
    }

    private static String format(boolean negative, BigDecimal value, int fixedLimit) {
        BigDecimal v = value.stripTrailingZeros();
        String digits = v.unscaledValue().toString();
        int exponent = digits.length() - 1 - v.scale(); // value = d.ddd x 10^exponent
        StringBuilder sb = new StringBuilder();
        if (negative) {
            sb.append('-');
        }
        if (exponent >= -4 && exponent < fixedLimit) {
            if (exponent < 0) {
                sb.append("0.");
                sb.append("0".repeat(-exponent - 1));
                sb.append(digits);
            } else if (digits.length() <= exponent + 1) {
                sb.append(digits).append("0".repeat(exponent + 1 - digits.length()));
            } else {
                sb.append(digits, 0, exponent + 1).append('.').append(digits, exponent + 1, digits.length());
            }
        } else {
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
        }
        return sb.toString();
    }
}
