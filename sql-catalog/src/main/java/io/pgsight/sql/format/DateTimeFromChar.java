package io.pgsight.sql.format;

import io.pgsight.sql.api.SqlException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/**
 * to_date(text, text), to_timestamp(text, text) and to_timestamp(double precision): the template patterns of
 * {@link DateTimeToChar} read back (YYYY YYY YY Y IYYY MM DD DDD HH HH12 HH24 MI SS MS US FF1-FF6 SSSS AM PM
 * Mon Month Day Dy J TZH TZM, FM/FX prefixes, quoted text), skipping separators leniently as PostgreSQL does
 * outside FX mode. Missing fields default to 0001-01-01 00:00:00.
 */
public final class DateTimeFromChar {
    private static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december"};
    private static final String[] DAYS = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday"};
    private static final String[] KEYWORDS = {"A.M.", "P.M.", "AM", "PM", "B.C.", "A.D.", "BC", "AD", "DAY", "DDD",
        "DD", "DY", "D", "FF1", "FF2", "FF3", "FF4", "FF5", "FF6", "HH24", "HH12", "HH", "IYYY", "IW", "ID", "J",
        "MI", "MM", "MONTH", "MON", "MS", "Q", "SSSSS", "SSSS", "SS", "TZH", "TZM", "TZ", "US", "WW", "W", "Y,YYY",
        "YYYY", "YYY", "YY", "Y", "CC", "RM"};

    private DateTimeFromChar() {
    }

    /** Fields read from the text. */
    private static final class Tm {
        Integer year;
        Integer month;
        Integer day;
        Integer doy;
        Integer julian;
        int hour;
        int minute;
        int second;
        long micros;
        boolean pm;
        boolean am;
        boolean hour12;
        boolean bc;
        Integer tzSeconds;
        Integer tzMinutes;
        boolean twoDigitYear;
    }

    /** to_date(text, fmt). */
    public static int toDate(String text, String format) {
        Tm tm = parse(text, format);
        long days = dateOf(tm, text);
        if (!DateTimeValues.isValidDate(days)) {
            throw new SqlException(PgErrors.DATETIME_FIELD_OVERFLOW, "date out of range: \"" + text + "\"");
        }
        return (int) days;
    }

    /** to_timestamp(text, fmt): the local time is read in zone unless the text gives an offset. */
    public static long toTimestamp(String text, String format, ZoneId zone) {
        Tm tm = parse(text, format);
        long days = dateOf(tm, text);
        int h = tm.hour;
        if (tm.hour12) {
            if (h < 1 || h > 12) {
                throw new SqlException(PgErrors.INVALID_DATETIME_FORMAT,
                        "hour \"" + h + "\" is invalid for the 12-hour clock")
                        .withHint("Use the 24-hour clock, or give an hour between 1 and 12.");
            }
        }
        if (tm.pm && h < 12) {
            h += 12;
        } else if (tm.am && h == 12) {
            h = 0;
        }
        if (h > 24 || tm.minute > 59 || tm.second > 60) {
            throw new SqlException(PgErrors.DATETIME_FIELD_OVERFLOW,
                    "date/time field value out of range: \"" + text + "\"");
        }
        long local = days * PgInterval.USECS_PER_DAY + ((h * 60L + tm.minute) * 60 + tm.second) * 1_000_000L
                + tm.micros;
        long utc;
        if (tm.tzSeconds != null || tm.tzMinutes != null) {
            int hours = tm.tzSeconds == null ? 0 : tm.tzSeconds;
            int minutes = tm.tzMinutes == null ? 0 : tm.tzMinutes;
            int offset = hours * 3600 + (hours < 0 ? -minutes : minutes) * 60;
            utc = local - offset * 1_000_000L;
        } else {
            utc = DateTimeValues.localToUtc(local, zone);
        }
        if (!DateTimeValues.isValidTimestamp(utc)) {
            throw new SqlException(PgErrors.DATETIME_FIELD_OVERFLOW, "timestamp out of range");
        }
        return utc;
    }

    /** to_timestamp(double precision): seconds since 1970-01-01 UTC. */
    public static long toTimestamp(double epochSeconds) {
        if (Double.isNaN(epochSeconds)) {
            throw new SqlException(PgErrors.DATETIME_FIELD_OVERFLOW, "timestamp cannot be NaN");
        }
        if (Double.isInfinite(epochSeconds)) {
            return epochSeconds > 0 ? DateTimeValues.TS_POS_INFINITY : DateTimeValues.TS_NEG_INFINITY;
        }
        double micros = Math.rint(epochSeconds * 1_000_000.0) + DateTimeValues.UNIX_EPOCH_MICROS;
        if (micros < DateTimeValues.MIN_TIMESTAMP || micros >= DateTimeValues.END_TIMESTAMP) {
            throw new SqlException(PgErrors.DATETIME_FIELD_OVERFLOW,
                    "timestamp out of range: \"" + FloatFormat.formatG(epochSeconds, 15) + "\"");
        }
        return (long) micros;
    }

    private static long dateOf(Tm tm, String text) {
        try {
            if (tm.julian != null) {
                return (long) tm.julian - DateTimeValues.POSTGRES_EPOCH_JDATE;
            }
            int year = tm.year == null ? 1 : tm.year;
            if (tm.twoDigitYear) {
                year = year < 70 ? year + 2000 : year + 1900;
            }
            if (tm.bc) {
                year = -(year - 1);
            }
            if (tm.doy != null && tm.month == null && tm.day == null) {
                return LocalDate.ofYearDay(year, tm.doy).toEpochDay() - 10957;
            }
            int month = tm.month == null ? 1 : tm.month;
            int day = tm.day == null ? 1 : tm.day;
            if (month < 1 || month > 12 || day < 1 || day > 31) {
                throw new java.time.DateTimeException("range");
            }
            return LocalDate.of(year, month, day).toEpochDay() - 10957;
        } catch (java.time.DateTimeException e) {
            throw new SqlException(PgErrors.DATETIME_FIELD_OVERFLOW,
                    "date/time field value out of range: \"" + text + "\"");
        }
    }

    private static Tm parse(String text, String fmt) {
        Tm tm = new Tm();
        int p = 0; // position in text
        int n = text.length();
        int i = 0;
        boolean fx = false;
        while (i < fmt.length()) {
            char c = fmt.charAt(i);
            if (c == '"') {
                int close = fmt.indexOf('"', i + 1);
                int end = close < 0 ? fmt.length() : close;
                p = Math.min(n, p + (end - i - 1));
                i = end + 1;
                continue;
            }
            if (fmt.regionMatches(true, i, "FM", 0, 2)) {
                i += 2;
                continue;
            }
            if (fmt.regionMatches(true, i, "FX", 0, 2)) {
                fx = true;
                i += 2;
                continue;
            }
            String kw = null;
            for (String k : KEYWORDS) {
                if (fmt.regionMatches(true, i, k, 0, k.length())) {
                    kw = k;
                    break;
                }
            }
            if (kw == null) {
                // a separator or literal: matches one input separator, or whitespace runs
                if (Character.isWhitespace(c)) {
                    while (p < n && Character.isWhitespace(text.charAt(p))) {
                        p++;
                    }
                } else if (p < n && !Character.isLetterOrDigit(text.charAt(p))) {
                    p++;
                } else if (fx && p < n) {
                    p++;
                }
                i++;
                continue;
            }
            i += kw.length();
            if (i + 1 < fmt.length() + 1 && fmt.regionMatches(true, i, "TH", 0, 2)) {
                i += 2;
            }
            if (!fx) {
                while (p < n && Character.isWhitespace(text.charAt(p))) {
                    p++;
                }
            }
            p = readField(kw, text, p, tm, nextIsDigitField(fmt, i));
        }
        return tm;
    }

    private static boolean nextIsDigitField(String fmt, int i) {
        return i < fmt.length() && (Character.isLetter(fmt.charAt(i)));
    }

    private static int readField(String kw, String text, int p, Tm tm, boolean adjacent) {
        switch (kw) {
            case "A.M.":
            case "P.M.":
            case "AM":
            case "PM": {
                String word = kw.length() == 4 ? (text.regionMatches(true, p, "P.M.", 0, 4) ? "pm"
                        : text.regionMatches(true, p, "A.M.", 0, 4) ? "am" : null)
                        : (text.regionMatches(true, p, "PM", 0, 2) ? "pm"
                        : text.regionMatches(true, p, "AM", 0, 2) ? "am" : null);
                if (word == null) {
                    throw invalidValue(text.substring(p, Math.min(text.length(), p + kw.length())), kw);
                }
                tm.pm = word.equals("pm");
                tm.am = word.equals("am");
                return p + kw.length();
            }
            case "B.C.":
            case "A.D.":
            case "BC":
            case "AD": {
                boolean bc = text.regionMatches(true, p, kw.length() == 4 ? "B.C." : "BC", 0, kw.length());
                tm.bc = bc;
                return p + kw.length();
            }
            case "MONTH":
            case "MON":
            case "DAY":
            case "DY": {
                String[] names = kw.startsWith("MON") ? MONTHS : DAYS;
                boolean full = kw.equals("MONTH") || kw.equals("DAY");
                for (int pass = full ? 0 : 1; pass < 2; pass++) {
                    for (int k = 0; k < names.length; k++) {
                        int len = pass == 0 ? names[k].length() : 3;
                        if (text.regionMatches(true, p, names[k], 0, len)) {
                            if (kw.startsWith("MON")) {
                                tm.month = k + 1;
                            }
                            return p + len;
                        }
                    }
                }
                throw invalidValue(text.substring(p, Math.min(text.length(), p + kw.length())), kw);
            }
            default:
                break;
        }
        int maxDigits = maxDigits(kw, adjacent);
        int start = p;
        boolean negative = false;
        if (p < text.length() && (text.charAt(p) == '-' || text.charAt(p) == '+')
                && (kw.equals("TZH") || kw.equals("J") || kw.startsWith("Y"))) {
            negative = text.charAt(p) == '-';
            p++;
        }
        int digitsStart = p;
        while (p < text.length() && p - digitsStart < maxDigits
                && (Character.isDigit(text.charAt(p)) || (kw.equals("Y,YYY") && text.charAt(p) == ','))) {
            p++;
        }
        if (p == digitsStart) {
            if (start >= text.length()) {
                throw new SqlException(PgErrors.INVALID_DATETIME_FORMAT,
                        "source string too short for \"" + kw + "\" formatting field")
                        .withDetail("Field requires " + Math.max(1, Math.min(maxDigits, 4)) + " characters, but only 0 remain.")
                        .withHint("If your source string is not fixed-width, try using the \"FM\" modifier.");
            }
            throw invalidValue(text.substring(start, Math.min(text.length(), start + Math.min(maxDigits, 4))), kw)
                    .withDetail("Value must be an integer.");
        }
        String digits = text.substring(digitsStart, p).replace(",", "");
        long v = Long.parseLong(digits);
        if (negative) {
            v = -v;
        }
        int value = (int) v;
        switch (kw) {
            case "YYYY":
            case "IYYY":
            case "Y,YYY":
                tm.year = value;
                break;
            case "YYY":
                tm.year = digits.length() < 3 ? value : value < 500 ? value + 2000 : value + 1000;
                break;
            case "YY":
                tm.year = digits.length() <= 2 ? (value < 70 ? value + 2000 : value + 1900) : value;
                break;
            case "Y":
                tm.year = value + 2000;
                break;
            case "CC":
                if (tm.year == null) {
                    tm.year = (value - 1) * 100 + 1;
                }
                break;
            case "MM":
                tm.month = value;
                break;
            case "DD":
                tm.day = value;
                break;
            case "DDD":
                tm.doy = value;
                break;
            case "J":
                tm.julian = value;
                break;
            case "HH":
            case "HH12":
                tm.hour = value;
                tm.hour12 = true;
                break;
            case "HH24":
                tm.hour = value;
                break;
            case "MI":
                tm.minute = value;
                break;
            case "SS":
                tm.second = value;
                break;
            case "SSSS":
            case "SSSSS":
                tm.hour = value / 3600;
                tm.minute = value / 60 % 60;
                tm.second = value % 60;
                break;
            case "MS":
                tm.micros = v * (long) Math.pow(10, 3 - digits.length()) * 1000;
                break;
            case "US":
            case "FF1": case "FF2": case "FF3": case "FF4": case "FF5": case "FF6":
                tm.micros = v * (long) Math.pow(10, 6 - digits.length());
                break;
            case "TZH":
                tm.tzSeconds = value;
                break;
            case "TZM":
                tm.tzMinutes = value;
                break;
            default:
                break; // D, W, WW, IW, ID, Q, RM, TZ are accepted and ignored
        }
        return p;
    }

    private static int maxDigits(String kw, boolean adjacent) {
        switch (kw) {
            case "YYYY":
            case "IYYY":
                return adjacent ? 4 : 9;
            case "Y,YYY":
                return 9;
            case "YYY":
            case "DDD":
            case "MS":
                return 3;
            case "Y":
            case "D":
            case "ID":
            case "Q":
            case "W":
            case "FF1":
                return 1;
            case "US":
            case "FF6":
                return 6;
            case "FF2":
                return 2;
            case "FF3":
                return 3;
            case "FF4":
                return 4;
            case "FF5":
                return 5;
            case "J":
                return 9;
            case "SSSS":
            case "SSSSS":
                return 5;
            default:
                return 2;
        }
    }

    private static SqlException invalidValue(String value, String kw) {
        return new SqlException(PgErrors.INVALID_DATETIME_FORMAT,
                "invalid value \"" + value + "\" for \"" + kw.toUpperCase(Locale.ROOT) + "\"");
    }
}
