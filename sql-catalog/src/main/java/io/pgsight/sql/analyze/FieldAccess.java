package io.pgsight.sql.analyze;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.catalog.FunctionBody;
import io.pgsight.sql.catalog.FunctionEntry;
import io.pgsight.sql.spi.PgType;
import io.pgsight.sql.spi.Volatility;

import java.util.Iterator;
import java.util.List;

/**
 * Field selection {@code (expr).field} on records whose fields are known. It is expressed with the
 * existing node kinds, so projections and rewrites need nothing new: on a set-returning call it
 * becomes a set-returning call yielding that field, on any other expression a scalar call picking it.
 */
final class FieldAccess {
    private FieldAccess() {
    }

    static TExpr select(TExpr base, String field, int location) {
        if (!(base.type() instanceof RecordShape shape)) {
            throw new SqlException("42809", "column notation ." + field + " applied to type "
                    + io.pgsight.sql.catalog.TypeNames.sqlName(base.type().name()) + ", which is not a composite type")
                    .withPosition(location);
        }
        int idx = shape.indexOf(field);
        if (idx < 0) {
            throw new SqlException("42703", "could not identify column \"" + field + "\" in record data type")
                    .withPosition(location);
        }
        PgType t = shape.fields().get(idx).type();
        if (base instanceof TExpr.SrfCall s) {
            FunctionEntry inner = s.function();
            FunctionBody.NativeSet body = (FunctionBody.NativeSet) inner.body();
            FunctionBody.NativeSet picked = new FunctionBody.NativeSet((ctx, args) -> {
                Iterator<Object> rows = body.function().call(ctx, args);
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return rows.hasNext();
                    }

                    @Override
                    public Object next() {
                        Object[] r = (Object[]) rows.next();
                        return r == null ? null : r[idx];
                    }
                };
            });
            FunctionEntry f = new FunctionEntry(inner.oid(), inner.schema(), inner.name(), inner.argumentTypes(),
                    inner.argumentNames(), t, true, inner.strict(), inner.volatility(), picked, List.of(),
                    inner.extension(), null, inner.variadic());
            return new TExpr.SrfCall(f, s.args(), t, -1);
        }
        FunctionEntry pick = new FunctionEntry(0, "pg_catalog", field, List.of(base.type()), List.of(""), t, false, true,
                Volatility.IMMUTABLE, new FunctionBody.NativeScalar((ctx, a) -> ((Object[]) a[0])[idx]), List.of(), null,
                null, false);
        return new TExpr.Call(pick, List.of(base), t, -1);
    }

    /** The record type of a set-returning function with OUT columns. */
    static PgType shapeOf(FunctionEntry fn) {
        return new RecordShape(fn.outColumns().stream().map(c -> new RecordShape.Field(c.name(), c.type())).toList());
    }
}
