package io.pgsight.sql.builtin.types;

import io.pgsight.sql.format.IntervalFormat;
import io.pgsight.sql.format.PgInterval;
import io.pgsight.sql.spi.FunctionContext;

import java.nio.ByteBuffer;

/** interval: {@link PgInterval}; IntervalStyle postgres (or iso_8601); binary int64 µs, int32 days, int32 months. */
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

    @Override
    public int typmodIn(int[] modifiers) {
        return TimestampType.precisionTypmod(modifiers, "INTERVAL");
    }

    @Override
    public Object applyTypmod(Object value, int typmod, boolean explicit) {
        if (typmod < 0 || typmod >= 6) {
            return value;
        }
        PgInterval iv = (PgInterval) value;
        return new PgInterval(iv.months(), iv.days(), TimestampType.roundMicros(iv.micros(), typmod));
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
