package io.pgsight.sql.engine;

import io.pgsight.sql.analyze.TExpr;
import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.ast.Command;
import io.pgsight.sql.exec.EvalContext;
import io.pgsight.sql.spi.PgType;

import java.util.List;

/** {@code CALL proc(args)}: the call is analysed like a function call that must name a procedure, then run once. */
final class ProcedureCall {
    private ProcedureCall() {
    }

    static void run(CommandRunner runner, Command.Call c, Object[] params, List<PgType> paramTypes) {
        TExpr call = runner.planner(paramTypes).analyzer().procedureCall(c.call());
        try {
            call.eval(new EvalContext(runner.context(params), new Object[0], null));
        } catch (SqlException e) {
            throw e;
        } catch (RuntimeException e) {
            throw SessionImpl.internal(e);
        }
    }
}
