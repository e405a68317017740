package io.pgsight.sql.format;

import java.time.ZoneId;

/**
 * The session state that date/time input and output depend on: TimeZone, the DateStyle field order for
 * ambiguous numeric dates, and the statement's "now" (for 'now', 'today', ... and now()), in microseconds since
 * 2000-01-01 UTC.
 */
public record DateTimeSettings(ZoneId timeZone, DateOrder dateOrder, long nowMicros) {
    /** DateStyle's input order for dates like 01/02/03. */
    public enum DateOrder { MDY, DMY, YMD }

    /** TimeZone UTC, DateStyle ISO, MDY, now = the current clock. */
    public static DateTimeSettings defaults() {
        return new DateTimeSettings(PgTimeZone.UTC, DateOrder.MDY, DateTimeValues.currentMicros());
    }

    public DateTimeSettings withNow(long micros) {
        return new DateTimeSettings(timeZone, dateOrder, micros);
    }

    public DateTimeSettings withTimeZone(ZoneId zone) {
        return new DateTimeSettings(zone, dateOrder, nowMicros);
    }
}
