package io.pgsight.sql.builtin.types;

import io.pgsight.sql.builtin.numeric.Numerics;
import io.pgsight.sql.spi.PgArray;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The default btree order of built-in values, by their Java class: numbers numerically (NaN above
 * everything, -0 = 0), text by code point (C collation), bytea bytewise unsigned, arrays element by
 * element with NULL above non-NULL, then by length and dimensions. Any other Comparable by compareTo.
 */
public final class ValueOrder {
    private ValueOrder() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static int compare(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) {
            return compareDouble(x, y);
        }
        if (a instanceof Float x && b instanceof Float y) {
            return compareDouble(x, y);
        }
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y);
        }
        if (Numerics.isNumeric(a) && Numerics.isNumeric(b)) {
            return Numerics.of(a).compareTo(Numerics.of(b));
        }
        if (a instanceof String x && b instanceof String y) {
            return compareText(x, y);
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.compareUnsigned(x, y);
        }
        if (a instanceof PgArray x && b instanceof PgArray y) {
            return compareArrays(x, y);
        }
        if (a instanceof Number x && b instanceof Number y && !(a instanceof BigDecimal) && !(b instanceof BigDecimal)) {
            if (isIntegral(x) && isIntegral(y)) {
                return Long.compare(x.longValue(), y.longValue());
            }
            return compareDouble(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof io.pgsight.sql.spi.BitString x && b instanceof io.pgsight.sql.spi.BitString y) {
            return BitType.compare(x, y);
        }
        if (a instanceof java.util.UUID x && b instanceof java.util.UUID y) {
            return UuidType.compare(x, y);
        }
        if (a instanceof Object[] x && b instanceof Object[] y) {
            return compareRows(x, y);
        }
        if (a instanceof Comparable c) {
            return c.compareTo(b);
        }
        throw new IllegalArgumentException("no ordering for " + a.getClass().getName());
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
    }

    /** float8 order: NaN equals NaN and sorts above every other value; -0 equals 0. */
    public static int compareDouble(double a, double b) {
        if (Double.isNaN(a)) {
            return Double.isNaN(b) ? 0 : 1;
        }
        if (Double.isNaN(b)) {
            return -1;
        }
        return a < b ? -1 : (a > b ? 1 : 0);
    }

    /** Code point order, as COLLATE "C" on UTF-8. */
    public static int compareText(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
                    return Integer.compare(a.codePointAt(i), b.codePointAt(i));
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    /** bpchar order: trailing spaces do not count. */
    public static int compareBpchar(String a, String b) {
        return compareText(stripTrailingSpaces(a), stripTrailingSpaces(b));
    }

    public static String stripTrailingSpaces(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }

    static int compareRows(Object[] a, Object[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            int c = compareNullsLast(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    static int compareNullsLast(Object x, Object y) {
        if (x == null || y == null) {
            return x == null ? (y == null ? 0 : 1) : -1;
        }
        return compare(x, y);
    }

    public static int compareArrays(PgArray a, PgArray b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            int c = compareNullsLast(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        if (a.length() != b.length()) {
            return a.length() < b.length() ? -1 : 1;
        }
        if (a.dimensionCount() != b.dimensionCount()) {
            return a.dimensionCount() < b.dimensionCount() ? -1 : 1;
        }
        for (int i = 0; i < a.dimensionCount(); i++) {
            if (a.dimension(i) != b.dimension(i)) {
                return a.dimension(i) < b.dimension(i) ? -1 : 1;
            }
            if (a.lowerBound(i) != b.lowerBound(i)) {
                return a.lowerBound(i) < b.lowerBound(i) ? -1 : 1;
            }
        }
        return 0;
    }

    /** SQL equality of two non-null values (interval by span, float -0 = 0, NaN = NaN). */
    public static boolean equal(Object a, Object b) {
        return compare(a, b) == 0;
    }
}
