package io.pgsight.sql.builtin.aggregate;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.builtin.CatalogWriter;
import io.pgsight.sql.builtin.array.ElementTypes;
import io.pgsight.sql.spi.AggregateState;
import io.pgsight.sql.spi.FunctionContext;
import io.pgsight.sql.spi.PgArray;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** array_agg (of scalars and of arrays) and string_agg (text and bytea). Nulls: as PostgreSQL. */
public final class CollectingAggregates {
    private static final int FLOAT4 = 700;

    private CollectingAggregates() {
    }

    /** array_agg(anynonarray): keeps NULL inputs as NULL elements. */
    private static final class ArrayOfScalars implements AggregateState {
        @Override
        public boolean keepsInputs() {
            return true;
        }

        @Override
        public boolean keepsArgumentArray() {
            return false;
        }

        /** float4 values while every value is a non-null Float: no boxed list, no copy into the array. */
        private float[] floats = new float[16];
        private int floatCount;
        private List<Object> values;
        private int elementOid;

        @Override
        public void add(FunctionContext ctx, Object[] args) {
            if (elementOid == 0) {
                elementOid = ElementTypes.oidOf(ctx, 0, args[0]);
            }
            if (values == null && args[0] instanceof Float f && elementOid == FLOAT4) {
                if (floatCount == floats.length) {
                    floats = Arrays.copyOf(floats, floatCount * 2);
                }
                floats[floatCount++] = f;
                return;
            }
            if (values == null) {
                values = new ArrayList<>(Math.max(16, floatCount * 2));
                for (int i = 0; i < floatCount; i++) {
                    values.add(floats[i]);
                }
            }
            values.add(args[0]);
        }

        @Override
        public boolean addFloat4(FunctionContext ctx, float v) {
            if (elementOid == 0) {
                elementOid = ElementTypes.oidOf(ctx, 0, v);
            }
            if (values != null || elementOid != FLOAT4) {
                return false;
            }
            if (floatCount == floats.length) {
                floats = Arrays.copyOf(floats, floatCount * 2);
            }
            floats[floatCount++] = v;
            return true;
        }

        @Override
        public Object result(FunctionContext ctx) {
            if (values == null) {
                return floatCount == 0 ? null : PgArray.ofFloat4(Arrays.copyOf(floats, floatCount));
            }
            return values.isEmpty() ? null : PgArray.of(elementOid, values.toArray());
        }
    }

    /** array_agg(anyarray): stacks equal-shaped arrays into one more dimension. */
    private static final class ArrayOfArrays implements AggregateState {
        @Override
        public boolean keepsInputs() {
            return true;
        }

        private final List<Object> elements = new ArrayList<>();
        private PgArray first;
        private int count;

        @Override
        public void add(FunctionContext ctx, Object[] args) {
            if (args[0] == null) {
                throw new SqlException("22004", "cannot accumulate null arrays");
            }
            PgArray a = (PgArray) args[0];
            if (a.dimensionCount() == 0) {
                throw new SqlException("2202E", "cannot accumulate empty arrays");
            }
            if (first == null) {
                first = a;
            } else if (!Arrays.equals(first.dimensions(), a.dimensions())
                    || !Arrays.equals(first.lowerBounds(), a.lowerBounds())) {
                throw new SqlException("2202E", "cannot accumulate arrays of different dimensionality");
            }
            elements.addAll(Arrays.asList(a.toArray()));
            count++;
        }

        @Override
        public Object result(FunctionContext ctx) {
            if (first == null) {
                return null;
            }
            int n = first.dimensionCount();
            int[] dims = new int[n + 1];
            int[] lbs = new int[n + 1];
            dims[0] = count;
            lbs[0] = 1;
            System.arraycopy(first.dimensions(), 0, dims, 1, n);
            System.arraycopy(first.lowerBounds(), 0, lbs, 1, n);
            return new PgArray(first.elementTypeOid(), dims, lbs, elements.toArray());
        }
    }

    /** string_agg(text, text): NULL values are skipped; each value after the first is preceded by its delimiter. */
    private static final class TextJoin implements AggregateState {
        @Override
        public boolean keepsInputs() {
            return true;
        }

        private StringBuilder sb;

        @Override
        public void add(FunctionContext ctx, Object[] args) {
            if (args[0] == null) {
                return;
            }
            if (sb == null) {
                sb = new StringBuilder();
            } else if (args[1] != null) {
                io.pgsight.sql.exec.StatementMemory.checkStringBuffer(sb.length(), ((String) args[1]).length());
                sb.append((String) args[1]);
            }
            io.pgsight.sql.exec.StatementMemory.checkStringBuffer(sb.length(), ((String) args[0]).length());
            sb.append((String) args[0]);
        }

        @Override
        public Object result(FunctionContext ctx) {
            return sb == null ? null : sb.toString();
        }
    }

    private static final class ByteaJoin implements AggregateState {
        @Override
        public boolean keepsInputs() {
            return true;
        }

        private ByteArrayOutputStream out;

        @Override
        public void add(FunctionContext ctx, Object[] args) {
            if (args[0] == null) {
                return;
            }
            if (out == null) {
                out = new ByteArrayOutputStream();
            } else if (args[1] != null) {
                io.pgsight.sql.exec.StatementMemory.checkStringBuffer(out.size(), ((byte[]) args[1]).length);
                out.writeBytes((byte[]) args[1]);
            }
            io.pgsight.sql.exec.StatementMemory.checkStringBuffer(out.size(), ((byte[]) args[0]).length);
            out.writeBytes((byte[]) args[0]);
        }

        @Override
        public Object result(FunctionContext ctx) {
            return out == null ? null : out.toByteArray();
        }
    }

    public static void register(CatalogWriter w) {
        w.aggregate("array_agg", "anyarray", false, ArrayOfScalars::new, "anynonarray");
        w.aggregate("array_agg", "anyarray", false, ArrayOfArrays::new, "anyarray");
        w.aggregate("string_agg", "text", false, TextJoin::new, "text", "text");
        w.aggregate("string_agg", "bytea", false, ByteaJoin::new, "bytea", "bytea");
    }
}
