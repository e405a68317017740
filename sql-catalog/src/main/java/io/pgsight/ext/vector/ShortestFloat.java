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

    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
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
        String fast = float4Fast(f);
        return fast != null ? fast : float4Exact(f);
    }

    /**
     * Shortest digits with double arithmetic: every step is one correctly rounded operation on exact
     * inputs (powers of ten up to 1e22 are exact doubles), and any case where a double rounding
     * could decide the answer (a candidate at a float midpoint, a near tie between two candidates,
     * a scale beyond 1e22) returns null so the exact BigDecimal path decides.
     */
    static String float4Fast(float f) {
        double abs = Math.abs((double) f);
        int e10 = (int) Math.floor(Math.log10(abs));
        for (int p = 1; p <= 9; p++) {
            int k = p - 1 - e10;
            if (k > 22 || k < -22) {
                return null;
            }
            double scaled = k >= 0 ? abs * POW10[k] : abs / POW10[-k];
            long base = (long) Math.floor(scaled);
            long best = -1;
            double bestDistance = Double.MAX_VALUE;
            boolean nearTie = false;
            for (long cand = Math.max(0, base - 1); cand <= base + 1; cand++) {
                if (cand == 0) {
                    continue;
                }
                double back = k >= 0 ? cand / POW10[k] : cand * POW10[-k];
                if ((float) back != (float) abs) {
                    continue;
                }
                if ((Double.doubleToRawLongBits(back) & 0x1FFFFFFFL) == 0x10000000L) {
                    return null; // exactly between two floats after rounding to double: undecidable here
                }
                double distance = Math.abs(cand - scaled);
                if (best >= 0 && Math.abs(distance - bestDistance) < 1e-6) {
                    nearTie = true;
                }
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = cand;
                }
            }
            if (best >= 0) {
                if (nearTie) {
                    return null;
                }
                String digits = Long.toString(best);
                int exponent = digits.length() - 1 - k;
                int end = digits.length();
                while (end > 1 && digits.charAt(end - 1) == '0') {
                    end--;
                }
                return format(f < 0, digits.substring(0, end), exponent, 6);
            }
        }
        return null;
    }

    static String float4Exact(float f) {
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
        return format(negative, digits, digits.length() - 1 - v.scale(), fixedLimit);
    }

    /** {@code digits} without trailing zeros; the value is d.ddd x 10^exponent. */
    private static String format(boolean negative, String digits, int exponent, int fixedLimit) {
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
