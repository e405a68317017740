package io.pgsight.imaging.text;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * C's {@code printf("%f", (double) f)} as PostgreSQL 15 prints it: the exact binary value, six
 * decimals, half-to-even; {@code NaN}, {@code Infinity}, {@code -Infinity}; the sign of negative
 * values that round to zero is kept ({@code -0.000000}).
 */
public final class CFloatFormat {
    private CFloatFormat() {
    }

    public static void appendTo(StringBuilder out, float f) {
        if (Float.isNaN(f)) {
            out.append("NaN");
            return;
        }
        if (Float.isInfinite(f)) {
            out.append(f > 0 ? "Infinity" : "-Infinity");
            return;
        }
        if ((Float.floatToRawIntBits(f) & 0x80000000) != 0) {
            out.append('-');
        }
        float a = Math.abs(f);
        if (!appendFast(out, a)) {
            out.append(new BigDecimal((double) a).setScale(6, RoundingMode.HALF_EVEN).toPlainString());
        }
    }

    /**
     * Exact %f without BigDecimal for the usual magnitudes: {@code a = M * 2^E} with a 24-bit
     * integer {@code M}, so {@code a * 10^6 = M * 10^6 * 2^E}; {@code M * 10^6 < 2^44} fits a long
     * and the shift by {@code -E} is rounded half-to-even exactly.
     */
    private static boolean appendFast(StringBuilder out, float a) {
        int bits = Float.floatToRawIntBits(a);
        int biased = (bits >>> 23) & 0xff;
        long mant = bits & 0x7fffff;
        int exp;
        if (biased == 0) {
            exp = -149;
        } else {
            mant |= 0x800000;
            exp = biased - 150;
        }
        long q;
        if (exp >= 0) {
            if (exp > 38) {
                return false;
            }
            out.append(mant << exp).append(".000000");
            return true;
        }
        int shift = -exp;
        if (shift >= 45) {
            q = 0; // a * 10^6 < 2^44 / 2^45 < 1/2
        } else {
            long num = mant * 1_000_000L;
            q = num >>> shift;
            long r = num & ((1L << shift) - 1);
            long half = 1L << (shift - 1);
            if (r > half || (r == half && (q & 1) == 1)) {
                q++;
            }
        }
        out.append(q / 1_000_000L).append('.');
        long frac = q % 1_000_000L;
        for (long p = 100_000L; p > 1 && frac < p; p /= 10) {
            out.append('0');
        }
        out.append(frac);
        return true;
    }

    public static String format(float f) {
        StringBuilder sb = new StringBuilder(12);
        appendTo(sb, f);
        return sb.toString();
    }
}
