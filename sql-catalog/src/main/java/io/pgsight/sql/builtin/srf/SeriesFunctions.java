package io.pgsight.sql.builtin.srf;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.builtin.CatalogWriter;
import io.pgsight.sql.builtin.datetime.DateTimeMath;
import io.pgsight.sql.builtin.numeric.Numerics;
import io.pgsight.sql.format.PgInterval;
import io.pgsight.sql.format.PgNumeric;
import io.pgsight.sql.spi.SetReturningFunction;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * generate_series over integer, bigint, numeric, timestamp and timestamptz (with an interval step).
 * Series are produced lazily, so a LIMIT stops an unbounded one; a step of zero is an error.
 */
public final class SeriesFunctions {
    private SeriesFunctions() {
    }

    private static SqlException zeroStep() {
        return new SqlException("22023", "step size cannot equal zero");
    }

    public static void register(CatalogWriter w) {
        SetReturningFunction int4Two = (ctx, a) -> longs((Integer) a[0], (Integer) a[1], 1, true);
        SetReturningFunction int4Three = (ctx, a) -> longs((Integer) a[0], (Integer) a[1], (Integer) a[2], true);
        SetReturningFunction int8Two = (ctx, a) -> longs((Long) a[0], (Long) a[1], 1, false);
        SetReturningFunction int8Three = (ctx, a) -> longs((Long) a[0], (Long) a[1], (Long) a[2], false);
        w.srf("generate_series", "int4", int4Two, "int4", "int4");
        w.srf("generate_series", "int4", int4Three, "int4", "int4", "int4");
        w.srf("generate_series", "int8", int8Two, "int8", "int8");
        w.srf("generate_series", "int8", int8Three, "int8", "int8", "int8");
        SetReturningFunction numTwo = (ctx, a) -> numerics(Numerics.of(a[0]), Numerics.of(a[1]), PgNumeric.ONE);
        SetReturningFunction numThree = (ctx, a) -> numerics(Numerics.of(a[0]), Numerics.of(a[1]), Numerics.of(a[2]));
        w.srf("generate_series", "numeric", numTwo, "numeric", "numeric");
        w.srf("generate_series", "numeric", numThree, "numeric", "numeric", "numeric");
        SetReturningFunction ts = (ctx, a) -> {
            PgInterval step = (PgInterval) a[2];
            int dir = checkStep(step);
            LocalDateTime stop = (LocalDateTime) a[1];
            return series((LocalDateTime) a[0], t -> DateTimeMath.plus(t, step),
                    t -> dir > 0 ? t.compareTo(stop) <= 0 : t.compareTo(stop) >= 0);
        };
        w.srf("generate_series", "timestamp", ts, "timestamp", "timestamp", "interval");
        SetReturningFunction tstz = (ctx, a) -> {
            PgInterval step = (PgInterval) a[2];
            int dir = checkStep(step);
            Instant stop = (Instant) a[1];
            ZoneId zone = DateTimeMath.zone(ctx);
            return series((Instant) a[0], t -> DateTimeMath.plus(t, step, zone),
                    t -> dir > 0 ? t.compareTo(stop) <= 0 : t.compareTo(stop) >= 0);
        };
        w.srf("generate_series", "timestamptz", tstz, "timestamptz", "timestamptz", "interval");
    }

    private static int checkStep(PgInterval step) {
        int sign = step.compareTo(PgInterval.ZERO);
        if (sign == 0) {
            throw zeroStep();
        }
        return sign;
    }

    static Iterator<Object> longs(long start, long stop, long step, boolean int4) {
        if (step == 0) {
            throw zeroStep();
        }
        return new Iterator<>() {
            private long next = start;
            private boolean done = step > 0 ? start > stop : start < stop;

            @Override
            public boolean hasNext() {
                return !done;
            }

            @Override
            public Object next() {
                if (done) {
                    throw new NoSuchElementException();
                }
                long current = next;
                long after = current + step;
                boolean overflow = int4 ? after != (int) after
                        : ((current ^ after) & (step ^ after)) < 0;
                done = overflow || (step > 0 ? after > stop : after < stop);
                next = after;
                return int4 ? (Object) (int) current : (Object) current;
            }
        };
    }

    static Iterator<Object> numerics(PgNumeric start, PgNumeric stop, PgNumeric step) {
        for (PgNumeric n : new PgNumeric[] {start, stop, step}) {
            if (n.isNaN()) {
                throw new SqlException("22023", (n == step ? "step size" : n == start ? "start value" : "stop value")
                        + " cannot be NaN");
            }
            if (n.isInfinite() && n != stop) {
                throw new SqlException("22023", (n == step ? "step size" : "start value") + " cannot be infinity");
            }
        }
        if (step.signum() == 0) {
            throw zeroStep();
        }
        int dir = step.signum();
        return series(start, n -> n.add(step), n -> dir > 0 ? n.compareTo(stop) <= 0 : n.compareTo(stop) >= 0,
                Numerics::value);
    }

    static <T> Iterator<Object> series(T start, Function<T, T> advance, Predicate<T> inRange) {
        return series(start, advance, inRange, t -> t);
    }

    static <T> Iterator<Object> series(T start, Function<T, T> advance, Predicate<T> inRange,
                                       Function<T, Object> emit) {
        return new Iterator<>() {
            private T next = start;

            @Override
            public boolean hasNext() {
                return inRange.test(next);
            }

            @Override
            public Object next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                T current = next;
                next = advance.apply(current);
                return emit.apply(current);
            }
        };
    }
}
