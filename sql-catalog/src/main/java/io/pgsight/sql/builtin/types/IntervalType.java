package io.pgsight.sql.builtin.types;

import java.nio.ByteBuffer;

/** interval: {@link Interval}; binary int64 microseconds, int32 days, int32 months. */
public final class IntervalType extends BaseType {
    public IntervalType() {
        super("interval", 1186, 1187, 16, 'T', true);
    }

    @Override
    public Object input(String text, int typmod) {
        return IntervalText.parse(text);
    }

    @Override
    public String output(Object value) {
        return IntervalText.format((Interval) value);
    }

    @Override
    public int typmodIn(int[] modifiers) {
        return TimestampType.precisionTypmod(modifiers, "INTERVAL");
    }

    @Override
    public Object applyTypmod(Object value, int typmod, boolean explicit) {
        if (typmod < 0 || typmod >= 6) {
            return value;
        }
        Interval iv = (Interval) value;
        return new Interval(iv.months(), iv.days(), TimestampType.roundMicros(iv.micros(), typmod));
    }

    @Override
    public Object receive(byte[] data, int typmod) {
        ByteBuffer b = BinaryBuffers.exactly(data, 16);
        long micros = b.getLong();
        int days = b.getInt();
        int months = b.getInt();
        return new Interval(months, days, micros);
    }

    @Override
    public byte[] send(Object value) {
        Interval iv = (Interval) value;
        return ByteBuffer.allocate(16).putLong(iv.micros()).putInt(iv.days()).putInt(iv.months()).array();
    }
}
