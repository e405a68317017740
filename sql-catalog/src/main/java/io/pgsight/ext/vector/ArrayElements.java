package io.pgsight.ext.vector;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.spi.PgArray;
import java.math.BigDecimal;

/** Turns an int4/float4/float8/numeric array into float32 elements as pgvector's array casts do. */
final class ArrayElements {
    private ArrayElements() {
    }

    /** Checks shape and NULLs, then converts; dimension/typmod/finiteness checks are the caller's. */
    static float[] toFloats(PgArray array, String type, int maxDim, int typmod) {
        if (array.dimensionCount() > 1) {
            throw VectorErrors.dataException("array must be 1-D");
        }
        if (array.containsNull()) {
            throw new SqlException(VectorErrors.NULL_NOT_ALLOWED, "array must not contain nulls");
        }
        VectorErrors.checkDimensions(array.length(), maxDim, type);
        VectorErrors.checkTypmod(typmod, array.length());
        float[] out = new float[array.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = toFloat(array.get(i));
        }
        return out;
    }

    private static float toFloat(Object element) {
        if (element instanceof Float f) {
            return f;
        }
        if (element instanceof Double d) {
            return (float) (double) d;
        }
        if (element instanceof Integer i) {
            return (float) (int) i;
        }
        if (element instanceof BigDecimal n) {
            return numericToFloat4(n.toPlainString());
        }
        if (element instanceof Number n) {
            return n.floatValue();
        }
        throw VectorErrors.dataException("unsupported array type");
    }

    /** PostgreSQL's numeric_float4: numeric text read by float4in, which rejects overflow and underflow. */
    static float numericToFloat4(String text) {
        CFloatScanner.FloatScan scan = CFloatScanner.strtof(text, 0);
        if ((scan.overflow() && Float.isInfinite(scan.value())) || scan.underflow()) {
            throw new SqlException(VectorErrors.OUT_OF_RANGE, "\"" + text + "\" is out of range for type real");
        }
        return scan.value();
    }

    static PgArray float4Array(float[] values) {
        Object[] boxed = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return PgArray.of(TypeOids.FLOAT4, boxed);
    }
}
