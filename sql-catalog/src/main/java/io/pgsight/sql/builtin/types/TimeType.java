package io.pgsight.sql.builtin.types;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.format.DateTimeFormat;
import io.pgsight.sql.format.PgInterval;
import io.pgsight.sql.spi.FunctionContext;

import java.nio.ByteBuffer;
import java.time.LocalTime;

/** time without time zone: java.time.LocalTime; binary int64 microseconds since midnight; typmod = precision. */
public final class TimeType extends BaseType {
    public TimeType() {
        super("time", 1083, 1183, 8, 'D', false);
    }

    @Override
    public Object input(String text, int typmod) {
        return input(text, typmod, null);
    }

    @Override
    public Object input(String text, int typmod, FunctionContext ctx) {
        return applyTypmod(Temporals.time(DateTimeFormat.timeIn(text, Temporals.settings(ctx))), typmod, false);
    }

    @Override
    public String output(Object value) {
        return DateTimeFormat.timeOut(Temporals.pgTime((LocalTime) value));
    }

    @Override
    public int typmodIn(int[] modifiers) {
        return TimestampType.precisionTypmod(modifiers, "TIME");
    }

    @Override
    public Object applyTypmod(Object value, int typmod, boolean explicit) {
        if (typmod < 0 || typmod >= 6) {
            return value;
        }
        long rounded = TimestampType.roundMicros(Temporals.pgTime((LocalTime) value), typmod);
        if (rounded >= PgInterval.USECS_PER_DAY) {
            throw new SqlException("22008", "time out of range");
        }
        return Temporals.time(rounded);
    }

    @Override
    public Object receive(byte[] data, int typmod) {
        long micros = BinaryBuffers.exactly(data, 8).getLong();
        if (micros < 0 || micros > PgInterval.USECS_PER_DAY) {
            throw new SqlException("22008", "time out of range");
        }
        return Temporals.time(micros);
    }

    @Override
    public byte[] send(Object value) {
        return ByteBuffer.allocate(8).putLong(Temporals.pgTime((LocalTime) value)).array();
    }
}
