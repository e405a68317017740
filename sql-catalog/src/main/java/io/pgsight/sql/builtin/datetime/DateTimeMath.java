package io.pgsight.sql.builtin.datetime;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.builtin.types.DateTimeText;
import io.pgsight.sql.builtin.types.Interval;
import io.pgsight.sql.spi.FunctionContext;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** Date, timestamp and interval arithmetic as timestamp.c does it (months, then days, then time). */
public final class DateTimeMath {
    private DateTimeMath() {
    }

    static SqlException timestampOutOfRange() {
        return new SqlException("22008", "timestamp out of range");
    }

    static SqlException dateOutOfRange() {
        return new SqlException("22008", "date out of range");
    }

    public static ZoneId zone(FunctionContext ctx) {
        return DateTimeText.sessionZone(ctx == null ? null : ctx.setting("TimeZone"));
    }

    public static boolean isInfinite(LocalDateTime t) {
        return t.equals(LocalDateTime.MAX) || t.equals(LocalDateTime.MIN);
    }

    public static boolean isInfinite(LocalDate d) {
        return d.equals(LocalDate.MAX) || d.equals(LocalDate.MIN);
    }

    public static boolean isInfinite(Instant t) {
        return t.equals(Instant.MAX) || t.equals(Instant.MIN);
    }

    public static LocalDateTime plus(LocalDateTime t, Interval iv) {
        if (isInfinite(t)) {
            return t;
        }
        try {
            return t.plusMonths(iv.months()).plusDays(iv.days()).plus(iv.micros(), ChronoUnit.MICROS);
        } catch (java.time.DateTimeException | ArithmeticException e) {
            throw timestampOutOfRange();
        }
    }

    public static Instant plus(Instant t, Interval iv, ZoneId zone) {
        if (isInfinite(t)) {
            return t;
        }
        try {
            return t.atZone(zone).plusMonths(iv.months()).plusDays(iv.days()).toInstant()
                    .plus(iv.micros(), ChronoUnit.MICROS);
        } catch (java.time.DateTimeException | ArithmeticException e) {
            throw timestampOutOfRange();
        }
    }

    public static Interval negate(Interval iv) {
        if (iv.months() == Integer.MIN_VALUE || iv.days() == Integer.MIN_VALUE || iv.micros() == Long.MIN_VALUE) {
            throw new SqlException("22008", "interval out of range");
        }
        return new Interval(-iv.months(), -iv.days(), -iv.micros());
    }

    /** timestamp - timestamp: whole days and the remaining time (justify_hours). */
    public static Interval difference(long micros) {
        long days = micros / Interval.MICROS_PER_DAY;
        long rest = micros % Interval.MICROS_PER_DAY;
        return new Interval(0, (int) days, rest);
    }

    public static Interval difference(LocalDateTime a, LocalDateTime b) {
        if (isInfinite(a) || isInfinite(b)) {
            throw new SqlException("22008", "cannot subtract infinite timestamps");
        }
        return difference(ChronoUnit.MICROS.between(b, a));
    }

    public static Interval difference(Instant a, Instant b) {
        if (isInfinite(a) || isInfinite(b)) {
            throw new SqlException("22008", "cannot subtract infinite timestamps");
        }
        return difference(ChronoUnit.MICROS.between(b, a));
    }

    public static LocalDateTime toTimestamp(LocalDate d) {
        if (d.equals(LocalDate.MAX)) {
            return LocalDateTime.MAX;
        }
        if (d.equals(LocalDate.MIN)) {
            return LocalDateTime.MIN;
        }
        return d.atStartOfDay();
    }

    public static Instant toTimestamptz(LocalDateTime t, ZoneId zone) {
        if (t.equals(LocalDateTime.MAX)) {
            return Instant.MAX;
        }
        if (t.equals(LocalDateTime.MIN)) {
            return Instant.MIN;
        }
        return t.atZone(zone).toInstant();
    }

    public static LocalDateTime toTimestamp(Instant t, ZoneId zone) {
        if (t.equals(Instant.MAX)) {
            return LocalDateTime.MAX;
        }
        if (t.equals(Instant.MIN)) {
            return LocalDateTime.MIN;
        }
        return LocalDateTime.ofInstant(t, zone);
    }

    public static LocalDate toDate(LocalDateTime t) {
        if (t.equals(LocalDateTime.MAX)) {
            return LocalDate.MAX;
        }
        if (t.equals(LocalDateTime.MIN)) {
            return LocalDate.MIN;
        }
        return t.toLocalDate();
    }

    public static Interval add(Interval a, Interval b) {
        try {
            return new Interval(Math.addExact(a.months(), b.months()), Math.addExact(a.days(), b.days()),
                    Math.addExact(a.micros(), b.micros()));
        } catch (ArithmeticException e) {
            throw new SqlException("22008", "interval out of range");
        }
    }

    /** interval * float8 with fractional months and days cascading down, as interval_mul. */
    public static Interval multiply(Interval iv, double factor) {
        if (Double.isNaN(factor) || Double.isInfinite(factor)) {
            throw new SqlException("22008", "interval out of range");
        }
        double months = iv.months() * factor;
        double days = iv.days() * factor;
        int wholeMonths = (int) months;
        double monthRemainder = months - wholeMonths;
        double dayTotal = days + monthRemainder * 30;
        int wholeDays = (int) dayTotal;
        double dayRemainder = dayTotal - wholeDays;
        double micros = iv.micros() * factor + dayRemainder * Interval.MICROS_PER_DAY;
        if (Math.abs(months) > Integer.MAX_VALUE || Math.abs(dayTotal) > Integer.MAX_VALUE
                || Math.abs(micros) > 9.2e18) {
            throw new SqlException("22008", "interval out of range");
        }
        return new Interval(wholeMonths, wholeDays, Math.round(micros));
    }

    public static LocalTime plus(LocalTime t, Interval iv) {
        long micros = t.toNanoOfDay() / 1000 + iv.micros() % Interval.MICROS_PER_DAY;
        micros = Math.floorMod(micros, Interval.MICROS_PER_DAY);
        return LocalTime.ofNanoOfDay(micros * 1000);
    }

    /** justify_hours: 24-hour chunks of the time part become days. */
    public static Interval justifyHours(Interval iv) {
        long days = iv.days() + iv.micros() / Interval.MICROS_PER_DAY;
        long micros = iv.micros() % Interval.MICROS_PER_DAY;
        if (days > 0 && micros < 0) {
            micros += Interval.MICROS_PER_DAY;
            days--;
        } else if (days < 0 && micros > 0) {
            micros -= Interval.MICROS_PER_DAY;
            days++;
        }
        return new Interval(iv.months(), (int) days, micros);
    }

    /** justify_days: 30-day chunks become months. */
    public static Interval justifyDays(Interval iv) {
        int months = iv.months() + iv.days() / 30;
        int days = iv.days() % 30;
        if (months > 0 && days < 0) {
            days += 30;
            months--;
        } else if (months < 0 && days > 0) {
            days -= 30;
            months++;
        }
        return new Interval(months, days, iv.micros());
    }

    public static Interval justifyInterval(Interval iv) {
        long micros = iv.micros();
        long days = iv.days() + micros / Interval.MICROS_PER_DAY;
        micros %= Interval.MICROS_PER_DAY;
        long months = iv.months() + days / 30;
        days %= 30;
        if (months > 0 && (days < 0 || (days == 0 && micros < 0))) {
            days += 30;
            months--;
        } else if (months < 0 && (days > 0 || (days == 0 && micros > 0))) {
            days -= 30;
            months++;
        }
        if (days > 0 && micros < 0) {
            micros += Interval.MICROS_PER_DAY;
            days--;
        } else if (days < 0 && micros > 0) {
            micros -= Interval.MICROS_PER_DAY;
            days++;
        }
        return new Interval((int) months, (int) days, micros);
    }
}
