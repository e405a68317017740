package io.pgsight.sql.analyze;

import io.pgsight.sql.catalog.FunctionBody;
import io.pgsight.sql.catalog.FunctionEntry;
import io.pgsight.sql.exec.EvalContext;
import io.pgsight.sql.spi.ScalarFunction;

import java.util.List;

/**
 * How one call site runs its function, decided once when the expression is built instead of per row:
 * the native body (if any) and whether the callee wants its arguments' types (a context object per call).
 * Derived from the function and the argument expressions only, so it is not part of expression equality.
 */
final class Invocation {
    /** The argument array of every call without arguments (nothing can be stored in it). */
    static final Object[] NO_ARGUMENTS = new Object[0];

    private final FunctionEntry function;
    private final List<TExpr> argExprs;
    private final ScalarFunction nativeBody;
    private final boolean wantsArgumentTypes;

    Invocation(FunctionEntry function, List<TExpr> argExprs) {
        this.function = function;
        this.argExprs = argExprs;
        this.nativeBody = function.body() instanceof FunctionBody.NativeScalar s ? s.function() : null;
        // no argument expressions (prefix operators): the callee gets the plain context, as before
        this.wantsArgumentTypes = argExprs != null && Functions.wantsArgumentTypes(function.argumentTypes());
    }

    Object invoke(Object[] args, EvalContext c) {
        if (nativeBody != null) {
            return nativeBody.call(wantsArgumentTypes ? new CallContext(c.exec(), argExprs) : c.exec(), args);
        }
        return Functions.invokeScalar(function, args, c, argExprs);
    }
}
