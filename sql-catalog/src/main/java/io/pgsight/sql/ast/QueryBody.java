package io.pgsight.sql.ast;

import java.util.List;

/** The part of a query that produces rows: a SELECT core, a VALUES list, a set operation or a nested query. */
public sealed interface QueryBody permits QueryBody.Select, QueryBody.Values, QueryBody.SetOperation, Query {
    int location();

    /**
     * {@code SELECT [DISTINCT [ON (...)]] targets [INTO t] [FROM ...] [WHERE ...] [GROUP BY ...] [HAVING ...]
     * [WINDOW ...]}.
     *
     * @param distinct   DISTINCT was written (with or without ON)
     * @param distinctOn the DISTINCT ON expressions (empty for plain DISTINCT or none)
     * @param targets    the select list; {@code *} and {@code t.*} are {@link Expr.ColumnRef} targets with star set;
     *                   empty for {@code SELECT FROM t} (allowed by PostgreSQL)
     * @param into       {@code SELECT ... INTO [TEMP] t}, or null
     * @param from       FROM items; a comma list is several items (empty when there is no FROM)
     * @param where      WHERE condition or null
     * @param groupBy    GROUP BY expressions (ROLLUP/CUBE/GROUPING SETS are not supported)
     * @param groupByDistinct GROUP BY DISTINCT
     * @param having     HAVING condition or null
     * @param windows    WINDOW name AS (...) definitions
     * @param location   position of the SELECT keyword
     */
    record Select(boolean distinct, List<Expr> distinctOn, List<Target> targets, IntoClause into,
                  List<FromItem> from, Expr where, List<Expr> groupBy, boolean groupByDistinct, Expr having,
                  List<WindowDef> windows, int location) implements QueryBody {
        public Select {
            distinctOn = List.copyOf(distinctOn);
            targets = List.copyOf(targets);
            from = List.copyOf(from);
            groupBy = List.copyOf(groupBy);
            windows = List.copyOf(windows);
        }
    }

    /** {@code VALUES (a, b), (c, d)}; each row is a list of expressions (possibly {@link Expr.SetToDefault}). */
    record Values(List<List<Expr>> rows, int location) implements QueryBody {
        public Values {
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** {@code left UNION|INTERSECT|EXCEPT [ALL|DISTINCT] right}. Location is the operator keyword's. */
    record SetOperation(SetOp op, boolean all, QueryBody left, QueryBody right, int location) implements QueryBody {
    }

    enum SetOp { UNION, INTERSECT, EXCEPT }

    /** {@code INTO [TEMPORARY|UNLOGGED] [TABLE] name} of SELECT INTO. */
    record IntoClause(QualifiedName table, Persistence persistence, int location) {
    }
}
