package io.pgsight.ext.vector;

/**
 * Reads one number the way C's {@code strtof}/{@code strtol} do in the C locale: the longest valid
 * prefix, hex floats, {@code inf}/{@code infinity}/{@code nan} words, and the ERANGE conditions.
 * Float.parseFloat is not a substitute (it accepts "1f", rejects "inf" and reports no range errors).
 */
public final class CFloatScanner {
    private CFloatScanner() {
    }

    /** Result of scanning a float at a position; {@code end == start} when nothing was parsed. */
    public record FloatScan(float value, int end, boolean overflow, boolean underflow) {
        public boolean parsed(int start) {
            return end > start;
        }
    }

    /** Result of strtol: the value clamped to the long range, and where parsing stopped. */
    public record LongScan(long value, int end) {
    }

    public static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f';
    }

    /** strtof(s + start): skips leading whitespace like C does. */
    public static FloatScan strtof(String s, int start) {
        int i = start;
        int n = s.length();
        while (i < n && isSpace(s.charAt(i))) {
            i++;
        }
        int signPos = i;
        boolean negative = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int body = i;
        char first = body < n ? s.charAt(body) : 0;
        if (first >= '0' && first <= '9' && (first != '0' || body + 1 >= n || (s.charAt(body + 1) | 0x20) != 'x')
                || first == '.') {
            return scanDecimal(s, signPos, body, negative, start); // the usual case: no words, no hex
        }
        if (matchesWord(s, body, "infinity")) {
            return new FloatScan(negative ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY, body + 8, false, false);
        }
        if (matchesWord(s, body, "inf")) {
            return new FloatScan(negative ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY, body + 3, false, false);
        }
        if (matchesWord(s, body, "nan")) {
            int end = body + 3;
            if (end < n && s.charAt(end) == '(') {
                int j = end + 1;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) && s.charAt(j) < 128 || s.charAt(j) == '_')) {
                    j++;
                }
                if (j < n && s.charAt(j) == ')') {
                    end = j + 1;
                }
            }
            return new FloatScan(Float.NaN, end, false, false);
        }
        if (body + 1 < n && s.charAt(body) == '0' && (s.charAt(body + 1) == 'x' || s.charAt(body + 1) == 'X')) {
            FloatScan hex = scanHex(s, body + 2, negative);
            if (hex != null) {
                return hex;
            }
            // "0x" without hex digits: C reads the "0" only
        }
        return scanDecimal(s, signPos, body, negative, start);
    }

    private static FloatScan scanDecimal(String s, int signPos, int body, boolean negative, int start) {
        int n = s.length();
        int i = body;
        boolean nonZeroDigit = false;
        int digits = 0;
        // the significant digits as a number, for the fast path (see FastDecimalFloat)
        long significand = 0;
        int significant = 0;
        int scale = 0;
        char c;
        while (i < n && isDigit(c = s.charAt(i))) {
            if (c != '0' || significant > 0) {
                significand = significand * 10 + (c - '0');
                significant++;
                nonZeroDigit = true;
            }
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(c = s.charAt(i))) {
                if (c != '0' || significant > 0) {
                    significand = significand * 10 + (c - '0');
                    significant++;
                    nonZeroDigit = true;
                }
                scale++;
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return new FloatScan(0f, start, false, false);
        }
        int mantissaEnd = i;
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                j++;
            }
            if (j < n && isDigit(s.charAt(j))) {
                while (j < n && isDigit(s.charAt(j))) {
                    j++;
                }
                i = j;
            }
        }
        float value;
        if (!nonZeroDigit) {
            value = 0f;
        } else {
            value = significant > FastDecimalFloat.MAX_DIGITS ? Float.NaN
                    : FastDecimalFloat.of(significand, scale, s, mantissaEnd, i);
            if (Float.isNaN(value)) { // not decidable exactly on the fast path
                value = parseDecimalToken(s.substring(body, i), mantissaEnd - body);
            }
        }
        if (negative) {
            value = -value;
        }
        boolean overflow = Float.isInfinite(value);
        boolean underflow = nonZeroDigit && value == 0f;
        return new FloatScan(value, i, overflow, underflow);
    }

    /** Correctly rounded decimal-to-float, guarding exponents Java's parser would overflow on. */
    private static float parseDecimalToken(String token, int mantissaLength) {
        String mantissa = token.substring(0, mantissaLength);
        long exponent = 0;
        if (mantissaLength < token.length()) {
            String exp = token.substring(mantissaLength + 1);
            boolean expNegative = exp.startsWith("-");
            String expDigits = exp.startsWith("-") || exp.startsWith("+") ? exp.substring(1) : exp;
            for (int k = 0; k < expDigits.length(); k++) {
                exponent = Math.min(exponent * 10 + (expDigits.charAt(k) - '0'), 1_000_000_000L);
            }
            if (expNegative) {
                exponent = -exponent;
            }
        }
        // Position of the first significant digit relative to the decimal point bounds the magnitude.
        int point = mantissa.indexOf('.');
        String intPart = point < 0 ? mantissa : mantissa.substring(0, point);
        String frac = point < 0 ? "" : mantissa.substring(point + 1);
        String all = intPart + frac;
        int firstNonZero = 0;
        while (firstNonZero < all.length() && all.charAt(firstNonZero) == '0') {
            firstNonZero++;
        }
        long magnitude = (long) intPart.length() - firstNonZero + exponent; // value < 10^magnitude
        if (magnitude > 50) {
            return Float.POSITIVE_INFINITY;
        }
        if (magnitude < -60) {
            return 0f;
        }
        return Float.parseFloat((mantissa.equals(".") ? "0" : mantissa) + "e" + exponent);
    }

    private static FloatScan scanHex(String s, int i, boolean negative) {
        int n = s.length();
        StringBuilder mant = new StringBuilder();
        int digits = 0;
        boolean nonZero = false;
        while (i < n && Character.digit(s.charAt(i), 16) >= 0 && s.charAt(i) < 128) {
            nonZero |= s.charAt(i) != '0';
            mant.append(s.charAt(i++));
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            int save = i;
            i++;
            StringBuilder frac = new StringBuilder();
            while (i < n && Character.digit(s.charAt(i), 16) >= 0 && s.charAt(i) < 128) {
                nonZero |= s.charAt(i) != '0';
                frac.append(s.charAt(i++));
                digits++;
            }
            if (digits == 0) {
                i = save;
            } else {
                mant.append('.').append(frac);
            }
        }
        if (digits == 0) {
            return null;
        }
        long exponent = 0;
        if (i < n && (s.charAt(i) == 'p' || s.charAt(i) == 'P')) {
            int j = i + 1;
            boolean expNegative = false;
            if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                expNegative = s.charAt(j) == '-';
                j++;
            }
            if (j < n && isDigit(s.charAt(j))) {
                while (j < n && isDigit(s.charAt(j))) {
                    exponent = Math.min(exponent * 10 + (s.charAt(j) - '0'), 100_000L);
                    j++;
                }
                i = j;
                if (expNegative) {
                    exponent = -exponent;
                }
            }
        }
        float value = nonZero ? Float.parseFloat("0x" + (mant.charAt(0) == '.' ? "0" + mant : mant) + "p" + exponent) : 0f;
        if (negative) {
            value = -value;
        }
        return new FloatScan(value, i, Float.isInfinite(value), nonZero && value == 0f);
    }

    /** strtol(s + start, 10): clamps to the long range as C does on ERANGE. */
    public static LongScan strtol(String s, int start) {
        int i = start;
        int n = s.length();
        while (i < n && isSpace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        if (i >= n || !isDigit(s.charAt(i))) {
            return new LongScan(0, start);
        }
        long value = 0;
        boolean saturated = false;
        while (i < n && isDigit(s.charAt(i))) {
            int d = s.charAt(i) - '0';
            if (!saturated) {
                if (value > (Long.MAX_VALUE - d) / 10) {
                    saturated = true;
                } else {
                    value = value * 10 + d;
                }
            }
            i++;
        }
        if (saturated) {
            return new LongScan(negative ? Long.MIN_VALUE : Long.MAX_VALUE, i);
        }
        return new LongScan(negative ? -value : value, i);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean matchesWord(String s, int at, String word) {
        return s.regionMatches(true, at, word, 0, word.length());
    }
}
