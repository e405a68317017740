package io.pgsight.sql.format;

import io.pgsight.sql.api.SqlException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * extract / date_part / date_trunc for date, timestamp, timestamptz and interval, as PostgreSQL 15: extract
 * returns numeric (seconds with scale 6, milliseconds scale 3, epoch scale 6 for timestamps), date_part the
 * same value as double precision; infinite inputs give ±Infinity for monotonic units and NULL otherwise.
 */
public final class DateTimeFields {
    /** Units as PostgreSQL's DecodeUnits/DecodeSpecial resolve them. */
    public enum Unit {
        MICROSECONDS, MILLISECONDS, SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, QUARTER, YEAR, DECADE, CENTURY,
        MILLENNIUM, JULIAN, ISOYEAR, DOW, ISODOW, DOY, EPOCH, TIMEZONE, TIMEZONE_HOUR, TIMEZONE_MINUTE
    }

    private DateTimeFields() {
    }

    /** The unit named by text (case-insensitive, plurals and abbreviations), or null. */
    public static Unit unit(String name) {
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "microsecond": case "microseconds": case "us": case "usec": case "usecs": case "useconds":
            case "usecond":
                return Unit.MICROSECONDS;
            case "millisecond": case "milliseconds": case "ms": case "msec": case "msecs": case "mseconds":
            case "msecond":
                return Unit.MILLISECONDS;
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
            case "quarter": case "qtr":
                return Unit.QUARTER;
            case "year": case "years": case "y": case "yr": case "yrs":
                return Unit.YEAR;
            case "decade": case "decades": case "dec": case "decs":
                return Unit.DECADE;
            case "century": case "centuries": case "c": case "cent":
                return Unit.CENTURY;
            case "millennium": case "millennia": case "mil": case "mils": case "millenniums":
                return Unit.MILLENNIUM;
            case "julian": case "j":
                return Unit.JULIAN;
            case "isoyear":
                return Unit.ISOYEAR;
            case "dow":
                return Unit.DOW;
            case "isodow":
                return Unit.ISODOW;
            case "doy":
                return Unit.DOY;
            case "epoch":
                return Unit.EPOCH;
            case "timezone":
                return Unit.TIMEZONE;
            case "timezone_h": case "timezone_hour":
                return Unit.TIMEZONE_HOUR;
            case "timezone_m": case "timezone_minute":
                return Unit.TIMEZONE_MINUTE;
            default:
                return null;
        }
    }

    private static Unit requireUnit(String name, String typeName) {
        Unit u = unit(name);
        if (u == null) {
            throw new SqlException(PgErrors.INVALID_PARAMETER_VALUE,
                    "unit \"" + name.toLowerCase(Locale.ROOT) + "\" not recognized for type " + typeName);
        }
        return u;
    }

    private static SqlException notSupported(String name, String typeName) {
        return new SqlException(PgErrors.FEATURE_NOT_SUPPORTED,
                "unit \"" + name.toLowerCase(Locale.ROOT) + "\" not supported for type " + typeName);
    }

    private static boolean monotonic(Unit u) {
        switch (u) {
            case YEAR: case DECADE: case CENTURY: case MILLENNIUM: case JULIAN: case ISOYEAR: case EPOCH:
                return true;
            default:
                return false;
        }
    }

    // ---------------------------------------------------------------- extract

    /** extract(unit FROM date). */
    public static PgNumeric extractDate(String unitName, int date) {
        Unit u = requireUnit(unitName, "date");
        if (!DateTimeValues.isFinite(date)) {
            if (monotonic(u)) {
                return date > 0 ? PgNumeric.POSITIVE_INFINITY : PgNumeric.NEGATIVE_INFINITY;
            }
            switch (u) {
                case DAY: case MONTH: case QUARTER: case WEEK: case DOW: case ISODOW: case DOY:
                    return null;
                default:
                    throw notSupported(unitName, "date");
            }
        }
        LocalDate d = DateTimeValues.toLocalDate(date);
        switch (u) {
            case EPOCH:
                return PgNumeric.of(((long) date - DateTimeValues.UNIX_EPOCH_DAYS) * 86400);
            case JULIAN:
                return PgNumeric.of((long) date + DateTimeValues.POSTGRES_EPOCH_JDATE);
            case MICROSECONDS: case MILLISECONDS: case SECOND: case MINUTE: case HOUR: case TIMEZONE:
            case TIMEZONE_HOUR: case TIMEZONE_MINUTE:
                throw notSupported(unitName, "date");
            default:
                return PgNumeric.of(dateField(u, d));
        }
    }

    private static long dateField(Unit u, LocalDate d) {
        int year = d.getYear();
        switch (u) {
            case DAY:
                return d.getDayOfMonth();
            case MONTH:
                return d.getMonthValue();
            case QUARTER:
                return (d.getMonthValue() - 1) / 3 + 1;
            case WEEK:
                return d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case YEAR:
                return year > 0 ? year : year - 1;
            case DECADE:
                return year >= 0 ? year / 10 : -((8 - (year - 1)) / 10);
            case CENTURY:
                return year > 0 ? (year + 99) / 100 : -((99 - (year - 1)) / 100);
            case MILLENNIUM:
                return year > 0 ? (year + 999) / 1000 : -((999 - (year - 1)) / 1000);
            case ISOYEAR: {
                int iy = d.get(IsoFields.WEEK_BASED_YEAR);
                return iy <= 0 ? iy - 1 : iy;
            }
            case DOW:
                return d.getDayOfWeek().getValue() % 7;
            case ISODOW:
                return d.getDayOfWeek().getValue();
            case DOY:
                return d.getDayOfYear();
            default:
                throw new IllegalArgumentException(u.name());
        }
    }

    /** extract(unit FROM timestamp). */
    public static PgNumeric extractTimestamp(String unitName, long ts) {
        return extractTs(unitName, ts, null, "timestamp without time zone");
    }

    /** extract(unit FROM timestamptz): fields in local time of zone. */
    public static PgNumeric extractTimestamptz(String unitName, long tstz, ZoneId zone) {
        return extractTs(unitName, tstz, zone, "timestamp with time zone");
    }

    private static PgNumeric extractTs(String unitName, long ts, ZoneId zone, String typeName) {
        Unit u = requireUnit(unitName, typeName);
        if (!DateTimeValues.isFinite(ts)) {
            if (zone == null && (u == Unit.TIMEZONE || u == Unit.TIMEZONE_HOUR || u == Unit.TIMEZONE_MINUTE)) {
                throw notSupported(unitName, typeName);
            }
            return monotonic(u) ? (ts > 0 ? PgNumeric.POSITIVE_INFINITY : PgNumeric.NEGATIVE_INFINITY) : null;
        }
        if (u == Unit.EPOCH) {
            long since = zone == null ? ts - DateTimeValues.UNIX_EPOCH_MICROS : ts - DateTimeValues.UNIX_EPOCH_MICROS;
            return PgNumeric.finite(BigDecimal.valueOf(since, 6));
        }
        int offset = zone == null ? 0 : DateTimeValues.offsetAt(zone, ts);
        long local = ts + offset * 1_000_000L;
        LocalDateTime t = DateTimeValues.toLocalDateTime(local);
        long secMicros = t.getSecond() * 1_000_000L + t.getNano() / 1000;
        switch (u) {
            case MICROSECONDS:
                return PgNumeric.of(secMicros);
            case MILLISECONDS:
                return PgNumeric.finite(BigDecimal.valueOf(secMicros, 3));
            case SECOND:
                return PgNumeric.finite(BigDecimal.valueOf(secMicros, 6));
            case MINUTE:
                return PgNumeric.of(t.getMinute());
            case HOUR:
                return PgNumeric.of(t.getHour());
            case JULIAN: {
                long jd = DateTimeValues.timestampToDate(local) + (long) DateTimeValues.POSTGRES_EPOCH_JDATE;
                PgNumeric frac = PgNumeric.of(DateTimeValues.timestampToTime(local))
                        .divide(PgNumeric.of(PgInterval.USECS_PER_DAY));
                return PgNumeric.of(jd).add(frac);
            }
            case TIMEZONE:
            case TIMEZONE_HOUR:
            case TIMEZONE_MINUTE:
                if (zone == null) {
                    throw notSupported(unitName, typeName);
                }
                return PgNumeric.of(u == Unit.TIMEZONE ? offset : u == Unit.TIMEZONE_HOUR ? offset / 3600
                        : offset / 60 % 60);
            default:
                return PgNumeric.of(dateField(u, t.toLocalDate()));
        }
    }

    /** extract(unit FROM interval). */
    public static PgNumeric extractInterval(String unitName, PgInterval v) {
        Unit u = requireUnit(unitName, "interval");
        long time = v.micros();
        long hour = time / PgInterval.USECS_PER_HOUR;
        long rem = time - hour * PgInterval.USECS_PER_HOUR;
        long min = rem / PgInterval.USECS_PER_MINUTE;
        long secMicros = rem - min * PgInterval.USECS_PER_MINUTE;
        int year = v.months() / 12;
        int mon = v.months() % 12;
        switch (u) {
            case MICROSECONDS:
                return PgNumeric.of(secMicros);
            case MILLISECONDS:
                return PgNumeric.finite(BigDecimal.valueOf(secMicros, 3));
            case SECOND:
                return PgNumeric.finite(BigDecimal.valueOf(secMicros, 6));
            case MINUTE:
                return PgNumeric.of(min);
            case HOUR:
                return PgNumeric.of(hour);
            case DAY:
                return PgNumeric.of(v.days());
            case MONTH:
                return PgNumeric.of(mon);
            case QUARTER:
                return PgNumeric.of(mon / 3 + 1);
            case YEAR:
                return PgNumeric.of(year);
            case DECADE:
                return PgNumeric.of(year / 10);
            case CENTURY:
                return PgNumeric.of(year / 100);
            case MILLENNIUM:
                return PgNumeric.of(year / 1000);
            case EPOCH: {
                long secsFromDayMonths = ((long) (4 * 365.25) * (v.months() / 12) + (long) (4 * 30) * (v.months() % 12)
                        + 4L * v.days()) * (86400 / 4);
                BigDecimal total = BigDecimal.valueOf(secsFromDayMonths).movePointRight(6).add(BigDecimal.valueOf(time));
                return PgNumeric.finite(total.movePointLeft(6).setScale(6));
            }
            default:
                throw notSupported(unitName, "interval");
        }
    }

    /** date_part(text, date): double precision (through timestamp, as PostgreSQL's SQL definition does). */
    public static Double datePartDate(String unitName, int date) {
        return datePartTimestamp(unitName, DateTimeValues.dateToTimestamp(date));
    }

    public static Double datePartTimestamp(String unitName, long ts) {
        return toDouble(extractTimestamp(unitName, ts));
    }

    public static Double datePartTimestamptz(String unitName, long tstz, ZoneId zone) {
        return toDouble(extractTimestamptz(unitName, tstz, zone));
    }

    public static Double datePartInterval(String unitName, PgInterval v) {
        return toDouble(extractInterval(unitName, v));
    }

    private static Double toDouble(PgNumeric n) {
        return n == null ? null : n.toFloat8();
    }

    // ---------------------------------------------------------------- date_trunc

    /** date_trunc(text, timestamp). */
    public static long truncTimestamp(String unitName, long ts) {
        Unit u = requireUnit(unitName, "timestamp without time zone");
        if (!DateTimeValues.isFinite(ts)) {
            return ts;
        }
        LocalDateTime t = truncLocal(u, DateTimeValues.toLocalDateTime(ts), unitName, "timestamp without time zone");
        return DateTimeValues.fromLocalDateTime(t);
    }

    /** date_trunc(text, timestamptz [, zone]): truncation in local time; day and larger re-resolve the offset. */
    public static long truncTimestamptz(String unitName, long tstz, ZoneId zone) {
        Unit u = requireUnit(unitName, "timestamp with time zone");
        if (!DateTimeValues.isFinite(tstz)) {
            return tstz;
        }
        int offset = DateTimeValues.offsetAt(zone, tstz);
        LocalDateTime t = truncLocal(u, DateTimeValues.toLocalDateTime(tstz + offset * 1_000_000L), unitName,
                "timestamp with time zone");
        long local = DateTimeValues.fromLocalDateTime(t);
        boolean redoZone = u.ordinal() >= Unit.DAY.ordinal();
        return redoZone ? DateTimeValues.localToUtc(local, zone) : local - offset * 1_000_000L;
    }

    /** date_trunc(text, interval). */
    public static PgInterval truncInterval(String unitName, PgInterval v) {
        Unit u = requireUnit(unitName, "interval");
        int year = v.months() / 12;
        int mon = v.months() % 12;
        int day = v.days();
        long time = v.micros();
        long hour = time / PgInterval.USECS_PER_HOUR;
        long min = time % PgInterval.USECS_PER_HOUR / PgInterval.USECS_PER_MINUTE;
        long sec = time % PgInterval.USECS_PER_MINUTE / 1_000_000;
        long fsec = time % 1_000_000;
        switch (u) {
            case MILLENNIUM:
                year = (year / 1000) * 1000;
                mon = 0; day = 0; hour = 0; min = 0; sec = 0; fsec = 0;
                break;
            case CENTURY:
                year = (year / 100) * 100;
                mon = 0; day = 0; hour = 0; min = 0; sec = 0; fsec = 0;
                break;
            case DECADE:
                year = (year / 10) * 10;
                mon = 0; day = 0; hour = 0; min = 0; sec = 0; fsec = 0;
                break;
            case YEAR:
                mon = 0; day = 0; hour = 0; min = 0; sec = 0; fsec = 0;
                break;
            case QUARTER:
                mon = 3 * (mon / 3); day = 0; hour = 0; min = 0; sec = 0; fsec = 0;
                break;
            case MONTH:
                day = 0; hour = 0; min = 0; sec = 0; fsec = 0;
                break;
            case DAY:
                hour = 0; min = 0; sec = 0; fsec = 0;
                break;
            case HOUR:
                min = 0; sec = 0; fsec = 0;
                break;
            case MINUTE:
                sec = 0; fsec = 0;
                break;
            case SECOND:
                fsec = 0;
                break;
            case MILLISECONDS:
                fsec = (fsec / 1000) * 1000;
                break;
            case MICROSECONDS:
                break;
            case WEEK:
                throw new SqlException(PgErrors.FEATURE_NOT_SUPPORTED,
                        "interval units \"" + unitName.toLowerCase(Locale.ROOT) + "\" not supported because months usually have fractional weeks");
            default:
                throw new SqlException(PgErrors.FEATURE_NOT_SUPPORTED,
                        "interval units \"" + unitName.toLowerCase(Locale.ROOT) + "\" not supported");
        }
        long micros = ((hour * 60 + min) * 60 + sec) * 1_000_000 + fsec;
        return new PgInterval(year * 12 + mon, day, micros);
    }

    private static LocalDateTime truncLocal(Unit u, LocalDateTime t, String unitName, String typeName) {
        int year = t.getYear();
        switch (u) {
            case WEEK: {
                LocalDate d = t.toLocalDate().minusDays(t.getDayOfWeek().getValue() - 1);
                return d.atStartOfDay();
            }
            case MILLENNIUM: {
                int y = year > 0 ? ((year + 999) / 1000) * 1000 - 999 : -((999 - (year - 1)) / 1000) * 1000 + 1;
                return LocalDate.of(y, 1, 1).atStartOfDay();
            }
            case CENTURY: {
                int y = year > 0 ? ((year + 99) / 100) * 100 - 99 : -((99 - (year - 1)) / 100) * 100 + 1;
                return LocalDate.of(y, 1, 1).atStartOfDay();
            }
            case DECADE: {
                int y = year > 0 ? (year / 10) * 10 : -((8 - (year - 1)) / 10) * 10;
                return LocalDate.of(y, 1, 1).atStartOfDay();
            }
            case YEAR:
                return LocalDate.of(year, 1, 1).atStartOfDay();
            case QUARTER:
                return LocalDate.of(year, 3 * ((t.getMonthValue() - 1) / 3) + 1, 1).atStartOfDay();
            case MONTH:
                return LocalDate.of(year, t.getMonthValue(), 1).atStartOfDay();
            case DAY:
                return t.toLocalDate().atStartOfDay();
            case HOUR:
                return t.withMinute(0).withSecond(0).withNano(0);
            case MINUTE:
                return t.withSecond(0).withNano(0);
            case SECOND:
                return t.withNano(0);
            case MILLISECONDS:
                return t.withNano(t.getNano() / 1_000_000 * 1_000_000);
            case MICROSECONDS:
                return t;
            default:
                throw notSupported(unitName, typeName);
        }
    }
}
