package io.pgsight.sql.engine;

import io.pgsight.sql.analyze.TExpr;
import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.api.StatementSink;
import io.pgsight.sql.ast.Command;
import io.pgsight.sql.catalog.FunctionEntry;
import io.pgsight.sql.exec.EvalContext;
import io.pgsight.sql.exec.ExecContext;
import io.pgsight.sql.exec.PlanNode;
import io.pgsight.sql.spi.PgType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code CALL proc(args)}: the call is analysed like a function call that must name a procedure, then run once.
 * A procedure with INOUT parameters answers with one row of their final values.
 */
final class ProcedureCall {
    private ProcedureCall() {
    }

    static void run(CommandRunner runner, Command.Call c, Object[] params, List<PgType> paramTypes,
                    StatementSink sink, short[] resultFormats) {
        TExpr call = runner.planner(paramTypes).analyzer().procedureCall(c.call());
        ExecContext ctx = runner.context(params);
        Object result;
        try {
            result = call.eval(new EvalContext(ctx, new Object[0], null));
        } catch (SqlException e) {
            throw e;
        } catch (RuntimeException e) {
            throw SessionImpl.internal(e);
        }
        FunctionEntry f = call instanceof TExpr.Call tc ? tc.function() : null;
        if (f != null && !f.outColumns().isEmpty()) {
            List<PlanNode.OutputColumn> cols = new ArrayList<>();
            for (FunctionEntry.OutColumn o : f.outColumns()) {
                cols.add(new PlanNode.OutputColumn(o.name(), o.type(), -1));
            }
            Object[] row = cols.size() == 1 ? new Object[] {result} : (Object[]) result;
            if (sink instanceof DmlCommands.ValueRows values) {
                values.values(row); // a CALL in PL/pgSQL assigns the values back to its variables
                return;
            }
            ResultEncoder enc = new ResultEncoder(cols, resultFormats);
            sink.columns(enc.describe());
            sink.row(enc.encode(row, ctx));
        }
    }
}
