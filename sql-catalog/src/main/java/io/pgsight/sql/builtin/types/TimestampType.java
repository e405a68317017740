package io.pgsight.sql.builtin.types;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.format.DateTimeFormat;
import io.pgsight.sql.format.DateTimeSettings;
import io.pgsight.sql.spi.FunctionContext;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * timestamp (java.time.LocalDateTime) and timestamptz (java.time.Instant, printed in the session's
 * TimeZone); ±infinity are the classes' MAX/MIN. Binary int64 microseconds since 2000-01-01 00:00 (UTC
 * for timestamptz). Typmod is the fractional-second precision 0..6.
 */
public final class TimestampType extends BaseType {
    private static final LocalDateTime PG_EPOCH = LocalDateTime.of(2000, 1, 1, 0, 0);
    private final boolean withZone;

    private TimestampType(String name, int oid, int arrayOid, boolean preferred, boolean withZone) {
        super(name, oid, arrayOid, 8, 'D', preferred);
        this.withZone = withZone;
    }

    public static TimestampType timestamp() {
        return new TimestampType("timestamp", 1114, 1115, false, false);
    }

    public static TimestampType timestamptz() {
        return new TimestampType("timestamptz", 1184, 1185, true, true);
    }

    @Override
    public Object input(String text, int typmod) {
        return input(text, typmod, null);
    }

    @Override
    public Object input(String text, int typmod, FunctionContext ctx) {
        DateTimeSettings settings = Temporals.settings(ctx);
        Object v = withZone ? Temporals.timestamptz(DateTimeFormat.timestamptzIn(text, settings))
                : Temporals.timestamp(DateTimeFormat.timestampIn(text, settings));
        return applyTypmod(v, typmod, false);
    }

    @Override
    public String output(Object value) {
        return output(value, null);
    }

    @Override
    public String output(Object value, FunctionContext ctx) {
        if (withZone) {
            return DateTimeFormat.timestamptzOut(Temporals.pgTimestamptz((Instant) value), Temporals.zone(ctx));
        }
        return DateTimeFormat.timestampOut(Temporals.pgTimestamp((LocalDateTime) value));
    }

    static int precisionTypmod(int[] modifiers, String sqlName) {
        if (modifiers.length != 1) {
            throw new SqlException("22023", "invalid type modifier");
        }
        if (modifiers[0] < 0) {
            throw new SqlException("22023", sqlName + "(" + modifiers[0] + ") precision must not be negative");
        }
        return Math.min(modifiers[0], 6);
    }

    @Override
    public int typmodIn(int[] modifiers) {
        return precisionTypmod(modifiers, "TIMESTAMP");
    }

    /** Rounds microseconds to {@code precision} fractional digits, half away from zero. */
    static long roundMicros(long micros, int precision) {
        long scale = 1;
        for (int i = precision; i < 6; i++) {
            scale *= 10;
        }
        long half = scale / 2;
        return micros >= 0 ? (micros + half) / scale * scale : -((-micros + half) / scale * scale);
    }

    @Override
    public Object applyTypmod(Object value, int typmod, boolean explicit) {
        if (typmod < 0 || typmod >= 6) {
            return value;
        }
        long micros = toMicros(value);
        if (micros == Long.MAX_VALUE || micros == Long.MIN_VALUE) {
            return value;
        }
        return fromMicros(roundMicros(micros, typmod));
    }

    /** Microseconds since 2000-01-01 (UTC for timestamptz); Long.MAX/MIN for ±infinity. */
    public long toMicros(Object value) {
        if (withZone) {
            Instant i = (Instant) value;
            if (i.equals(Instant.MAX)) {
                return Long.MAX_VALUE;
            }
            if (i.equals(Instant.MIN)) {
                return Long.MIN_VALUE;
            }
            return ChronoUnit.MICROS.between(PG_EPOCH.toInstant(ZoneOffset.UTC), i);
        }
        LocalDateTime t = (LocalDateTime) value;
        if (t.equals(LocalDateTime.MAX)) {
            return Long.MAX_VALUE;
        }
        if (t.equals(LocalDateTime.MIN)) {
            return Long.MIN_VALUE;
        }
        return ChronoUnit.MICROS.between(PG_EPOCH, t);
    }

    public Object fromMicros(long micros) {
        if (withZone) {
            if (micros == Long.MAX_VALUE) {
                return Instant.MAX;
            }
            if (micros == Long.MIN_VALUE) {
                return Instant.MIN;
            }
            return PG_EPOCH.toInstant(ZoneOffset.UTC).plus(micros, ChronoUnit.MICROS);
        }
        if (micros == Long.MAX_VALUE) {
            return LocalDateTime.MAX;
        }
        if (micros == Long.MIN_VALUE) {
            return LocalDateTime.MIN;
        }
        return PG_EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    @Override
    public Object receive(byte[] data, int typmod) {
        return fromMicros(BinaryBuffers.exactly(data, 8).getLong());
    }

    @Override
    public byte[] send(Object value) {
        return ByteBuffer.allocate(8).putLong(toMicros(value)).array();
    }
}
