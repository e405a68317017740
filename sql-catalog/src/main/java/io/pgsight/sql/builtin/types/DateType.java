package io.pgsight.sql.builtin.types;

import io.pgsight.sql.format.DateTimeFormat;
import io.pgsight.sql.spi.FunctionContext;

import java.nio.ByteBuffer;
import java.time.LocalDate;

/** date: java.time.LocalDate (MAX/MIN are ±infinity); text via the formats library; binary int32 days since 2000-01-01. */
public final class DateType extends BaseType {
    public DateType() {
        super("date", 1082, 1182, 4, 'D', false);
    }

    @Override
    public Object input(String text, int typmod) {
        return input(text, typmod, null);
    }

    @Override
    public Object input(String text, int typmod, FunctionContext ctx) {
        return Temporals.date(DateTimeFormat.dateIn(text, Temporals.settings(ctx)));
    }

    @Override
    public String output(Object value) {
        return DateTimeFormat.dateOut(Temporals.pgDate((LocalDate) value));
    }

    @Override
    public Object receive(byte[] data, int typmod) {
        return Temporals.date(BinaryBuffers.exactly(data, 4).getInt());
    }

    @Override
    public byte[] send(Object value) {
        return ByteBuffer.allocate(4).putInt(Temporals.pgDate((LocalDate) value)).array();
    }
}
