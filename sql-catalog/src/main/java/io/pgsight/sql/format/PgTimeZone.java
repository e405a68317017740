package io.pgsight.sql.format;

import io.pgsight.sql.api.SqlException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Time zone names as PostgreSQL understands them: IANA names (case-insensitive), the default
 * timezone_abbreviations set (EST, PDT, CET ...) in timestamp input, numeric offsets in input (+05:30), and
 * POSIX-style settings where "UTC+8" means eight hours WEST of Greenwich.
 */
public final class PgTimeZone {
    public static final ZoneId UTC = ZoneOffset.UTC;

    private static final Map<String, ZoneId> BY_LOWER_NAME = new HashMap<>();
    private static final Map<String, Integer> ABBREVIATIONS = new HashMap<>();

    static {
        for (String id : ZoneId.getAvailableZoneIds()) {
            BY_LOWER_NAME.put(id.toLowerCase(Locale.ROOT), ZoneId.of(id));
        }
        String[][] abbrevs = {
            {"utc", "0"}, {"gmt", "0"}, {"ut", "0"}, {"z", "0"}, {"zulu", "0"}, {"wet", "0"},
            {"est", "-18000"}, {"edt", "-14400"}, {"cst", "-21600"}, {"cdt", "-18000"},
            {"mst", "-25200"}, {"mdt", "-21600"}, {"pst", "-28800"}, {"pdt", "-25200"},
            {"akst", "-32400"}, {"akdt", "-28800"}, {"hst", "-36000"}, {"ast", "-14400"}, {"adt", "-10800"},
            {"nst", "-12600"}, {"ndt", "-9000"},
            {"cet", "3600"}, {"cest", "7200"}, {"met", "3600"}, {"mest", "7200"}, {"west", "3600"},
            {"bst", "3600"}, {"eet", "7200"}, {"eest", "10800"}, {"msk", "10800"},
            {"ist", "7200"}, {"idt", "10800"},
            {"jst", "32400"}, {"kst", "32400"}, {"hkt", "28800"}, {"sgt", "28800"}, {"awst", "28800"},
            {"acst", "34200"}, {"acdt", "37800"}, {"aest", "36000"}, {"aedt", "39600"},
            {"nzst", "43200"}, {"nzdt", "46800"}, {"brt", "-10800"}, {"art", "-10800"},
            {"sast", "7200"}, {"wat", "3600"}, {"cat", "7200"}, {"eat", "10800"}, {"pkt", "18000"},
            {"ict", "25200"}, {"wib", "25200"}, {"pht", "28800"},
        };
        for (String[] a : abbrevs) {
            ABBREVIATIONS.put(a[0], Integer.parseInt(a[1]));
        }
    }

    private PgTimeZone() {
    }

    /** An IANA zone by case-insensitive name, or null. */
    public static ZoneId byName(String name) {
        return BY_LOWER_NAME.get(name.toLowerCase(Locale.ROOT));
    }

    /** UTC offset in seconds of a timezone abbreviation from PostgreSQL's Default set, or null. */
    public static Integer abbreviationOffset(String abbrev) {
        return ABBREVIATIONS.get(abbrev.toLowerCase(Locale.ROOT));
    }

    /**
     * The zone for a TimeZone setting value: an IANA name, "UTC"/"GMT", a POSIX "STDoffset" string such as
     * "UTC+8" or "<+08>-8" (offset positive west), or a bare number of hours (SET TIME ZONE -8, east-positive
     * like an interval). Fails with 22023 {@code invalid value for parameter "TimeZone": "x"}.
     */
    public static ZoneId forSetting(String value) {
        String v = value.trim();
        ZoneId z = byName(v);
        if (z != null) {
            return z;
        }
        if (v.matches("[+-]?\\d+(\\.\\d+)?")) {
            double hours = Double.parseDouble(v);
            return ZoneOffset.ofTotalSeconds((int) Math.round(hours * 3600));
        }
        ZoneId posix = posix(v);
        if (posix != null) {
            return posix;
        }
        throw new SqlException(PgErrors.INVALID_PARAMETER_VALUE,
                "invalid value for parameter \"TimeZone\": \"" + value + "\"");
    }

    /**
     * A zone named in a value or in AT TIME ZONE: IANA name, abbreviation, or ISO-style numeric offset ("+05:30",
     * east-positive). Returns null when unknown.
     */
    public static ZoneId forInput(String name) {
        ZoneId z = byName(name);
        if (z != null) {
            return z;
        }
        Integer off = abbreviationOffset(name);
        if (off != null) {
            return ZoneOffset.ofTotalSeconds(off);
        }
        Integer numeric = parseNumericOffset(name);
        if (numeric != null) {
            return ZoneOffset.ofTotalSeconds(numeric);
        }
        return null;
    }

    /**
     * AT TIME ZONE / timezone(zone, ...): abbreviation, then IANA name, then POSIX string (so '+05' and 'UTC+5'
     * mean five hours WEST of Greenwich, as in PostgreSQL). Fails with 22023 {@code time zone "x" not recognized}.
     */
    public static ZoneId forAtTimeZone(String name) {
        Integer off = abbreviationOffset(name);
        if (off != null) {
            return ZoneOffset.ofTotalSeconds(off);
        }
        ZoneId z = byName(name);
        if (z != null) {
            return z;
        }
        ZoneId posix = posix(name);
        if (posix != null) {
            return posix;
        }
        throw new SqlException(PgErrors.INVALID_PARAMETER_VALUE, "time zone \"" + name + "\" not recognized");
    }

    private static ZoneId posix(String v) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(?i)(<[^>]*>|[a-z]{3,})?([+-]?)(\\d{1,2})(?::(\\d{2}))?(?::(\\d{2}))?").matcher(v.trim());
        if (!m.matches()) {
            return null;
        }
        int seconds = Integer.parseInt(m.group(3)) * 3600 + (m.group(4) != null ? Integer.parseInt(m.group(4)) * 60 : 0)
                + (m.group(5) != null ? Integer.parseInt(m.group(5)) : 0);
        if (!m.group(2).equals("-")) {
            seconds = -seconds;
        }
        return Math.abs(seconds) <= 18 * 3600 ? ZoneOffset.ofTotalSeconds(seconds) : null;
    }

    /** "+05", "-0530", "+05:30", "+05:30:15" as east-positive seconds, or null. */
    static Integer parseNumericOffset(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([+-])(\\d{1,2})(?::?(\\d{2}))?(?::?(\\d{2}))?")
                .matcher(s);
        if (!m.matches()) {
            return null;
        }
        int h = Integer.parseInt(m.group(2));
        int mi = m.group(3) != null ? Integer.parseInt(m.group(3)) : 0;
        int se = m.group(4) != null ? Integer.parseInt(m.group(4)) : 0;
        if (h > 15 || mi > 59 || se > 59) {
            return null;
        }
        int total = h * 3600 + mi * 60 + se;
        return m.group(1).equals("-") ? -total : total;
    }
}
