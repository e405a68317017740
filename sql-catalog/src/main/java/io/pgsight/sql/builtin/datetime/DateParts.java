package io.pgsight.sql.builtin.datetime;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.builtin.types.Interval;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * EXTRACT / date_part fields and date_trunc units (timestamp.c's timestamp_part / timestamp_trunc):
 * extract answers numeric with PostgreSQL 14+'s scales (seconds with 6 decimals, milliseconds with 3,
 * epoch of a timestamp with 6); date_part is the same as float8.
 */
public final class DateParts {
    private DateParts() {
    }

    static String unit(String field) {
        String f = field.toLowerCase(Locale.ROOT).strip();
        return switch (f) {
            case "years", "y", "yr", "yrs" -> "year";
            case "months", "mon", "mons" -> "month";
            case "days", "d" -> "day";
            case "hours", "h", "hr", "hrs" -> "hour";
            case "minutes", "m", "min", "mins" -> "minute";
            case "seconds", "s", "sec", "secs" -> "second";
            case "milliseconds", "ms", "msec", "msecs", "millisecon" -> "millisecond";
            case "microseconds", "us", "usec", "usecs" -> "microsecond";
            case "weeks", "w" -> "week";
            case "decades" -> "decade";
            case "centuries" -> "century";
            case "millennia", "millenniums" -> "millennium";
            case "quarters", "qtr" -> "quarter";
            default -> f;
        };
    }

    private static SqlException unsupported(String field, String type) {
        return new SqlException("0A000", "unit \"" + field + "\" not supported for type " + type);
    }

    private static SqlException unrecognized(String field, String type) {
        return new SqlException("22023", "unit \"" + field + "\" not recognized for type " + type);
    }

    /** extract(field from timestamp); {@code zoneOffset} is non-null for timestamptz (for timezone fields). */
    public static BigDecimal extract(String field, LocalDateTime t, Integer zoneOffset, long epochMicros, String type) {
        String u = unit(field);
        long micros = t.getSecond() * 1_000_000L + t.getNano() / 1000;
        int year = t.getYear();
        switch (u) {
            case "microsecond":
                return BigDecimal.valueOf(micros);
            case "millisecond":
                return BigDecimal.valueOf(micros, 3);
            case "second":
                return BigDecimal.valueOf(micros, 6);
            case "minute":
                return BigDecimal.valueOf(t.getMinute());
            case "hour":
                return BigDecimal.valueOf(t.getHour());
            case "day":
                return BigDecimal.valueOf(t.getDayOfMonth());
            case "month":
                return BigDecimal.valueOf(t.getMonthValue());
            case "quarter":
                return BigDecimal.valueOf((t.getMonthValue() - 1) / 3 + 1);
            case "week":
                return BigDecimal.valueOf(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case "year":
                return BigDecimal.valueOf(year <= 0 ? year - 1 : year);
            case "decade":
                return BigDecimal.valueOf(Math.floorDiv(year, 10));
            case "century":
                return BigDecimal.valueOf(year > 0 ? (year + 99) / 100 : -((99 - (year - 1)) / 100));
            case "millennium":
                return BigDecimal.valueOf(year > 0 ? (year + 999) / 1000 : -((999 - (year - 1)) / 1000));
            case "dow":
                return BigDecimal.valueOf(t.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : t.getDayOfWeek().getValue());
            case "isodow":
                return BigDecimal.valueOf(t.getDayOfWeek().getValue());
            case "doy":
                return BigDecimal.valueOf(t.getDayOfYear());
            case "isoyear":
                return BigDecimal.valueOf(t.get(IsoFields.WEEK_BASED_YEAR));
            case "julian": {
                BigDecimal day = BigDecimal.valueOf(t.getLong(ChronoField.EPOCH_DAY) + 2440588);
                long dayMicros = t.toLocalTime().toNanoOfDay() / 1000;
                return day.add(BigDecimal.valueOf(dayMicros).divide(BigDecimal.valueOf(Interval.MICROS_PER_DAY),
                        20, RoundingMode.HALF_UP).stripTrailingZeros());
            }
            case "epoch":
                return BigDecimal.valueOf(epochMicros, 6);
            case "timezone":
                if (zoneOffset == null) {
                    throw unsupported(field, type);
                }
                return BigDecimal.valueOf(zoneOffset);
            case "timezone_hour":
                if (zoneOffset == null) {
                    throw unsupported(field, type);
                }
                return BigDecimal.valueOf(zoneOffset / 3600);
            case "timezone_minute":
                if (zoneOffset == null) {
                    throw unsupported(field, type);
                }
                return BigDecimal.valueOf(zoneOffset / 60 % 60);
            default:
                throw unrecognized(field, type);
        }
    }

    /** extract(field from date): time-of-day fields are refused, results are integers. */
    public static BigDecimal extract(String field, LocalDate d) {
        String u = unit(field);
        switch (u) {
            case "microsecond", "millisecond", "second", "minute", "hour", "timezone", "timezone_hour",
                    "timezone_minute":
                throw unsupported(field, "date");
            case "epoch":
                return BigDecimal.valueOf(d.toEpochDay() * 86400);
            case "julian":
                return BigDecimal.valueOf(d.toEpochDay() + 2440588);
            default:
                return extract(field, d.atStartOfDay(), null, 0, "date").setScale(0, RoundingMode.UNNECESSARY);
        }
    }

    public static BigDecimal extract(String field, LocalTime t) {
        String u = unit(field);
        long micros = t.getSecond() * 1_000_000L + t.getNano() / 1000;
        return switch (u) {
            case "microsecond" -> BigDecimal.valueOf(micros);
            case "millisecond" -> BigDecimal.valueOf(micros, 3);
            case "second" -> BigDecimal.valueOf(micros, 6);
            case "minute" -> BigDecimal.valueOf(t.getMinute());
            case "hour" -> BigDecimal.valueOf(t.getHour());
            case "epoch" -> BigDecimal.valueOf(t.toNanoOfDay() / 1000, 6);
            case "day", "month", "year", "quarter", "week", "decade", "century", "millennium", "dow", "doy", "isodow",
                    "isoyear", "julian" -> throw unsupported(field, "time without time zone");
            default -> throw unrecognized(field, "time without time zone");
        };
    }

    public static BigDecimal extract(String field, Interval iv) {
        String u = unit(field);
        long time = iv.micros();
        switch (u) {
            case "microsecond":
                return BigDecimal.valueOf(time % 60_000_000L);
            case "millisecond":
                return BigDecimal.valueOf(time % 60_000_000L, 3);
            case "second":
                return BigDecimal.valueOf(time % 60_000_000L, 6);
            case "minute":
                return BigDecimal.valueOf(time / 60_000_000L % 60);
            case "hour":
                return BigDecimal.valueOf(time / 3_600_000_000L);
            case "day":
                return BigDecimal.valueOf(iv.days());
            case "month":
                return BigDecimal.valueOf(iv.months() % 12);
            case "quarter":
                return BigDecimal.valueOf(iv.months() % 12 / 3 + 1);
            case "year":
                return BigDecimal.valueOf(iv.months() / 12);
            case "decade":
                return BigDecimal.valueOf(iv.months() / 120);
            case "century":
                return BigDecimal.valueOf(iv.months() / 1200);
            case "millennium":
                return BigDecimal.valueOf(iv.months() / 12000);
            case "epoch": {
                // years as 365.25 days, remaining months as 30 days
                BigDecimal secs = BigDecimal.valueOf(iv.months() / 12).multiply(BigDecimal.valueOf(31_557_600L))
                        .add(BigDecimal.valueOf((long) (iv.months() % 12) * 30 * 86400))
                        .add(BigDecimal.valueOf((long) iv.days() * 86400));
                return secs.add(BigDecimal.valueOf(time, 6));
            }
            default:
                if (u.equals("week") || u.equals("dow") || u.equals("doy")) {
                    throw unsupported(field, "interval");
                }
                throw unrecognized(field, "interval");
        }
    }

    /** date_trunc on a local timestamp. */
    public static LocalDateTime trunc(String field, LocalDateTime t, String type) {
        String u = unit(field);
        return switch (u) {
            case "microsecond" -> t;
            case "millisecond" -> t.truncatedTo(ChronoUnit.MILLIS);
            case "second" -> t.truncatedTo(ChronoUnit.SECONDS);
            case "minute" -> t.truncatedTo(ChronoUnit.MINUTES);
            case "hour" -> t.truncatedTo(ChronoUnit.HOURS);
            case "day" -> t.truncatedTo(ChronoUnit.DAYS);
            case "week" -> t.truncatedTo(ChronoUnit.DAYS).with(ChronoField.DAY_OF_WEEK, 1);
            case "month" -> t.toLocalDate().withDayOfMonth(1).atStartOfDay();
            case "quarter" -> LocalDate.of(t.getYear(), (t.getMonthValue() - 1) / 3 * 3 + 1, 1).atStartOfDay();
            case "year" -> LocalDate.of(t.getYear(), 1, 1).atStartOfDay();
            case "decade" -> LocalDate.of(Math.floorDiv(t.getYear(), 10) * 10, 1, 1).atStartOfDay();
            case "century" -> LocalDate.of(t.getYear() > 0 ? (t.getYear() - 1) / 100 * 100 + 1
                    : -((99 - (t.getYear() - 1)) / 100) * 100 + 1, 1, 1).atStartOfDay();
            case "millennium" -> LocalDate.of(t.getYear() > 0 ? (t.getYear() - 1) / 1000 * 1000 + 1
                    : -((999 - (t.getYear() - 1)) / 1000) * 1000 + 1, 1, 1).atStartOfDay();
            default -> throw unrecognized(field, type);
        };
    }

    public static Interval trunc(String field, Interval iv) {
        String u = unit(field);
        long t = iv.micros();
        return switch (u) {
            case "microsecond" -> iv;
            case "millisecond" -> new Interval(iv.months(), iv.days(), t / 1000 * 1000);
            case "second" -> new Interval(iv.months(), iv.days(), t / 1_000_000 * 1_000_000);
            case "minute" -> new Interval(iv.months(), iv.days(), t / 60_000_000L * 60_000_000L);
            case "hour" -> new Interval(iv.months(), iv.days(), t / 3_600_000_000L * 3_600_000_000L);
            case "day" -> new Interval(iv.months(), iv.days(), 0);
            case "month" -> new Interval(iv.months(), 0, 0);
            case "quarter" -> new Interval(iv.months() / 3 * 3, 0, 0);
            case "year" -> new Interval(iv.months() / 12 * 12, 0, 0);
            case "decade" -> new Interval(iv.months() / 120 * 120, 0, 0);
            case "century" -> new Interval(iv.months() / 1200 * 1200, 0, 0);
            case "millennium" -> new Interval(iv.months() / 12000 * 12000, 0, 0);
            case "week" -> throw new SqlException("0A000", "unit \"week\" not supported for type interval")
                    .withDetail("Months usually have fractional weeks.");
            default -> throw unrecognized(field, "interval");
        };
    }

    /** Microseconds since 1970-01-01 of a local timestamp read as UTC. */
    static long epochMicros(LocalDateTime t) {
        return ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0), t);
    }

    static long epochMicros(java.time.Instant t) {
        return ChronoUnit.MICROS.between(java.time.Instant.EPOCH, t);
    }
}
