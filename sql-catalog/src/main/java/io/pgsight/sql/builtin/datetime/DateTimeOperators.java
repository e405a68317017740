package io.pgsight.sql.builtin.datetime;

import io.pgsight.sql.builtin.CatalogWriter;
import io.pgsight.sql.builtin.ComparisonFamily;
import io.pgsight.sql.builtin.types.Temporals;
import io.pgsight.sql.format.DateTimeArithmetic;
import io.pgsight.sql.format.PgInterval;
import io.pgsight.sql.builtin.types.TimestampType;
import io.pgsight.sql.builtin.types.ValueOrder;
import io.pgsight.sql.spi.FunctionContext;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Comparator;

import static io.pgsight.sql.spi.CastContext.ASSIGNMENT;
import static io.pgsight.sql.spi.CastContext.IMPLICIT;

/**
 * Operators and casts of date, time, timestamp, timestamptz and interval: comparisons (also across
 * date/timestamp/timestamptz, via the session TimeZone), date ± integer, date - date, timestamp ±
 * interval, timestamp - timestamp, interval arithmetic; date→timestamp→timestamptz implicit casts.
 */
public final class DateTimeOperators {
    private static final TimestampType TIMESTAMP = TimestampType.timestamp();
    private static final TimestampType TIMESTAMPTZ = TimestampType.timestamptz();

    private DateTimeOperators() {
    }

    private static LocalDate date(Object o) {
        return (LocalDate) o;
    }

    private static LocalDateTime ts(Object o) {
        return (LocalDateTime) o;
    }

    private static Instant tstz(Object o) {
        return (Instant) o;
    }

    private static PgInterval iv(Object o) {
        return (PgInterval) o;
    }

    public static void register(CatalogWriter w) {
        comparisons(w);
        dateArithmetic(w);
        timestampArithmetic(w);
        intervalArithmetic(w);
        casts(w);
    }

    private static void comparisons(CatalogWriter w) {
        ComparisonFamily.register(w, "date", "date", ValueOrder::compare,
                "date_eq", "date_ne", "date_lt", "date_le", "date_gt", "date_ge", "date_cmp");
        ComparisonFamily.register(w, "time", "time", ValueOrder::compare,
                "time_eq", "time_ne", "time_lt", "time_le", "time_gt", "time_ge", "time_cmp");
        ComparisonFamily.register(w, "timestamp", "timestamp", ValueOrder::compare, names("timestamp", "timestamp"));
        ComparisonFamily.register(w, "timestamptz", "timestamptz", ValueOrder::compare,
                names("timestamptz", "timestamptz"));
        ComparisonFamily.register(w, "interval", "interval", ValueOrder::compare,
                "interval_eq", "interval_ne", "interval_lt", "interval_le", "interval_gt", "interval_ge", "interval_cmp");
        // cross-type: compare as timestamp (date/timestamp) or as timestamptz in the session zone
        cross(w, "date", "timestamp", (a, b) -> DateTimeMath.toTimestamp(date(a)).compareTo(ts(b)));
        cross(w, "timestamp", "date", (a, b) -> ts(a).compareTo(DateTimeMath.toTimestamp(date(b))));
        crossZoned(w, "date", "timestamptz", (ctx, a) -> DateTimeMath.toTimestamptz(DateTimeMath.toTimestamp(date(a)),
                DateTimeMath.zone(ctx)), (ctx, b) -> tstz(b));
        crossZoned(w, "timestamptz", "date", (ctx, a) -> tstz(a), (ctx, b) ->
                DateTimeMath.toTimestamptz(DateTimeMath.toTimestamp(date(b)), DateTimeMath.zone(ctx)));
        crossZoned(w, "timestamp", "timestamptz", (ctx, a) -> DateTimeMath.toTimestamptz(ts(a), DateTimeMath.zone(ctx)),
                (ctx, b) -> tstz(b));
        crossZoned(w, "timestamptz", "timestamp", (ctx, a) -> tstz(a),
                (ctx, b) -> DateTimeMath.toTimestamptz(ts(b), DateTimeMath.zone(ctx)));
    }

    private static String[] names(String l, String r) {
        String p = l.equals(r) ? l + "_" : l + "_";
        String suffix = l.equals(r) ? "" : "_" + r;
        return new String[] {p + "eq" + suffix, p + "ne" + suffix, p + "lt" + suffix, p + "le" + suffix,
                p + "gt" + suffix, p + "ge" + suffix, l.equals(r) ? l + "_cmp" : l + "_cmp_" + r};
    }

    private static void cross(CatalogWriter w, String l, String r, Comparator<Object> order) {
        ComparisonFamily.register(w, l, r, order, names(l, r));
    }

    private interface Side {
        Instant at(FunctionContext ctx, Object v);
    }

    private static void crossZoned(CatalogWriter w, String l, String r, Side left, Side right) {
        String[] n = names(l, r);
        String[] ops = {"=", "<>", "<", "<=", ">", ">="};
        for (int i = 0; i < 6; i++) {
            int which = i;
            w.op(ops[i], l, r, n[i], "bool", (ctx, a) -> {
                int c = left.at(ctx, a[0]).compareTo(right.at(ctx, a[1]));
                return switch (which) {
                    case 0 -> c == 0;
                    case 1 -> c != 0;
                    case 2 -> c < 0;
                    case 3 -> c <= 0;
                    case 4 -> c > 0;
                    default -> c >= 0;
                };
            });
        }
        w.fn(n[6], "int4", (ctx, a) -> Integer.signum(left.at(ctx, a[0]).compareTo(right.at(ctx, a[1]))), l, r);
    }

    private static void dateArithmetic(CatalogWriter w) {
        w.op("+", "date", "int4", "date_pli", "date", (ctx, a) -> DateTimeMath.plusDays(date(a[0]), (Integer) a[1]));
        w.op("+", "int4", "date", "integer_pl_date", "date", (ctx, a) -> DateTimeMath.plusDays(date(a[1]), (Integer) a[0]));
        w.op("-", "date", "int4", "date_mii", "date", (ctx, a) -> DateTimeMath.plusDays(date(a[0]), -(long) (Integer) a[1]));
        w.op("-", "date", "date", "date_mi", "int4", (ctx, a) -> DateTimeMath.daysBetween(date(a[0]), date(a[1])));
        w.op("+", "date", "interval", "date_pl_interval", "timestamp",
                (ctx, a) -> DateTimeMath.plus(DateTimeMath.toTimestamp(date(a[0])), iv(a[1])));
        w.op("+", "interval", "date", "interval_pl_date", "timestamp",
                (ctx, a) -> DateTimeMath.plus(DateTimeMath.toTimestamp(date(a[1])), iv(a[0])));
        w.op("-", "date", "interval", "date_mi_interval", "timestamp",
                (ctx, a) -> DateTimeMath.plus(DateTimeMath.toTimestamp(date(a[0])), iv(a[1]).negate()));
        w.op("+", "date", "time", "datetime_pl", "timestamp",
                (ctx, a) -> DateTimeMath.atTime(date(a[0]), (LocalTime) a[1]));
        w.op("+", "time", "date", "timedate_pl", "timestamp",
                (ctx, a) -> DateTimeMath.atTime(date(a[1]), (LocalTime) a[0]));
    }

    private static void timestampArithmetic(CatalogWriter w) {
        w.op("+", "timestamp", "interval", "timestamp_pl_interval", "timestamp",
                (ctx, a) -> DateTimeMath.plus(ts(a[0]), iv(a[1])));
        w.op("+", "interval", "timestamp", "interval_pl_timestamp", "timestamp",
                (ctx, a) -> DateTimeMath.plus(ts(a[1]), iv(a[0])));
        w.op("-", "timestamp", "interval", "timestamp_mi_interval", "timestamp",
                (ctx, a) -> DateTimeMath.plus(ts(a[0]), iv(a[1]).negate()));
        w.op("-", "timestamp", "timestamp", "timestamp_mi", "interval",
                (ctx, a) -> DateTimeMath.difference(ts(a[0]), ts(a[1])));
        w.op("+", "timestamptz", "interval", "timestamptz_pl_interval", "timestamptz",
                (ctx, a) -> DateTimeMath.plus(tstz(a[0]), iv(a[1]), DateTimeMath.zone(ctx)));
        w.op("+", "interval", "timestamptz", "interval_pl_timestamptz", "timestamptz",
                (ctx, a) -> DateTimeMath.plus(tstz(a[1]), iv(a[0]), DateTimeMath.zone(ctx)));
        w.op("-", "timestamptz", "interval", "timestamptz_mi_interval", "timestamptz",
                (ctx, a) -> DateTimeMath.plus(tstz(a[0]), iv(a[1]).negate(), DateTimeMath.zone(ctx)));
        w.op("-", "timestamptz", "timestamptz", "timestamptz_mi", "interval",
                (ctx, a) -> DateTimeMath.difference(tstz(a[0]), tstz(a[1])));
        w.op("+", "time", "interval", "time_pl_interval", "time", (ctx, a) -> DateTimeMath.plus((LocalTime) a[0], iv(a[1])));
        w.op("+", "interval", "time", "interval_pl_time", "time", (ctx, a) -> DateTimeMath.plus((LocalTime) a[1], iv(a[0])));
        w.op("-", "time", "interval", "time_mi_interval", "time",
                (ctx, a) -> DateTimeMath.plus((LocalTime) a[0], iv(a[1]).negate()));
        w.op("-", "time", "time", "time_mi_time", "interval", (ctx, a) -> DateTimeArithmetic.timeMinusTime(
                Temporals.pgTime((LocalTime) a[0]), Temporals.pgTime((LocalTime) a[1])));
    }

    private static void intervalArithmetic(CatalogWriter w) {
        w.op("+", "interval", "interval", "interval_pl", "interval", (ctx, a) -> iv(a[0]).plus(iv(a[1])));
        w.op("-", "interval", "interval", "interval_mi", "interval",
                (ctx, a) -> iv(a[0]).minus(iv(a[1])));
        w.prefix("-", "interval", "interval_um", "interval", (ctx, a) -> iv(a[0]).negate());
        w.prefix("+", "interval", "interval_up", "interval", (ctx, a) -> a[0]);
        w.op("*", "interval", "float8", "interval_mul", "interval",
                (ctx, a) -> iv(a[0]).multiply((Double) a[1]));
        w.op("*", "float8", "interval", "mul_d_interval", "interval",
                (ctx, a) -> iv(a[1]).multiply((Double) a[0]));
        w.op("/", "interval", "float8", "interval_div", "interval", (ctx, a) -> {
            return iv(a[0]).divide((Double) a[1]);
        });
    }

    private static void casts(CatalogWriter w) {
        w.cast("date", "timestamp", IMPLICIT, "timestamp", (ctx, v, typmod, e) -> DateTimeMath.toTimestamp(date(v)));
        w.cast("date", "timestamptz", IMPLICIT, "timestamptz", (ctx, v, typmod, e) ->
                DateTimeMath.toTimestamptz(DateTimeMath.toTimestamp(date(v)), DateTimeMath.zone(ctx)));
        w.cast("timestamp", "date", ASSIGNMENT, "date", (ctx, v, typmod, e) -> DateTimeMath.toDate(ts(v)));
        w.cast("timestamptz", "date", ASSIGNMENT, "date",
                (ctx, v, typmod, e) -> DateTimeMath.toDate(tstz(v), DateTimeMath.zone(ctx)));
        w.cast("timestamp", "timestamptz", IMPLICIT, "timestamptz", (ctx, v, typmod, e) ->
                TIMESTAMPTZ.applyTypmod(DateTimeMath.toTimestamptz(ts(v), DateTimeMath.zone(ctx)), typmod, e));
        w.cast("timestamptz", "timestamp", ASSIGNMENT, "timestamp", (ctx, v, typmod, e) ->
                TIMESTAMP.applyTypmod(DateTimeMath.toTimestamp(tstz(v), DateTimeMath.zone(ctx)), typmod, e));
        w.cast("timestamp", "time", ASSIGNMENT, "time", (ctx, v, typmod, e) -> DateTimeMath.toTime(ts(v)));
        w.cast("timestamptz", "time", ASSIGNMENT, "time", (ctx, v, typmod, e) ->
                DateTimeMath.toTime(DateTimeMath.toTimestamp(tstz(v), DateTimeMath.zone(ctx))));
        w.cast("time", "interval", IMPLICIT, "interval",
                (ctx, v, typmod, e) -> new PgInterval(0, 0, Temporals.pgTime((LocalTime) v)));
        w.cast("interval", "time", ASSIGNMENT, "time", (ctx, v, typmod, e) ->
                Temporals.time(Math.floorMod(iv(v).micros(), PgInterval.USECS_PER_DAY)));
    }
}
