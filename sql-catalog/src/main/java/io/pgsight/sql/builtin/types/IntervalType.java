package io.pgsight.sql.builtin.types;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.format.IntervalFormat;
import io.pgsight.sql.format.PgInterval;
import io.pgsight.sql.spi.FunctionContext;

import java.nio.ByteBuffer;

/**
 * interval: {@link PgInterval}; IntervalStyle postgres (or iso_8601); binary int64 µs, int32 days, int32 months;
 * typmods carry a field range and a seconds precision as PostgreSQL encodes them.
 */
public final class IntervalType extends BaseType {
    public IntervalType() {
        super("interval", 1186, 1187, 16, 'T', true);
    }

    @Override
    public Object input(String text, int typmod) {
        return applyTypmod(IntervalFormat.parse(text), typmod, false);
    }

    @Override
    public String output(Object value) {
        return IntervalFormat.format((PgInterval) value);
    }

    @Override
    public String output(Object value, FunctionContext ctx) {
        String style = ctx == null ? null : ctx.setting("IntervalStyle");
        if (style != null && style.equalsIgnoreCase("iso_8601")) {
            return IntervalFormat.formatIso8601((PgInterval) value);
        }
        return output(value);
    }

    // interval typmods as timestamp.h: (range mask << 16) | precision, precision 0xFFFF = unspecified
    private static final int FULL_RANGE = 0x7FFF;
    private static final int FULL_PRECISION = 0xFFFF;
    private static final int MONTH = 1 << 1;
    private static final int YEAR = 1 << 2;
    private static final int DAY = 1 << 3;
    private static final int HOUR = 1 << 10;
    private static final int MINUTE = 1 << 11;
    private static final int SECOND = 1 << 12;

    /** The field words typmodout prints for each valid range mask. */
    private static String fields(int range) {
        return switch (range) {
            case YEAR -> " year";
            case MONTH -> " month";
            case DAY -> " day";
            case HOUR -> " hour";
            case MINUTE -> " minute";
            case SECOND -> " second";
            case YEAR | MONTH -> " year to month";
            case DAY | HOUR -> " day to hour";
            case DAY | HOUR | MINUTE -> " day to minute";
            case DAY | HOUR | MINUTE | SECOND -> " day to second";
            case HOUR | MINUTE -> " hour to minute";
            case HOUR | MINUTE | SECOND -> " hour to second";
            case MINUTE | SECOND -> " minute to second";
            case FULL_RANGE -> "";
            default -> null;
        };
    }

    /**
     * intervaltypmodin: modifiers as the grammar produces them, {@code [range]} or {@code [range, precision]}
     * ({@code interval(3)} is {@code [0x7FFF, 3]}, {@code interval day to second(2)} is {@code [mask, 2]}).
     */
    @Override
    public int typmodIn(int[] modifiers) {
        if (modifiers.length < 1 || modifiers.length > 2 || fields(modifiers[0]) == null) {
            throw new SqlException("22023", "invalid INTERVAL type modifier");
        }
        int range = modifiers[0];
        if (modifiers.length == 1) {
            return range == FULL_RANGE ? -1 : (range << 16) | FULL_PRECISION;
        }
        int precision = modifiers[1];
        if (precision < 0) {
            throw new SqlException("22023", "INTERVAL(" + precision + ") precision must not be negative");
        }
        return (range << 16) | Math.min(precision, 6);
    }

    @Override
    public String typmodOut(int typmod) {
        if (typmod < 0) {
            return "";
        }
        String f = fields((typmod >> 16) & 0x7FFF);
        int precision = typmod & 0xFFFF;
        return (f == null ? "" : f) + (precision != FULL_PRECISION ? "(" + precision + ")" : "");
    }

    /** AdjustIntervalForTypmod: drop the fields below the range, then round the seconds to the precision. */
    @Override
    public Object applyTypmod(Object value, int typmod, boolean explicit) {
        if (typmod < 0) {
            return value;
        }
        PgInterval iv = (PgInterval) value;
        int range = (typmod >> 16) & 0x7FFF;
        int precision = typmod & 0xFFFF;
        int months = iv.months();
        int days = iv.days();
        long micros = iv.micros();
        switch (range) {
            case YEAR -> {
                months = months / 12 * 12;
                days = 0;
                micros = 0;
            }
            case MONTH, YEAR | MONTH -> {
                days = 0;
                micros = 0;
            }
            case DAY -> micros = 0;
            case HOUR, DAY | HOUR -> micros = micros / PgInterval.USECS_PER_HOUR * PgInterval.USECS_PER_HOUR;
            case MINUTE, DAY | HOUR | MINUTE, HOUR | MINUTE ->
                    micros = micros / PgInterval.USECS_PER_MINUTE * PgInterval.USECS_PER_MINUTE;
            default -> {
            }
        }
        if (precision != FULL_PRECISION && precision < 6) {
            micros = TimestampType.roundMicros(micros, precision);
        }
        return new PgInterval(months, days, micros);
    }

    @Override
    public Object receive(byte[] data, int typmod) {
        ByteBuffer b = BinaryBuffers.exactly(data, 16);
        long micros = b.getLong();
        int days = b.getInt();
        int months = b.getInt();
        return new PgInterval(months, days, micros);
    }

    @Override
    public byte[] send(Object value) {
        PgInterval iv = (PgInterval) value;
        return ByteBuffer.allocate(16).putLong(iv.micros()).putInt(iv.days()).putInt(iv.months()).array();
    }
}
