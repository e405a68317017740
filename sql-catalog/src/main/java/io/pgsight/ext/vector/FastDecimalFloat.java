package io.pgsight.ext.vector;

/**
 * Correctly rounded decimal-to-float for the common case, without building strings: a decimal of at
 * most 15 significant digits times a power of ten within 10^±22 is converted to the nearest double
 * in one exactly-rounded operation (both operands are exact doubles). Rounding that double to float
 * gives the correctly rounded float unless the double is exactly halfway between two floats: float
 * midpoints are doubles, and rounding to the nearest double never crosses a double, so the exact
 * value and its double lie on the same side of every float midpoint. That one case, and subnormal
 * or overflowing results, are left to the exact slow path.
 */
final class FastDecimalFloat {
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };
    static final int MAX_DIGITS = 15; // < 2^53, so the digits are an exact double
    /** The low 29 bits of a double's significand that a float drops; this pattern is a float midpoint. */
    private static final long DROPPED_BITS = (1L << 29) - 1;
    private static final long HALF = 1L << 28;

    private FastDecimalFloat() {
    }

    /**
     * The unsigned decimal in {@code s[start, end)}: digits, optional point and digits (ending at
     * {@code mantissaEnd}), then an optional exponent. NaN when the fast path cannot decide.
     */
    static float parse(String s, int start, int mantissaEnd, int end) {
        long digits = 0;
        int significant = 0;
        int scale = 0; // digits after the point that went into {@code digits}
        boolean afterPoint = false;
        for (int i = start; i < mantissaEnd; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                afterPoint = true;
                continue;
            }
            if (significant == 0 && c == '0') {
                if (afterPoint) {
                    scale++;
                }
                continue;
            }
            if (++significant > MAX_DIGITS) {
                return Float.NaN;
            }
            digits = digits * 10 + (c - '0');
            if (afterPoint) {
                scale++;
            }
        }
        return of(digits, scale, s, mantissaEnd, end);
    }

    /**
     * {@code digits} (at most {@link #MAX_DIGITS} significant ones) times 10^-scale, times the exponent
     * written in {@code s[mantissaEnd, end)} ("e-5"; empty when there is none). NaN when undecided.
     */
    static float of(long digits, int scale, String s, int mantissaEnd, int end) {
        int exponent = 0;
        if (mantissaEnd < end) {
            int i = mantissaEnd + 1; // after 'e'
            boolean negative = s.charAt(i) == '-';
            if (s.charAt(i) == '-' || s.charAt(i) == '+') {
                i++;
            }
            for (; i < end; i++) {
                exponent = exponent * 10 + (s.charAt(i) - '0');
                if (exponent > 1000) {
                    return Float.NaN;
                }
            }
            if (negative) {
                exponent = -exponent;
            }
        }
        int power = exponent - scale;
        double d;
        if (power >= 0 && power < POWERS_OF_TEN.length) {
            d = digits * POWERS_OF_TEN[power];
        } else if (power < 0 && -power < POWERS_OF_TEN.length) {
            d = digits / POWERS_OF_TEN[-power];
        } else {
            return Float.NaN;
        }
        if (!(d >= Float.MIN_NORMAL && d <= Float.MAX_VALUE)) {
            return Float.NaN;
        }
        if ((Double.doubleToRawLongBits(d) & DROPPED_BITS) == HALF) {
            return Float.NaN;
        }
        return (float) d;
    }
}
