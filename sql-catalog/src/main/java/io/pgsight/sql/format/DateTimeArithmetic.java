package io.pgsight.sql.format;

import io.pgsight.sql.api.SqlException;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * date/timestamp/timestamptz/time arithmetic as PostgreSQL 15: months are added first (clamping the day to the
 * month's end), then days, then the time part; timestamptz months and days move in local time of the session
 * zone; timestamp - timestamp is justify_hours'd; age() subtracts field by field with borrowing.
 */
public final class DateTimeArithmetic {
    private DateTimeArithmetic() {
    }

    // ---------------------------------------------------------------- date

    /** date + integer. */
    public static int datePlusDays(int date, long days) {
        if (!DateTimeValues.isFinite(date)) {
            return date;
        }
        long r = date + days;
        if (!DateTimeValues.isValidDate(r)) {
            throw DateTimeValues.dateOutOfRange();
        }
        return (int) r;
    }

    /** date - integer. */
    public static int dateMinusDays(int date, long days) {
        return datePlusDays(date, -days);
    }

    /** date - date: days. */
    public static int dateMinusDate(int a, int b) {
        if (!DateTimeValues.isFinite(a) || !DateTimeValues.isFinite(b)) {
            throw new SqlException(PgErrors.DATETIME_FIELD_OVERFLOW, "cannot subtract infinite dates");
        }
        return a - b;
    }

    /** date + time = timestamp. */
    public static long datePlusTime(int date, long time) {
        long ts = DateTimeValues.dateToTimestamp(date);
        if (!DateTimeValues.isFinite(ts)) {
            return ts;
        }
        long r = ts + time;
        if (!DateTimeValues.isValidTimestamp(r)) {
            throw DateTimeValues.timestampOutOfRange();
        }
        return r;
    }

    // ---------------------------------------------------------------- timestamp

    /** timestamp + interval. */
    public static long timestampPlusInterval(long ts, PgInterval span) {
        if (!DateTimeValues.isFinite(ts)) {
            return ts;
        }
        long r = ts;
        if (span.months() != 0 || span.days() != 0) {
            LocalDateTime t = DateTimeValues.toLocalDateTime(ts);
            try {
                t = t.plusMonths(span.months()).plusDays(span.days());
            } catch (java.time.DateTimeException e) {
                throw DateTimeValues.timestampOutOfRange();
            }
            r = DateTimeValues.fromLocalDateTime(t);
        }
        return addMicros(r, span.micros());
    }

    public static long timestampMinusInterval(long ts, PgInterval span) {
        return timestampPlusInterval(ts, span.negate());
    }

    /** timestamptz + interval: months and days in local time of zone, the time part in absolute time. */
    public static long timestamptzPlusInterval(long tstz, PgInterval span, ZoneId zone) {
        if (!DateTimeValues.isFinite(tstz)) {
            return tstz;
        }
        long r = tstz;
        if (span.months() != 0 || span.days() != 0) {
            long local = DateTimeValues.utcToLocal(tstz, zone);
            LocalDateTime t = DateTimeValues.toLocalDateTime(local);
            try {
                t = t.plusMonths(span.months()).plusDays(span.days());
            } catch (java.time.DateTimeException e) {
                throw DateTimeValues.timestampOutOfRange();
            }
            r = DateTimeValues.localToUtc(DateTimeValues.fromLocalDateTime(t), zone);
        }
        return addMicros(r, span.micros());
    }

    public static long timestamptzMinusInterval(long tstz, PgInterval span, ZoneId zone) {
        return timestamptzPlusInterval(tstz, span.negate(), zone);
    }

    private static long addMicros(long ts, long micros) {
        long r = ts + micros;
        if (((ts ^ r) & (micros ^ r)) < 0 || !DateTimeValues.isValidTimestamp(r)) {
            throw DateTimeValues.timestampOutOfRange();
        }
        return r;
    }

    /** timestamp - timestamp (also timestamptz - timestamptz): justify_hours of the microsecond difference. */
    public static PgInterval timestampMinusTimestamp(long a, long b) {
        if (!DateTimeValues.isFinite(a) || !DateTimeValues.isFinite(b)) {
            throw new SqlException(PgErrors.DATETIME_FIELD_OVERFLOW, "cannot subtract infinite timestamps");
        }
        return PgInterval.ofMicros(a - b).justifyHours();
    }

    /** time + interval wraps around midnight. */
    public static long timePlusInterval(long time, PgInterval span) {
        long r = (time + span.micros()) % PgInterval.USECS_PER_DAY;
        return r < 0 ? r + PgInterval.USECS_PER_DAY : r;
    }

    public static PgInterval timeMinusTime(long a, long b) {
        return PgInterval.ofMicros(a - b);
    }

    // ---------------------------------------------------------------- age

    /** age(timestamp, timestamp). */
    public static PgInterval age(long ts1, long ts2) {
        if (!DateTimeValues.isFinite(ts1) || !DateTimeValues.isFinite(ts2)) {
            throw new SqlException(PgErrors.DATETIME_FIELD_OVERFLOW, "timestamp out of range");
        }
        LocalDateTime t1 = DateTimeValues.toLocalDateTime(ts1);
        LocalDateTime t2 = DateTimeValues.toLocalDateTime(ts2);
        long fsec = t1.getNano() / 1000 - t2.getNano() / 1000;
        long sec = t1.getSecond() - t2.getSecond();
        long min = t1.getMinute() - t2.getMinute();
        long hour = t1.getHour() - t2.getHour();
        long mday = t1.getDayOfMonth() - t2.getDayOfMonth();
        long mon = t1.getMonthValue() - t2.getMonthValue();
        long year = (long) t1.getYear() - t2.getYear();
        boolean flip = ts1 < ts2;
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
            mday += ref.toLocalDate().lengthOfMonth();
            mon--;
        }
        while (mon < 0) {
            mon += 12;
            year--;
        }
        if (flip) {
            fsec = -fsec;
            sec = -sec;
            min = -min;
            hour = -hour;
            mday = -mday;
            mon = -mon;
            year = -year;
        }
        long months = year * 12 + mon;
        long micros = ((hour * 60 + min) * 60 + sec) * 1_000_000 + fsec;
        return new PgInterval(IntervalFormat.toIntChecked(months), IntervalFormat.toIntChecked(mday), micros);
    }

    /** age(timestamptz, timestamptz): fields compared in local time of zone. */
    public static PgInterval ageTz(long tstz1, long tstz2, ZoneId zone) {
        return age(DateTimeValues.utcToLocal(tstz1, zone), DateTimeValues.utcToLocal(tstz2, zone));
    }

    // ---------------------------------------------------------------- make_*

    public static int makeDate(int year, int month, int day) {
        try {
            int y = year < 0 ? year + 1 : year;
            if (year == 0) {
                throw new java.time.DateTimeException("year 0");
            }
            long d = java.time.LocalDate.of(y, month, day).toEpochDay() - 10957;
            if (!DateTimeValues.isValidDate(d)) {
                throw new SqlException(PgErrors.DATETIME_FIELD_OVERFLOW,
                        "date out of range: " + year + "-" + pad(month) + "-" + pad(day));
            }
            return (int) d;
        } catch (java.time.DateTimeException e) {
            throw new SqlException(PgErrors.DATETIME_FIELD_OVERFLOW,
                    "date field value out of range: " + year + "-" + pad(month) + "-" + pad(day));
        }
    }

    public static long makeTimestamp(int year, int month, int day, int hour, int min, double sec) {
        int date = makeDate(year, month, day);
        if (hour < 0 || min < 0 || min > 59 || sec < 0 || sec > 60 || hour > 24
                || (hour == 24 && (min > 0 || sec > 0))) {
            throw new SqlException(PgErrors.DATETIME_FIELD_OVERFLOW,
                    "time field value out of range: " + hour + ":" + pad(min) + ":" + pad((int) sec));
        }
        long time = ((hour * 60L + min) * 60) * 1_000_000L + Math.round(sec * 1_000_000);
        long ts = date * PgInterval.USECS_PER_DAY + time;
        if (!DateTimeValues.isValidTimestamp(ts)) {
            throw DateTimeValues.timestampOutOfRange();
        }
        return ts;
    }

    public static PgInterval makeInterval(int years, int months, int weeks, int days, int hours, int mins,
                                          double secs) {
        if (Double.isNaN(secs) || Double.isInfinite(secs)) {
            throw IntervalFormat.outOfRange();
        }
        try {
            int m = Math.addExact(Math.multiplyExact(years, 12), months);
            int d = Math.addExact(Math.multiplyExact(weeks, 7), days);
            double t = Math.rint((hours * 3600.0 + mins * 60.0 + secs) * 1_000_000);
            if (t < -9.2e18 || t > 9.2e18) {
                throw IntervalFormat.outOfRange();
            }
            return new PgInterval(m, d, (long) t);
        } catch (ArithmeticException e) {
            throw IntervalFormat.outOfRange();
        }
    }

    private static String pad(int v) {
        return v >= 0 && v < 10 ? "0" + v : Integer.toString(v);
    }
}
