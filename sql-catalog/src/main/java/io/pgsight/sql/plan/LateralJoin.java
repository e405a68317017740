package io.pgsight.sql.plan;

import io.pgsight.sql.analyze.TExpr;
import io.pgsight.sql.exec.EvalContext;
import io.pgsight.sql.exec.ExplainWriter;
import io.pgsight.sql.exec.PlanNode;

import java.util.List;

/**
 * A join whose right side reads the left row (LATERAL subqueries, functions in FROM over earlier
 * items): the right plan is opened again for every left row, with that row as its outer level.
 * INNER or LEFT (a left row without matches comes out once with nulls), as PostgreSQL allows.
 */
record LateralJoin(PlanNode left, PlanNode right, Nodes.JoinKind kind, TExpr condition, List<OutputColumn> columns)
        implements PlanNode {
    LateralJoin {
        columns = List.copyOf(columns);
    }

    @Override
    public RowSource open(EvalContext outer) {
        return loop(left, right, kind, condition, outer, cur -> outer.withRow(cur).nested());
    }

    /**
     * Rows of {@code left} joined with {@code right} opened again per left row in the context
     * {@code rightContext} makes of it (the row as this level, or as the outer level of a subquery);
     * LEFT emits an unmatched left row once with nulls.
     */
    static RowSource loop(PlanNode left, PlanNode right, Nodes.JoinKind kind, TExpr condition, EvalContext outer,
                          java.util.function.Function<Object[], EvalContext> rightContext) {
        int lw = left.columns().size();
        int rw = right.columns().size();
        RowSource l = left.open(outer);
        return new RowSource() {
            Object[] cur;
            RowSource inner;
            boolean matched;

            @Override
            public Object[] next() {
                while (true) {
                    if (inner == null) {
                        cur = l.next();
                        if (cur == null) {
                            return null;
                        }
                        matched = false;
                        inner = right.open(rightContext.apply(cur));
                    }
                    Object[] r = inner.next();
                    if (r == null) {
                        inner.close();
                        inner = null;
                        if (!matched && kind == Nodes.JoinKind.LEFT) {
                            Object[] out = new Object[lw + rw];
                            System.arraycopy(cur, 0, out, 0, lw);
                            return out;
                        }
                        continue;
                    }
                    Object[] out = new Object[lw + rw];
                    System.arraycopy(cur, 0, out, 0, lw);
                    System.arraycopy(r, 0, out, lw, rw);
                    if (condition == null || Nodes.isTrue(condition.eval(outer.withRow(out)))) {
                        matched = true;
                        return out;
                    }
                }
            }

            @Override
            public void close() {
                if (inner != null) {
                    inner.close();
                }
                l.close();
            }
        };
    }

    @Override
    public void explain(ExplainWriter w) {
        String label = kind == Nodes.JoinKind.LEFT ? "Nested Loop Left Join" : "Nested Loop";
        List<String> d = condition == null ? List.of() : List.of("Join Filter: " + Nodes.strip(condition.sql()));
        w.node(label, 100, 8, d, () -> {
            left.explain(w);
            right.explain(w);
        });
    }

    @Override
    public List<PlanNode> children() {
        return List.of(left, right);
    }
}
