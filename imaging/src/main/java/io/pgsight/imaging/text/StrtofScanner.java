package io.pgsight.imaging.text;

/** The longest prefix C {@code strtof} accepts, and its value (correctly rounded to float). */
final class StrtofScanner {
    private StrtofScanner() {
    }

    /** End index of the number starting at {@code start} (after C white space), or -1 if none. */
    static int scan(String s, int start) {
        int p = start;
        int n = s.length();
        while (p < n && isCSpace(s.charAt(p))) {
            p++;
        }
        if (p < n && (s.charAt(p) == '+' || s.charAt(p) == '-')) {
            p++;
        }
        if (regionIs(s, p, "infinity")) {
            return p + 8;
        }
        if (regionIs(s, p, "inf")) {
            return p + 3;
        }
        if (regionIs(s, p, "nan")) {
            int q = p + 3;
            if (q < n && s.charAt(q) == '(') {
                int r = q + 1;
                while (r < n && (Character.isLetterOrDigit(s.charAt(r)) && s.charAt(r) < 128 || s.charAt(r) == '_')) {
                    r++;
                }
                if (r < n && s.charAt(r) == ')') {
                    return r + 1;
                }
            }
            return q;
        }
        if (p + 1 < n && s.charAt(p) == '0' && (s.charAt(p + 1) == 'x' || s.charAt(p + 1) == 'X')) {
            int hexEnd = scanHex(s, p + 2);
            // "0x" without hex digits is the number 0 followed by "x..."
            return hexEnd >= 0 ? hexEnd : p + 1;
        }
        int q = p;
        int digits = 0;
        while (q < n && isDigit(s.charAt(q))) {
            q++;
            digits++;
        }
        if (q < n && s.charAt(q) == '.') {
            q++;
            while (q < n && isDigit(s.charAt(q))) {
                q++;
                digits++;
            }
        }
        if (digits == 0) {
            return -1;
        }
        return exponent(s, q, 'e', 'E');
    }

    private static int scanHex(String s, int p) {
        int n = s.length();
        int q = p;
        int digits = 0;
        while (q < n && Character.digit(s.charAt(q), 16) >= 0 && s.charAt(q) < 128) {
            q++;
            digits++;
        }
        if (q < n && s.charAt(q) == '.') {
            q++;
            while (q < n && Character.digit(s.charAt(q), 16) >= 0 && s.charAt(q) < 128) {
                q++;
                digits++;
            }
        }
        if (digits == 0) {
            return -1;
        }
        return exponent(s, q, 'p', 'P');
    }

    /** Consumes {@code e[+-]digits} only when at least one digit follows. */
    private static int exponent(String s, int q, char lower, char upper) {
        int n = s.length();
        if (q < n && (s.charAt(q) == lower || s.charAt(q) == upper)) {
            int r = q + 1;
            if (r < n && (s.charAt(r) == '+' || s.charAt(r) == '-')) {
                r++;
            }
            int d = r;
            while (d < n && isDigit(s.charAt(d))) {
                d++;
            }
            if (d > r) {
                return d;
            }
        }
        return q;
    }

    static float value(String s, int start, int end) {
        String token = s.substring(start, end).strip();
        int p = 0;
        boolean negative = false;
        char c0 = token.charAt(0);
        if (c0 == '+' || c0 == '-') {
            negative = c0 == '-';
            p = 1;
        }
        String body = token.substring(p);
        String lower = body.toLowerCase(java.util.Locale.ROOT);
        float v;
        if (lower.startsWith("inf")) {
            v = Float.POSITIVE_INFINITY;
        } else if (lower.startsWith("nan")) {
            return Float.NaN;
        } else if (lower.startsWith("0x")) {
            v = Float.parseFloat(lower.indexOf('p') >= 0 ? "0x" + lower.substring(2) : "0x" + lower.substring(2) + "p0");
        } else {
            v = Float.parseFloat(body);
        }
        return negative ? -v : v;
    }

    private static boolean regionIs(String s, int p, String word) {
        return s.regionMatches(true, p, word, 0, word.length());
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** C isspace() in the C locale. */
    private static boolean isCSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
    }
}
