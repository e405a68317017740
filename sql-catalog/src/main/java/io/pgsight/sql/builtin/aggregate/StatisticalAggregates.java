package io.pgsight.sql.builtin.aggregate;

import io.pgsight.sql.builtin.CatalogWriter;
import io.pgsight.sql.builtin.numeric.Numerics;
import io.pgsight.sql.format.FloatAccumulator;
import io.pgsight.sql.format.NumericAccumulator;
import io.pgsight.sql.format.PgNumeric;
import io.pgsight.sql.spi.AggregateState;
import io.pgsight.sql.spi.FunctionContext;

import java.util.function.Function;

/**
 * avg, stddev/stddev_samp/stddev_pop and variance/var_samp/var_pop: integer and numeric inputs
 * accumulate exactly and answer numeric; real and double precision answer double precision.
 */
public final class StatisticalAggregates {
    private StatisticalAggregates() {
    }

    private record NumericState(NumericAccumulator acc, Function<NumericAccumulator, PgNumeric> result)
            implements AggregateState {
        @Override
        public void add(FunctionContext ctx, Object[] args) {
            Object v = args[0];
            if (v instanceof Integer || v instanceof Long || v instanceof Short) {
                acc.add(((Number) v).longValue());
            } else {
                acc.add(Numerics.of(v));
            }
        }

        @Override
        public Object result(FunctionContext ctx) {
            PgNumeric r = result.apply(acc);
            return r == null ? null : Numerics.value(r);
        }
    }

    private record FloatState(FloatAccumulator acc, Function<FloatAccumulator, Double> result)
            implements AggregateState {
        @Override
        public void add(FunctionContext ctx, Object[] args) {
            acc.add(((Number) args[0]).doubleValue());
        }

        @Override
        public Object result(FunctionContext ctx) {
            return result.apply(acc);
        }
    }

    public static void register(CatalogWriter w) {
        numeric(w, "avg", NumericAccumulator::avg);
        numeric(w, "stddev", NumericAccumulator::stddevSample);
        numeric(w, "stddev_samp", NumericAccumulator::stddevSample);
        numeric(w, "stddev_pop", NumericAccumulator::stddevPopulation);
        numeric(w, "variance", NumericAccumulator::varianceSample);
        numeric(w, "var_samp", NumericAccumulator::varianceSample);
        numeric(w, "var_pop", NumericAccumulator::variancePopulation);
        floats(w, "avg", FloatAccumulator::avg);
        floats(w, "stddev", FloatAccumulator::stddevSample);
        floats(w, "stddev_samp", FloatAccumulator::stddevSample);
        floats(w, "stddev_pop", FloatAccumulator::stddevPopulation);
        floats(w, "variance", FloatAccumulator::varianceSample);
        floats(w, "var_samp", FloatAccumulator::varianceSample);
        floats(w, "var_pop", FloatAccumulator::variancePopulation);
    }

    private static void numeric(CatalogWriter w, String name, Function<NumericAccumulator, PgNumeric> result) {
        for (String t : new String[] {"int2", "int4", "int8", "numeric"}) {
            w.aggregate(name, "numeric", true, () -> new NumericState(new NumericAccumulator(), result), t);
        }
    }

    private static void floats(CatalogWriter w, String name, Function<FloatAccumulator, Double> result) {
        for (String t : new String[] {"float4", "float8"}) {
            w.aggregate(name, "float8", true, () -> new FloatState(new FloatAccumulator(), result), t);
        }
    }
}
