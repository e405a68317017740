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
        return invokeScalar(f, args, c, null);
    }

    /** True when the function is declared over pseudo-types and so may ask for its arguments' types. */
    static boolean wantsArgumentTypes(List<io.pgsight.sql.spi.PgType> declared) {
        for (io.pgsight.sql.spi.PgType t : declared) {
            if (io.pgsight.sql.catalog.PseudoType.is(t)) {
                return true;
            }
        }
        return false;
    }

    /** The context for a call: with argument types when the callee is declared over pseudo-types. */
    public static io.pgsight.sql.spi.FunctionContext contextFor(List<io.pgsight.sql.spi.PgType> declared,
                                                                List<TExpr> argExprs, io.pgsight.sql.exec.ExecContext exec) {
        return wantsArgumentTypes(declared) ? new CallContext(exec, argExprs) : exec;
    }

    public static Object invokeScalar(FunctionEntry f, Object[] args, EvalContext c, List<TExpr> argExprs) {
        FunctionBody b = f.body();
        if (b instanceof FunctionBody.NativeScalar s) {
            io.pgsight.sql.spi.FunctionContext ctx = argExprs != null && wantsArgumentTypes(f.argumentTypes())
                    ? new CallContext(c.exec(), argExprs) : c.exec();
            return s.function().call(ctx, args);
        }
        if (b instanceof FunctionBody.Sql sql) {
            List<Object[]> rows = c.exec().session().runFunction(f, args);
            return rows.isEmpty() ? null : rows.get(0)[0];
        }
        if (b instanceof FunctionBody.Procedural) {
            if (f.returnsSet()) {
                throw new SqlException("0A000", "set-valued function called in context that cannot accept a set");
            }
            if (argExprs != null && wantsArgumentTypes(f.argumentTypes())) {
                return c.exec().session().callProcedural(f, args, argExprs.stream().map(TExpr::type).toList());
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
