package io.pgsight.sql.plpgsql.exec;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.ast.Command;
import io.pgsight.sql.ast.Query;
import io.pgsight.sql.ast.Statement;
import io.pgsight.sql.exec.EvalContext;
import io.pgsight.sql.exec.PlanNode;
import io.pgsight.sql.parser.SqlParser;
import io.pgsight.sql.spi.PgType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** EXECUTE: SQL text built at run time, parsed and planned per execution, USING values as $1, $2, ... */
final class PlDynamic {
    private final PlHost host;

    PlDynamic(PlHost host) {
        this.host = host;
    }

    PlSql.Rows run(String text, Object[] params, List<PgType> types) {
        PlSql.Source src = new PlSql.Source(text, 0, text, "SQL statement");
        try {
            List<Statement> sts = SqlParser.parse(text);
            if (sts.size() != 1) {
                throw new SqlException("42601", "cannot insert multiple commands into a prepared statement");
            }
            Command cmd = sts.get(0).command();
            if (cmd instanceof Query q) {
                PlanNode plan = host.planner(types, Map.of()).planQuery(q, null);
                List<Object[]> rows = new ArrayList<>();
                try (PlanNode.RowSource rs = plan.open(new EvalContext(host.context(params), null, null))) {
                    for (Object[] r = rs.next(); r != null; r = rs.next()) {
                        rows.add(r);
                    }
                }
                host.nextCommand();
                return new PlSql.Rows(rows, plan.columns(), rows.size());
            }
            PlHost.CommandResult r = host.run(cmd, sts.get(0).text(), params, types, Map.of());
            host.nextCommand();
            return new PlSql.Rows(r.rows(), null, r.rowCount());
        } catch (SqlException e) {
            throw PlSql.located(e, src);
        } catch (RuntimeException e) {
            throw PlSql.located(host.asSqlException(e), src);
        }
    }
}
