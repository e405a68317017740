package io.pgsight.sql.builtin.types;

import io.pgsight.sql.api.SqlException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * interval text: input in PostgreSQL's verbose form ({@code 1 year 2 mons 3 days 04:05:06},
 * {@code 90 minutes}, {@code @ 1 hour ago}) and ISO 8601 ({@code P1DT2H}); output in IntervalStyle
 * postgres ({@code 1 year 2 mons -3 days +04:05:06.5}).
 */
public final class IntervalText {
    private static final Pattern TOKEN = Pattern.compile(
            "([+-]?\\d+):(\\d+)(?::(\\d+(?:\\.\\d*)?))?|([+-]?(?:\\d+\\.?\\d*|\\.\\d+))\\s*([a-z]+)?|(ago)|(@)");
    private static final Pattern ISO = Pattern.compile(
            "p(?:([+-]?\\d+(?:\\.\\d+)?)y)?(?:([+-]?\\d+(?:\\.\\d+)?)m)?(?:([+-]?\\d+(?:\\.\\d+)?)w)?(?:([+-]?\\d+(?:\\.\\d+)?)d)?"
                    + "(?:t(?:([+-]?\\d+(?:\\.\\d+)?)h)?(?:([+-]?\\d+(?:\\.\\d+)?)m)?(?:([+-]?\\d+(?:\\.\\d+)?)s)?)?");

    private IntervalText() {
    }

    private static SqlException syntax(String text) {
        return new SqlException("22007", "invalid input syntax for type interval: \"" + text + "\"");
    }

    /** Accumulates fields, cascading fractions down (1.5 days = 1 day 12:00:00) as PostgreSQL does. */
    private static final class Acc {
        long months;
        long days;
        BigDecimal micros = BigDecimal.ZERO;

        void add(BigDecimal amount, String unit, String text) {
            switch (unit) {
                case "millennium", "millennia", "millenniums", "mil", "mils" -> months(amount.multiply(BigDecimal.valueOf(12000)));
                case "century", "centuries", "cent", "c" -> months(amount.multiply(BigDecimal.valueOf(1200)));
                case "decade", "decades", "dec", "decs" -> months(amount.multiply(BigDecimal.valueOf(120)));
                case "year", "years", "y", "yr", "yrs" -> months(amount.multiply(BigDecimal.valueOf(12)));
                case "month", "months", "mon", "mons" -> months(amount);
                case "week", "weeks", "w" -> days(amount.multiply(BigDecimal.valueOf(7)));
                case "day", "days", "d" -> days(amount);
                case "hour", "hours", "h", "hr", "hrs" -> micros = micros.add(amount.multiply(BigDecimal.valueOf(3_600_000_000L)));
                case "minute", "minutes", "min", "mins", "m" -> micros = micros.add(amount.multiply(BigDecimal.valueOf(60_000_000L)));
                case "second", "seconds", "sec", "secs", "s" -> micros = micros.add(amount.multiply(BigDecimal.valueOf(1_000_000L)));
                case "millisecond", "milliseconds", "ms", "msec", "msecs" -> micros = micros.add(amount.multiply(BigDecimal.valueOf(1000)));
                case "microsecond", "microseconds", "us", "usec", "usecs" -> micros = micros.add(amount);
                default -> throw syntax(text);
            }
        }

        void months(BigDecimal m) {
            BigDecimal whole = m.setScale(0, RoundingMode.DOWN);
            months += whole.longValueExact();
            days(m.subtract(whole).multiply(BigDecimal.valueOf(30)));
        }

        void days(BigDecimal d) {
            BigDecimal whole = d.setScale(0, RoundingMode.DOWN);
            days += whole.longValueExact();
            micros = micros.add(d.subtract(whole).multiply(BigDecimal.valueOf(Interval.MICROS_PER_DAY)));
        }

        Interval build(String text, boolean negate) {
            long us = micros.setScale(0, RoundingMode.HALF_EVEN).longValue();
            long m = negate ? -months : months;
            long d = negate ? -days : days;
            if (negate) {
                us = -us;
            }
            if (m != (int) m || d != (int) d) {
                throw new SqlException("22015", "interval field value out of range: \"" + text + "\"");
            }
            return new Interval((int) m, (int) d, us);
        }
    }

    public static Interval parse(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            throw syntax(text);
        }
        if (s.startsWith("p")) {
            return parseIso(text, s);
        }
        Acc acc = new Acc();
        boolean ago = false;
        boolean any = false;
        int pos = 0;
        Matcher m = TOKEN.matcher(s);
        while (pos < s.length()) {
            if (Character.isWhitespace(s.charAt(pos)) || s.charAt(pos) == ',') {
                pos++;
                continue;
            }
            if (!m.find(pos) || m.start() != pos || ago) {
                throw syntax(text);
            }
            pos = m.end();
            if (m.group(7) != null) {
                continue;
            }
            if (m.group(6) != null) {
                ago = true;
                continue;
            }
            any = true;
            if (m.group(1) != null) {
                boolean negative = m.group(1).startsWith("-");
                BigDecimal h = new BigDecimal(m.group(1)).abs();
                BigDecimal total = h.multiply(BigDecimal.valueOf(3_600_000_000L))
                        .add(new BigDecimal(m.group(2)).multiply(BigDecimal.valueOf(60_000_000L)));
                if (m.group(3) != null) {
                    total = total.add(new BigDecimal(m.group(3)).multiply(BigDecimal.valueOf(1_000_000L)));
                }
                acc.micros = acc.micros.add(negative ? total.negate() : total);
            } else {
                BigDecimal amount = new BigDecimal(m.group(4));
                acc.add(amount, m.group(5) == null ? "s" : m.group(5), text);
            }
        }
        if (!any) {
            throw syntax(text);
        }
        return acc.build(text, ago);
    }

    private static Interval parseIso(String text, String s) {
        Matcher m = ISO.matcher(s);
        if (!m.matches() || s.equals("p") || s.endsWith("t")) {
            throw syntax(text);
        }
        String[] units = {"y", "mon", "w", "d", "h", "min", "s"};
        Acc acc = new Acc();
        for (int i = 0; i < units.length; i++) {
            if (m.group(i + 1) != null) {
                acc.add(new BigDecimal(m.group(i + 1)), units[i], text);
            }
        }
        return acc.build(text, false);
    }

    /** IntervalStyle postgres. */
    public static String format(Interval iv) {
        StringBuilder sb = new StringBuilder();
        int years = iv.months() / 12;
        int mons = iv.months() % 12;
        boolean[] state = {false, true}; // isBefore, isZero
        part(sb, years, "year", state);
        part(sb, mons, "mon", state);
        part(sb, iv.days(), "day", state);
        long us = iv.micros();
        if (state[1] || us != 0) {
            boolean minus = us < 0;
            long abs = Math.abs(us);
            long hours = abs / 3_600_000_000L;
            long minutes = abs / 60_000_000L % 60;
            long seconds = abs / 1_000_000L % 60;
            long frac = abs % 1_000_000L;
            if (!state[1]) {
                sb.append(' ');
            }
            sb.append(minus ? "-" : (state[0] ? "+" : ""));
            sb.append(hours < 10 ? "0" : "").append(hours).append(':');
            sb.append(minutes < 10 ? "0" : "").append(minutes).append(':');
            sb.append(seconds < 10 ? "0" : "").append(seconds);
            DateTimeText.appendFraction(sb, frac);
        }
        return sb.toString();
    }

    private static void part(StringBuilder sb, int value, String unit, boolean[] state) {
        if (value == 0) {
            return;
        }
        if (!state[1]) {
            sb.append(' ');
        }
        sb.append(state[0] && value > 0 ? "+" : "").append(value).append(' ').append(unit).append(value != 1 ? "s" : "");
        state[0] = value < 0;
        state[1] = false;
    }
}
