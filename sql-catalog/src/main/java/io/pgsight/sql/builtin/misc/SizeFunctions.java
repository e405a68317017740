package io.pgsight.sql.builtin.misc;

import io.pgsight.sql.builtin.CatalogWriter;
import io.pgsight.sql.builtin.numeric.Numerics;
import io.pgsight.sql.spi.Volatility;

import java.math.BigInteger;
import java.math.RoundingMode;

/** pg_size_pretty (bigint and numeric), num_nulls, num_nonnulls. */
public final class SizeFunctions {
    private static final String[] UNITS = {"kB", "MB", "GB", "TB", "PB"};

    private SizeFunctions() {
    }

    public static void register(CatalogWriter w) {
        w.fn("pg_size_pretty", "text", (ctx, a) -> pretty(BigInteger.valueOf((Long) a[0])), "int8");
        w.fn("pg_size_pretty", "text", (ctx, a) ->
                pretty(Numerics.of(a[0]).bigDecimal().setScale(0, RoundingMode.HALF_UP).toBigInteger()), "numeric");
        w.fn("num_nulls", "int4", false, Volatility.IMMUTABLE, (ctx, a) -> count(a, true), "variadic any");
        w.fn("num_nonnulls", "int4", false, Volatility.IMMUTABLE, (ctx, a) -> count(a, false), "variadic any");
    }

    private static int count(Object[] args, boolean nulls) {
        int n = 0;
        for (Object o : args) {
            if ((o == null) == nulls) {
                n++;
            }
        }
        return n;
    }

    /** dbsize.c: bytes below 10 kB, then each unit while below 20 of it, rounding half away from zero. */
    static String pretty(BigInteger size) {
        BigInteger limit = BigInteger.valueOf(10 * 1024);
        BigInteger limit2 = BigInteger.valueOf(10 * 1024 * 2 - 1);
        if (size.abs().compareTo(limit) < 0) {
            return size + " bytes";
        }
        BigInteger s = size.shiftRight(9); // keep one extra bit for rounding
        for (int unit = 0; ; unit++) {
            if (s.abs().compareTo(limit2) < 0 || unit == UNITS.length - 1) {
                BigInteger rounded = s.add(BigInteger.valueOf(s.signum() < 0 ? -1 : 1)).divide(BigInteger.TWO);
                return rounded + " " + UNITS[unit];
            }
            s = s.shiftRight(10);
        }
    }
}
