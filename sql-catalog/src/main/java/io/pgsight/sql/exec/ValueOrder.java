package io.pgsight.sql.exec;

import io.pgsight.sql.spi.PgArray;

import java.math.BigDecimal;
import java.util.Comparator;

/**
 * Default ordering of non-null SQL values for sorting, grouping and DISTINCT: numbers by value, text
 * by code point (C collation), bytea unsigned, arrays element-wise, other Comparables naturally.
 */
public final class ValueOrder implements Comparator<Object> {
    public static final ValueOrder INSTANCE = new ValueOrder();

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            if (x instanceof BigDecimal || y instanceof BigDecimal) {
                if ((x instanceof Double d && (d.isNaN() || d.isInfinite()))
                        || (y instanceof Double e && (e.isNaN() || e.isInfinite()))) {
                    return Double.compare(x.doubleValue(), y.doubleValue());
                }
                return toBig(x).compareTo(toBig(y));
            }
            if (x instanceof Double || x instanceof Float || y instanceof Double || y instanceof Float) {
                double p = x.doubleValue();
                double q = y.doubleValue();
                return p == q ? 0 : Double.compare(p, q);
            }
            return Long.compare(x.longValue(), y.longValue());
        }
        if (a instanceof String s && b instanceof String t) {
            return compareCodePoints(s, t);
        }
        if (a instanceof byte[] p && b instanceof byte[] q) {
            return java.util.Arrays.compareUnsigned(p, q);
        }
        if (a instanceof PgArray p && b instanceof PgArray q) {
            int n = Math.min(p.length(), q.length());
            for (int i = 0; i < n; i++) {
                Object u = p.get(i);
                Object v = q.get(i);
                int c = u == null ? (v == null ? 0 : 1) : v == null ? -1 : compare(u, v);
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(p.length(), q.length());
        }
        if (a instanceof Object[] p && b instanceof Object[] q) {
            int n = Math.min(p.length, q.length);
            for (int i = 0; i < n; i++) {
                Object u = p[i];
                Object v = q[i];
                int c = u == null ? (v == null ? 0 : 1) : v == null ? -1 : compare(u, v);
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(p.length, q.length);
        }
        if (a instanceof io.pgsight.sql.builtin.json.JsonbValue x && b instanceof io.pgsight.sql.builtin.json.JsonbValue y) {
            return x.compareTo(y); // one type, several value classes (object, array, string ...)
        }
        if (a instanceof Comparable c && a.getClass() == b.getClass()) {
            return c.compareTo(b);
        }
        return Integer.compare(System.identityHashCode(a), System.identityHashCode(b));
    }

    static BigDecimal toBig(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof Double || n instanceof Float) {
            return BigDecimal.valueOf(n.doubleValue());
        }
        return BigDecimal.valueOf(n.longValue());
    }

    public static int compareCodePoints(String s, String t) {
        int i = 0;
        int j = 0;
        while (i < s.length() && j < t.length()) {
            int a = s.codePointAt(i);
            int b = t.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Integer.compare(s.length() - i, t.length() - j);
    }

    /** Grouping equality: nulls group together. */
    public boolean same(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof byte[] p && b instanceof byte[] q) {
            return java.util.Arrays.equals(p, q);
        }
        if (a.getClass() == b.getClass() && !(a instanceof BigDecimal) && !(a instanceof PgArray)
                && !(a instanceof Object[])) {
            return a.equals(b);
        }
        return compare(a, b) == 0;
    }
}
