package io.pgsight.sql.ast;

import java.util.List;

/** {@code WITH [RECURSIVE] name [(cols)] AS [[NOT] MATERIALIZED] (query), ...}. */
public record WithClause(boolean recursive, List<CommonTableExpr> ctes, int location) {
    public WithClause {
        ctes = List.copyOf(ctes);
    }

    /**
     * One CTE. {@code query} is a {@link Query} or a data-modifying statement ({@link Command.Insert},
     * {@link Command.Update}, {@link Command.Delete}); {@code materialized} is null when not specified.
     */
    public record CommonTableExpr(String name, List<Identifier> columns, Boolean materialized, Command query,
                                  int location) {
        public CommonTableExpr {
            columns = List.copyOf(columns);
        }
    }
}
