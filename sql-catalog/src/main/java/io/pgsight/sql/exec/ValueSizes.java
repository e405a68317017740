package io.pgsight.sql.exec;

import io.pgsight.sql.spi.PgArray;

import java.math.BigDecimal;

/**
 * Approximate heap bytes of values and rows as the executor holds them (object headers, arrays,
 * string bytes), for {@link StatementMemory}. Estimates, not measurements: cheap and on the high side.
 */
public final class ValueSizes {
    private static final int HEADER = 16;
    private static final int REFERENCE = 8;
    private static final int BOXED = 24;

    private ValueSizes() {
    }

    /** A buffered row: its array plus every value. */
    public static long row(Object[] row) {
        if (row == null) {
            return 0;
        }
        long n = HEADER + (long) REFERENCE * row.length;
        for (Object v : row) {
            n += value(v);
        }
        return n;
    }

    /** A row of one boxed number ({@code row(new Object[] {v})}). */
    public static final long ONE_BOXED_ROW = HEADER + REFERENCE + BOXED;

    public static long value(Object v) {
        if (v == null) {
            return 0;
        }
        if (v instanceof Float || v instanceof Double || v instanceof Integer || v instanceof Long) {
            return BOXED; // the commonest values first: array_agg sizes every element
        }
        if (v instanceof String s) {
            return 40 + s.length();
        }
        if (v instanceof byte[] b) {
            return HEADER + b.length;
        }
        if (v instanceof float[] f) {
            return HEADER + 4L * f.length;
        }
        if (v instanceof double[] d) {
            return HEADER + 8L * d.length;
        }
        if (v instanceof long[] l) {
            return HEADER + 8L * l.length;
        }
        if (v instanceof int[] i) {
            return HEADER + 4L * i.length;
        }
        if (v instanceof BigDecimal d) {
            return 56 + d.precision() / 2;
        }
        if (v instanceof Object[] a) {
            return row(a);
        }
        if (v instanceof PgArray a) {
            if (a.length() > 0 && a.get(0) instanceof Float) {
                return 64 + 4L * a.length(); // float4[] is held unboxed
            }
            long n = 64 + (long) REFERENCE * a.length();
            if (a.length() > 0 && !(a.get(0) instanceof Number)) {
                for (int i = 0; i < a.length(); i++) {
                    n += value(a.get(i));
                }
            } else {
                n += 16L * a.length();
            }
            return n;
        }
        return 24;
    }
}
