package io.pgsight.sql.builtin.json;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.builtin.CatalogWriter;
import io.pgsight.sql.builtin.PgErrors;
import io.pgsight.sql.builtin.json.JsonbValue.JBool;
import io.pgsight.sql.builtin.json.JsonbValue.JNumber;
import io.pgsight.sql.spi.CastContext;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Casts of pg_cast: json <-> jsonb (assignment, through text), jsonb to bool and the numeric types
 * (explicit; numbers round as numeric's casts do, other kinds refused with PostgreSQL's message).
 */
public final class JsonCasts {
    private JsonCasts() {
    }

    public static void register(CatalogWriter w) {
        w.cast("json", "jsonb", CastContext.ASSIGNMENT, null, (c, v, t, e) -> JsonParser.parseJsonb((String) v));
        w.cast("jsonb", "json", CastContext.ASSIGNMENT, null, (c, v, t, e) -> JsonbOutput.text((JsonbValue) v));
        w.cast("jsonb", "bool", CastContext.EXPLICIT, "bool", (c, v, t, e) -> {
            if (v instanceof JBool b) {
                return b.value();
            }
            throw refused((JsonbValue) v, "boolean");
        });
        w.fn("bool", "bool", (c, a) -> {
            if (a[0] instanceof JBool b) {
                return b.value();
            }
            throw refused((JsonbValue) a[0], "boolean");
        }, "jsonb");
        number(w, "numeric", "numeric", n -> n);
        number(w, "int2", "smallint", n -> {
            long l = integral(n, PgErrors.smallintOutOfRange());
            if (l < Short.MIN_VALUE || l > Short.MAX_VALUE) {
                throw PgErrors.smallintOutOfRange();
            }
            return (short) l;
        });
        number(w, "int4", "integer", n -> {
            long l = integral(n, PgErrors.integerOutOfRange());
            if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
                throw PgErrors.integerOutOfRange();
            }
            return (int) l;
        });
        number(w, "int8", "bigint", n -> integral(n, PgErrors.bigintOutOfRange()));
        number(w, "float4", "real", n -> (float) floating(n, "real", true));
        number(w, "float8", "double precision", n -> floating(n, "double precision", false));
    }

    private static void number(CatalogWriter w, String type, String sqlName,
                               java.util.function.Function<BigDecimal, Object> convert) {
        w.cast("jsonb", type, CastContext.EXPLICIT, type, (c, v, t, e) -> convert.apply(numberOf((JsonbValue) v, sqlName)));
        w.fn(type, type, (c, a) -> convert.apply(numberOf((JsonbValue) a[0], sqlName)), "jsonb");
    }

    /** numeric to float as float8in/float4in read its text: overflow and underflow are errors. */
    private static double floating(BigDecimal n, String sqlName, boolean single) {
        double d = single ? n.floatValue() : n.doubleValue();
        if (Double.isInfinite(d) || (d == 0 && n.signum() != 0)) {
            throw new SqlException("22003", "\"" + n.toPlainString() + "\" is out of range for type " + sqlName);
        }
        return d;
    }

    private static BigDecimal numberOf(JsonbValue v, String sqlName) {
        if (v instanceof JNumber n) {
            return n.value();
        }
        throw refused(v, sqlName);
    }

    private static long integral(BigDecimal n, SqlException outOfRange) {
        BigDecimal r = n.setScale(0, RoundingMode.HALF_UP);
        if (r.toBigInteger().bitLength() > 63) {
            throw outOfRange;
        }
        return r.longValueExact();
    }

    private static SqlException refused(JsonbValue v, String sqlName) {
        String kind = v instanceof JNumber ? "numeric" : v.typeName();
        return new SqlException("22023", "cannot cast jsonb " + kind + " to type " + sqlName);
    }
}
