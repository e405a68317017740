package io.pgsight.sql.builtin.aggregate;

import io.pgsight.sql.builtin.CatalogWriter;
import io.pgsight.sql.builtin.PgErrors;
import io.pgsight.sql.format.FloatArithmetic;
import io.pgsight.sql.builtin.numeric.Numerics;
import io.pgsight.sql.format.PgInterval;
import io.pgsight.sql.builtin.types.ValueOrder;
import io.pgsight.sql.format.PgNumeric;
import io.pgsight.sql.spi.AggregateState;
import io.pgsight.sql.spi.FunctionContext;

import java.util.Comparator;

/**
 * count, sum, min, max, bool_and/bool_or/every, and avg over interval. sum's result types follow
 * pg_aggregate: smallint/integer → bigint, bigint → numeric, real → real, double → double,
 * numeric → numeric, interval → interval.
 */
public final class BasicAggregates {
    /** Types with a btree order that min/max accept (PostgreSQL's list less enum, inet, money, tid ...). */
    private static final String[] ORDERED = {"int2", "int4", "int8", "float4", "float8", "numeric", "text",
            "date", "time", "timestamp", "timestamptz", "interval", "oid", "anyarray"};

    private BasicAggregates() {
    }

    /** count(x): rows where x is not null (the engine skips nulls for strict aggregates). */
    private static final class Count implements AggregateState {
        @Override
        public boolean keepsArgumentArray() {
            return false;
        }

        private long n;

        @Override
        public void add(FunctionContext ctx, Object[] args) {
            n++;
        }

        @Override
        public Object result(FunctionContext ctx) {
            return n;
        }
    }

    private static final class LongSum implements AggregateState {
        @Override
        public boolean keepsArgumentArray() {
            return false;
        }

        private long sum;
        private boolean any;

        @Override
        public void add(FunctionContext ctx, Object[] args) {
            try {
                sum = Math.addExact(sum, ((Number) args[0]).longValue());
            } catch (ArithmeticException e) {
                throw PgErrors.bigintOutOfRange();
            }
            any = true;
        }

        @Override
        public Object result(FunctionContext ctx) {
            return any ? sum : null;
        }
    }

    private static final class NumericSum implements AggregateState {
        @Override
        public boolean keepsArgumentArray() {
            return false;
        }

        private PgNumeric sum;

        @Override
        public void add(FunctionContext ctx, Object[] args) {
            PgNumeric v = args[0] instanceof Long l ? PgNumeric.of(l) : Numerics.of(args[0]);
            sum = sum == null ? v : sum.add(v);
        }

        @Override
        public Object result(FunctionContext ctx) {
            return sum == null ? null : Numerics.value(sum);
        }
    }

    private static final class DoubleSum implements AggregateState {
        @Override
        public boolean keepsArgumentArray() {
            return false;
        }

        private final boolean single;
        private double sum;
        private boolean any;

        DoubleSum(boolean single) {
            this.single = single;
        }

        @Override
        public void add(FunctionContext ctx, Object[] args) {
            double x = ((Number) args[0]).doubleValue();
            sum = single ? FloatArithmetic.add((float) sum, (float) x) : FloatArithmetic.add(sum, x);
            any = true;
        }

        @Override
        public Object result(FunctionContext ctx) {
            return !any ? null : single ? (Object) (float) sum : (Object) sum;
        }
    }

    private static final class IntervalSum implements AggregateState {
        private final boolean average;
        private PgInterval sum;
        private long n;

        IntervalSum(boolean average) {
            this.average = average;
        }

        @Override
        public void add(FunctionContext ctx, Object[] args) {
            PgInterval v = (PgInterval) args[0];
            sum = sum == null ? v : sum.plus(v);
            n++;
        }

        @Override
        public Object result(FunctionContext ctx) {
            if (sum == null) {
                return null;
            }
            return average ? sum.divide(n) : sum;
        }
    }

    private static final class Extreme implements AggregateState {
        @Override
        public boolean keepsArgumentArray() {
            return false;
        }

        private final Comparator<Object> order;
        private final int sign;
        private Object best;

        Extreme(Comparator<Object> order, int sign) {
            this.order = order;
            this.sign = sign;
        }

        @Override
        public void add(FunctionContext ctx, Object[] args) {
            Object v = args[0];
            if (best == null || Integer.signum(order.compare(v, best)) == sign) {
                best = v;
            }
        }

        @Override
        public Object result(FunctionContext ctx) {
            return best;
        }
    }

    private static final class BoolFold implements AggregateState {
        private final boolean and;
        private Boolean value;

        BoolFold(boolean and) {
            this.and = and;
        }

        @Override
        public void add(FunctionContext ctx, Object[] args) {
            boolean v = (Boolean) args[0];
            value = value == null ? v : (and ? value && v : value || v);
        }

        @Override
        public Object result(FunctionContext ctx) {
            return value;
        }
    }

    public static void register(CatalogWriter w) {
        w.aggregate("count", "int8", false, Count::new);
        w.aggregate("count", "int8", true, Count::new, "any");
        w.aggregate("sum", "int8", true, LongSum::new, "int2");
        w.aggregate("sum", "int8", true, LongSum::new, "int4");
        w.aggregate("sum", "numeric", true, NumericSum::new, "int8");
        w.aggregate("sum", "numeric", true, NumericSum::new, "numeric");
        w.aggregate("sum", "float4", true, () -> new DoubleSum(true), "float4");
        w.aggregate("sum", "float8", true, () -> new DoubleSum(false), "float8");
        w.aggregate("sum", "interval", true, () -> new IntervalSum(false), "interval");
        w.aggregate("avg", "interval", true, () -> new IntervalSum(true), "interval");
        for (String t : ORDERED) {
            String result = t;
            w.aggregate("min", result, true, () -> new Extreme(ValueOrder::compare, -1), t);
            w.aggregate("max", result, true, () -> new Extreme(ValueOrder::compare, 1), t);
        }
        Comparator<Object> bpchar = (a, b) -> ValueOrder.compareBpchar((String) a, (String) b);
        w.aggregate("min", "bpchar", true, () -> new Extreme(bpchar, -1), "bpchar");
        w.aggregate("max", "bpchar", true, () -> new Extreme(bpchar, 1), "bpchar");
        w.aggregate("bool_and", "bool", true, () -> new BoolFold(true), "bool");
        w.aggregate("every", "bool", true, () -> new BoolFold(true), "bool");
        w.aggregate("bool_or", "bool", true, () -> new BoolFold(false), "bool");
    }
}
