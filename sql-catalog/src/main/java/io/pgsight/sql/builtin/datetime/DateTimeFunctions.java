package io.pgsight.sql.builtin.datetime;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.builtin.CatalogWriter;
import io.pgsight.sql.builtin.numeric.Numerics;
import io.pgsight.sql.builtin.types.Temporals;
import io.pgsight.sql.format.DateTimeArithmetic;
import io.pgsight.sql.format.DateTimeFields;
import io.pgsight.sql.format.DateTimeToChar;
import io.pgsight.sql.format.DateTimeValues;
import io.pgsight.sql.format.FloatFormat;
import io.pgsight.sql.format.IntervalFormat;
import io.pgsight.sql.format.NumberToChar;
import io.pgsight.sql.format.PgInterval;
import io.pgsight.sql.format.PgNumeric;
import io.pgsight.sql.format.PgTimeZone;
import io.pgsight.sql.spi.FunctionContext;
import io.pgsight.sql.spi.Volatility;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Date/time functions (manual 9.9): date_part, extract, date_trunc, age, to_char, to_timestamp,
 * to_date, make_date/time/timestamp/interval, justify_*, isfinite, clock_timestamp, timezone(), with
 * the formats library doing the calendar work. now(), current_date and the other statement-time
 * values are the engine's (they need the transaction start time).
 */
public final class DateTimeFunctions {
    private DateTimeFunctions() {
    }

    private static String s(Object o) {
        return (String) o;
    }

    private static long ts(Object o) {
        return Temporals.pgTimestamp((LocalDateTime) o);
    }

    private static long tstz(Object o) {
        return Temporals.pgTimestamptz((Instant) o);
    }

    private static int date(Object o) {
        return Temporals.pgDate((LocalDate) o);
    }

    private static PgInterval iv(Object o) {
        return (PgInterval) o;
    }

    private static Object num(PgNumeric n) {
        return n == null ? null : Numerics.value(n);
    }

    private static ZoneId zone(FunctionContext ctx) {
        return Temporals.zone(ctx);
    }

    public static void register(CatalogWriter w) {
        extract(w);
        w.fn("date_trunc", "timestamp", (ctx, a) -> Temporals.timestamp(DateTimeFields.truncTimestamp(s(a[0]), ts(a[1]))),
                "text", "timestamp");
        w.fn("date_trunc", "timestamptz", true, Volatility.STABLE, (ctx, a) -> Temporals.timestamptz(
                DateTimeFields.truncTimestamptz(s(a[0]), tstz(a[1]), zone(ctx))), "text", "timestamptz");
        w.fn("date_trunc", "timestamptz", (ctx, a) -> Temporals.timestamptz(
                DateTimeFields.truncTimestamptz(s(a[0]), tstz(a[1]), PgTimeZone.forAtTimeZone(s(a[2])))),
                "text", "timestamptz", "text");
        w.fn("date_trunc", "interval", (ctx, a) -> DateTimeFields.truncInterval(s(a[0]), iv(a[1])), "text", "interval");

        w.fn("age", "interval", (ctx, a) -> DateTimeArithmetic.age(ts(a[0]), ts(a[1])), "timestamp", "timestamp");
        w.fn("age", "interval", true, Volatility.STABLE,
                (ctx, a) -> DateTimeArithmetic.ageTz(tstz(a[0]), tstz(a[1]), zone(ctx)), "timestamptz", "timestamptz");
        w.fn("age", "interval", true, Volatility.STABLE,
                (ctx, a) -> DateTimeArithmetic.age(today(ctx), ts(a[0])), "timestamp");
        w.fn("age", "interval", true, Volatility.STABLE, (ctx, a) -> DateTimeArithmetic.age(today(ctx),
                DateTimeValues.timestamptzToTimestamp(tstz(a[0]), zone(ctx))), "timestamptz");

        w.fn("to_char", "text", (ctx, a) -> DateTimeToChar.timestamp(ts(a[0]), s(a[1])), "timestamp", "text");
        w.fn("to_char", "text", true, Volatility.STABLE,
                (ctx, a) -> DateTimeToChar.timestamptz(tstz(a[0]), s(a[1]), zone(ctx)), "timestamptz", "text");
        w.fn("to_char", "text", (ctx, a) -> DateTimeToChar.interval(iv(a[0]), s(a[1])), "interval", "text");
        w.fn("to_char", "text", (ctx, a) -> NumberToChar.numeric(Numerics.of(a[0]), s(a[1])), "numeric", "text");
        w.fn("to_char", "text", (ctx, a) -> NumberToChar.int8((Integer) a[0], s(a[1])), "int4", "text");
        w.fn("to_char", "text", (ctx, a) -> NumberToChar.int8((Long) a[0], s(a[1])), "int8", "text");
        w.fn("to_char", "text", (ctx, a) -> NumberToChar.float8((Double) a[0], s(a[1])), "float8", "text");
        w.fn("to_char", "text", (ctx, a) -> NumberToChar.float4((Float) a[0], s(a[1])), "float4", "text");

        w.fn("to_timestamp", "timestamptz", (ctx, a) -> fromEpoch((Double) a[0]), "float8");
        w.fn("to_timestamp", "timestamptz", true, Volatility.STABLE,
                (ctx, a) -> DateTimeMath.toTimestamptz(ToTimestamp.parse(s(a[0]), s(a[1])), zone(ctx)), "text", "text");
        w.fn("to_date", "date", true, Volatility.STABLE,
                (ctx, a) -> ToTimestamp.parse(s(a[0]), s(a[1])).toLocalDate(), "text", "text");
        w.fn("make_date", "date", (ctx, a) -> Temporals.date(DateTimeArithmetic.makeDate((Integer) a[0],
                (Integer) a[1], (Integer) a[2])), "int4", "int4", "int4");
        w.fn("make_time", "time", (ctx, a) -> makeTime((Integer) a[0], (Integer) a[1], (Double) a[2]),
                "int4", "int4", "float8");
        w.fn("make_timestamp", "timestamp", (ctx, a) -> Temporals.timestamp(DateTimeArithmetic.makeTimestamp(
                (Integer) a[0], (Integer) a[1], (Integer) a[2], (Integer) a[3], (Integer) a[4], (Double) a[5])),
                "int4", "int4", "int4", "int4", "int4", "float8");
        w.fn("make_timestamptz", "timestamptz", true, Volatility.STABLE, (ctx, a) -> Temporals.timestamptz(
                DateTimeValues.timestampToTimestamptz(DateTimeArithmetic.makeTimestamp((Integer) a[0], (Integer) a[1],
                        (Integer) a[2], (Integer) a[3], (Integer) a[4], (Double) a[5]), zone(ctx))),
                "int4", "int4", "int4", "int4", "int4", "float8");
        w.fn("make_interval", "interval", (ctx, a) -> DateTimeArithmetic.makeInterval((Integer) a[0], (Integer) a[1],
                (Integer) a[2], (Integer) a[3], (Integer) a[4], (Integer) a[5], (Double) a[6]),
                "int4", "int4", "int4", "int4", "int4", "int4", "float8");
        w.fn("justify_days", "interval", (ctx, a) -> iv(a[0]).justifyDays(), "interval");
        w.fn("justify_hours", "interval", (ctx, a) -> iv(a[0]).justifyHours(), "interval");
        w.fn("justify_interval", "interval", (ctx, a) -> iv(a[0]).justifyInterval(), "interval");
        w.fn("isfinite", "bool", (ctx, a) -> DateTimeValues.isFinite(date(a[0])), "date");
        w.fn("isfinite", "bool", (ctx, a) -> DateTimeValues.isFinite(ts(a[0])), "timestamp");
        w.fn("isfinite", "bool", (ctx, a) -> DateTimeValues.isFinite(tstz(a[0])), "timestamptz");
        w.fn("isfinite", "bool", (ctx, a) -> true, "interval");
        w.fn("clock_timestamp", "timestamptz", true, Volatility.VOLATILE,
                (ctx, a) -> Instant.now().truncatedTo(ChronoUnit.MICROS));
        w.fn("timezone", "timestamp", (ctx, a) -> Temporals.timestamp(DateTimeValues.timestamptzToTimestamp(
                tstz(a[1]), PgTimeZone.forAtTimeZone(s(a[0])))), "text", "timestamptz");
        w.fn("timezone", "timestamptz", (ctx, a) -> Temporals.timestamptz(DateTimeValues.timestampToTimestamptz(
                ts(a[1]), PgTimeZone.forAtTimeZone(s(a[0])))), "text", "timestamp");
        w.fn("timezone", "timestamp", (ctx, a) -> Temporals.timestamp(DateTimeValues.timestamptzToTimestamp(
                tstz(a[1]), zoneOf(iv(a[0])))), "interval", "timestamptz");
        w.fn("timezone", "timestamptz", (ctx, a) -> Temporals.timestamptz(DateTimeValues.timestampToTimestamptz(
                ts(a[1]), zoneOf(iv(a[0])))), "interval", "timestamp");
    }

    private static long today(FunctionContext ctx) {
        return DateTimeValues.dateToTimestamp(Temporals.pgDate(LocalDate.now(zone(ctx))));
    }

    private static void extract(CatalogWriter w) {
        w.fn("extract", "numeric", (ctx, a) -> num(DateTimeFields.extractTimestamp(s(a[0]), ts(a[1]))),
                "text", "timestamp");
        w.fn("extract", "numeric", true, Volatility.STABLE,
                (ctx, a) -> num(DateTimeFields.extractTimestamptz(s(a[0]), tstz(a[1]), zone(ctx))), "text", "timestamptz");
        w.fn("extract", "numeric", (ctx, a) -> num(DateTimeFields.extractDate(s(a[0]), date(a[1]))), "text", "date");
        w.fn("extract", "numeric", (ctx, a) -> extractTime(s(a[0]), (LocalTime) a[1]), "text", "time");
        w.fn("extract", "numeric", (ctx, a) -> num(DateTimeFields.extractInterval(s(a[0]), iv(a[1]))),
                "text", "interval");
        w.fn("date_part", "float8", (ctx, a) -> DateTimeFields.datePartTimestamp(s(a[0]), ts(a[1])),
                "text", "timestamp");
        w.fn("date_part", "float8", true, Volatility.STABLE,
                (ctx, a) -> DateTimeFields.datePartTimestamptz(s(a[0]), tstz(a[1]), zone(ctx)), "text", "timestamptz");
        w.fn("date_part", "float8", (ctx, a) -> DateTimeFields.datePartDate(s(a[0]), date(a[1])), "text", "date");
        w.fn("date_part", "float8", (ctx, a) -> extractTime(s(a[0]), (LocalTime) a[1]).doubleValue(), "text", "time");
        w.fn("date_part", "float8", (ctx, a) -> DateTimeFields.datePartInterval(s(a[0]), iv(a[1])),
                "text", "interval");
    }

    /** extract(field from time): the time-of-day fields only (time_part_common). */
    static BigDecimal extractTime(String field, LocalTime t) {
        DateTimeFields.Unit u = DateTimeFields.unit(field);
        long micros = t.getSecond() * 1_000_000L + t.getNano() / 1000;
        if (u == null) {
            throw new SqlException("22023", "unit \"" + field.toLowerCase(Locale.ROOT)
                    + "\" not recognized for type time without time zone");
        }
        return switch (u) {
            case MICROSECONDS -> BigDecimal.valueOf(micros);
            case MILLISECONDS -> BigDecimal.valueOf(micros, 3);
            case SECOND -> BigDecimal.valueOf(micros, 6);
            case MINUTE -> BigDecimal.valueOf(t.getMinute());
            case HOUR -> BigDecimal.valueOf(t.getHour());
            case EPOCH -> BigDecimal.valueOf(Temporals.pgTime(t), 6);
            default -> throw new SqlException("0A000", "unit \"" + field.toLowerCase(Locale.ROOT)
                    + "\" not supported for type time without time zone");
        };
    }

    private static ZoneId zoneOf(PgInterval iv) {
        if (iv.months() != 0 || iv.days() != 0) {
            throw new SqlException("22023", "interval time zone \"" + IntervalFormat.format(iv)
                    + "\" must not include months or days");
        }
        return java.time.ZoneOffset.ofTotalSeconds((int) (iv.micros() / 1_000_000));
    }

    static Instant fromEpoch(double seconds) {
        if (Double.isNaN(seconds)) {
            throw new SqlException("22008", "timestamp cannot be NaN");
        }
        if (Double.isInfinite(seconds)) {
            return seconds > 0 ? Instant.MAX : Instant.MIN;
        }
        if (seconds < -210866803200.0 || seconds >= 9224318016000.0) {
            throw new SqlException("22008", "timestamp out of range: \"" + FloatFormat.float8Out(seconds) + "\"");
        }
        return Instant.EPOCH.plus(Math.round(seconds * 1_000_000), ChronoUnit.MICROS);
    }

    static LocalTime makeTime(int hour, int minute, double seconds) {
        long micros = Math.round(seconds * 1_000_000);
        if (hour < 0 || hour > 24 || minute < 0 || minute > 59 || seconds < 0 || seconds > 60
                || (hour == 24 && (minute > 0 || micros > 0))) {
            throw new SqlException("22008", "time field value out of range: " + hour + ":"
                    + String.format("%02d", minute) + ":" + FloatFormat.float8Out(seconds));
        }
        return Temporals.time((hour * 3600L + minute * 60L) * 1_000_000L + micros);
    }
}
