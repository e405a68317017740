package io.pgsight.sql.builtin.types;

import io.pgsight.sql.api.SqlException;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text forms of date, time, timestamp and timestamptz in DateStyle ISO, MDY: input accepts ISO
 * (2024-05-17 13:45:00.5+02), US slashes (05/17/2024), month names (May 17 2024, 17 May 2024), BC,
 * and the special words infinity, -infinity, epoch, now, today, tomorrow, yesterday. Infinite values
 * are the MIN/MAX of the java.time classes.
 */
public final class DateTimeText {
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("january", 1), Map.entry("feb", 2), Map.entry("february", 2),
            Map.entry("mar", 3), Map.entry("march", 3), Map.entry("apr", 4), Map.entry("april", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("june", 6), Map.entry("jul", 7),
            Map.entry("july", 7), Map.entry("aug", 8), Map.entry("august", 8), Map.entry("sep", 9),
            Map.entry("sept", 9), Map.entry("september", 9), Map.entry("oct", 10), Map.entry("october", 10),
            Map.entry("nov", 11), Map.entry("november", 11), Map.entry("dec", 12), Map.entry("december", 12));

    private static final String TIME = "(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d*))?)?";
    private static final String ZONE = "(z|utc|gmt|[+-]\\d{1,2}(?::?\\d{2}(?::?\\d{2})?)?|[a-z]+/[a-z_]+(?:/[a-z_]+)?)";
    private static final Pattern ISO = Pattern.compile(
            "(\\d{1,7})-(\\d{1,2})-(\\d{1,2})(?:(?:t|\\s+)" + TIME + ")?\\s*" + ZONE + "?\\s*(bc|ad)?");
    private static final Pattern COMPACT = Pattern.compile(
            "(\\d{4})(\\d{2})(\\d{2})(?:(?:t|\\s+)" + TIME + ")?\\s*" + ZONE + "?\\s*(bc|ad)?");
    private static final Pattern SLASHED = Pattern.compile(
            "(\\d{1,4})[/.](\\d{1,2})[/.](\\d{1,4})(?:\\s+" + TIME + ")?\\s*" + ZONE + "?\\s*(bc|ad)?");
    private static final Pattern NAMED = Pattern.compile(
            "(?:[a-z]+,?\\s+)??(?:([a-z]+)\\.?\\s+(\\d{1,2}),?\\s+(\\d{1,7})|(\\d{1,2})[\\s-]+([a-z]+)\\.?[\\s-]+(\\d{1,7}))"
                    + "(?:\\s+" + TIME + ")?\\s*" + ZONE + "?\\s*(bc|ad)?");
    private static final Pattern TIME_ONLY = Pattern.compile(TIME + "\\s*(am|pm)?\\s*" + ZONE + "?");

    private DateTimeText() {
    }

    /** A parsed date/time: the fields, and the written zone offset in seconds or null. */
    public record Parsed(LocalDate date, LocalTime time, ZoneOffset offset, ZoneId zone) {
    }

    private static SqlException syntax(String type, String text) {
        return new SqlException("22007", "invalid input syntax for type " + type + ": \"" + text + "\"");
    }

    private static SqlException range(String text, boolean monthProblem) {
        SqlException e = new SqlException("22008", "date/time field value out of range: \"" + text + "\"");
        return monthProblem ? e.withHint("Perhaps you need a different \"datestyle\" setting.") : e;
    }

    /** Parses a date with optional time and zone; {@code type} names the type in errors. */
    public static Parsed parse(String text, String type) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        Matcher m;
        if ((m = ISO.matcher(s)).matches()) {
            return build(text, type, m.group(1), m.group(2), m.group(3), m, 4, 8, 9);
        }
        if ((m = COMPACT.matcher(s)).matches()) {
            return build(text, type, m.group(1), m.group(2), m.group(3), m, 4, 8, 9);
        }
        if ((m = SLASHED.matcher(s)).matches()) {
            if (m.group(1).length() > 2) { // YYYY/MM/DD
                return build(text, type, m.group(1), m.group(2), m.group(3), m, 4, 8, 9);
            }
            return build(text, type, m.group(3), m.group(1), m.group(2), m, 4, 8, 9);
        }
        if ((m = NAMED.matcher(s)).matches()) {
            String monthName = m.group(1) != null ? m.group(1) : m.group(5);
            Integer month = MONTHS.get(monthName);
            if (month == null) {
                throw syntax(type, text);
            }
            String day = m.group(1) != null ? m.group(2) : m.group(4);
            String year = m.group(1) != null ? m.group(3) : m.group(6);
            return build(text, type, year, Integer.toString(month), day, m, 7, 11, 12);
        }
        throw syntax(type, text);
    }

    private static Parsed build(String text, String type, String y, String mo, String d, Matcher m, int timeGroup,
                                int zoneGroup, int eraGroup) {
        int year = Integer.parseInt(y);
        int month = Integer.parseInt(mo);
        int day = Integer.parseInt(d);
        if ("bc".equals(m.group(eraGroup))) {
            if (year == 0) {
                throw range(text, false);
            }
            year = 1 - year;
        } else if (year == 0) {
            throw range(text, false);
        }
        if (month < 1 || month > 12) {
            throw range(text, true);
        }
        LocalDate date;
        try {
            date = LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw range(text, false);
        }
        LocalTime time = LocalTime.MIDNIGHT;
        if (m.group(timeGroup) != null) {
            time = time(text, m.group(timeGroup), m.group(timeGroup + 1), m.group(timeGroup + 2),
                    m.group(timeGroup + 3), null);
            if (time == null) { // 24:00:00 rolls to the next day
                date = date.plusDays(1);
                time = LocalTime.MIDNIGHT;
            }
        }
        String zone = m.group(zoneGroup);
        return new Parsed(date, time, zone == null ? null : offset(text, type, zone), zone == null ? null : zoneId(zone));
    }

    /** Builds a time of day; null means 24:00:00. */
    private static LocalTime time(String text, String h, String mi, String sec, String frac, String ampm) {
        int hour = Integer.parseInt(h);
        int minute = Integer.parseInt(mi);
        int second = sec == null ? 0 : Integer.parseInt(sec);
        long micros = 0;
        if (frac != null && !frac.isEmpty()) {
            String f = (frac + "000000").substring(0, 7);
            micros = (Long.parseLong(f) + 5) / 10; // round to microseconds
        }
        if (ampm != null) {
            if (hour < 1 || hour > 12) {
                throw range(text, false);
            }
            hour = hour % 12 + (ampm.equals("pm") ? 12 : 0);
        }
        if (hour == 24 && minute == 0 && second == 0 && micros == 0) {
            return null;
        }
        if (hour > 23 || minute > 59 || second > 60) {
            throw range(text, false);
        }
        long total = ((hour * 60L + minute) * 60 + second) * 1_000_000L + micros;
        if (total >= Interval.MICROS_PER_DAY) {
            return null;
        }
        return LocalTime.ofNanoOfDay(total * 1000);
    }

    private static ZoneOffset offset(String text, String type, String zone) {
        if (zone.equals("z") || zone.equals("utc") || zone.equals("gmt")) {
            return ZoneOffset.UTC;
        }
        if (zone.charAt(0) == '+' || zone.charAt(0) == '-') {
            String digits = zone.substring(1).replace(":", "");
            int h;
            int mi = 0;
            int se = 0;
            if (digits.length() <= 2) {
                h = Integer.parseInt(digits);
            } else {
                int hl = digits.length() % 2 == 1 ? 1 : 2;
                h = Integer.parseInt(digits.substring(0, hl));
                mi = Integer.parseInt(digits.substring(hl, hl + 2));
                if (digits.length() >= hl + 4) {
                    se = Integer.parseInt(digits.substring(hl + 2, hl + 4));
                }
            }
            int total = (h * 3600 + mi * 60 + se) * (zone.charAt(0) == '-' ? -1 : 1);
            if (h > 15 || mi > 59 || se > 59) {
                throw new SqlException("22008", "time zone displacement out of range: \"" + text + "\"");
            }
            return ZoneOffset.ofTotalSeconds(total);
        }
        return null;
    }

    private static ZoneId zoneId(String zone) {
        if (zone.indexOf('/') < 0) {
            return null;
        }
        for (String id : ZoneId.getAvailableZoneIds()) {
            if (id.equalsIgnoreCase(zone)) {
                return ZoneId.of(id);
            }
        }
        throw new SqlException("22023", "time zone \"" + zone + "\" not recognized");
    }

    /** date_in. */
    public static LocalDate parseDate(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        switch (s) {
            case "infinity", "+infinity":
                return LocalDate.MAX;
            case "-infinity":
                return LocalDate.MIN;
            case "epoch":
                return LocalDate.of(1970, 1, 1);
            case "today", "now":
                return LocalDate.now(ZoneOffset.UTC);
            case "tomorrow":
                return LocalDate.now(ZoneOffset.UTC).plusDays(1);
            case "yesterday":
                return LocalDate.now(ZoneOffset.UTC).minusDays(1);
            default:
                return parse(text, "date").date();
        }
    }

    /** timestamp_in: a written zone is ignored, as PostgreSQL does. */
    public static LocalDateTime parseTimestamp(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        switch (s) {
            case "infinity", "+infinity":
                return LocalDateTime.MAX;
            case "-infinity":
                return LocalDateTime.MIN;
            case "epoch":
                return LocalDateTime.of(1970, 1, 1, 0, 0);
            case "now":
                return LocalDateTime.now(ZoneOffset.UTC);
            case "today":
                return LocalDate.now(ZoneOffset.UTC).atStartOfDay();
            case "tomorrow":
                return LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay();
            case "yesterday":
                return LocalDate.now(ZoneOffset.UTC).minusDays(1).atStartOfDay();
            default:
                Parsed p = parse(text, "timestamp");
                return LocalDateTime.of(p.date(), p.time());
        }
    }

    /** timestamptz_in: without a written zone the session's {@code zone} applies. */
    public static Instant parseTimestamptz(String text, ZoneId sessionZone) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        switch (s) {
            case "infinity", "+infinity":
                return Instant.MAX;
            case "-infinity":
                return Instant.MIN;
            case "epoch":
                return Instant.EPOCH;
            case "now":
                return Instant.now();
            case "today", "tomorrow", "yesterday":
                return parseTimestamp(s).atZone(sessionZone).toInstant();
            default:
                Parsed p = parse(text, "timestamp with time zone");
                LocalDateTime ldt = LocalDateTime.of(p.date(), p.time());
                if (p.offset() != null) {
                    return ldt.toInstant(p.offset());
                }
                return ldt.atZone(p.zone() != null ? p.zone() : sessionZone).toInstant();
        }
    }

    /** time_in: a time of day, optionally with AM/PM; a date part is not accepted here. */
    public static LocalTime parseTime(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = TIME_ONLY.matcher(s);
        if (m.matches()) {
            LocalTime t = time(text, m.group(1), m.group(2), m.group(3), m.group(4), m.group(5));
            if (t == null) {
                throw range(text, false);
            }
            return t;
        }
        if (s.equals("allballs")) {
            return LocalTime.MIDNIGHT;
        }
        try {
            return parse(text, "time without time zone").time();
        } catch (SqlException e) {
            throw syntax("time without time zone", text);
        }
    }

    // ---- output ----

    public static String formatDate(LocalDate d) {
        if (d.equals(LocalDate.MAX)) {
            return "infinity";
        }
        if (d.equals(LocalDate.MIN)) {
            return "-infinity";
        }
        StringBuilder sb = new StringBuilder();
        appendDate(sb, d);
        if (d.getYear() <= 0) {
            sb.append(" BC");
        }
        return sb.toString();
    }

    private static void appendDate(StringBuilder sb, LocalDate d) {
        int year = d.getYear() <= 0 ? 1 - d.getYear() : d.getYear();
        pad(sb, year, 4);
        sb.append('-');
        pad(sb, d.getMonthValue(), 2);
        sb.append('-');
        pad(sb, d.getDayOfMonth(), 2);
    }

    public static String formatTime(LocalTime t) {
        StringBuilder sb = new StringBuilder();
        appendTime(sb, t);
        return sb.toString();
    }

    private static void appendTime(StringBuilder sb, LocalTime t) {
        pad(sb, t.getHour(), 2);
        sb.append(':');
        pad(sb, t.getMinute(), 2);
        sb.append(':');
        pad(sb, t.getSecond(), 2);
        appendFraction(sb, t.getNano() / 1000);
    }

    /** Appends {@code .ffffff} without trailing zeros, nothing for 0. */
    public static void appendFraction(StringBuilder sb, long micros) {
        if (micros == 0) {
            return;
        }
        String f = String.format("%06d", micros);
        int end = f.length();
        while (f.charAt(end - 1) == '0') {
            end--;
        }
        sb.append('.').append(f, 0, end);
    }

    public static String formatTimestamp(LocalDateTime ts) {
        if (ts.equals(LocalDateTime.MAX)) {
            return "infinity";
        }
        if (ts.equals(LocalDateTime.MIN)) {
            return "-infinity";
        }
        StringBuilder sb = new StringBuilder();
        appendDate(sb, ts.toLocalDate());
        sb.append(' ');
        appendTime(sb, ts.toLocalTime());
        if (ts.getYear() <= 0) {
            sb.append(" BC");
        }
        return sb.toString();
    }

    public static String formatTimestamptz(Instant ts, ZoneId zone) {
        if (ts.equals(Instant.MAX)) {
            return "infinity";
        }
        if (ts.equals(Instant.MIN)) {
            return "-infinity";
        }
        LocalDateTime local = LocalDateTime.ofInstant(ts, zone);
        int offset = zone.getRules().getOffset(ts).getTotalSeconds();
        StringBuilder sb = new StringBuilder();
        appendDate(sb, local.toLocalDate());
        sb.append(' ');
        appendTime(sb, local.toLocalTime());
        sb.append(offset < 0 ? '-' : '+');
        int abs = Math.abs(offset);
        pad(sb, abs / 3600, 2);
        if (abs % 3600 != 0) {
            sb.append(':');
            pad(sb, abs / 60 % 60, 2);
            if (abs % 60 != 0) {
                sb.append(':');
                pad(sb, abs % 60, 2);
            }
        }
        if (local.getYear() <= 0) {
            sb.append(" BC");
        }
        return sb.toString();
    }

    private static void pad(StringBuilder sb, long v, int width) {
        String s = Long.toString(v);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        sb.append(s);
    }

    /** The session zone from the TimeZone setting; UTC when unset or unknown. */
    public static ZoneId sessionZone(String setting) {
        if (setting == null || setting.isEmpty()) {
            return ZoneOffset.UTC;
        }
        String s = setting;
        try {
            if (s.equalsIgnoreCase("utc") || s.equalsIgnoreCase("gmt") || s.equalsIgnoreCase("Etc/UTC")) {
                return ZoneOffset.UTC;
            }
            return ZoneId.of(s);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    static SqlException syntaxError(String type, String text) {
        return syntax(type, text);
    }
}
