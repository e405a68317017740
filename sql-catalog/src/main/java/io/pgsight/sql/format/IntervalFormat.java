package io.pgsight.sql.format;

import io.pgsight.sql.api.SqlException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * interval text input (PostgreSQL's DecodeInterval: "1 day 02:00:00", "8 hours", "1 year 2 mons", "@ 3 days ago",
 * ISO 8601 "P1Y2M3DT4H5M6S") and output in IntervalStyle postgres ("1 day 02:00:00", "-1 days +02:03:00") or
 * iso_8601.
 */
public final class IntervalFormat {
    private static final long USECS_PER_SEC = PgInterval.USECS_PER_SEC;
    private static final long USECS_PER_DAY = PgInterval.USECS_PER_DAY;

    private IntervalFormat() {
    }

    static SqlException outOfRange() {
        return new SqlException(PgErrors.DATETIME_FIELD_OVERFLOW, "interval out of range");
    }

    static int toIntChecked(long v) {
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw outOfRange();
        }
        return (int) v;
    }

    private static SqlException invalid(String text) {
        return new SqlException(PgErrors.INVALID_DATETIME_FORMAT,
                "invalid input syntax for type interval: \"" + text + "\"");
    }

    private static SqlException fieldOverflow(String text) {
        return new SqlException("22015", "interval field value out of range: \"" + text + "\"");
    }

    // ---------------------------------------------------------------- output

    /** interval_out, IntervalStyle postgres. */
    public static String format(PgInterval v) {
        int year = v.months() / 12;
        int mon = v.months() % 12;
        int mday = v.days();
        long time = v.micros();
        long hour = time / PgInterval.USECS_PER_HOUR;
        time -= hour * PgInterval.USECS_PER_HOUR;
        long min = time / PgInterval.USECS_PER_MINUTE;
        time -= min * PgInterval.USECS_PER_MINUTE;
        long sec = time / USECS_PER_SEC;
        long fsec = time - sec * USECS_PER_SEC;

        StringBuilder sb = new StringBuilder();
        boolean[] isZero = {true};
        boolean[] isBefore = {false};
        addPart(sb, year, "year", isZero, isBefore);
        addPart(sb, mon, "mon", isZero, isBefore);
        addPart(sb, mday, "day", isZero, isBefore);
        if (isZero[0] || hour != 0 || min != 0 || sec != 0 || fsec != 0) {
            boolean minus = hour < 0 || min < 0 || sec < 0 || fsec < 0;
            if (!isZero[0]) {
                sb.append(' ');
            }
            sb.append(minus ? "-" : isBefore[0] ? "+" : "");
            pad2(sb, Math.abs(hour));
            sb.append(':');
            pad2(sb, Math.abs(min));
            sb.append(':');
            pad2(sb, Math.abs(sec));
            appendFraction(sb, Math.abs(fsec));
        }
        return sb.toString();
    }

    private static void addPart(StringBuilder sb, long value, String unit, boolean[] isZero, boolean[] isBefore) {
        if (value == 0) {
            return;
        }
        if (!isZero[0]) {
            sb.append(' ');
        }
        if (isBefore[0] && value > 0) {
            sb.append('+');
        }
        sb.append(value).append(' ').append(unit);
        if (value != 1) {
            sb.append('s');
        }
        isBefore[0] = value < 0;
        isZero[0] = false;
    }

    static void pad2(StringBuilder sb, long v) {
        if (v < 10) {
            sb.append('0');
        }
        sb.append(v);
    }

    /** Appends ".ffffff" without trailing zeros, nothing when zero. */
    static void appendFraction(StringBuilder sb, long micros) {
        if (micros == 0) {
            return;
        }
        String f = Long.toString(1_000_000 + micros).substring(1);
        int end = f.length();
        while (end > 0 && f.charAt(end - 1) == '0') {
            end--;
        }
        sb.append('.').append(f, 0, end);
    }

    /** interval_out with IntervalStyle iso_8601, e.g. P1Y2M3DT4H5M6.5S. */
    public static String formatIso8601(PgInterval v) {
        int year = v.months() / 12;
        int mon = v.months() % 12;
        long time = v.micros();
        long hour = time / PgInterval.USECS_PER_HOUR;
        time -= hour * PgInterval.USECS_PER_HOUR;
        long min = time / PgInterval.USECS_PER_MINUTE;
        time -= min * PgInterval.USECS_PER_MINUTE;
        long sec = time / USECS_PER_SEC;
        long fsec = time - sec * USECS_PER_SEC;
        if (year == 0 && mon == 0 && v.days() == 0 && hour == 0 && min == 0 && sec == 0 && fsec == 0) {
            return "PT0S";
        }
        StringBuilder sb = new StringBuilder("P");
        if (year != 0) {
            sb.append(year).append('Y');
        }
        if (mon != 0) {
            sb.append(mon).append('M');
        }
        if (v.days() != 0) {
            sb.append(v.days()).append('D');
        }
        if (hour != 0 || min != 0 || sec != 0 || fsec != 0) {
            sb.append('T');
            if (hour != 0) {
                sb.append(hour).append('H');
            }
            if (min != 0) {
                sb.append(min).append('M');
            }
            if (sec != 0 || fsec != 0) {
                if (sec < 0 || fsec < 0) {
                    sb.append('-');
                }
                sb.append(Math.abs(sec));
                appendFraction(sb, Math.abs(fsec));
                sb.append('S');
            }
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- input

    private enum Unit {
        MICROSECOND, MILLISECOND, SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, YEAR, DECADE, CENTURY, MILLENNIUM
    }

    static Unit unitOf(String word) {
        switch (word) {
            case "microsecond": case "microseconds": case "us": case "usec": case "usecs": case "useconds":
            case "usecond":
                return Unit.MICROSECOND;
            case "millisecond": case "milliseconds": case "ms": case "msec": case "msecs": case "mseconds":
            case "msecond":
                return Unit.MILLISECOND;
            case "second": case "seconds": case "s": case "sec": case "secs":
                return Unit.SECOND;
            case "minute": case "minutes": case "m": case "min": case "mins":
                return Unit.MINUTE;
            case "hour": case "hours": case "h": case "hr": case "hrs":
                return Unit.HOUR;
            case "day": case "days": case "d":
                return Unit.DAY;
            case "week": case "weeks": case "w":
                return Unit.WEEK;
            case "month": case "months": case "mon": case "mons":
                return Unit.MONTH;
            case "year": case "years": case "y": case "yr": case "yrs":
                return Unit.YEAR;
            case "decade": case "decades": case "dec": case "decs":
                return Unit.DECADE;
            case "century": case "centuries": case "c": case "cent":
                return Unit.CENTURY;
            case "millennium": case "millennia": case "mil": case "mils": case "millenniums":
                return Unit.MILLENNIUM;
            default:
                return null;
        }
    }

    /** Accumulates fields with long arithmetic; checked for range at the end. */
    private static final class Acc {
        long months;
        long days;
        BigDecimal micros = BigDecimal.ZERO;

        void add(Unit unit, BigDecimal v) {
            BigDecimal whole = v.setScale(0, RoundingMode.DOWN);
            BigDecimal frac = v.subtract(whole);
            switch (unit) {
                case MICROSECOND:
                    micros = micros.add(v);
                    break;
                case MILLISECOND:
                    micros = micros.add(v.multiply(BigDecimal.valueOf(1000)));
                    break;
                case SECOND:
                    micros = micros.add(v.multiply(BigDecimal.valueOf(USECS_PER_SEC)));
                    break;
                case MINUTE:
                    micros = micros.add(v.multiply(BigDecimal.valueOf(PgInterval.USECS_PER_MINUTE)));
                    break;
                case HOUR:
                    micros = micros.add(v.multiply(BigDecimal.valueOf(PgInterval.USECS_PER_HOUR)));
                    break;
                case DAY:
                    days += whole.longValueExact();
                    micros = micros.add(frac.multiply(BigDecimal.valueOf(USECS_PER_DAY)));
                    break;
                case WEEK:
                    addDays(v.multiply(BigDecimal.valueOf(7)));
                    break;
                case MONTH:
                    months += whole.longValueExact();
                    addDays(frac.multiply(BigDecimal.valueOf(30)));
                    break;
                case YEAR:
                    addMonths(v, 12);
                    break;
                case DECADE:
                    addMonths(v, 120);
                    break;
                case CENTURY:
                    addMonths(v, 1200);
                    break;
                default:
                    addMonths(v, 12000);
                    break;
            }
        }

        private void addDays(BigDecimal d) {
            BigDecimal whole = d.setScale(0, RoundingMode.DOWN);
            days += whole.longValueExact();
            micros = micros.add(d.subtract(whole).multiply(BigDecimal.valueOf(USECS_PER_DAY)));
        }

        private void addMonths(BigDecimal v, int perUnit) {
            BigDecimal whole = v.setScale(0, RoundingMode.DOWN);
            months += whole.longValueExact() * perUnit;
            months += v.subtract(whole).multiply(BigDecimal.valueOf(perUnit)).setScale(0, RoundingMode.HALF_EVEN)
                    .longValueExact();
        }
    }

    /** interval_in. */
    public static PgInterval parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            throw invalid(text);
        }
        try {
            Acc acc = s.startsWith("p") ? parseIso(s, text) : parsePostgres(s, text);
            long micros = acc.micros.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
            if (acc.months < Integer.MIN_VALUE || acc.months > Integer.MAX_VALUE || acc.days < Integer.MIN_VALUE
                    || acc.days > Integer.MAX_VALUE) {
                throw fieldOverflow(text);
            }
            return new PgInterval((int) acc.months, (int) acc.days, micros);
        } catch (ArithmeticException | NumberFormatException e) {
            throw fieldOverflow(text);
        }
    }

    private static Acc parsePostgres(String s, String text) {
        List<String> tokens = tokenize(s, text);
        boolean ago = false;
        if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).equals("ago")) {
            ago = true;
            tokens.remove(tokens.size() - 1);
        }
        if (!tokens.isEmpty() && tokens.get(0).equals("@")) {
            tokens.remove(0);
        }
        if (tokens.isEmpty()) {
            throw invalid(text);
        }
        Acc acc = new Acc();
        Unit pending = null; // unit read (right to left) waiting for its number
        Unit bareNumberUnit = Unit.SECOND;
        for (int i = tokens.size() - 1; i >= 0; i--) {
            String t = tokens.get(i);
            if (t.indexOf(':') >= 0) {
                if (pending != null) {
                    throw invalid(text);
                }
                acc.micros = acc.micros.add(parseTime(t, text));
                bareNumberUnit = Unit.DAY;
                continue;
            }
            char c = t.charAt(0);
            if (Character.isLetter(c)) {
                Unit u = unitOf(t);
                if (u == null || pending != null) {
                    throw invalid(text);
                }
                pending = u;
                continue;
            }
            BigDecimal number = parseNumber(t, text);
            Unit u = pending != null ? pending : bareNumberUnit;
            acc.add(u, number);
            pending = null;
        }
        if (pending != null) {
            throw invalid(text);
        }
        if (ago) {
            acc.months = -acc.months;
            acc.days = -acc.days;
            acc.micros = acc.micros.negate();
        }
        return acc;
    }

    /** Splits on spaces and commas, and separates a number from a unit written against it ("10min"). */
    private static List<String> tokenize(String s, String text) {
        List<String> out = new ArrayList<>();
        for (String raw : s.split("[\\s,]+")) {
            if (raw.isEmpty()) {
                continue;
            }
            int i = 0;
            int n = raw.length();
            if (raw.indexOf(':') >= 0 || raw.equals("@")) {
                out.add(raw);
                continue;
            }
            if (raw.charAt(0) == '@') {
                out.add("@");
                raw = raw.substring(1);
                n = raw.length();
                if (n == 0) {
                    continue;
                }
            }
            if (Character.isLetter(raw.charAt(0))) {
                out.add(raw);
                continue;
            }
            while (i < n && !Character.isLetter(raw.charAt(i))) {
                i++;
            }
            out.add(raw.substring(0, i));
            if (i < n) {
                out.add(raw.substring(i));
            }
        }
        return out;
    }

    private static BigDecimal parseNumber(String t, String text) {
        if (!t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)(e[+-]?\\d+)?")) {
            throw invalid(text);
        }
        return new BigDecimal(t.startsWith("+") ? t.substring(1) : t);
    }

    /** [+-]h:mm[:ss[.ffffff]] as microseconds; mm:ss.f when the first field has a fraction point after. */
    private static BigDecimal parseTime(String t, String text) {
        boolean negative = t.startsWith("-");
        String body = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
        String[] parts = body.split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw invalid(text);
        }
        BigDecimal total;
        try {
            long h = Long.parseLong(parts[0]);
            if (parts.length == 2 && parts[1].contains(".")) {
                // mm:ss.fff
                long m = h;
                BigDecimal sec = new BigDecimal(parts[1]);
                checkMinSec(sec.longValue(), text);
                total = BigDecimal.valueOf(m * PgInterval.USECS_PER_MINUTE).add(sec.movePointRight(6));
            } else {
                long m = Long.parseLong(parts[1]);
                checkMinSec(m, text);
                BigDecimal sec = parts.length == 3 ? new BigDecimal(parts[2]) : BigDecimal.ZERO;
                if (sec.signum() < 0 || sec.compareTo(BigDecimal.valueOf(60)) >= 0 || parts[1].isEmpty()) {
                    throw fieldOverflow(text);
                }
                total = BigDecimal.valueOf(h).multiply(BigDecimal.valueOf(PgInterval.USECS_PER_HOUR))
                        .add(BigDecimal.valueOf(m * PgInterval.USECS_PER_MINUTE)).add(sec.movePointRight(6));
            }
        } catch (NumberFormatException e) {
            throw invalid(text);
        }
        return negative ? total.negate() : total;
    }

    private static void checkMinSec(long v, String text) {
        if (v < 0 || v > 59) {
            throw fieldOverflow(text);
        }
    }

    /** ISO 8601 "format with designators": PnYnMnWnDTnHnMnS. */
    private static Acc parseIso(String s, String text) {
        Acc acc = new Acc();
        boolean timePart = false;
        int i = 1;
        int n = s.length();
        if (n == 1) {
            throw invalid(text);
        }
        while (i < n) {
            char c = s.charAt(i);
            if (c == 't') {
                if (timePart) {
                    throw invalid(text);
                }
                timePart = true;
                i++;
                continue;
            }
            int start = i;
            while (i < n && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == '-'
                    || s.charAt(i) == '+')) {
                i++;
            }
            if (start == i || i >= n) {
                throw invalid(text);
            }
            BigDecimal v = parseNumber(s.substring(start, i), text);
            char designator = s.charAt(i++);
            Unit u;
            switch (designator) {
                case 'y':
                    u = timePart ? null : Unit.YEAR;
                    break;
                case 'm':
                    u = timePart ? Unit.MINUTE : Unit.MONTH;
                    break;
                case 'w':
                    u = timePart ? null : Unit.WEEK;
                    break;
                case 'd':
                    u = timePart ? null : Unit.DAY;
                    break;
                case 'h':
                    u = timePart ? Unit.HOUR : null;
                    break;
                case 's':
                    u = timePart ? Unit.SECOND : null;
                    break;
                default:
                    u = null;
            }
            if (u == null) {
                throw invalid(text);
            }
            acc.add(u, v);
        }
        return acc;
    }
}
