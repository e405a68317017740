package io.pgsight.sql.builtin.datetime;

import io.pgsight.sql.builtin.types.Temporals;
import io.pgsight.sql.format.DateTimeArithmetic;
import io.pgsight.sql.format.DateTimeValues;
import io.pgsight.sql.format.PgInterval;
import io.pgsight.sql.spi.FunctionContext;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Date/time arithmetic on the SQL values (java.time objects), computed by the formats library's
 * {@link DateTimeArithmetic} on PostgreSQL's integer forms.
 */
public final class DateTimeMath {
    private DateTimeMath() {
    }

    public static ZoneId zone(FunctionContext ctx) {
        return Temporals.zone(ctx);
    }

    public static boolean isInfinite(LocalDateTime t) {
        return t.equals(LocalDateTime.MAX) || t.equals(LocalDateTime.MIN);
    }

    public static boolean isInfinite(LocalDate d) {
        return d.equals(LocalDate.MAX) || d.equals(LocalDate.MIN);
    }

    public static boolean isInfinite(Instant t) {
        return t.equals(Instant.MAX) || t.equals(Instant.MIN);
    }

    public static LocalDateTime plus(LocalDateTime t, PgInterval iv) {
        return Temporals.timestamp(DateTimeArithmetic.timestampPlusInterval(Temporals.pgTimestamp(t), iv));
    }

    public static Instant plus(Instant t, PgInterval iv, ZoneId zone) {
        return Temporals.timestamptz(DateTimeArithmetic.timestamptzPlusInterval(Temporals.pgTimestamptz(t), iv, zone));
    }

    public static LocalTime plus(LocalTime t, PgInterval iv) {
        return Temporals.time(DateTimeArithmetic.timePlusInterval(Temporals.pgTime(t), iv));
    }

    public static PgInterval difference(LocalDateTime a, LocalDateTime b) {
        return DateTimeArithmetic.timestampMinusTimestamp(Temporals.pgTimestamp(a), Temporals.pgTimestamp(b));
    }

    public static PgInterval difference(Instant a, Instant b) {
        return DateTimeArithmetic.timestampMinusTimestamp(Temporals.pgTimestamptz(a), Temporals.pgTimestamptz(b));
    }

    public static LocalDate plusDays(LocalDate d, long days) {
        return Temporals.date(DateTimeArithmetic.datePlusDays(Temporals.pgDate(d), days));
    }

    public static int daysBetween(LocalDate a, LocalDate b) {
        return DateTimeArithmetic.dateMinusDate(Temporals.pgDate(a), Temporals.pgDate(b));
    }

    public static LocalDateTime atTime(LocalDate d, LocalTime t) {
        return Temporals.timestamp(DateTimeArithmetic.datePlusTime(Temporals.pgDate(d), Temporals.pgTime(t)));
    }

    public static LocalDateTime toTimestamp(LocalDate d) {
        return Temporals.timestamp(DateTimeValues.dateToTimestamp(Temporals.pgDate(d)));
    }

    public static Instant toTimestamptz(LocalDateTime t, ZoneId zone) {
        return Temporals.timestamptz(DateTimeValues.timestampToTimestamptz(Temporals.pgTimestamp(t), zone));
    }

    public static LocalDateTime toTimestamp(Instant t, ZoneId zone) {
        return Temporals.timestamp(DateTimeValues.timestamptzToTimestamp(Temporals.pgTimestamptz(t), zone));
    }

    public static LocalDate toDate(LocalDateTime t) {
        return Temporals.date(DateTimeValues.timestampToDate(Temporals.pgTimestamp(t)));
    }

    public static LocalDate toDate(Instant t, ZoneId zone) {
        return Temporals.date(DateTimeValues.timestamptzToDate(Temporals.pgTimestamptz(t), zone));
    }

    public static LocalTime toTime(LocalDateTime t) {
        return Temporals.time(DateTimeValues.timestampToTime(Temporals.pgTimestamp(t)));
    }
}
