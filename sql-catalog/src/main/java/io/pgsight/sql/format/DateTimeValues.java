package io.pgsight.sql.format;

import io.pgsight.sql.api.SqlException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * PostgreSQL's date/time representations and conversions between them. date = int days since 2000-01-01
 * (Integer.MIN_VALUE / MAX_VALUE are -infinity / infinity); timestamp and timestamptz = long microseconds since
 * 2000-01-01 00:00 (local / UTC; Long.MIN_VALUE / MAX_VALUE are -infinity / infinity); time = long
 * microseconds since midnight.
 */
public final class DateTimeValues {
    public static final int DATE_NEG_INFINITY = Integer.MIN_VALUE;
    public static final int DATE_POS_INFINITY = Integer.MAX_VALUE;
    public static final long TS_NEG_INFINITY = Long.MIN_VALUE;
    public static final long TS_POS_INFINITY = Long.MAX_VALUE;

    /** 1970-01-01 minus 2000-01-01 in days. */
    public static final int UNIX_EPOCH_DAYS = -10957;
    public static final long UNIX_EPOCH_MICROS = UNIX_EPOCH_DAYS * PgInterval.USECS_PER_DAY;
    /** Julian day number of 2000-01-01 (POSTGRES_EPOCH_JDATE). */
    public static final int POSTGRES_EPOCH_JDATE = 2451545;

    /** First valid date: 4714-11-24 BC (Julian day 0). */
    public static final int MIN_DATE = -POSTGRES_EPOCH_JDATE;
    /** One past the last valid date (5874898-01-01). */
    public static final int END_DATE = 2147483494 - POSTGRES_EPOCH_JDATE;
    public static final long MIN_TIMESTAMP = -211813488000000000L;
    /** One past the last valid timestamp (294277-01-01 00:00). */
    public static final long END_TIMESTAMP = 9223371331200000000L;

    private DateTimeValues() {
    }

    public static long currentMicros() {
        Instant now = Instant.now();
        return (now.getEpochSecond() * 1_000_000L + now.getNano() / 1000) + UNIX_EPOCH_MICROS;
    }

    public static boolean isFinite(int date) {
        return date != DATE_NEG_INFINITY && date != DATE_POS_INFINITY;
    }

    public static boolean isFinite(long timestamp) {
        return timestamp != TS_NEG_INFINITY && timestamp != TS_POS_INFINITY;
    }

    public static boolean isValidDate(long days) {
        return days >= MIN_DATE && days < END_DATE;
    }

    public static boolean isValidTimestamp(long micros) {
        return micros >= MIN_TIMESTAMP && micros < END_TIMESTAMP;
    }

    static SqlException dateOutOfRange() {
        return new SqlException(PgErrors.DATETIME_FIELD_OVERFLOW, "date out of range");
    }

    static SqlException timestampOutOfRange() {
        return new SqlException(PgErrors.DATETIME_FIELD_OVERFLOW, "timestamp out of range");
    }

    // ---------------------------------------------------------------- calendar

    public static int dateOf(int year, int month, int day) {
        return (int) (LocalDate.of(year, month, day).toEpochDay() - 10957);
    }

    public static LocalDate toLocalDate(int date) {
        return LocalDate.ofEpochDay((long) date + 10957);
    }

    public static int fromLocalDate(LocalDate d) {
        return (int) (d.toEpochDay() - 10957);
    }

    public static LocalDateTime toLocalDateTime(long timestamp) {
        long days = Math.floorDiv(timestamp, PgInterval.USECS_PER_DAY);
        long time = Math.floorMod(timestamp, PgInterval.USECS_PER_DAY);
        return LocalDate.ofEpochDay(days + 10957).atStartOfDay().plusNanos(time * 1000);
    }

    public static long fromLocalDateTime(LocalDateTime t) {
        long days = t.toLocalDate().toEpochDay() - 10957;
        return days * PgInterval.USECS_PER_DAY + t.toLocalTime().toNanoOfDay() / 1000;
    }

    public static Instant toInstant(long timestamptz) {
        long secs = Math.floorDiv(timestamptz, 1_000_000L) - UNIX_EPOCH_DAYS * 86400L;
        return Instant.ofEpochSecond(secs, Math.floorMod(timestamptz, 1_000_000L) * 1000);
    }

    public static long fromInstant(Instant i) {
        return (i.getEpochSecond() + UNIX_EPOCH_DAYS * 86400L) * 1_000_000L + i.getNano() / 1000;
    }

    /** UTC offset (seconds, east positive) of zone at the given UTC instant. */
    public static int offsetAt(ZoneId zone, long timestamptz) {
        if (zone instanceof ZoneOffset o) {
            return o.getTotalSeconds();
        }
        return zone.getRules().getOffset(toInstant(timestamptz)).getTotalSeconds();
    }

    /**
     * The UTC instant of a local timestamp in a zone; a time in a spring-forward gap is read with the offset
     * before the transition, an ambiguous fall-back time as the later (standard time) instant, as PostgreSQL.
     */
    public static long localToUtc(long timestamp, ZoneId zone) {
        if (!isFinite(timestamp)) {
            return timestamp;
        }
        if (zone instanceof ZoneOffset o) {
            return timestamp - o.getTotalSeconds() * 1_000_000L;
        }
        ZonedDateTime z = ZonedDateTime.ofLocal(toLocalDateTime(timestamp), zone, null).withLaterOffsetAtOverlap();
        return fromInstant(z.toInstant());
    }

    /** The local wall-clock timestamp of a UTC instant in a zone. */
    public static long utcToLocal(long timestamptz, ZoneId zone) {
        if (!isFinite(timestamptz)) {
            return timestamptz;
        }
        return timestamptz + offsetAt(zone, timestamptz) * 1_000_000L;
    }

    // ---------------------------------------------------------------- casts

    /** date to timestamp (midnight). */
    public static long dateToTimestamp(int date) {
        if (date == DATE_NEG_INFINITY) {
            return TS_NEG_INFINITY;
        }
        if (date == DATE_POS_INFINITY) {
            return TS_POS_INFINITY;
        }
        long ts = date * PgInterval.USECS_PER_DAY;
        if (!isValidTimestamp(ts)) {
            throw new SqlException(PgErrors.DATETIME_FIELD_OVERFLOW, "date out of range for timestamp");
        }
        return ts;
    }

    /** date to timestamptz (local midnight in zone). */
    public static long dateToTimestamptz(int date, ZoneId zone) {
        long ts = dateToTimestamp(date);
        return localToUtc(ts, zone);
    }

    /** timestamp to date (drops the time). */
    public static int timestampToDate(long timestamp) {
        if (timestamp == TS_NEG_INFINITY) {
            return DATE_NEG_INFINITY;
        }
        if (timestamp == TS_POS_INFINITY) {
            return DATE_POS_INFINITY;
        }
        return (int) Math.floorDiv(timestamp, PgInterval.USECS_PER_DAY);
    }

    public static int timestamptzToDate(long timestamptz, ZoneId zone) {
        return timestampToDate(utcToLocal(timestamptz, zone));
    }

    /** timestamp to time (time of day). */
    public static long timestampToTime(long timestamp) {
        return Math.floorMod(timestamp, PgInterval.USECS_PER_DAY);
    }

    public static long timestampToTimestamptz(long timestamp, ZoneId zone) {
        long r = localToUtc(timestamp, zone);
        if (isFinite(r) && !isValidTimestamp(r)) {
            throw timestampOutOfRange();
        }
        return r;
    }

    public static long timestamptzToTimestamp(long timestamptz, ZoneId zone) {
        return utcToLocal(timestamptz, zone);
    }
}
