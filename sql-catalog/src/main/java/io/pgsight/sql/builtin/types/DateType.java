package io.pgsight.sql.builtin.types;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** date: java.time.LocalDate (LocalDate.MAX/MIN are ±infinity); binary int32 days since 2000-01-01. */
public final class DateType extends BaseType {
    public static final LocalDate PG_EPOCH = LocalDate.of(2000, 1, 1);

    public DateType() {
        super("date", 1082, 1182, 4, 'D', false);
    }

    @Override
    public Object input(String text, int typmod) {
        return DateTimeText.parseDate(text);
    }

    @Override
    public String output(Object value) {
        return DateTimeText.formatDate((LocalDate) value);
    }

    @Override
    public Object receive(byte[] data, int typmod) {
        int days = BinaryBuffers.exactly(data, 4).getInt();
        if (days == Integer.MAX_VALUE) {
            return LocalDate.MAX;
        }
        if (days == Integer.MIN_VALUE) {
            return LocalDate.MIN;
        }
        return PG_EPOCH.plusDays(days);
    }

    @Override
    public byte[] send(Object value) {
        LocalDate d = (LocalDate) value;
        int days = d.equals(LocalDate.MAX) ? Integer.MAX_VALUE
                : d.equals(LocalDate.MIN) ? Integer.MIN_VALUE : (int) ChronoUnit.DAYS.between(PG_EPOCH, d);
        return ByteBuffer.allocate(4).putInt(days).array();
    }
}
