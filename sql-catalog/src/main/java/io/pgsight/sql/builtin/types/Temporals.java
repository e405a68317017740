package io.pgsight.sql.builtin.types;

import io.pgsight.sql.format.DateTimeSettings;
import io.pgsight.sql.format.DateTimeValues;
import io.pgsight.sql.format.PgTimeZone;
import io.pgsight.sql.spi.FunctionContext;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;

/**
 * The SQL values of the date/time types are java.time objects (date LocalDate, time LocalTime, timestamp
 * LocalDateTime, timestamptz Instant; ±infinity are the classes' MAX/MIN); the formats library computes on
 * PostgreSQL's integer forms (days / microseconds since 2000-01-01). This class converts between the two
 * and reads the session settings the library needs.
 */
public final class Temporals {
    private Temporals() {
    }

    public static int pgDate(LocalDate d) {
        if (d.equals(LocalDate.MAX)) {
            return DateTimeValues.DATE_POS_INFINITY;
        }
        if (d.equals(LocalDate.MIN)) {
            return DateTimeValues.DATE_NEG_INFINITY;
        }
        return DateTimeValues.fromLocalDate(d);
    }

    public static LocalDate date(int pg) {
        if (pg == DateTimeValues.DATE_POS_INFINITY) {
            return LocalDate.MAX;
        }
        if (pg == DateTimeValues.DATE_NEG_INFINITY) {
            return LocalDate.MIN;
        }
        return DateTimeValues.toLocalDate(pg);
    }

    public static long pgTimestamp(LocalDateTime t) {
        if (t.equals(LocalDateTime.MAX)) {
            return DateTimeValues.TS_POS_INFINITY;
        }
        if (t.equals(LocalDateTime.MIN)) {
            return DateTimeValues.TS_NEG_INFINITY;
        }
        return DateTimeValues.fromLocalDateTime(t);
    }

    public static LocalDateTime timestamp(long pg) {
        if (pg == DateTimeValues.TS_POS_INFINITY) {
            return LocalDateTime.MAX;
        }
        if (pg == DateTimeValues.TS_NEG_INFINITY) {
            return LocalDateTime.MIN;
        }
        return DateTimeValues.toLocalDateTime(pg);
    }

    public static long pgTimestamptz(Instant t) {
        if (t.equals(Instant.MAX)) {
            return DateTimeValues.TS_POS_INFINITY;
        }
        if (t.equals(Instant.MIN)) {
            return DateTimeValues.TS_NEG_INFINITY;
        }
        return DateTimeValues.fromInstant(t);
    }

    public static Instant timestamptz(long pg) {
        if (pg == DateTimeValues.TS_POS_INFINITY) {
            return Instant.MAX;
        }
        if (pg == DateTimeValues.TS_NEG_INFINITY) {
            return Instant.MIN;
        }
        return DateTimeValues.toInstant(pg);
    }

    public static long pgTime(LocalTime t) {
        return t.toNanoOfDay() / 1000;
    }

    public static LocalTime time(long micros) {
        return LocalTime.ofNanoOfDay(Math.min(micros, 86_400_000_000L - 1) * 1000);
    }

    /** The session's TimeZone (UTC when unset or unknown). */
    public static ZoneId zone(FunctionContext ctx) {
        String setting = ctx == null ? null : ctx.setting("TimeZone");
        if (setting == null || setting.isBlank()) {
            return PgTimeZone.UTC;
        }
        try {
            return PgTimeZone.forSetting(setting);
        } catch (RuntimeException e) {
            return PgTimeZone.UTC;
        }
    }

    /** TimeZone and DateStyle's field order; "now" is the clock (the engine's statement time is not visible here). */
    public static DateTimeSettings settings(FunctionContext ctx) {
        String style = ctx == null ? null : ctx.setting("DateStyle");
        DateTimeSettings.DateOrder order = DateTimeSettings.DateOrder.MDY;
        if (style != null) {
            String s = style.toUpperCase(Locale.ROOT);
            if (s.contains("DMY") || s.contains("EURO") || s.contains("GERMAN")) {
                order = DateTimeSettings.DateOrder.DMY;
            } else if (s.contains("YMD")) {
                order = DateTimeSettings.DateOrder.YMD;
            }
        }
        return new DateTimeSettings(zone(ctx), order, DateTimeValues.currentMicros());
    }
}
