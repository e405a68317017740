package io.pgsight.sql.builtin.datetime;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.builtin.CatalogWriter;
import io.pgsight.sql.builtin.numeric.Numerics;
import io.pgsight.sql.builtin.types.Interval;
import io.pgsight.sql.builtin.types.IntervalText;
import io.pgsight.sql.spi.FunctionContext;
import io.pgsight.sql.spi.Volatility;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Date/time functions (manual 9.9): date_part, extract, date_trunc, age, to_char, to_timestamp,
 * to_date, make_date/time/timestamp/interval, justify_*, isfinite, clock_timestamp, timezone().
 * now(), current_date and the other statement-time values are the engine's (they need the
 * transaction start time).
 */
public final class DateTimeFunctions {
    private DateTimeFunctions() {
    }

    private static String s(Object o) {
        return (String) o;
    }

    private static LocalDateTime ts(Object o) {
        return (LocalDateTime) o;
    }

    private static Instant tstz(Object o) {
        return (Instant) o;
    }

    private static LocalDateTime local(FunctionContext ctx, Instant t) {
        return DateTimeMath.toTimestamp(t, DateTimeMath.zone(ctx));
    }

    private static int offset(FunctionContext ctx, Instant t) {
        return DateTimeMath.zone(ctx).getRules().getOffset(t).getTotalSeconds();
    }

    public static void register(CatalogWriter w) {
        extract(w);
        w.fn("date_trunc", "timestamp", (ctx, a) -> DateTimeMath.isInfinite(ts(a[1])) ? a[1]
                : DateParts.trunc(s(a[0]), ts(a[1]), "timestamp without time zone"), "text", "timestamp");
        w.fn("date_trunc", "timestamptz", true, Volatility.STABLE, (ctx, a) -> DateTimeMath.isInfinite(tstz(a[1]))
                ? a[1] : truncZoned(s(a[0]), tstz(a[1]), DateTimeMath.zone(ctx)), "text", "timestamptz");
        w.fn("date_trunc", "timestamptz", (ctx, a) -> DateTimeMath.isInfinite(tstz(a[1])) ? a[1]
                : truncZoned(s(a[0]), tstz(a[1]), zoneNamed(s(a[2]))), "text", "timestamptz", "text");
        w.fn("date_trunc", "interval", (ctx, a) -> DateParts.trunc(s(a[0]), (Interval) a[1]), "text", "interval");

        w.fn("age", "interval", (ctx, a) -> age(ts(a[0]), ts(a[1])), "timestamp", "timestamp");
        w.fn("age", "interval", true, Volatility.STABLE,
                (ctx, a) -> age(local(ctx, tstz(a[0])), local(ctx, tstz(a[1]))), "timestamptz", "timestamptz");
        w.fn("age", "interval", true, Volatility.STABLE,
                (ctx, a) -> age(LocalDate.now(DateTimeMath.zone(ctx)).atStartOfDay(), ts(a[0])), "timestamp");
        w.fn("age", "interval", true, Volatility.STABLE,
                (ctx, a) -> age(LocalDate.now(DateTimeMath.zone(ctx)).atStartOfDay(), local(ctx, tstz(a[0]))),
                "timestamptz");

        w.fn("to_char", "text", (ctx, a) -> toChar(ts(a[0]), s(a[1]), null, null), "timestamp", "text");
        w.fn("to_char", "text", true, Volatility.STABLE, (ctx, a) -> {
            ZoneId zone = DateTimeMath.zone(ctx);
            Instant t = tstz(a[0]);
            return toChar(local(ctx, t), s(a[1]), offset(ctx, t),
                    zone.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equals("Z") ? "UTC" : abbreviation(zone, t));
        }, "timestamptz", "text");
        w.fn("to_char", "text", (ctx, a) -> {
            Interval iv = (Interval) a[0];
            LocalDateTime base = LocalDateTime.of(Math.max(1, iv.months() / 12), iv.months() % 12 + 1, 1, 0, 0)
                    .plusDays(Math.max(0, iv.days() - 1)).plus(Math.floorMod(iv.micros(), Interval.MICROS_PER_DAY),
                            ChronoUnit.MICROS);
            return ToChar.format(base, s(a[1]), null, null);
        }, "interval", "text");
        w.fn("to_char", "text", (ctx, a) -> ToChar.formatNumber(numeric(a[0]), s(a[1])), "numeric", "text");
        w.fn("to_char", "text", (ctx, a) -> ToChar.formatNumber(BigDecimal.valueOf((Integer) a[0]), s(a[1])),
                "int4", "text");
        w.fn("to_char", "text", (ctx, a) -> ToChar.formatNumber(BigDecimal.valueOf((Long) a[0]), s(a[1])),
                "int8", "text");
        w.fn("to_char", "text", (ctx, a) -> ToChar.formatNumber(new BigDecimal(Double.toString((Double) a[0])),
                s(a[1])), "float8", "text");
        w.fn("to_char", "text", (ctx, a) -> ToChar.formatNumber(new BigDecimal(Float.toString((Float) a[0])),
                s(a[1])), "float4", "text");

        w.fn("to_timestamp", "timestamptz", (ctx, a) -> fromEpoch((Double) a[0]), "float8");
        w.fn("to_timestamp", "timestamptz", true, Volatility.STABLE,
                (ctx, a) -> DateTimeMath.toTimestamptz(ToTimestamp.parse(s(a[0]), s(a[1])), DateTimeMath.zone(ctx)),
                "text", "text");
        w.fn("to_date", "date", true, Volatility.STABLE,
                (ctx, a) -> ToTimestamp.parse(s(a[0]), s(a[1])).toLocalDate(), "text", "text");
        w.fn("make_date", "date", (ctx, a) -> makeDate((Integer) a[0], (Integer) a[1], (Integer) a[2]),
                "int4", "int4", "int4");
        w.fn("make_time", "time", (ctx, a) -> makeTime((Integer) a[0], (Integer) a[1], (Double) a[2]),
                "int4", "int4", "float8");
        w.fn("make_timestamp", "timestamp", (ctx, a) -> makeDate((Integer) a[0], (Integer) a[1], (Integer) a[2])
                .atTime(makeTime((Integer) a[3], (Integer) a[4], (Double) a[5])),
                "int4", "int4", "int4", "int4", "int4", "float8");
        w.fn("make_timestamptz", "timestamptz", true, Volatility.STABLE, (ctx, a) -> DateTimeMath.toTimestamptz(
                makeDate((Integer) a[0], (Integer) a[1], (Integer) a[2])
                        .atTime(makeTime((Integer) a[3], (Integer) a[4], (Double) a[5])), DateTimeMath.zone(ctx)),
                "int4", "int4", "int4", "int4", "int4", "float8");
        w.fn("make_interval", "interval", (ctx, a) -> {
            long months = (long) (Integer) a[0] * 12 + (Integer) a[1];
            long days = (long) (Integer) a[2] * 7 + (Integer) a[3];
            double micros = ((Integer) a[4] * 3600.0 + (Integer) a[5] * 60.0 + (Double) a[6]) * 1e6;
            if (months != (int) months || days != (int) days || Double.isInfinite(micros) || Double.isNaN(micros)) {
                throw new SqlException("22008", "interval out of range");
            }
            return new Interval((int) months, (int) days, Math.round(micros));
        }, "int4", "int4", "int4", "int4", "int4", "int4", "float8");
        w.fn("justify_days", "interval", (ctx, a) -> DateTimeMath.justifyDays((Interval) a[0]), "interval");
        w.fn("justify_hours", "interval", (ctx, a) -> DateTimeMath.justifyHours((Interval) a[0]), "interval");
        w.fn("justify_interval", "interval", (ctx, a) -> DateTimeMath.justifyInterval((Interval) a[0]), "interval");
        w.fn("isfinite", "bool", (ctx, a) -> !DateTimeMath.isInfinite((LocalDate) a[0]), "date");
        w.fn("isfinite", "bool", (ctx, a) -> !DateTimeMath.isInfinite(ts(a[0])), "timestamp");
        w.fn("isfinite", "bool", (ctx, a) -> !DateTimeMath.isInfinite(tstz(a[0])), "timestamptz");
        w.fn("isfinite", "bool", (ctx, a) -> true, "interval");
        w.fn("clock_timestamp", "timestamptz", true, Volatility.VOLATILE,
                (ctx, a) -> Instant.now().truncatedTo(ChronoUnit.MICROS));
        w.fn("timeofday", "text", true, Volatility.VOLATILE, (ctx, a) -> Instant.now().toString());
        w.fn("timezone", "timestamp", (ctx, a) -> DateTimeMath.toTimestamp(tstz(a[1]), zoneNamed(s(a[0]))),
                "text", "timestamptz");
        w.fn("timezone", "timestamptz", (ctx, a) -> DateTimeMath.toTimestamptz(ts(a[1]), zoneNamed(s(a[0]))),
                "text", "timestamp");
        w.fn("timezone", "timestamp", (ctx, a) -> DateTimeMath.toTimestamp(tstz(a[1]), zoneOf((Interval) a[0])),
                "interval", "timestamptz");
        w.fn("timezone", "timestamptz", (ctx, a) -> DateTimeMath.toTimestamptz(ts(a[1]), zoneOf((Interval) a[0])),
                "interval", "timestamp");
        w.fn("interval", "interval", (ctx, a) -> IntervalText.parse(s(a[0])), "text");
    }

    private static BigDecimal numeric(Object v) {
        if (!(v instanceof BigDecimal d)) {
            throw new SqlException("0A000", "cannot format " + Numerics.of(v) + " with to_char");
        }
        return d;
    }

    private static void extract(CatalogWriter w) {
        w.fn("extract", "numeric", (ctx, a) -> DateParts.extract(s(a[0]), ts(a[1]), null,
                DateParts.epochMicros(ts(a[1])), "timestamp without time zone"), "text", "timestamp");
        w.fn("extract", "numeric", true, Volatility.STABLE, (ctx, a) -> DateParts.extract(s(a[0]),
                local(ctx, tstz(a[1])), offset(ctx, tstz(a[1])), DateParts.epochMicros(tstz(a[1])),
                "timestamp with time zone"), "text", "timestamptz");
        w.fn("extract", "numeric", (ctx, a) -> DateParts.extract(s(a[0]), (LocalDate) a[1]), "text", "date");
        w.fn("extract", "numeric", (ctx, a) -> DateParts.extract(s(a[0]), (LocalTime) a[1]), "text", "time");
        w.fn("extract", "numeric", (ctx, a) -> DateParts.extract(s(a[0]), (Interval) a[1]), "text", "interval");
        w.fn("date_part", "float8", (ctx, a) -> DateParts.extract(s(a[0]), ts(a[1]), null,
                DateParts.epochMicros(ts(a[1])), "timestamp without time zone").doubleValue(), "text", "timestamp");
        w.fn("date_part", "float8", true, Volatility.STABLE, (ctx, a) -> DateParts.extract(s(a[0]),
                local(ctx, tstz(a[1])), offset(ctx, tstz(a[1])), DateParts.epochMicros(tstz(a[1])),
                "timestamp with time zone").doubleValue(), "text", "timestamptz");
        w.fn("date_part", "float8", (ctx, a) -> DateParts.extract(s(a[0]), (LocalDate) a[1]).doubleValue(),
                "text", "date");
        w.fn("date_part", "float8", (ctx, a) -> DateParts.extract(s(a[0]), (LocalTime) a[1]).doubleValue(),
                "text", "time");
        w.fn("date_part", "float8", (ctx, a) -> DateParts.extract(s(a[0]), (Interval) a[1]).doubleValue(),
                "text", "interval");
    }

    private static Instant truncZoned(String field, Instant t, ZoneId zone) {
        LocalDateTime local = DateTimeMath.toTimestamp(t, zone);
        return DateTimeMath.toTimestamptz(DateParts.trunc(field, local, "timestamp with time zone"), zone);
    }

    static ZoneId zoneNamed(String name) {
        ZoneId z = io.pgsight.sql.builtin.types.DateTimeText.sessionZone(name);
        if (z.equals(java.time.ZoneOffset.UTC) && !name.equalsIgnoreCase("utc") && !name.equalsIgnoreCase("gmt")
                && !name.equalsIgnoreCase("Etc/UTC") && !name.equalsIgnoreCase("z")) {
            throw new SqlException("22023", "time zone \"" + name + "\" not recognized");
        }
        return z;
    }

    private static ZoneId zoneOf(Interval iv) {
        if (iv.months() != 0 || iv.days() != 0) {
            throw new SqlException("22023", "interval time zone \"" + IntervalText.format(iv)
                    + "\" must not include months or days");
        }
        // POSIX sign convention as PostgreSQL: the interval is the offset east of UTC
        return java.time.ZoneOffset.ofTotalSeconds((int) (iv.micros() / 1_000_000));
    }

    private static String abbreviation(ZoneId zone, Instant t) {
        return java.time.format.DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).withZone(zone).format(t);
    }

    private static String toChar(LocalDateTime t, String template, Integer offset, String abbrev) {
        if (DateTimeMath.isInfinite(t)) {
            return null;
        }
        return ToChar.format(t, template, offset, abbrev);
    }

    /** age(): the symbolic difference in years, months, days and time, as timestamp_age. */
    static Interval age(LocalDateTime t1, LocalDateTime t2) {
        if (DateTimeMath.isInfinite(t1) || DateTimeMath.isInfinite(t2)) {
            throw new SqlException("22008", "cannot subtract infinite timestamps");
        }
        boolean flip = t1.isBefore(t2);
        long fsec = (t1.getNano() - t2.getNano()) / 1000;
        int sec = t1.getSecond() - t2.getSecond();
        int min = t1.getMinute() - t2.getMinute();
        int hour = t1.getHour() - t2.getHour();
        int mday = t1.getDayOfMonth() - t2.getDayOfMonth();
        int mon = t1.getMonthValue() - t2.getMonthValue();
        int year = t1.getYear() - t2.getYear();
        if (flip) {
            fsec = -fsec;
            sec = -sec;
            min = -min;
            hour = -hour;
            mday = -mday;
            mon = -mon;
            year = -year;
        }
        while (fsec < 0) {
            fsec += 1_000_000;
            sec--;
        }
        while (sec < 0) {
            sec += 60;
            min--;
        }
        while (min < 0) {
            min += 60;
            hour--;
        }
        while (hour < 0) {
            hour += 24;
            mday--;
        }
        while (mday < 0) {
            LocalDateTime ref = flip ? t1 : t2;
            mday += ref.getMonth().length(Year.isLeap(ref.getYear()));
            mon--;
        }
        while (mon < 0) {
            mon += 12;
            year--;
        }
        long time = ((hour * 60L + min) * 60 + sec) * 1_000_000L + fsec;
        int months = year * 12 + mon;
        if (flip) {
            return new Interval(-months, -mday, -time);
        }
        return new Interval(months, mday, time);
    }

    static Instant fromEpoch(double seconds) {
        if (Double.isNaN(seconds)) {
            throw new SqlException("22008", "timestamp cannot be NaN");
        }
        if (Double.isInfinite(seconds)) {
            return seconds > 0 ? Instant.MAX : Instant.MIN;
        }
        long micros = Math.round(seconds * 1_000_000);
        if (seconds < -210866803200.0 || seconds >= 9224318016000.0) {
            throw new SqlException("22008", "timestamp out of range: \"" + io.pgsight.sql.format.FloatFormat
                    .float8Out(seconds) + "\"");
        }
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    static LocalDate makeDate(int year, int month, int day) {
        SqlException range = new SqlException("22008", "date field value out of range: " + year + "-"
                + String.format("%02d-%02d", month, day));
        if (year == 0) {
            throw range;
        }
        try {
            return LocalDate.of(year < 0 ? year + 1 : year, month, day);
        } catch (DateTimeException e) {
            throw range;
        }
    }

    static LocalTime makeTime(int hour, int minute, double seconds) {
        long micros = Math.round(seconds * 1_000_000);
        if (hour < 0 || hour > 24 || minute < 0 || minute > 59 || seconds < 0 || seconds > 60
                || (hour == 24 && (minute > 0 || micros > 0))) {
            throw new SqlException("22008", "time field value out of range: " + hour + ":"
                    + String.format("%02d", minute) + ":" + io.pgsight.sql.format.FloatFormat.float8Out(seconds));
        }
        long total = (hour * 3600L + minute * 60L) * 1_000_000L + micros;
        return LocalTime.ofNanoOfDay(Math.min(total, Interval.MICROS_PER_DAY - 1) * 1000);
    }
}
