package io.pgsight.sql.format;

import io.pgsight.sql.api.SqlException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Text input and output (DateStyle ISO) of date, time, timestamp, timestamptz; see {@link DateTimeValues} for
 * the representations and {@link IntervalFormat} for interval. Output: {@code 2024-01-01},
 * {@code 2024-01-01 08:00:00.5}, {@code 2024-01-01 08:00:00+00}, {@code 0044-03-15 BC}, {@code infinity}.
 */
public final class DateTimeFormat {
    private DateTimeFormat() {
    }

    // ---------------------------------------------------------------- output

    public static String dateOut(int date) {
        if (date == DateTimeValues.DATE_NEG_INFINITY) {
            return "-infinity";
        }
        if (date == DateTimeValues.DATE_POS_INFINITY) {
            return "infinity";
        }
        LocalDate d = DateTimeValues.toLocalDate(date);
        StringBuilder sb = new StringBuilder(16);
        appendDate(sb, d);
        if (d.getYear() <= 0) {
            sb.append(" BC");
        }
        return sb.toString();
    }

    public static String timestampOut(long timestamp) {
        String special = special(timestamp);
        if (special != null) {
            return special;
        }
        LocalDateTime t = DateTimeValues.toLocalDateTime(timestamp);
        StringBuilder sb = new StringBuilder(32);
        appendDate(sb, t.toLocalDate());
        sb.append(' ');
        appendTime(sb, DateTimeValues.timestampToTime(timestamp));
        if (t.getYear() <= 0) {
            sb.append(" BC");
        }
        return sb.toString();
    }

    public static String timestamptzOut(long timestamptz, ZoneId zone) {
        String special = special(timestamptz);
        if (special != null) {
            return special;
        }
        int offset = DateTimeValues.offsetAt(zone, timestamptz);
        long local = timestamptz + offset * 1_000_000L;
        LocalDateTime t = DateTimeValues.toLocalDateTime(local);
        StringBuilder sb = new StringBuilder(40);
        appendDate(sb, t.toLocalDate());
        sb.append(' ');
        appendTime(sb, DateTimeValues.timestampToTime(local));
        appendOffset(sb, offset);
        if (t.getYear() <= 0) {
            sb.append(" BC");
        }
        return sb.toString();
    }

    public static String timeOut(long micros) {
        StringBuilder sb = new StringBuilder(16);
        appendTime(sb, micros);
        return sb.toString();
    }

    /** timetz output: time followed by the offset (seconds east of UTC). */
    public static String timetzOut(long micros, int offsetSeconds) {
        StringBuilder sb = new StringBuilder(24);
        appendTime(sb, micros);
        appendOffset(sb, offsetSeconds);
        return sb.toString();
    }

    private static String special(long ts) {
        if (ts == DateTimeValues.TS_NEG_INFINITY) {
            return "-infinity";
        }
        if (ts == DateTimeValues.TS_POS_INFINITY) {
            return "infinity";
        }
        return null;
    }

    private static void appendDate(StringBuilder sb, LocalDate d) {
        int y = d.getYear();
        int shown = y > 0 ? y : 1 - y;
        String ys = Integer.toString(shown);
        for (int i = ys.length(); i < 4; i++) {
            sb.append('0');
        }
        sb.append(ys).append('-');
        IntervalFormat.pad2(sb, d.getMonthValue());
        sb.append('-');
        IntervalFormat.pad2(sb, d.getDayOfMonth());
    }

    static void appendTime(StringBuilder sb, long micros) {
        long secs = micros / 1_000_000L;
        IntervalFormat.pad2(sb, secs / 3600);
        sb.append(':');
        IntervalFormat.pad2(sb, secs / 60 % 60);
        sb.append(':');
        IntervalFormat.pad2(sb, secs % 60);
        IntervalFormat.appendFraction(sb, micros % 1_000_000L);
    }

    /** EncodeTimezone: +HH, +HH:MM or +HH:MM:SS. */
    static void appendOffset(StringBuilder sb, int offsetSeconds) {
        sb.append(offsetSeconds < 0 ? '-' : '+');
        int a = Math.abs(offsetSeconds);
        IntervalFormat.pad2(sb, a / 3600);
        int min = a / 60 % 60;
        int sec = a % 60;
        if (min != 0 || sec != 0) {
            sb.append(':');
            IntervalFormat.pad2(sb, min);
        }
        if (sec != 0) {
            sb.append(':');
            IntervalFormat.pad2(sb, sec);
        }
    }

    // ---------------------------------------------------------------- input

    public static int dateIn(String text) {
        return dateIn(text, DateTimeSettings.defaults());
    }

    /** date_in. */
    public static int dateIn(String text, DateTimeSettings settings) {
        DateTimeParser.Fields f = decode(text, "date", settings);
        switch (f.special) {
            case EPOCH:
                return DateTimeValues.UNIX_EPOCH_DAYS;
            case INFINITY:
                return DateTimeValues.DATE_POS_INFINITY;
            case NEG_INFINITY:
                return DateTimeValues.DATE_NEG_INFINITY;
            case NOW:
            case TODAY:
                return today(settings, 0);
            case TOMORROW:
                return today(settings, 1);
            case YESTERDAY:
                return today(settings, -1);
            case ALLBALLS:
                throw DateTimeParser.error(new DateTimeParser.DecodeError(DateTimeParser.DecodeError.Kind.BAD_FORMAT),
                        "date", text);
            default:
                break;
        }
        long days = days(f, "date", text);
        if (!DateTimeValues.isValidDate(days)) {
            throw new SqlException(PgErrors.DATETIME_FIELD_OVERFLOW, "date out of range: \"" + text + "\"");
        }
        return (int) days;
    }

    private static int today(DateTimeSettings settings, int plusDays) {
        long local = DateTimeValues.utcToLocal(settings.nowMicros(), settings.timeZone());
        return DateTimeValues.timestampToDate(local) + plusDays;
    }

    public static long timestampIn(String text) {
        return timestampIn(text, DateTimeSettings.defaults());
    }

    /** timestamp_in: a zone in the text is ignored, as PostgreSQL does for timestamp without time zone. */
    public static long timestampIn(String text, DateTimeSettings settings) {
        DateTimeParser.Fields f = decode(text, "timestamp", settings);
        Long special = specialTimestamp(f, settings, false, "timestamp", text);
        if (special != null) {
            return special;
        }
        long ts = days(f, "timestamp", text) * PgInterval.USECS_PER_DAY + time(f, "timestamp", text);
        if (!DateTimeValues.isValidTimestamp(ts)) {
            throw new SqlException(PgErrors.DATETIME_FIELD_OVERFLOW, "timestamp out of range: \"" + text + "\"");
        }
        return ts;
    }

    /** timestamptz_in: explicit offset, abbreviation or zone name, else the session TimeZone. */
    public static long timestamptzIn(String text, DateTimeSettings settings) {
        DateTimeParser.Fields f = decode(text, "timestamp with time zone", settings);
        Long special = specialTimestamp(f, settings, true, "timestamp with time zone", text);
        if (special != null) {
            return special;
        }
        long local = days(f, "timestamp with time zone", text) * PgInterval.USECS_PER_DAY
                + time(f, "timestamp with time zone", text);
        long utc;
        if (f.tzOffset != null) {
            utc = local - f.tzOffset * 1_000_000L;
        } else {
            utc = DateTimeValues.localToUtc(local, f.zone != null ? f.zone : settings.timeZone());
        }
        if (!DateTimeValues.isValidTimestamp(utc)) {
            throw new SqlException(PgErrors.DATETIME_FIELD_OVERFLOW, "timestamp out of range: \"" + text + "\"");
        }
        return utc;
    }

    private static Long specialTimestamp(DateTimeParser.Fields f, DateTimeSettings settings, boolean withZone,
                                         String typeName, String text) {
        long now = settings.nowMicros();
        long localNow = withZone ? now : DateTimeValues.utcToLocal(now, settings.timeZone());
        switch (f.special) {
            case NONE:
                return null;
            case EPOCH:
                return DateTimeValues.UNIX_EPOCH_MICROS;
            case INFINITY:
                return DateTimeValues.TS_POS_INFINITY;
            case NEG_INFINITY:
                return DateTimeValues.TS_NEG_INFINITY;
            case NOW:
                return localNow;
            case TODAY:
            case TOMORROW:
            case YESTERDAY:
                int plus = f.special == DateTimeParser.Special.TODAY ? 0
                        : f.special == DateTimeParser.Special.TOMORROW ? 1 : -1;
                long midnight = (today(settings, plus)) * PgInterval.USECS_PER_DAY + time(f, typeName, text);
                return withZone ? DateTimeValues.localToUtc(midnight, settings.timeZone()) : midnight;
            default:
                throw DateTimeParser.error(new DateTimeParser.DecodeError(DateTimeParser.DecodeError.Kind.BAD_FORMAT),
                        typeName, text);
        }
    }

    public static long timeIn(String text) {
        return timeIn(text, DateTimeSettings.defaults());
    }

    /** time_in: a date part and a zone are allowed and ignored. */
    public static long timeIn(String text, DateTimeSettings settings) {
        DateTimeParser.Fields f = decode(text, "time without time zone", settings);
        if (f.special == DateTimeParser.Special.ALLBALLS) {
            return 0;
        }
        if (f.special == DateTimeParser.Special.NOW) {
            return DateTimeValues.timestampToTime(DateTimeValues.utcToLocal(settings.nowMicros(), settings.timeZone()));
        }
        if (f.special != DateTimeParser.Special.NONE || f.hour == null) {
            throw DateTimeParser.error(new DateTimeParser.DecodeError(DateTimeParser.DecodeError.Kind.BAD_FORMAT),
                    "time without time zone", text);
        }
        return time(f, "time without time zone", text);
    }

    private static DateTimeParser.Fields decode(String text, String typeName, DateTimeSettings settings) {
        String t = text.trim();
        if (t.equalsIgnoreCase("-infinity")) {
            DateTimeParser.Fields f = new DateTimeParser.Fields();
            f.special = DateTimeParser.Special.NEG_INFINITY;
            return f;
        }
        if (t.equalsIgnoreCase("+infinity")) {
            DateTimeParser.Fields f = new DateTimeParser.Fields();
            f.special = DateTimeParser.Special.INFINITY;
            return f;
        }
        try {
            DateTimeParser.Fields f = DateTimeParser.decode(text, settings.dateOrder());
            if (f.special != DateTimeParser.Special.NONE && f.special != DateTimeParser.Special.TODAY
                    && f.special != DateTimeParser.Special.TOMORROW && f.special != DateTimeParser.Special.YESTERDAY
                    && (f.hasDate() || f.hasTime())) {
                throw new DateTimeParser.DecodeError(DateTimeParser.DecodeError.Kind.BAD_FORMAT);
            }
            return f;
        } catch (DateTimeParser.DecodeError e) {
            throw DateTimeParser.error(e, typeName, text);
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw DateTimeParser.error(new DateTimeParser.DecodeError(DateTimeParser.DecodeError.Kind.FIELD_OVERFLOW),
                    typeName, text);
        }
    }

    private static long days(DateTimeParser.Fields f, String typeName, String text) {
        try {
            return DateTimeParser.dateDays(f);
        } catch (DateTimeParser.DecodeError e) {
            throw DateTimeParser.error(e, typeName, text);
        } catch (java.time.DateTimeException e) {
            throw DateTimeParser.error(new DateTimeParser.DecodeError(DateTimeParser.DecodeError.Kind.FIELD_OVERFLOW),
                    typeName, text);
        }
    }

    private static long time(DateTimeParser.Fields f, String typeName, String text) {
        try {
            return DateTimeParser.timeMicros(f);
        } catch (DateTimeParser.DecodeError e) {
            throw DateTimeParser.error(e, typeName, text);
        }
    }
}
