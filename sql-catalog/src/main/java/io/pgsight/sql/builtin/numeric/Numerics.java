package io.pgsight.sql.builtin.numeric;

import io.pgsight.sql.format.PgNumeric;

import java.math.BigDecimal;

/**
 * The bridge between numeric's SQL values and {@link PgNumeric}'s arithmetic. A numeric value is a
 * BigDecimal (scale = display scale) as the SPI promises, except for the special values NaN, Infinity
 * and -Infinity, which BigDecimal cannot hold and which stay {@link PgNumeric} constants.
 */
public final class Numerics {
    private Numerics() {
    }

    public static PgNumeric of(Object value) {
        if (value instanceof PgNumeric p) {
            return p;
        }
        return PgNumeric.of((BigDecimal) value);
    }

    /** The SQL value of a numeric result. */
    public static Object value(PgNumeric n) {
        return n.isFinite() ? n.bigDecimal() : n;
    }

    public static boolean isNumeric(Object value) {
        return value instanceof BigDecimal || value instanceof PgNumeric;
    }
}
