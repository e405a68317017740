package io.pgsight.sql.plan;

import io.pgsight.sql.analyze.ExprDeparse;
import io.pgsight.sql.analyze.Scope;
import io.pgsight.sql.analyze.TExpr;
import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.ast.Identifier;
import io.pgsight.sql.ast.Query;
import io.pgsight.sql.ast.QueryBody;
import io.pgsight.sql.exec.PlanNode;
import io.pgsight.sql.exec.PlanNode.OutputColumn;
import io.pgsight.sql.spi.CastContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Plans a CTE of a {@code WITH RECURSIVE} list with PostgreSQL's shape rules: a self-reference needs
 * {@code non_recursive UNION [ALL] recursive}, may appear once, only in the recursive term, and the
 * recursive term's column types must fit the non-recursive term's.
 */
final class RecursiveCtePlanner {
    /** The working table the recursive term reads while it is being planned. */
    static final class WorkRef {
        final RecursiveUnion.WorkTable table;
        final List<OutputColumn> columns;
        int uses;
        /** The planner's sublink depth at the recursive term: references deeper are in a subquery. */
        int sublinkDepth;

        WorkRef(RecursiveUnion.WorkTable table, List<OutputColumn> columns) {
            this.table = table;
            this.columns = columns;
        }
    }

    private final QueryPlanner planner;

    RecursiveCtePlanner(QueryPlanner planner) {
        this.planner = planner;
    }

    PlanNode plan(String name, Query cq, List<Identifier> columnNames, int location, Scope outer) {
        if (!(cq.body() instanceof QueryBody.SetOperation so) || so.op() != QueryBody.SetOp.UNION) {
            // without the UNION shape a self-reference is an error, otherwise it is an ordinary CTE
            return planner.planWithoutSelfReference(name, cq, outer,
                    () -> new SqlException("42P19", "recursive query \"" + name
                            + "\" does not have the form non-recursive-term UNION [ALL] recursive-term")
                            .withPosition(location));
        }
        PlanNode left = planner.planWithoutSelfReference(name, so.left(), outer, null);
        List<OutputColumn> cols = new ArrayList<>();
        for (int i = 0; i < left.columns().size(); i++) {
            OutputColumn c = left.columns().get(i);
            String n = i < columnNames.size() ? columnNames.get(i).name() : c.name();
            cols.add(new OutputColumn(n, c.type(), c.typmod()));
        }
        WorkRef ref = new WorkRef(new RecursiveUnion.WorkTable(name), cols);
        PlanNode right = planner.planBodyReading(name, ref, so.right(), outer);
        if (ref.uses == 0) {
            return planner.planQuery(cq, outer);
        }
        if (!cq.orderBy().isEmpty()) {
            throw new SqlException("0A000", "ORDER BY in a recursive query is not implemented")
                    .withPosition(cq.orderBy().get(0).location());
        }
        if (cq.limit() != null || cq.offset() != null) {
            throw new SqlException("0A000", (cq.limit() != null ? "LIMIT" : "OFFSET")
                    + " in a recursive query is not implemented").withPosition(cq.location());
        }
        if (right.columns().size() != cols.size()) {
            throw new SqlException("42601", "each UNION query must have the same number of columns")
                    .withPosition(so.location());
        }
        List<TExpr> fitted = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            OutputColumn want = cols.get(i);
            OutputColumn got = right.columns().get(i);
            TExpr v = new TExpr.Var(0, i, got.type(), got.typmod(), got.name(), null);
            TExpr c = got.type().oid() == want.type().oid() ? v
                    : planner.analyzer().coercion().coerce(v, want.type(), want.typmod(), CastContext.IMPLICIT,
                            so.location());
            if (c == null) {
                throw new SqlException("42804", "recursive query \"" + name + "\" column " + (i + 1) + " has type "
                        + ExprDeparse.typeName(want.type()) + " in non-recursive term but type "
                        + ExprDeparse.typeName(got.type()) + " overall")
                        .withHint("Cast the output of the non-recursive term to the correct type.")
                        .withPosition(columnLocation(so.left(), i));
            }
            fitted.add(c);
        }
        return new RecursiveUnion(left, new Nodes.Project(right, fitted, cols, false), ref.table, so.all(), cols);
    }

    /** Where column {@code i} of a term is written (PostgreSQL points errors about it there). */
    private static int columnLocation(QueryBody term, int i) {
        if (term instanceof QueryBody.Select sel && i < sel.targets().size()) {
            return sel.targets().get(i).expr().location();
        }
        if (term instanceof QueryBody.Values v && !v.rows().isEmpty() && i < v.rows().get(0).size()) {
            return v.rows().get(0).get(i).location();
        }
        return term.location();
    }
}
