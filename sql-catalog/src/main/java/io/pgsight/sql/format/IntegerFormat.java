package io.pgsight.sql.format;

/**
 * Text input of smallint, integer and bigint as PostgreSQL 15's pg_strtoint16/32/64: optional whitespace
 * around, optional sign, decimal digits only. Overflow is reported as soon as it happens (so "99999999999x"
 * is out of range, not a syntax error), like PostgreSQL. Output is plain {@code Long.toString}.
 */
public final class IntegerFormat {
    private IntegerFormat() {
    }

    public static short int2In(String text) {
        return (short) parse(text, Short.MIN_VALUE, Short.MAX_VALUE, "smallint");
    }

    public static int int4In(String text) {
        return (int) parse(text, Integer.MIN_VALUE, Integer.MAX_VALUE, "integer");
    }

    public static long int8In(String text) {
        return parse(text, Long.MIN_VALUE, Long.MAX_VALUE, "bigint");
    }

    public static String out(long v) {
        return Long.toString(v);
    }

    private static long parse(String s, long min, long max, String typeName) {
        int n = s.length();
        int i = 0;
        while (i < n && FloatFormat.isSpace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        if (i >= n || !isDigit(s.charAt(i))) {
            throw PgErrors.invalidInput(typeName, s);
        }
        // Accumulate negatively so that MIN_VALUE is representable.
        long acc = 0;
        long limit = negative ? min : -max;
        while (i < n && isDigit(s.charAt(i))) {
            int digit = s.charAt(i++) - '0';
            if (acc < limit / 10) {
                throw PgErrors.valueOutOfRange(s, typeName);
            }
            acc *= 10;
            if (acc < limit + digit) {
                throw PgErrors.valueOutOfRange(s, typeName);
            }
            acc -= digit;
        }
        while (i < n && FloatFormat.isSpace(s.charAt(i))) {
            i++;
        }
        if (i != n) {
            throw PgErrors.invalidInput(typeName, s);
        }
        return negative ? acc : -acc;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
