package io.pgsight.sql.builtin.json.path;

import io.pgsight.sql.api.SqlException;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value made by {@code .datetime()}: a date, time, timetz, timestamp or timestamptz as PostgreSQL's
 * template-less recognition reads it (ISO forms, lenient on digit counts and blanks, "T" or blanks
 * between date and time), printed as jsonb prints datetimes. {@code offset} is null without a zone.
 */
record DateTimeItem(Kind kind, LocalDate date, LocalTime time, ZoneOffset offset) {
    enum Kind {
        DATE("date", "date"), TIME("time without time zone", "time"), TIMETZ("time with time zone", "timetz"),
        TIMESTAMP("timestamp without time zone", "timestamp"), TIMESTAMPTZ("timestamp with time zone", "timestamptz");

        final String typeName;
        final String shortName;

        Kind(String typeName, String shortName) {
            this.typeName = typeName;
            this.shortName = shortName;
        }
    }

    private static final String DATE = "(\\d+)-(\\d{1,2})-(\\d{1,2})";
    private static final String TIME = "(\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:\\.(\\d{1,6}))?";
    private static final String ZONE = "\\s*([+-])(\\d{1,2})(?::(\\d{1,2}))?";
    private static final Pattern P_DATE = Pattern.compile("\\s*" + DATE);
    private static final Pattern P_TIME = Pattern.compile("\\s*" + TIME + "(?:" + ZONE + ")?");
    private static final Pattern P_TIMESTAMP = Pattern.compile("\\s*" + DATE + "(?:\\s+|T)" + TIME + "(?:" + ZONE + ")?");

    /** The datetime {@code text} spells, or null when it is none of the recognized forms. */
    static DateTimeItem parse(String text) {
        try {
            Matcher m = P_DATE.matcher(text);
            if (m.matches()) {
                return new DateTimeItem(Kind.DATE, date(m, 1), null, null);
            }
            m = P_TIME.matcher(text);
            if (m.matches()) {
                ZoneOffset z = zone(m, 5);
                return new DateTimeItem(z == null ? Kind.TIME : Kind.TIMETZ, null, time(m, 1), z);
            }
            m = P_TIMESTAMP.matcher(text);
            if (m.matches()) {
                ZoneOffset z = zone(m, 8);
                return new DateTimeItem(z == null ? Kind.TIMESTAMP : Kind.TIMESTAMPTZ, date(m, 1), time(m, 4), z);
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static LocalDate date(Matcher m, int g) {
        int year = Integer.parseInt(m.group(g));
        if (year < 1) {
            throw new DateTimeException("year");
        }
        return LocalDate.of(year, Integer.parseInt(m.group(g + 1)), Integer.parseInt(m.group(g + 2)));
    }

    private static LocalTime time(Matcher m, int g) {
        String frac = m.group(g + 3);
        int nanos = frac == null ? 0 : Integer.parseInt((frac + "000000").substring(0, 6)) * 1000;
        return LocalTime.of(Integer.parseInt(m.group(g)), Integer.parseInt(m.group(g + 1)),
                Integer.parseInt(m.group(g + 2)), nanos);
    }

    private static ZoneOffset zone(Matcher m, int g) {
        if (m.group(g) == null) {
            return null;
        }
        int h = Integer.parseInt(m.group(g + 1));
        int min = m.group(g + 2) == null ? 0 : Integer.parseInt(m.group(g + 2));
        if (h > 15 || min > 59) {
            throw new DateTimeException("zone");
        }
        int seconds = (h * 3600 + min * 60) * (m.group(g).equals("-") ? -1 : 1);
        return ZoneOffset.ofTotalSeconds(seconds);
    }

    /** jsonb's ISO text: 2017-03-10T12:34:56.5+01:00. */
    String text() {
        StringBuilder sb = new StringBuilder();
        if (date != null) {
            String y = Integer.toString(date.getYear());
            sb.append("0".repeat(Math.max(0, 4 - y.length()))).append(y).append('-');
            two(sb, date.getMonthValue()).append('-');
            two(sb, date.getDayOfMonth());
        }
        if (time != null) {
            if (date != null) {
                sb.append('T');
            }
            two(sb, time.getHour()).append(':');
            two(sb, time.getMinute()).append(':');
            two(sb, time.getSecond());
            int micros = time.getNano() / 1000;
            if (micros != 0) {
                String f = String.format("%06d", micros).replaceFirst("0+$", "");
                sb.append('.').append(f);
            }
        }
        if (offset != null) {
            int total = offset.getTotalSeconds();
            sb.append(total < 0 ? '-' : '+');
            total = Math.abs(total);
            two(sb, total / 3600).append(':');
            two(sb, total / 60 % 60);
        }
        return sb.toString();
    }

    private static StringBuilder two(StringBuilder sb, int v) {
        return sb.append(v < 10 ? "0" : "").append(v);
    }

    /**
     * Orders two datetimes as PostgreSQL's jsonpath does, casting date to timestamp and either to
     * timestamptz, time to timetz (those last with the session zone, which only the _tz functions
     * have: {@code zone} null otherwise). Null when the kinds cannot be compared.
     */
    static Integer compare(DateTimeItem a, DateTimeItem b, ZoneId zone) {
        boolean aTime = a.date == null;
        boolean bTime = b.date == null;
        if (aTime != bTime) {
            return null;
        }
        if (aTime) {
            if ((a.offset == null) == (b.offset == null)) {
                return a.offset == null ? a.time.compareTo(b.time) : compareTimetz(a, b);
            }
            DateTimeItem local = a.offset == null ? a : b;
            needZone(zone, local.kind, Kind.TIMETZ);
            ZoneOffset z = zone.getRules().getOffset(java.time.Instant.now());
            DateTimeItem cast = new DateTimeItem(Kind.TIMETZ, null, local.time, z);
            return a == local ? compareTimetz(cast, b) : compareTimetz(a, cast);
        }
        if (a.offset == null && b.offset == null) {
            return a.local().compareTo(b.local());
        }
        if (a.offset != null && b.offset != null) {
            return a.instant().toInstant().compareTo(b.instant().toInstant());
        }
        DateTimeItem local = a.offset == null ? a : b;
        needZone(zone, local.kind, Kind.TIMESTAMPTZ);
        OffsetDateTime x = a.offset == null ? a.local().atZone(zone).toOffsetDateTime() : a.instant();
        OffsetDateTime y = b.offset == null ? b.local().atZone(zone).toOffsetDateTime() : b.instant();
        return x.toInstant().compareTo(y.toInstant());
    }

    private LocalDateTime local() {
        return LocalDateTime.of(date, time == null ? LocalTime.MIDNIGHT : time);
    }

    private OffsetDateTime instant() {
        return OffsetDateTime.of(local(), offset);
    }

    /** timetz_cmp: by the UTC time, then the zone (the one further east first). */
    private static int compareTimetz(DateTimeItem a, DateTimeItem b) {
        long x = a.time.toNanoOfDay() / 1000 - a.offset.getTotalSeconds() * 1_000_000L;
        long y = b.time.toNanoOfDay() / 1000 - b.offset.getTotalSeconds() * 1_000_000L;
        if (x != y) {
            return Long.compare(x, y);
        }
        return Integer.compare(b.offset.getTotalSeconds(), a.offset.getTotalSeconds());
    }

    private static void needZone(ZoneId zone, Kind from, Kind to) {
        if (zone == null) {
            throw new SqlException("0A000", "cannot convert value from " + from.shortName + " to " + to.shortName
                    + " without time zone usage").withHint("Use *_tz() function for time zone support.");
        }
    }
}
