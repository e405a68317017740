package io.pgsight.sql.builtin.cast;

import io.pgsight.sql.builtin.CatalogWriter;
import io.pgsight.sql.format.FloatArithmetic;
import io.pgsight.sql.builtin.numeric.IntegerOperators;
import io.pgsight.sql.builtin.numeric.Numerics;
import io.pgsight.sql.format.PgNumeric;
import io.pgsight.sql.builtin.types.NumericType;

import java.math.BigDecimal;

import static io.pgsight.sql.spi.CastContext.ASSIGNMENT;
import static io.pgsight.sql.spi.CastContext.EXPLICIT;
import static io.pgsight.sql.spi.CastContext.IMPLICIT;

/**
 * pg_cast among int2, int4, int8, float4, float8, numeric, bool, oid, "char": widening is implicit,
 * narrowing is assignment; float to integer rounds half to even (rint), numeric to integer half away
 * from zero; float to numeric keeps 15 (float8) or 6 (float4) significant digits.
 */
public final class NumericCasts {
    private static final NumericType NUMERIC = new NumericType();

    private NumericCasts() {
    }

    private static long l(Object o) {
        return ((Number) o).longValue();
    }

    private static double d(Object o) {
        return ((Number) o).doubleValue();
    }

    public static void register(CatalogWriter w) {
        String[] ints = {"int2", "int4", "int8"};
        int[] widths = {2, 4, 8};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                if (i == j) {
                    continue;
                }
                int width = widths[j];
                w.cast(ints[i], ints[j], j > i ? IMPLICIT : ASSIGNMENT, ints[j],
                        (ctx, v, typmod, explicit) -> IntegerOperators.box(l(v), width));
            }
            w.cast(ints[i], "float4", IMPLICIT, "float4", (ctx, v, typmod, explicit) -> (float) l(v));
            w.cast(ints[i], "float8", IMPLICIT, "float8", (ctx, v, typmod, explicit) -> (double) l(v));
            w.cast(ints[i], "numeric", IMPLICIT, "numeric",
                    (ctx, v, typmod, explicit) -> NUMERIC.applyTypmod(BigDecimal.valueOf(l(v)), typmod, explicit));
            int width = widths[i];
            w.cast("float4", ints[i], ASSIGNMENT, ints[i], (ctx, v, typmod, explicit) -> fromFloat(d(v), width));
            w.cast("float8", ints[i], ASSIGNMENT, ints[i], (ctx, v, typmod, explicit) -> fromFloat(d(v), width));
            w.cast("numeric", ints[i], ASSIGNMENT, ints[i], (ctx, v, typmod, explicit) -> switch (width) {
                case 2 -> Numerics.of(v).toInt2();
                case 4 -> Numerics.of(v).toInt4();
                default -> Numerics.of(v).toInt8();
            });
        }
        w.cast("float4", "float8", IMPLICIT, "float8", (ctx, v, typmod, explicit) -> (double) (Float) v);
        w.cast("float8", "float4", ASSIGNMENT, "float4",
                (ctx, v, typmod, explicit) -> FloatArithmetic.toFloat4((Double) v));
        w.cast("float4", "numeric", ASSIGNMENT, "numeric", (ctx, v, typmod, explicit) ->
                NUMERIC.applyTypmod(Numerics.value(PgNumeric.fromFloat4((Float) v)), typmod, explicit));
        w.cast("float8", "numeric", ASSIGNMENT, "numeric", (ctx, v, typmod, explicit) ->
                NUMERIC.applyTypmod(Numerics.value(PgNumeric.fromFloat8((Double) v)), typmod, explicit));
        w.cast("numeric", "float4", IMPLICIT, "float4", (ctx, v, typmod, explicit) -> Numerics.of(v).toFloat4());
        w.cast("numeric", "float8", IMPLICIT, "float8", (ctx, v, typmod, explicit) -> Numerics.of(v).toFloat8());
        w.cast("int4", "bool", EXPLICIT, "bool", (ctx, v, typmod, explicit) -> (Integer) v != 0);
        w.cast("bool", "int4", EXPLICIT, "int4", (ctx, v, typmod, explicit) -> ((Boolean) v) ? 1 : 0);
        w.cast("int4", "char", EXPLICIT, "char", (ctx, v, typmod, explicit) -> {
            int c = (Integer) v;
            if (c < -128 || c > 127) {
                throw new io.pgsight.sql.api.SqlException("22003", "\"char\" out of range");
            }
            return c == 0 ? "" : String.valueOf((char) (c & 0xff));
        });
        w.cast("char", "int4", EXPLICIT, "int4",
                (ctx, v, typmod, explicit) -> ((String) v).isEmpty() ? 0 : (int) (byte) ((String) v).charAt(0));
        // oid and the reg* types share the oid representation
        String[] oids = {"oid", "regproc", "regprocedure", "regclass", "regtype", "regnamespace"};
        for (String t : oids) {
            w.cast("int8", t, IMPLICIT, "oid", (ctx, v, typmod, explicit) -> {
                long x = (Long) v;
                if (x < Integer.MIN_VALUE || x > 0xFFFFFFFFL) {
                    throw io.pgsight.sql.builtin.PgErrors.outOfRangeForType(Long.toString(x), "oid");
                }
                return (int) x;
            });
            w.binaryCast("int4", t, IMPLICIT);
            w.binaryCast("int2", t, IMPLICIT);
            if (!t.equals("oid")) {
                w.binaryCast("oid", t, IMPLICIT);
                w.binaryCast(t, "oid", IMPLICIT);
                w.binaryCast(t, "int4", ASSIGNMENT);
            } else {
                w.binaryCast("oid", "int4", ASSIGNMENT);
            }
            w.cast(t, "int8", ASSIGNMENT, "int8", (ctx, v, typmod, explicit) -> Integer.toUnsignedLong((Integer) v));
        }
    }

    private static Object fromFloat(double x, int width) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            throw outOfRange(width);
        }
        double r = Math.rint(x);
        if (r < Long.MIN_VALUE || r >= 9.223372036854775807E18) {
            throw outOfRange(width);
        }
        return IntegerOperators.box((long) r, width);
    }

    private static io.pgsight.sql.api.SqlException outOfRange(int width) {
        return width == 2 ? io.pgsight.sql.builtin.PgErrors.smallintOutOfRange()
                : width == 4 ? io.pgsight.sql.builtin.PgErrors.integerOutOfRange()
                : io.pgsight.sql.builtin.PgErrors.bigintOutOfRange();
    }
}
