package io.pgsight.sql.plan;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.ast.Expr;
import io.pgsight.sql.ast.Query;
import io.pgsight.sql.ast.QueryBody;
import io.pgsight.sql.ast.Statement;

import java.util.List;

/** Parses stored SQL text (defaults, CHECK expressions, index expressions, view bodies). */
public final class ExpressionText {
    private ExpressionText() {
    }

    public static List<Statement> statements(String sql) {
        return io.pgsight.sql.parser.SqlParser.parse(sql);
    }

    /** The expression of {@code SELECT <sql>}. */
    public static Expr parse(String sql) {
        Statement st = statements("SELECT " + sql).get(0);
        QueryBody.Select s = (QueryBody.Select) ((Query) st.command()).body();
        return s.targets().get(0).expr();
    }
}
