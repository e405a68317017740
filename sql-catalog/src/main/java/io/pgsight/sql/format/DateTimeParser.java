package io.pgsight.sql.format;

import io.pgsight.sql.api.SqlException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decodes date/time input text into fields, following PostgreSQL's ParseDateTime/DecodeDateTime for the forms
 * people write: ISO 8601 (2024-01-01, 2024-01-01T08:00:00Z, 20240101), DateStyle-ordered numeric dates
 * (01/02/2024), textual months (Jan 8 1999, 8-Jan-1999, January 8, 1999), times with fractions, AM/PM, BC,
 * zone offsets, abbreviations and IANA names, and the special words (epoch, infinity, now, today ...).
 */
final class DateTimeParser {
    enum Special { NONE, EPOCH, INFINITY, NEG_INFINITY, NOW, TODAY, TOMORROW, YESTERDAY, ALLBALLS }

    /** What the text said; unset fields are null. */
    static final class Fields {
        Integer year;
        Integer month;
        Integer day;
        boolean bc;
        boolean twoDigitYear;
        Integer hour;
        Integer minute;
        int second;
        long fraction;
        int ampm; // 0 none, 1 am, 2 pm
        Integer tzOffset; // seconds east of UTC
        ZoneId zone;
        Special special = Special.NONE;

        boolean hasDate() {
            return year != null || month != null || day != null;
        }

        boolean hasTime() {
            return hour != null;
        }
    }

    /** Thrown internally; the caller turns it into the PostgreSQL message for its type. */
    static final class DecodeError extends RuntimeException {
        enum Kind { BAD_FORMAT, FIELD_OVERFLOW, MD_FIELD_OVERFLOW, TZ_OVERFLOW }

        final Kind kind;

        DecodeError(Kind kind) {
            super(null, null, false, false);
            this.kind = kind;
        }
    }

    private static DecodeError bad() {
        return new DecodeError(DecodeError.Kind.BAD_FORMAT);
    }

    private static DecodeError overflow() {
        return new DecodeError(DecodeError.Kind.FIELD_OVERFLOW);
    }

    private static DecodeError mdOverflow() {
        return new DecodeError(DecodeError.Kind.MD_FIELD_OVERFLOW);
    }

    /** Maps a decode failure to PostgreSQL's error for the given type name. */
    static SqlException error(DecodeError e, String typeName, String text) {
        switch (e.kind) {
            case FIELD_OVERFLOW:
                return new SqlException(PgErrors.DATETIME_FIELD_OVERFLOW,
                        "date/time field value out of range: \"" + text + "\"");
            case MD_FIELD_OVERFLOW:
                return new SqlException(PgErrors.DATETIME_FIELD_OVERFLOW,
                        "date/time field value out of range: \"" + text + "\"")
                        .withHint("Perhaps you need a different \"datestyle\" setting.");
            case TZ_OVERFLOW:
                return new SqlException(PgErrors.DATETIME_FIELD_OVERFLOW,
                        "time zone displacement out of range: \"" + text + "\"");
            default:
                return new SqlException(PgErrors.INVALID_DATETIME_FORMAT,
                        "invalid input syntax for type " + typeName + ": \"" + text + "\"");
        }
    }

    private static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december"};
    private static final String[] DAYS = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday"};

    private DateTimeParser() {
    }

    static Fields decode(String text, DateTimeSettings.DateOrder order) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        Fields f = new Fields();
        if (s.isEmpty()) {
            throw bad();
        }
        List<String> tokens = tokenize(s);
        List<String> pendingNumbers = new ArrayList<>();
        for (String t : tokens) {
            char c = t.charAt(0);
            if (Character.isDigit(c)) {
                if (t.indexOf(':') >= 0) {
                    decodeTime(t, f);
                } else if (t.indexOf('-') > 0 || t.indexOf('/') > 0 || t.chars().filter(ch -> ch == '.').count() >= 2) {
                    decodeDate(t, f, order);
                } else if (t.indexOf('.') > 0) {
                    throw bad();
                } else {
                    decodeNumber(t, f, pendingNumbers);
                }
            } else if (c == '+' || c == '-') {
                Integer off = PgTimeZone.parseNumericOffset(t);
                if (off == null || f.tzOffset != null || f.zone != null) {
                    throw bad();
                }
                f.tzOffset = off;
            } else {
                decodeWord(t, f);
            }
        }
        assignPendingNumbers(f, pendingNumbers);
        return f;
    }

    /** Splits into fields: whitespace and commas separate; a 'T' between date and time separates; time+zone split. */
    private static List<String> tokenize(String s) {
        List<String> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == ',') {
                i++;
                continue;
            }
            int start = i;
            if (Character.isDigit(c) || c == '.') {
                boolean time = false;
                while (i < n) {
                    char d = s.charAt(i);
                    if (Character.isDigit(d) || d == '.' || d == '/') {
                        i++;
                    } else if (d == ':') {
                        time = true;
                        i++;
                    } else if (d == '-' && !time) {
                        i++;
                    } else if (Character.isLetter(d) && !time) {
                        if (d == 't' && i + 1 < n && Character.isDigit(s.charAt(i + 1)) && i > start) {
                            break;
                        }
                        i++;
                    } else {
                        break;
                    }
                }
                out.add(s.substring(start, i));
                if (i < n && s.charAt(i) == 't') {
                    i++;
                }
                continue;
            }
            if (c == '+' || c == '-') {
                i++;
                while (i < n && (Character.isDigit(s.charAt(i)) || s.charAt(i) == ':')) {
                    i++;
                }
                out.add(s.substring(start, i));
                continue;
            }
            if (Character.isLetter(c)) {
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '/' || s.charAt(i) == '_'
                        || s.charAt(i) == '.' || ((s.charAt(i) == '+' || s.charAt(i) == '-')
                        && s.substring(start, i).indexOf('/') >= 0))) {
                    i++;
                }
                out.add(s.substring(start, i));
                continue;
            }
            throw bad();
        }
        return out;
    }

    private static void decodeTime(String t, Fields f) {
        if (f.hour != null) {
            throw bad();
        }
        String[] parts = t.split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw bad();
        }
        try {
            int h = Integer.parseInt(parts[0]);
            int m = Integer.parseInt(parts[1]);
            int sec = 0;
            long frac = 0;
            if (parts.length == 3) {
                BigDecimal sv = new BigDecimal(parts[2]);
                sec = sv.intValue();
                frac = sv.subtract(BigDecimal.valueOf(sec)).movePointRight(6).setScale(0, RoundingMode.HALF_EVEN)
                        .longValue();
                if (frac == 1_000_000) {
                    sec++;
                    frac = 0;
                }
            }
            if (h < 0 || m < 0 || m > 59 || sec < 0 || sec > 60) {
                throw overflow();
            }
            f.hour = h;
            f.minute = m;
            f.second = sec;
            f.fraction = frac;
        } catch (NumberFormatException e) {
            throw bad();
        }
    }

    private static void decodeDate(String t, Fields f, DateTimeSettings.DateOrder order) {
        if (f.hasDate()) {
            throw bad();
        }
        String[] parts = t.split("[-/.]", -1);
        if (parts.length != 3) {
            throw bad();
        }
        int monthIndex = -1;
        for (int i = 0; i < 3; i++) {
            if (parts[i].isEmpty()) {
                throw bad();
            }
            if (Character.isLetter(parts[i].charAt(0))) {
                if (monthIndex >= 0) {
                    throw bad();
                }
                Integer m = monthOf(parts[i]);
                if (m == null) {
                    throw bad();
                }
                monthIndex = i;
            } else if (!parts[i].chars().allMatch(Character::isDigit)) {
                throw bad();
            }
        }
        if (monthIndex >= 0) {
            f.month = monthOf(parts[monthIndex]);
            String a = monthIndex == 0 ? parts[1] : parts[0];
            String b = monthIndex == 2 ? parts[1] : parts[2];
            if (a.length() > 2 || (monthIndex == 1 && order == DateTimeSettings.DateOrder.YMD)) {
                setYear(f, a);
                f.day = Integer.parseInt(b);
            } else {
                f.day = Integer.parseInt(a);
                setYear(f, b);
            }
            return;
        }
        if (parts[0].length() > 2) {
            setYear(f, parts[0]);
            f.month = Integer.parseInt(parts[1]);
            f.day = Integer.parseInt(parts[2]);
            return;
        }
        switch (order) {
            case DMY:
                f.day = Integer.parseInt(parts[0]);
                f.month = Integer.parseInt(parts[1]);
                setYear(f, parts[2]);
                break;
            case YMD:
                setYear(f, parts[0]);
                f.month = Integer.parseInt(parts[1]);
                f.day = Integer.parseInt(parts[2]);
                break;
            default:
                f.month = Integer.parseInt(parts[0]);
                f.day = Integer.parseInt(parts[1]);
                setYear(f, parts[2]);
                break;
        }
    }

    private static void setYear(Fields f, String digits) {
        if (digits.length() > 9) {
            throw overflow();
        }
        f.year = Integer.parseInt(digits);
        f.twoDigitYear = digits.length() <= 2;
    }

    private static void decodeNumber(String t, Fields f, List<String> pending) {
        int len = t.length();
        if (!f.hasDate() && pending.isEmpty() && f.month == null && (len == 8 || len == 6)) {
            int split = len == 8 ? 4 : 2;
            setYear(f, t.substring(0, split));
            f.month = Integer.parseInt(t.substring(split, split + 2));
            f.day = Integer.parseInt(t.substring(split + 2));
            return;
        }
        if (f.hasDate() && f.year != null && f.month != null && f.day != null && f.hour == null && len == 6) {
            f.hour = Integer.parseInt(t.substring(0, 2));
            f.minute = Integer.parseInt(t.substring(2, 4));
            f.second = Integer.parseInt(t.substring(4));
            return;
        }
        if (len > 9) {
            throw bad();
        }
        pending.add(t);
    }

    /** Numbers accompanying a textual month: a long or large one is the year, otherwise day then year. */
    private static void assignPendingNumbers(Fields f, List<String> pending) {
        for (String t : pending) {
            int v = Integer.parseInt(t);
            if (f.month == null && f.year != null) {
                throw bad();
            }
            if (t.length() > 2 || v > 31) {
                if (f.year != null) {
                    throw bad();
                }
                setYear(f, t);
            } else if (f.day == null) {
                f.day = v;
            } else if (f.year == null) {
                setYear(f, t);
            } else {
                throw bad();
            }
        }
        if (!pending.isEmpty() && f.month == null) {
            throw bad();
        }
    }

    private static Integer monthOf(String w) {
        if (w.equals("sept")) {
            return 9;
        }
        for (int i = 0; i < 12; i++) {
            if (w.equals(MONTHS[i]) || (w.length() == 3 && MONTHS[i].startsWith(w))) {
                return i + 1;
            }
        }
        return null;
    }

    private static boolean isDayName(String w) {
        for (String d : DAYS) {
            if (w.equals(d) || (w.length() == 3 && d.startsWith(w)) || w.equals(d.substring(0, 3) + ".")
                    || w.equals("tues") || w.equals("wednes") || w.equals("thur") || w.equals("thurs")) {
                return true;
            }
        }
        return false;
    }

    private static void decodeWord(String w, Fields f) {
        switch (w) {
            case "epoch":
                f.special = Special.EPOCH;
                return;
            case "infinity":
                f.special = Special.INFINITY;
                return;
            case "now":
                f.special = Special.NOW;
                return;
            case "today":
                f.special = Special.TODAY;
                return;
            case "tomorrow":
                f.special = Special.TOMORROW;
                return;
            case "yesterday":
                f.special = Special.YESTERDAY;
                return;
            case "allballs":
                f.special = Special.ALLBALLS;
                return;
            case "am":
            case "a.m.":
                f.ampm = 1;
                return;
            case "pm":
            case "p.m.":
                f.ampm = 2;
                return;
            case "bc":
            case "b.c.":
                f.bc = true;
                return;
            case "ad":
            case "a.d.":
                return;
            case "t":
                return;
            default:
                break;
        }
        Integer m = monthOf(w);
        if (m != null) {
            if (f.month != null) {
                throw bad();
            }
            f.month = m;
            return;
        }
        if (isDayName(w)) {
            return;
        }
        if (f.tzOffset != null || f.zone != null) {
            throw bad();
        }
        Integer off = PgTimeZone.abbreviationOffset(w);
        if (off != null) {
            f.tzOffset = off;
            return;
        }
        ZoneId z = PgTimeZone.byName(w);
        if (z != null) {
            f.zone = z;
            return;
        }
        throw bad();
    }

    /** ValidateDate: BC/2-digit years, month and day ranges. Returns the ISO year (1 BC = 0). */
    static int validatedYear(Fields f) {
        int y = f.year;
        if (f.bc) {
            if (y <= 0) {
                throw overflow();
            }
            return -(y - 1);
        }
        if (f.twoDigitYear) {
            if (y < 70) {
                return y + 2000;
            }
            if (y < 100) {
                return y + 1900;
            }
            return y;
        }
        if (y <= 0) {
            throw overflow();
        }
        return y;
    }

    /** Days since 2000-01-01 of the decoded date, with PostgreSQL's checks. */
    static long dateDays(Fields f) {
        if (f.year == null || f.month == null || f.day == null) {
            throw bad();
        }
        int year = validatedYear(f);
        if (f.month < 1 || f.month > 12) {
            throw mdOverflow();
        }
        if (f.day < 1 || f.day > 31) {
            throw mdOverflow();
        }
        if (f.day > java.time.YearMonth.of(year, f.month).lengthOfMonth()) {
            throw overflow();
        }
        return java.time.LocalDate.of(year, f.month, f.day).toEpochDay() - 10957;
    }

    /** Microseconds since midnight of the decoded time (0 when absent), with AM/PM and range checks. */
    static long timeMicros(Fields f) {
        if (f.hour == null) {
            if (f.ampm != 0) {
                throw bad();
            }
            return 0;
        }
        int h = f.hour;
        if (f.ampm != 0) {
            if (h < 1 || h > 12) {
                throw overflow();
            }
            if (f.ampm == 1 && h == 12) {
                h = 0;
            } else if (f.ampm == 2 && h != 12) {
                h += 12;
            }
        }
        if (h > 24 || (h == 24 && (f.minute > 0 || f.second > 0 || f.fraction > 0))) {
            throw overflow();
        }
        return ((h * 60L + f.minute) * 60 + f.second) * 1_000_000L + f.fraction;
    }
}
