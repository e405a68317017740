package io.pgsight.ext.vector;

import io.pgsight.sql.spi.AggregateDef;
import io.pgsight.sql.spi.AggregateState;
import io.pgsight.sql.spi.FunctionContext;
import io.pgsight.sql.spi.FunctionDef;
import io.pgsight.sql.spi.PgArray;
import java.util.List;

/**
 * avg and sum over vector and halfvec. avg keeps pgvector's state: a count and per-dimension double
 * sums; the state functions (vector_accum, vector_avg, vector_combine ...) are also callable directly
 * with the {@code double precision[]} state {n, s1, ..., sd}, as in PostgreSQL.
 */
final class VectorAggregates {
    private VectorAggregates() {
    }

    /** Running avg state; {@code sums} is null until the first value fixes the dimension. */
    private static final class AvgState implements AggregateState {
        private final boolean half;
        private double count;
        private double[] sums;

        AvgState(boolean half) {
            this.half = half;
        }

        @Override
        public void add(FunctionContext ctx, Object[] args) {
            float[] x = half ? ((HalfVec) args[0]).toFloats() : ((Vector) args[0]).elements();
            if (sums == null) {
                sums = new double[x.length];
            } else if (sums.length != x.length) {
                throw VectorErrors.expectedDimensions(sums.length, x.length);
            }
            count += 1;
            for (int i = 0; i < x.length; i++) {
                sums[i] += x[i];
                if (Double.isInfinite(sums[i])) {
                    throw VectorErrors.overflow();
                }
            }
        }

        @Override
        public Object result(FunctionContext ctx) {
            if (sums == null) {
                return null;
            }
            return average(count, sums, half);
        }
    }

    static Object average(double count, double[] sums, boolean half) {
        float[] r = new float[sums.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = (float) (sums[i] / count);
            VectorErrors.checkFinite(r[i], half ? HalfVecType.NAME : VectorType.NAME);
        }
        return half ? VectorCasts.toHalfVec(r, -1) : Vector.wrap(r);
    }

    /** sum: the + operator folded over the non-null inputs. */
    private static final class SumState implements AggregateState {
        private final boolean half;
        private Object total;

        SumState(boolean half) {
            this.half = half;
        }

        @Override
        public void add(FunctionContext ctx, Object[] args) {
            if (total == null) {
                total = args[0];
            } else if (half) {
                total = VectorMath.add((HalfVec) total, (HalfVec) args[0]);
            } else {
                total = VectorMath.add((Vector) total, (Vector) args[0]);
            }
        }

        @Override
        public Object result(FunctionContext ctx) {
            return total;
        }
    }

    static void register(Registrar c) {
        for (boolean half : new boolean[] {false, true}) {
            String t = half ? HalfVecType.NAME : VectorType.NAME;
            c.registry().aggregate(new AggregateDef("avg", List.of(t), t, true, () -> new AvgState(half),
                    "the average (arithmetic mean) as " + t + " of all " + t + " values"));
            c.registry().aggregate(new AggregateDef("sum", List.of(t), t, true, () -> new SumState(half),
                    "sum as " + t + " across all " + t + " input values"));
            c.function(t + "_accum", List.of("double precision[]", t), "double precision[]",
                    "aggregate transition function", (ctx, a) -> accum(t + "_accum", (PgArray) a[0], a[1], half));
            c.function(t + "_avg", List.of("double precision[]"), t, "aggregate final function",
                    (ctx, a) -> finalAvg(t + "_avg", (PgArray) a[0], half));
            c.registry().function(FunctionDef.scalar(t + "_combine", List.of("double precision[]", "double precision[]"),
                    "double precision[]", (ctx, a) -> combine((PgArray) a[0], (PgArray) a[1]))
                    .withComment("aggregate combine function"));
        }
    }

    /** Validates a state array as pgvector's CheckStateArray does. */
    private static double[] state(PgArray array, String caller) {
        if (array.dimensionCount() != 1 || array.length() < 1 || array.containsNull()
                || array.elementTypeOid() != TypeOids.FLOAT8) {
            throw VectorErrors.internal(caller + ": expected state array");
        }
        double[] s = new double[array.length()];
        for (int i = 0; i < s.length; i++) {
            s[i] = ((Number) array.get(i)).doubleValue();
        }
        return s;
    }

    private static PgArray toArray(double[] s) {
        Object[] boxed = new Object[s.length];
        for (int i = 0; i < s.length; i++) {
            boxed[i] = s[i];
        }
        return PgArray.of(TypeOids.FLOAT8, boxed);
    }

    static PgArray accum(String caller, PgArray stateArray, Object value, boolean half) {
        double[] s = state(stateArray, caller);
        float[] x = half ? ((HalfVec) value).toFloats() : ((Vector) value).elements();
        double[] out;
        if (s[0] == 0) {
            out = new double[x.length + 1];
        } else {
            if (s.length - 1 != x.length) {
                throw VectorErrors.expectedDimensions(s.length - 1, x.length);
            }
            out = s.clone();
        }
        out[0] = s[0] + 1;
        for (int i = 0; i < x.length; i++) {
            out[i + 1] += x[i];
            if (Double.isInfinite(out[i + 1])) {
                throw VectorErrors.overflow();
            }
        }
        return toArray(out);
    }

    static Object finalAvg(String caller, PgArray stateArray, boolean half) {
        double[] s = state(stateArray, caller);
        if (s[0] == 0) {
            return null;
        }
        if (s.length - 1 < 1) {
            throw VectorErrors.atLeastOneDimension(half ? HalfVecType.NAME : VectorType.NAME);
        }
        return average(s[0], java.util.Arrays.copyOfRange(s, 1, s.length), half);
    }

    static PgArray combine(PgArray a, PgArray b) {
        double[] s1 = state(a, "vector_combine");
        double[] s2 = state(b, "vector_combine");
        if (s1[0] == 0) {
            return toArray(s2);
        }
        if (s2[0] == 0) {
            return toArray(s1);
        }
        if (s1.length != s2.length) {
            throw VectorErrors.expectedDimensions(s1.length - 1, s2.length - 1);
        }
        double[] out = new double[s1.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = s1[i] + s2[i];
            if (Double.isInfinite(out[i])) {
                throw VectorErrors.overflow();
            }
        }
        return toArray(out);
    }
}
