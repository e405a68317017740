package io.pgsight.sql.format;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * to_char(timestamp|timestamptz|date|interval, text) with PostgreSQL's template patterns (formatting.c):
 * YYYY YYY YY Y Y,YYY IYYY MM Mon MON mon Month MONTH month DD DDD D ID Day DAY day Dy DY dy HH HH12 HH24 MI
 * SS MS US FF1-FF6 SSSS AM PM A.M. P.M. BC AD B.C. A.D. Q WW W IW CC J RM TZ tz OF TZH TZM, the FM prefix, the
 * TH/th suffix, "quoted text" and backslash escapes. Month and day names are padded to 9 characters unless FM.
 */
public final class DateTimeToChar {
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    private static final String[] DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
        "Saturday"};
    private static final String[] ROMAN_MONTHS = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
        "XI", "XII"};

    /** Keywords, longest first where one is a prefix of another. Case variants handled in code. */
    private static final String[] KEYWORDS = {"A.D.", "A.M.", "AD", "AM", "B.C.", "BC", "CC", "DAY", "DDD", "DD",
        "DY", "D", "FF1", "FF2", "FF3", "FF4", "FF5", "FF6", "FX", "HH24", "HH12", "HH", "IDDD", "ID", "IW", "IYYY",
        "IYY", "IY", "I", "J", "MI", "MM", "MONTH", "MON", "MS", "OF", "P.M.", "PM", "Q", "RM", "SSSSS", "SSSS", "SS",
        "TZH", "TZM", "TZ", "US", "WW", "W", "Y,YYY", "YYYY", "YYY", "YY", "Y"};

    private DateTimeToChar() {
    }

    /** Broken-down time used by the formatter; year is ISO (1 BC = 0) unless interval. */
    private record Tm(long year, int month, int day, long hour, int minute, int second, long micros, int doy,
                      int dow, int isoYear, int isoWeek, int isoDow, long julian, boolean interval, Integer offset,
                      String zoneAbbrev) {
    }

    public static String timestamp(long ts, String format) {
        if (!DateTimeValues.isFinite(ts)) {
            return null;
        }
        return format(tmOf(ts, null, null), format);
    }

    public static String timestamptz(long tstz, String format, ZoneId zone) {
        if (!DateTimeValues.isFinite(tstz)) {
            return null;
        }
        int offset = DateTimeValues.offsetAt(zone, tstz);
        String abbrev = zoneAbbreviation(zone, tstz, offset);
        return format(tmOf(tstz + offset * 1_000_000L, offset, abbrev), format);
    }

    public static String date(int date, String format) {
        if (!DateTimeValues.isFinite(date)) {
            return null;
        }
        return timestamp(DateTimeValues.dateToTimestamp(date), format);
    }

    public static String interval(PgInterval v, String format) {
        long time = v.micros();
        long hour = time / PgInterval.USECS_PER_HOUR;
        long rem = time - hour * PgInterval.USECS_PER_HOUR;
        int minute = (int) (rem / PgInterval.USECS_PER_MINUTE);
        rem -= minute * PgInterval.USECS_PER_MINUTE;
        int second = (int) (rem / 1_000_000);
        long micros = rem % 1_000_000;
        Tm tm = new Tm(v.months() / 12, v.months() % 12, v.days(), hour, minute, second, micros, 0, 0, 0, 0, 0, 0,
                true, null, null);
        return format(tm, format);
    }

    private static String zoneAbbreviation(ZoneId zone, long tstz, int offset) {
        if (offset == 0 && (zone.getId().equals("Z") || zone.getId().equalsIgnoreCase("UTC")
                || zone.getId().equals("Etc/UTC"))) {
            return "UTC";
        }
        if (zone instanceof java.time.ZoneOffset) {
            StringBuilder sb = new StringBuilder();
            DateTimeFormat.appendOffset(sb, offset);
            return sb.toString();
        }
        boolean dst = zone.getRules().isDaylightSavings(DateTimeValues.toInstant(tstz));
        String name = java.time.format.DateTimeFormatter.ofPattern("zzz", Locale.ROOT)
                .format(DateTimeValues.toInstant(tstz).atZone(zone));
        if (name.startsWith("GMT") || name.startsWith("UTC") && name.length() > 3) {
            StringBuilder sb = new StringBuilder();
            DateTimeFormat.appendOffset(sb, offset);
            return sb.toString();
        }
        return dst && name.isEmpty() ? "" : name;
    }

    private static Tm tmOf(long localTs, Integer offset, String abbrev) {
        LocalDateTime t = DateTimeValues.toLocalDateTime(localTs);
        java.time.LocalDate d = t.toLocalDate();
        long micros = t.getNano() / 1000;
        return new Tm(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(),
                micros, d.getDayOfYear(), d.getDayOfWeek().getValue() % 7, d.get(IsoFields.WEEK_BASED_YEAR),
                d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), d.getDayOfWeek().getValue(),
                DateTimeValues.timestampToDate(localTs) + (long) DateTimeValues.POSTGRES_EPOCH_JDATE, false, offset,
                abbrev);
    }

    private static String format(Tm tm, String fmt) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = fmt.length();
        while (i < n) {
            char c = fmt.charAt(i);
            if (c == '"') {
                i++;
                while (i < n && fmt.charAt(i) != '"') {
                    if (fmt.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    out.append(fmt.charAt(i++));
                }
                i++;
                continue;
            }
            if (c == '\\' && i + 1 < n) {
                out.append(fmt.charAt(i + 1));
                i += 2;
                continue;
            }
            boolean fm = false;
            int j = i;
            while (true) {
                if (fmt.regionMatches(true, j, "FM", 0, 2)) {
                    fm = true;
                    j += 2;
                } else if (fmt.regionMatches(true, j, "TM", 0, 2) || fmt.regionMatches(true, j, "FX", 0, 2)) {
                    j += 2;
                } else {
                    break;
                }
            }
            String kw = matchKeyword(fmt, j);
            if (kw == null) {
                if (j > i) {
                    i = j;
                    continue;
                }
                out.append(c);
                i++;
                continue;
            }
            String original = fmt.substring(j, j + kw.length());
            j += kw.length();
            String th = null;
            if (j + 1 < n + 0 && fmt.regionMatches(false, j, "TH", 0, 2)) {
                th = "TH";
                j += 2;
            } else if (j + 1 < n + 0 && fmt.regionMatches(false, j, "th", 0, 2)) {
                th = "th";
                j += 2;
            }
            out.append(render(kw, original, tm, fm, th));
            i = j;
        }
        return out.toString();
    }

    private static String matchKeyword(String fmt, int at) {
        for (String kw : KEYWORDS) {
            if (fmt.regionMatches(true, at, kw, 0, kw.length())) {
                return kw;
            }
        }
        return null;
    }

    /** Case style of a text keyword as written: 0 = UPPER, 1 = Capitalized, 2 = lower. */
    private static int caseStyle(String original) {
        if (original.equals(original.toUpperCase(Locale.ROOT))) {
            return 0;
        }
        return Character.isUpperCase(original.charAt(0)) ? 1 : 2;
    }

    private static String styled(String name, int style) {
        switch (style) {
            case 0:
                return name.toUpperCase(Locale.ROOT);
            case 2:
                return name.toLowerCase(Locale.ROOT);
            default:
                return name;
        }
    }

    private static String num(long v, int width, boolean fm, String th) {
        String s;
        if (fm || width == 0) {
            s = Long.toString(v);
        } else {
            String digits = Long.toString(Math.abs(v));
            StringBuilder sb = new StringBuilder();
            if (v < 0) {
                sb.append('-');
            }
            for (int k = digits.length(); k < width; k++) {
                sb.append('0');
            }
            s = sb.append(digits).toString();
        }
        return th == null ? s : s + ordinal(v, th);
    }

    private static String ordinal(long v, String th) {
        long a = Math.abs(v);
        String suffix;
        if (a % 100 >= 11 && a % 100 <= 13) {
            suffix = "th";
        } else if (a % 10 == 1) {
            suffix = "st";
        } else if (a % 10 == 2) {
            suffix = "nd";
        } else if (a % 10 == 3) {
            suffix = "rd";
        } else {
            suffix = "th";
        }
        return th.equals("TH") ? suffix.toUpperCase(Locale.ROOT) : suffix;
    }

    private static String padRight(String s, int width, boolean fm) {
        if (fm) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s);
        while (sb.length() < width) {
            sb.append(' ');
        }
        return sb.toString();
    }

    private static String render(String kw, String original, Tm tm, boolean fm, String th) {
        long year = tm.interval() ? tm.year() : tm.year() <= 0 ? -(tm.year() - 1) : tm.year();
        boolean bc = !tm.interval() && tm.year() <= 0;
        long hour12 = tm.hour() % 12 == 0 ? 12 : tm.hour() % 12;
        switch (kw) {
            case "A.D.":
            case "B.C.":
                return styled(bc ? "B.C." : "A.D.", caseStyle(original) == 2 ? 2 : 0);
            case "AD":
            case "BC":
                return styled(bc ? "BC" : "AD", caseStyle(original) == 2 ? 2 : 0);
            case "A.M.":
            case "P.M.":
                return styled(tm.hour() % 24 >= 12 ? "P.M." : "A.M.", caseStyle(original) == 2 ? 2 : 0);
            case "AM":
            case "PM":
                return styled(tm.hour() % 24 >= 12 ? "PM" : "AM", caseStyle(original) == 2 ? 2 : 0);
            case "CC": {
                long cc = tm.interval() ? tm.year() / 100 : tm.year() > 0 ? (tm.year() - 1) / 100 + 1
                        : tm.year() / 100 - 1;
                return num(cc, cc >= 0 ? 2 : 3, fm, th);
            }
            case "DAY":
            case "DY": {
                String name = DAYS[tm.dow()];
                if (kw.equals("DY")) {
                    return styled(name.substring(0, 3), caseStyle(original));
                }
                return padRight(styled(name, caseStyle(original)), 9, fm);
            }
            case "DDD":
                return num(tm.doy(), 3, fm, th);
            case "DD":
                return num(tm.day(), 2, fm, th);
            case "D":
                return num(tm.dow() + 1, 0, fm, th);
            case "ID":
                return num(tm.isoDow(), 0, fm, th);
            case "IDDD":
                return num((tm.isoWeek() - 1) * 7L + tm.isoDow(), 3, fm, th);
            case "FF1": case "FF2": case "FF3": case "FF4": case "FF5": case "FF6": {
                int digits = kw.charAt(2) - '0';
                long v = tm.micros() / (long) Math.pow(10, 6 - digits);
                return num(v, digits, false, th);
            }
            case "FX":
                return "";
            case "HH24":
                return num(tm.hour(), 2, fm, th);
            case "HH12":
            case "HH":
                return num(hour12, 2, fm, th);
            case "IW":
                return num(tm.isoWeek(), 2, fm, th);
            case "IYYY":
                return num(tm.isoYear(), 4, fm, th);
            case "IYY":
                return num(tm.isoYear() % 1000, 3, fm, th);
            case "IY":
                return num(tm.isoYear() % 100, 2, fm, th);
            case "I":
                return num(tm.isoYear() % 10, 1, fm, th);
            case "J":
                return num(tm.julian(), 0, fm, th);
            case "MI":
                return num(tm.minute(), 2, fm, th);
            case "MM":
                return num(tm.month(), 2, fm, th);
            case "MONTH":
            case "MON": {
                if (tm.month() < 1) {
                    return "";
                }
                String name = MONTHS[tm.month() - 1];
                if (kw.equals("MON")) {
                    return styled(name.substring(0, 3), caseStyle(original));
                }
                return padRight(styled(name, caseStyle(original)), 9, fm);
            }
            case "MS":
                return num(tm.micros() / 1000, 3, fm, th);
            case "US":
                return num(tm.micros(), 6, fm, th);
            case "OF": {
                if (tm.offset() == null) {
                    return "";
                }
                StringBuilder sb = new StringBuilder();
                DateTimeFormat.appendOffset(sb, tm.offset());
                return sb.toString();
            }
            case "TZH": {
                if (tm.offset() == null) {
                    return "";
                }
                int h = Math.abs(tm.offset()) / 3600;
                return (tm.offset() < 0 ? "-" : "+") + (h < 10 ? "0" : "") + h;
            }
            case "TZM": {
                if (tm.offset() == null) {
                    return "";
                }
                return num(Math.abs(tm.offset()) / 60 % 60, 2, fm, null);
            }
            case "TZ": {
                String z = tm.zoneAbbrev() == null ? "" : tm.zoneAbbrev();
                return caseStyle(original) == 2 ? z.toLowerCase(Locale.ROOT) : z;
            }
            case "Q":
                return tm.month() < 1 ? "" : num((tm.month() - 1) / 3 + 1, 0, fm, th);
            case "RM": {
                if (tm.month() < 1) {
                    return "";
                }
                String r = ROMAN_MONTHS[tm.month() - 1];
                return padRight(caseStyle(original) == 2 ? r.toLowerCase(Locale.ROOT) : r, 4, fm);
            }
            case "SSSSS":
            case "SSSS":
                return num(tm.hour() * 3600 + tm.minute() * 60L + tm.second(), 0, fm, th);
            case "SS":
                return num(tm.second(), 2, fm, th);
            case "WW":
                return num((tm.doy() - 1) / 7 + 1, 2, fm, th);
            case "W":
                return num((tm.day() - 1) / 7 + 1, 0, fm, th);
            case "Y,YYY":
                return (year / 1000) + "," + String.format("%03d", year % 1000);
            case "YYYY":
                return num(year, 4, fm, th);
            case "YYY":
                return num(year % 1000, 3, fm, th);
            case "YY":
                return num(year % 100, 2, fm, th);
            case "Y":
                return num(year % 10, 1, fm, th);
            default:
                return original;
        }
    }
}
