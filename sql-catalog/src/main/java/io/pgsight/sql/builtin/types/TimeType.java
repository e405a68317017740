package io.pgsight.sql.builtin.types;

import io.pgsight.sql.api.SqlException;

import java.nio.ByteBuffer;
import java.time.LocalTime;

/** time without time zone: java.time.LocalTime; binary int64 microseconds since midnight; typmod = precision. */
public final class TimeType extends BaseType {
    public TimeType() {
        super("time", 1083, 1183, 8, 'D', false);
    }

    @Override
    public Object input(String text, int typmod) {
        return applyTypmod(DateTimeText.parseTime(text), typmod, false);
    }

    @Override
    public String output(Object value) {
        return DateTimeText.formatTime((LocalTime) value);
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
        long micros = ((LocalTime) value).toNanoOfDay() / 1000;
        long rounded = TimestampType.roundMicros(micros, typmod);
        if (rounded >= Interval.MICROS_PER_DAY) {
            throw new SqlException("22008", "time out of range");
        }
        return LocalTime.ofNanoOfDay(rounded * 1000);
    }

    @Override
    public Object receive(byte[] data, int typmod) {
        long micros = BinaryBuffers.exactly(data, 8).getLong();
        if (micros < 0 || micros >= Interval.MICROS_PER_DAY) {
            throw new SqlException("22008", "time out of range");
        }
        return LocalTime.ofNanoOfDay(micros * 1000);
    }

    @Override
    public byte[] send(Object value) {
        return ByteBuffer.allocate(8).putLong(((LocalTime) value).toNanoOfDay() / 1000).array();
    }
}
