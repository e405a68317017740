package io.pgsight.sql.analyze;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.catalog.FunctionBody;
import io.pgsight.sql.catalog.FunctionEntry;
import io.pgsight.sql.exec.EvalContext;

import java.util.Iterator;
import java.util.List;

/** Calls a function body of any kind with already evaluated arguments. */
public final class Functions {
    private Functions() {
    }

    public static Object invokeScalar(FunctionEntry f, Object[] args, EvalContext c) {
        FunctionBody b = f.body();
        if (b instanceof FunctionBody.NativeScalar s) {
            return s.function().call(c.exec(), args);
        }
        if (b instanceof FunctionBody.Sql sql) {
            List<Object[]> rows = c.exec().session().runFunction(f, args);
            return rows.isEmpty() ? null : rows.get(0)[0];
        }
        if (b instanceof FunctionBody.Procedural) {
            if (f.returnsSet()) {
                throw new SqlException("0A000", "set-valued function called in context that cannot accept a set");
            }
            return c.exec().session().callProcedural(f, args);
        }
        if (b instanceof FunctionBody.NativeSet) {
            throw new SqlException("0A000", "set-valued function called in context that cannot accept a set");
        }
        throw new SqlException("0A000", "language \"" + ((FunctionBody.Procedural) b).language()
                + "\" is not supported yet");
    }

    /** Calls a set-returning function; each element is a value or an Object[] for multi-column results. */
    public static Iterator<Object> invokeSet(FunctionEntry f, Object[] args, EvalContext c) {
        FunctionBody b = f.body();
        if (b instanceof FunctionBody.NativeSet s) {
            return s.function().call(c.exec(), args);
        }
        if (b instanceof FunctionBody.Sql sql) {
            int cols = f.outColumns().isEmpty() ? 1 : f.outColumns().size();
            List<Object[]> rows = c.exec().session().runFunction(f, args);
            return rows.stream().map(r -> cols == 1 ? r[0] : (Object) r).iterator();
        }
        if (b instanceof FunctionBody.Procedural && f.returnsSet()) {
            @SuppressWarnings("unchecked")
            List<Object> rows = (List<Object>) c.exec().session().callProcedural(f, args);
            return rows.iterator();
        }
        Object v = invokeScalar(f, args, c);
        return List.of(v == null ? new Object[] {null} : v).iterator();
    }
}
