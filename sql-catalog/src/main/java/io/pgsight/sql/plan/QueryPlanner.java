package io.pgsight.sql.plan;

import io.pgsight.sql.analyze.AggCollector;
import io.pgsight.sql.analyze.ExprAnalyzer;
import io.pgsight.sql.analyze.ExprRewrite;
import io.pgsight.sql.analyze.GroupingFunction;
import io.pgsight.sql.analyze.Scope;
import io.pgsight.sql.analyze.SubqueryPlanner;
import io.pgsight.sql.analyze.TExpr;
import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.ast.Expr;
import io.pgsight.sql.ast.FromItem;
import io.pgsight.sql.ast.Identifier;
import io.pgsight.sql.ast.Query;
import io.pgsight.sql.ast.QueryBody;
import io.pgsight.sql.ast.SortItem;
import io.pgsight.sql.ast.Target;
import io.pgsight.sql.ast.WithClause;
import io.pgsight.sql.catalog.Catalog;
import io.pgsight.sql.catalog.Column;
import io.pgsight.sql.catalog.IndexEntry;
import io.pgsight.sql.catalog.OperatorClassEntry;
import io.pgsight.sql.catalog.Table;
import io.pgsight.sql.exec.PlanNode;
import io.pgsight.sql.exec.PlanNode.OutputColumn;
import io.pgsight.sql.settings.SessionSettings;
import io.pgsight.sql.spi.CastContext;
import io.pgsight.sql.spi.PgType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Analyses a query and builds its plan: FROM (scans, joins, subqueries, functions), WHERE,
 * grouping and aggregates, the select list, DISTINCT, ORDER BY, LIMIT, set operations. Chooses the
 * KNN index path for {@code ORDER BY col op constant LIMIT n} and equality lookups through primary
 * key / unique indexes.
 */
public final class QueryPlanner implements SubqueryPlanner {
    private final Catalog catalog;
    private final SessionSettings settings;
    private final ExprAnalyzer ex;
    private final Map<String, Query> ctes = new HashMap<>();
    private final Map<String, List<String>> cteColumns = new HashMap<>();
    private final Map<String, Integer> cteLocations = new HashMap<>();
    private final java.util.Set<String> recursiveCtes = new java.util.HashSet<>();
    /** CTEs being planned: a reference to one of these from inside itself is not to the CTE. */
    private final java.util.Set<String> planningCtes = new java.util.HashSet<>();
    /** Recursive CTEs whose recursive term is being planned: references read the working table. */
    private final Map<String, RecursiveCtePlanner.WorkRef> workRefs = new HashMap<>();
    /** Recursive CTEs in a part where a self-reference is an error (value: that error, or null for the default). */
    private final Map<String, java.util.function.Supplier<SqlException>> selfReferenceErrors = new HashMap<>();
    /** Relations, subqueries and functions in FROM anywhere in the statement (EXPLAIN prefixes columns when > 1). */
    private int rangeEntries;

    public QueryPlanner(Catalog catalog, SessionSettings settings, ExprAnalyzer.ParamTypes params) {
        this.catalog = catalog;
        this.settings = settings;
        this.ex = new ExprAnalyzer(catalog, this, params);
    }

    public ExprAnalyzer analyzer() {
        return ex;
    }

    @Override
    public PlanNode plan(Query q, Scope outer) {
        sublinkDepth++;
        try {
            return planQuery(q, outer);
        } finally {
            sublinkDepth--;
        }
    }

    /** How many subquery expressions (sublinks) enclose what is being planned now. */
    private int sublinkDepth;

    public PlanNode planQuery(Query q, Scope outer) {
        if (q.with() != null) {
            for (WithClause.CommonTableExpr c : q.with().ctes()) {
                if (!(c.query() instanceof Query cq)) {
                    throw new SqlException("0A000", "data-modifying statements in WITH are not supported");
                }
                ctes.put(c.name(), cq);
                cteColumns.put(c.name(), c.columns().stream().map(Identifier::name).toList());
                cteLocations.put(c.name(), c.location());
                if (q.with().recursive()) {
                    recursiveCtes.add(c.name());
                } else {
                    recursiveCtes.remove(c.name());
                }
            }
        }
        if (q.body() instanceof QueryBody.Select s) {
            return planSelect(s, q, outer);
        }
        PlanNode body = planBody(q.body(), outer);
        return orderLimitOverOutput(body, q, outer);
    }

    /** Plans {@code body} of recursive CTE {@code name} where referring to {@code name} is an error. */
    PlanNode planWithoutSelfReference(String name, QueryBody body, Scope outer,
                                      java.util.function.Supplier<SqlException> error) {
        selfReferenceErrors.put(name, error);
        try {
            return planBody(body, outer);
        } finally {
            selfReferenceErrors.remove(name);
        }
    }

    /** Plans the recursive term of {@code name}, its references reading {@code ref}'s working table. */
    PlanNode planBodyReading(String name, RecursiveCtePlanner.WorkRef ref, QueryBody body, Scope outer) {
        workRefs.put(name, ref);
        ref.sublinkDepth = sublinkDepth;
        try {
            return planBody(body, outer);
        } finally {
            workRefs.remove(name);
        }
    }

    private From cteReference(FromItem.Table t, Scope outer) {
        String name = t.name().name();
        RecursiveCtePlanner.WorkRef ref = workRefs.get(name);
        if (ref != null) {
            if (sublinkDepth > ref.sublinkDepth) {
                throw new SqlException("42P19", "recursive reference to query \"" + name
                        + "\" must not appear within a subquery").withPosition(t.location());
            }
            if (++ref.uses > 1) {
                throw new SqlException("42P19", "recursive reference to query \"" + name
                        + "\" must not appear more than once").withPosition(t.location());
            }
            String alias = t.alias() == null ? name : t.alias().name();
            From f = subqueryScope(new RecursiveUnion.WorkTableScan(ref.table, alias, ref.columns), alias,
                    t.alias() == null ? List.of() : t.alias().columns(), outer, t.alias() != null);
            Nodes.SubqueryScan wrapped = (Nodes.SubqueryScan) f.node();
            return new From(new RecursiveUnion.WorkTableScan(ref.table, alias, wrapped.columns()), f.scope());
        }
        if (selfReferenceErrors.containsKey(name)) {
            var error = selfReferenceErrors.get(name);
            throw error != null ? error.get() : new SqlException("42P19", "recursive reference to query \"" + name
                    + "\" must not appear within its non-recursive term").withPosition(t.location());
        }
        if (!ctes.containsKey(name) || planningCtes.contains(name)) {
            return null;
        }
        planningCtes.add(name);
        try {
            PlanNode sub = recursiveCtes.contains(name)
                    ? new RecursiveCtePlanner(this).plan(name, ctes.get(name),
                            cteColumns.get(name).stream().map(x -> new Identifier(x, 0)).toList(),
                            cteLocations.getOrDefault(name, 0), outer)
                    : planQuery(ctes.get(name), outer);
            return subqueryScope(sub, t.alias() == null ? name : t.alias().name(),
                    t.alias() == null ? cteColumns.get(name).stream().map(x -> new Identifier(x, 0)).toList()
                            : t.alias().columns(), outer, t.alias() != null);
        } finally {
            planningCtes.remove(name);
        }
    }

    private PlanNode planBody(QueryBody b, Scope outer) {
        if (b instanceof Query q) {
            return planQuery(q, outer);
        }
        if (b instanceof QueryBody.Select s) {
            return planSelect(s, Query.of(s, s.location()), outer);
        }
        if (b instanceof QueryBody.Values v) {
            return values(v, outer);
        }
        QueryBody.SetOperation so = (QueryBody.SetOperation) b;
        PlanNode l = planBody(so.left(), outer);
        PlanNode r = planBody(so.right(), outer);
        if (l.columns().size() != r.columns().size()) {
            throw new SqlException("42601", "each " + so.op() + " query must have the same number of columns")
                    .withPosition(so.location());
        }
        List<OutputColumn> cols = new ArrayList<>();
        List<TExpr> lp = new ArrayList<>();
        List<TExpr> rp = new ArrayList<>();
        for (int i = 0; i < l.columns().size(); i++) {
            OutputColumn a = l.columns().get(i);
            OutputColumn c = r.columns().get(i);
            TExpr va = new TExpr.Var(0, i, a.type(), a.typmod(), a.name(), null);
            TExpr vc = new TExpr.Var(0, i, c.type(), c.typmod(), c.name(), null);
            List<TExpr> u = ex.unifyTyped(List.of(va, vc), so.op().name(), so.location());
            lp.add(u.get(0));
            rp.add(u.get(1));
            cols.add(new OutputColumn(a.name(), u.get(0).type(), a.type().oid() == c.type().oid() && a.typmod() == c.typmod() ? a.typmod() : -1));
        }
        return new Nodes.SetOp(so.op().name(), so.all(), new Nodes.Project(l, lp, cols, false),
                new Nodes.Project(r, rp, cols, false), cols);
    }

    private PlanNode values(QueryBody.Values v, Scope outer) {
        Scope s = new Scope(outer);
        int n = v.rows().get(0).size();
        List<List<TExpr>> rows = new ArrayList<>();
        for (List<Expr> r : v.rows()) {
            if (r.size() != n) {
                throw new SqlException("42601", "VALUES lists must all be the same length").withPosition(r.get(0).location());
            }
            List<TExpr> row = new ArrayList<>();
            for (Expr e : r) {
                row.add(ex.analyze(e, s));
            }
            rows.add(row);
        }
        List<OutputColumn> cols = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            List<TExpr> col = new ArrayList<>();
            for (List<TExpr> r : rows) {
                col.add(r.get(c));
            }
            List<TExpr> u = ex.unifyTyped(col, "VALUES", v.location());
            for (int i = 0; i < rows.size(); i++) {
                rows.get(i).set(c, u.get(i));
            }
            cols.add(new OutputColumn("column" + (c + 1), u.get(0).type(), -1));
        }
        return new Nodes.ValuesScan(rows, cols, false);
    }

    // ------------------------------------------------------------------ FROM

    record From(PlanNode node, Scope scope) {
    }

    /** Plans extra FROM items (UPDATE ... FROM, DELETE ... USING); their names are added to {@code into}. */
    public PlanNode planExtraFrom(List<FromItem> items, Scope into) {
        From f = planFrom(items, null);
        into.absorb(f.scope());
        return f.node();
    }

    From planFrom(List<FromItem> items, Scope outer) {
        Scope scope = new Scope(outer);
        if (items.isEmpty()) {
            return new From(null, scope);
        }
        PlanNode node = null;
        for (FromItem it : items) {
            if (node != null && canBeLateral(it)) {
                int before = scope.outerReferenceCount();
                From f = fromItem(it, scope);
                List<OutputColumn> cols = new ArrayList<>(node.columns());
                cols.addAll(f.node().columns());
                node = scope.outerReferenceCount() != before
                        ? new LateralJoin(node, f.node(), Nodes.JoinKind.INNER, null, cols)
                        : new Nodes.NestedLoop(node, f.node(), Nodes.JoinKind.INNER, null, cols);
                scope.absorb(f.scope());
                continue;
            }
            From f = fromItem(it, outer);
            if (node == null) {
                node = f.node();
                scope.absorb(f.scope());
            } else {
                List<OutputColumn> cols = new ArrayList<>(node.columns());
                cols.addAll(f.node().columns());
                node = new Nodes.NestedLoop(node, f.node(), Nodes.JoinKind.INNER, null, cols);
                scope.absorb(f.scope());
            }
        }
        return new From(node, scope);
    }

    /** LATERAL subqueries and functions in FROM (implicitly lateral) may read the FROM items before them. */
    private static boolean canBeLateral(FromItem it) {
        return it instanceof FromItem.Subquery sq && sq.lateral() || it instanceof FromItem.Function;
    }

    private From fromItem(FromItem it, Scope outer) {
        if (!(it instanceof FromItem.Join)) {
            rangeEntries++;
        }
        if (it instanceof FromItem.Table t) {
            String name = t.name().name();
            if (t.name().schema() == null) {
                From cte = cteReference(t, outer);
                if (cte != null) {
                    return cte;
                }
            }
            io.pgsight.sql.pgcatalog.SystemRelation sys = io.pgsight.sql.pgcatalog.SystemRelations.find(t.name().schema(), name);
            if (sys != null) {
                return systemFrom(sys, t, outer);
            }
            Table table = catalog.relation(t.name().schema(), name, io.pgsight.sql.catalog.SearchPath.of(settings));
            if (table == null) {
                SqlException missing = new SqlException("42P01", "relation \"" + t.name().dotted() + "\" does not exist")
                        .withPosition(t.location());
                if (t.name().schema() == null && planningCtes.contains(name)) {
                    missing = missing.withDetail("There is a WITH item named \"" + name
                                    + "\", but it cannot be referenced from this part of the query.")
                            .withHint("Use WITH RECURSIVE, or re-order the WITH items to remove forward references.");
                }
                throw missing;
            }
            String alias = t.alias() == null ? name : t.alias().name();
            if (table.kind() == Table.Kind.VIEW) {
                Query vq = (Query) ExpressionText.statements(table.viewSql()).get(0).command();
                PlanNode sub = new QueryPlanner(catalog, settings, ex.params()).planQuery(vq, null);
                return subqueryScope(sub, alias, t.alias() == null ? List.of() : t.alias().columns(), outer, true);
            }
            Scope s = new Scope(outer);
            List<Scope.Col> cols = new ArrayList<>();
            List<OutputColumn> out = new ArrayList<>();
            for (Column c : table.columns()) {
                out.add(new OutputColumn(c.name(), c.type(), c.typmod(), table.oid(), c.attnum()));
                if (!c.dropped()) {
                    cols.add(new Scope.Col(c.name(), c.type(), c.typmod(), c.attnum() - 1, table.oid(), c.attnum()));
                }
            }
            if (t.alias() != null && !t.alias().columns().isEmpty()) {
                for (int i = 0; i < t.alias().columns().size() && i < cols.size(); i++) {
                    Scope.Col c = cols.get(i);
                    cols.set(i, new Scope.Col(t.alias().columns().get(i).name(), c.type(), c.typmod(), c.slot(),
                            c.tableOid(), c.attnum()));
                }
            }
            s.add(alias, cols, table.oid(), t.alias() != null);
            padWidth(s, out.size());
            return new From(new Nodes.SeqScan(table, alias, out, null), s);
        }
        if (it instanceof FromItem.Subquery sq) {
            PlanNode sub = planQuery(sq.query(), sq.lateral() ? outer : outer);
            if (sq.alias() == null) {
                throw new SqlException("42601", "subquery in FROM must have an alias").withPosition(sq.location())
                        .withHint("For example, FROM (SELECT ...) [AS] foo.");
            }
            return subqueryScope(new Nodes.SubqueryScan(sub, sq.alias().name(), sub.columns()), sq.alias().name(),
                    sq.alias().columns(), outer, true);
        }
        if (it instanceof FromItem.Function fn) {
            return functionFrom(fn, outer);
        }
        return join((FromItem.Join) it, outer);
    }

    /** A pg_catalog / information_schema relation: computed rows, real table OID and attnums. */
    private From systemFrom(io.pgsight.sql.pgcatalog.SystemRelation sys, FromItem.Table t, Scope outer) {
        String alias = t.alias() == null ? sys.name() : t.alias().name();
        Scope s = new Scope(outer);
        List<Scope.Col> cols = new ArrayList<>();
        List<OutputColumn> out = new ArrayList<>();
        for (int i = 0; i < sys.columns().size(); i++) {
            PgType type = sys.columnType(catalog, i);
            String n = t.alias() != null && i < t.alias().columns().size() ? t.alias().columns().get(i).name()
                    : sys.columns().get(i)[0];
            out.add(new OutputColumn(n, type, -1, sys.oid(), i + 1));
            cols.add(new Scope.Col(n, type, -1, i, sys.oid(), i + 1));
        }
        s.add(alias, cols, sys.oid(), t.alias() != null);
        return new From(new io.pgsight.sql.pgcatalog.SystemScan(sys, alias, out), s);
    }

    private static void padWidth(Scope s, int width) {
        while (s.width() < width) {
            s.add(null, List.of(), 0, false);
            if (s.width() < width) {
                s.items().remove(s.items().size() - 1);
                List<Scope.Col> dummy = List.of(new Scope.Col("", null, -1, width - 1 - s.width(), 0, 0));
                s.add("\u0000", dummy, 0, false);
                s.items().remove(s.items().size() - 1);
            }
        }
    }

    private From subqueryScope(PlanNode sub, String alias, List<Identifier> colAliases, Scope outer, boolean real) {
        Scope s = new Scope(outer);
        List<Scope.Col> cols = new ArrayList<>();
        List<OutputColumn> out = new ArrayList<>();
        for (int i = 0; i < sub.columns().size(); i++) {
            OutputColumn c = sub.columns().get(i);
            String n = i < colAliases.size() ? colAliases.get(i).name() : c.name();
            cols.add(new Scope.Col(n, c.type(), c.typmod(), i, 0, 0));
            out.add(new OutputColumn(n, c.type(), c.typmod()));
        }
        s.add(alias, cols, 0, real);
        PlanNode node = sub instanceof Nodes.SubqueryScan ss ? new Nodes.SubqueryScan(ss.input(), alias, out)
                : new Nodes.SubqueryScan(sub, alias, out);
        return new From(node, s);
    }

    private From functionFrom(FromItem.Function fn, Scope outer) {
        Scope argScope = new Scope(outer);
        List<TExpr.SrfCall> calls = new ArrayList<>();
        List<Integer> widths = new ArrayList<>();
        List<Scope.Col> cols = new ArrayList<>();
        List<OutputColumn> out = new ArrayList<>();
        String alias = fn.alias() == null ? null : fn.alias().name();
        List<Identifier> colAliases = fn.alias() == null ? List.of() : fn.alias().columns();
        List<Expr> functions = new ArrayList<>();
        for (Expr e : fn.functions()) {
            if (e instanceof Expr.FuncCall fc && fc.name().name().equals("unnest") && fc.args().size() > 1
                    && fc.name().schema() == null) {
                for (Expr a : fc.args()) {
                    functions.add(Expr.FuncCall.simple(fc.name(), List.of(a), fc.location()));
                }
            } else {
                functions.add(e);
            }
        }
        for (Expr e : functions) {
            TExpr t = ex.analyze(e, argScope);
            TExpr.SrfCall call;
            if (t instanceof TExpr.SrfCall s) {
                call = s;
            } else if (t instanceof TExpr.Call c) {
                call = new TExpr.SrfCall(c.function(), c.args(), c.type(), c.typmod());
            } else {
                throw new SqlException("0A000", "only function calls are supported in FROM").withPosition(e.location());
            }
            calls.add(call);
            String fname = call.function().name();
            if (alias == null) {
                alias = fname;
            }
            boolean anonymousRecord = call.function().returnType().oid() == io.pgsight.sql.catalog.PseudoType.RECORD
                    && call.function().outColumns().isEmpty();
            if (anonymousRecord && fn.columnDefs().isEmpty()) {
                throw new SqlException("42601", "a column definition list is required for functions returning \"record\"")
                        .withPosition(e.location());
            }
            if (!anonymousRecord && !fn.columnDefs().isEmpty()) {
                throw new SqlException("42601",
                        "a column definition list is only allowed for functions returning \"record\"")
                        .withPosition(fn.columnDefs().get(0).location());
            }
            if (anonymousRecord) {
                // SETOF record: the caller's AS t(a int, b text) says what the rows hold
                widths.add(fn.columnDefs().size());
                for (var cd : fn.columnDefs()) {
                    PgType ct = ex.resolveType(cd.type());
                    out.add(new OutputColumn(cd.name(), ct, ex.resolveTypmod(cd.type(), ct)));
                }
            } else if (call.function().returnsRecord()) {
                widths.add(call.function().outColumns().size());
                for (var oc : call.function().outColumns()) {
                    out.add(new OutputColumn(oc.name(), oc.type(), -1));
                }
            } else {
                widths.add(1);
                String single = call.function().outColumns().isEmpty() ? null : call.function().outColumns().get(0).name();
                out.add(new OutputColumn(single != null ? single : functions.size() == 1 ? alias : fname, call.type(), -1));
            }
        }
        if (fn.withOrdinality()) {
            out.add(new OutputColumn("ordinality", ex.type(20), -1));
        }
        for (int i = 0; i < out.size(); i++) {
            OutputColumn c = out.get(i);
            String n = i < colAliases.size() ? colAliases.get(i).name() : c.name();
            out.set(i, new OutputColumn(n, c.type(), c.typmod()));
            cols.add(new Scope.Col(n, c.type(), c.typmod(), i, 0, 0));
        }
        Scope s = new Scope(outer);
        boolean scalar = calls.size() == 1 && !calls.get(0).function().returnsRecord() && !fn.withOrdinality();
        s.add(alias, cols, 0, fn.alias() != null, scalar);
        return new From(new Nodes.FunctionScan(calls, widths, fn.withOrdinality(), alias, out), s);
    }

    private From join(FromItem.Join j, Scope outer) {
        From l = fromItem(j.left(), outer);
        boolean lateral = false;
        From r;
        if (canBeLateral(j.right())) {
            int before = l.scope().outerReferenceCount();
            r = fromItem(j.right(), l.scope());
            lateral = l.scope().outerReferenceCount() != before;
        } else {
            r = fromItem(j.right(), outer);
        }
        Scope s = new Scope(outer);
        s.absorb(l.scope());
        s.absorb(r.scope());
        List<OutputColumn> cols = new ArrayList<>(l.node().columns());
        cols.addAll(r.node().columns());
        Nodes.JoinKind kind = switch (j.type()) {
            case LEFT -> Nodes.JoinKind.LEFT;
            case RIGHT -> Nodes.JoinKind.RIGHT;
            case FULL -> Nodes.JoinKind.FULL;
            default -> Nodes.JoinKind.INNER;
        };
        TExpr cond = null;
        List<Identifier> using = j.using();
        if (j.natural()) {
            List<Identifier> common = new ArrayList<>();
            for (Scope.Item li : l.scope().items()) {
                for (Scope.Col c : li.columns()) {
                    for (Scope.Item ri : r.scope().items()) {
                        for (Scope.Col d : ri.columns()) {
                            if (c.name().equals(d.name())) {
                                common.add(new Identifier(c.name(), j.location()));
                            }
                        }
                    }
                }
            }
            using = common;
        }
        if (!using.isEmpty()) {
            List<TExpr> conds = new ArrayList<>();
            Scope shiftR = new Scope(null);
            shiftR.add(null, List.of(), 0, false);
            for (Identifier u : using) {
                TExpr lv = l.scope().resolve(List.of(u.name()), u.location(), false);
                TExpr rv = ExprRewrite.shift(r.scope().resolve(List.of(u.name()), u.location(), false), l.scope().width());
                conds.add(ex.operator("=", lv, rv, u.location()));
                TExpr merged = kind == Nodes.JoinKind.RIGHT ? rv : lv;
                if (kind == Nodes.JoinKind.FULL) {
                    merged = new TExpr.Coalesce(List.of(lv, rv), lv.type(), -1);
                }
                mergedPut(s, u.name(), merged);
            }
            cond = conds.size() == 1 ? conds.get(0) : new TExpr.Bool(TExpr.BoolKind.AND, conds, ex.type(16));
        } else if (j.on() != null) {
            cond = ex.condition(j.on(), s, "JOIN/ON");
        }
        if (lateral && kind != Nodes.JoinKind.INNER && kind != Nodes.JoinKind.LEFT) {
            String first = l.scope().items().isEmpty() ? "" : l.scope().items().get(0).alias();
            throw new SqlException("42P10", "invalid reference to FROM-clause entry for table \"" + first + "\"")
                    .withDetail("The combining JOIN type must be INNER or LEFT for a LATERAL reference.")
                    .withPosition(j.right().location());
        }
        PlanNode node = lateral ? new LateralJoin(l.node(), r.node(), kind, cond, cols)
                : hashJoin(l.node(), r.node(), kind, cond, cols, l.scope().width());
        if (node == null) {
            node = new Nodes.NestedLoop(l.node(), r.node(), kind, cond, cols);
        }
        if (j.alias() != null) {
            return subqueryScope(node, j.alias().name(), j.alias().columns(), outer, true);
        }
        return new From(node, s);
    }

    /** Rows a plan subtree may produce, from its base tables (for choosing hash joins on larger inputs). */
    private static long estimate(PlanNode n) {
        if (n instanceof Nodes.SeqScan s) {
            return s.table().storage().versionCount();
        }
        long m = 1;
        for (PlanNode c : n.children()) {
            m = Math.max(m, estimate(c));
        }
        return n.children().isEmpty() ? 1000 : m;
    }

    /** A hash join when the condition has column equalities across the sides and the inputs are not tiny. */
    private PlanNode hashJoin(PlanNode left, PlanNode right, Nodes.JoinKind kind, TExpr cond, List<OutputColumn> cols,
                              int lw) {
        if (cond == null || (kind != Nodes.JoinKind.INNER && kind != Nodes.JoinKind.LEFT)
                || estimate(left) * estimate(right) < 10_000 || !settings.bool("enable_hashjoin")) {
            return null;
        }
        List<TExpr> conj = cond instanceof TExpr.Bool b && b.kind() == TExpr.BoolKind.AND ? b.args() : List.of(cond);
        List<TExpr> lk = new ArrayList<>();
        List<TExpr> rk = new ArrayList<>();
        List<TExpr> rest = new ArrayList<>();
        for (TExpr c : conj) {
            if (c instanceof TExpr.Op op && op.left() != null && op.operator().symbol().equals("=")
                    && op.left().type().oid() == op.right().type().oid()) {
                int ls = side(op.left(), lw);
                int rs = side(op.right(), lw);
                if (ls == 1 && rs == 2) {
                    lk.add(op.left());
                    rk.add(ExprRewrite.shift(op.right(), -lw));
                    continue;
                }
                if (ls == 2 && rs == 1) {
                    lk.add(op.right());
                    rk.add(ExprRewrite.shift(op.left(), -lw));
                    continue;
                }
            }
            rest.add(c);
        }
        if (lk.isEmpty()) {
            return null;
        }
        TExpr residual = rest.isEmpty() ? null : rest.size() == 1 ? rest.get(0)
                : new TExpr.Bool(TExpr.BoolKind.AND, rest, ex.type(16));
        return new HashJoin(left, right, kind == Nodes.JoinKind.LEFT, lk, rk, residual, cols, cond);
    }

    /** 1 when {@code e} reads only left columns, 2 only right ones, 0 otherwise (or none / outer / subqueries). */
    private static int side(TExpr e, int lw) {
        boolean[] seen = new boolean[3];
        ExprRewrite.any(e, x -> {
            if (x instanceof TExpr.Var v && v.level() == 0) {
                seen[v.index() < lw ? 1 : 2] = true;
            } else if (x instanceof TExpr.SubLink || x instanceof TExpr.Var) {
                seen[0] = true;
            }
            return false;
        });
        if (seen[0] || seen[1] == seen[2]) {
            return 0;
        }
        return seen[1] ? 1 : 2;
    }

    private static void mergedPut(Scope s, String name, TExpr e) {
        try {
            java.lang.reflect.Field f = Scope.class.getDeclaredField("merged");
            f.setAccessible(true);
            @SuppressWarnings("unchecked")
            Map<String, TExpr> m = (Map<String, TExpr>) f.get(s);
            m.put(name, e);
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
    }

    // ------------------------------------------------------------------ SELECT

    record Projected(List<TExpr> exprs, List<String> names) {
    }

    private PlanNode planSelect(QueryBody.Select s, Query q, Scope outer) {
        From from = planFrom(s.from(), outer);
        Scope scope = from.scope();
        PlanNode node = from.node();
        TExpr where = s.where() == null ? null : ex.condition(s.where(), scope, "WHERE");

        // select list
        AggCollector aggs = new AggCollector();
        ex.setAggregates(aggs);
        io.pgsight.sql.analyze.WindowCollector wins = new io.pgsight.sql.analyze.WindowCollector();
        Map<String, io.pgsight.sql.ast.WindowDef> named = new HashMap<>();
        for (io.pgsight.sql.ast.WindowDef wd : s.windows()) {
            named.put(wd.name(), wd);
        }
        ex.setWindows(wins, named);
        List<TExpr> targets = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Integer> locations = new ArrayList<>();
        for (Target t : s.targets()) {
            if (t.expr() instanceof Expr.ColumnRef c && c.star()) {
                expandStar(c, scope, targets, names, locations);
                continue;
            }
            targets.add(ex.analyze(t.expr(), scope));
            names.add(t.alias() != null ? t.alias() : ColumnNames.of(t.expr()));
            locations.add(t.location());
        }
        TExpr having = s.having() == null ? null : ex.condition(s.having(), scope, "HAVING");
        // ORDER BY items: output column names/positions first, else expressions over the input
        List<TExpr> sortExprs = new ArrayList<>();
        List<Integer> sortTargetIdx = new ArrayList<>();
        for (SortItem si : q.orderBy()) {
            int idx = matchOutput(si.expr(), names, targets.size());
            if (idx >= 0) {
                sortTargetIdx.add(idx);
                sortExprs.add(null);
                requireOrdering(targets.get(idx).type(), si.expr().location());
            } else {
                sortTargetIdx.add(-1);
                TExpr e = ex.analyze(si.expr(), scope);
                requireOrdering(e.type(), si.expr().location());
                sortExprs.add(e);
            }
        }
        List<TExpr> distinctOn = new ArrayList<>();
        for (Expr d : s.distinctOn()) {
            int idx = matchOutput(d, names, targets.size());
            distinctOn.add(idx >= 0 ? targets.get(idx) : ex.analyze(d, scope));
        }
        ex.setAggregates(null);
        ex.setWindows(null, Map.of());

        List<TExpr> groupKeys = new ArrayList<>();
        List<List<Expr>> groupingSets = GroupingSets.expand(s.groupBy());
        List<List<Integer>> setKeys = groupingSets == null ? null : new ArrayList<>();
        if (groupingSets == null) {
            for (Expr g : s.groupBy()) {
                int idx = matchOutput(g, names, targets.size());
                groupKeys.add(idx >= 0 ? targets.get(idx) : ex.analyze(g, scope));
            }
        } else {
            for (List<Expr> set : groupingSets) {
                List<Integer> keysOfSet = new ArrayList<>();
                for (Expr g : set) {
                    int idx = matchOutput(g, names, targets.size());
                    TExpr k = idx >= 0 ? targets.get(idx) : ex.analyze(g, scope);
                    int at = groupKeys.indexOf(k);
                    if (at < 0) {
                        groupKeys.add(k);
                        at = groupKeys.size() - 1;
                    }
                    if (!keysOfSet.contains(at)) {
                        keysOfSet.add(at);
                    }
                }
                setKeys.add(keysOfSet);
            }
            if (groupKeys.size() > 31) {
                throw new SqlException("54001", "too many grouping columns").withPosition(s.groupBy().get(0).location());
            }
        }
        boolean grouped = !aggs.calls().isEmpty() || !groupKeys.isEmpty() || having != null;

        // KNN index path: single table, no grouping, ORDER BY one distance expression
        if (node instanceof Nodes.SeqScan scan && !grouped && wins.calls().isEmpty() && sortExprs.size() == 1 && s.distinctOn().isEmpty()
                && !s.distinct()) {
            TExpr key = sortExprs.get(0) != null ? sortExprs.get(0) : targets.get(sortTargetIdx.get(0));
            PlanNode knn = knnPath(scan, key, where, q);
            if (knn != null) {
                node = knn;
                where = null;
                sortExprs = List.of();
                sortTargetIdx = List.of();
                // the index returns rows in order; ties past the limit are not looked for on this path
                q = new Query(q.with(), q.body(), List.of(), q.limit(), q.offset(), false, q.locking(), q.location());
            }
        }
        // KNN over the outer side of an inner join: index scan drives a nested loop that keeps its order
        Nodes.NestedLoop loop = node instanceof Nodes.NestedLoop n0 ? n0
                : node instanceof HashJoin hj && !hj.leftJoin()
                ? new Nodes.NestedLoop(hj.left(), hj.right(), Nodes.JoinKind.INNER, hj.original(), hj.columns()) : null;
        if (loop != null && !grouped && wins.calls().isEmpty() && sortExprs.size() == 1
                && loop.kind() == Nodes.JoinKind.INNER && loop.left() instanceof Nodes.SeqScan ls
                && loop.right() instanceof Nodes.SeqScan rs && !s.distinct()) {
            TExpr key = sortExprs.get(0) != null ? sortExprs.get(0) : targets.get(sortTargetIdx.get(0));
            PlanNode joined = knnJoin(loop, ls, rs, key, where, q);
            if (joined != null) {
                node = joined;
                where = null;
                sortExprs = List.of();
                sortTargetIdx = List.of();
                // the index returns rows in order; ties past the limit are not looked for on this path
                q = new Query(q.with(), q.body(), List.of(), q.limit(), q.offset(), false, q.locking(), q.location());
            }
        }
        if (node == null) {
            node = new Nodes.ValuesScan(List.of(List.of()), List.of(), true);
        }
        if (where != null) {
            node = whereOverJoins(node, where);
        }

        if (grouped) {
            List<OutputColumn> gcols = new ArrayList<>();
            for (AggCollector.AggCall c : aggs.calls()) {
                gcols.add(new OutputColumn(c.aggregate().name(), c.aggregate().resultType(), -1));
            }
            for (TExpr k : groupKeys) {
                gcols.add(new OutputColumn("?column?", k.type(), k.typmod()));
            }
            if (setKeys != null) {
                gcols.add(new OutputColumn("?grouping?", ex.type(23), -1));
                node = new GroupingSetsAggregate(node, groupKeys, setKeys, aggs.calls(), gcols);
            } else {
                node = new Nodes.Aggregate(node, groupKeys, aggs.calls(), gcols);
            }
            int nAggs = aggs.calls().size();
            targets = regroup(targets, groupKeys, nAggs, locations, scope);
            if (having != null) {
                node = new Nodes.Filter(node, regroup(List.of(having), groupKeys, nAggs, List.of(0), scope).get(0));
            }
            List<TExpr> rs = new ArrayList<>();
            for (TExpr e : sortExprs) {
                rs.add(e == null ? null : regroup(List.of(e), groupKeys, nAggs, List.of(0), scope).get(0));
            }
            sortExprs = rs;
            distinctOn = regroup(distinctOn, groupKeys, nAggs, List.of(), scope);
            int maskSlot = setKeys == null ? -1 : nAggs + groupKeys.size();
            node = node instanceof Nodes.Filter f ? new Nodes.Filter(f.input(), groupingCalls(f.filter(), nAggs, maskSlot))
                    : node;
            targets = new ArrayList<>(targets.stream().map(e -> groupingCalls(e, nAggs, maskSlot)).toList());
            sortExprs = new ArrayList<>(sortExprs.stream().map(e -> groupingCalls(e, nAggs, maskSlot)).toList());
        }
        for (TExpr t : targets) {
            if (ExprRewrite.any(t, GroupingFunction::is)) {
                throw new SqlException("42803", "arguments to GROUPING must be grouping expressions of the associated query level");
            }
        }

        if (!wins.calls().isEmpty()) {
            List<io.pgsight.sql.analyze.WindowCollector.WinCall> calls = new ArrayList<>();
            for (var wc : wins.calls()) {
                if (grouped) {
                    int nAggs = aggs.calls().size();
                    final List<TExpr> keys = groupKeys;
                    wc = wc.mapExprs(x -> x == null ? null : regroup(List.of(x), keys, nAggs, List.of(), scope).get(0));
                }
                calls.add(wc);
            }
            int width = node.columns().size();
            List<OutputColumn> wcols = new ArrayList<>(node.columns());
            for (var wc : calls) {
                wcols.add(new OutputColumn("?window?", wc.function() != null ? wc.function().returnType()
                        : wc.aggregate().resultType(), -1));
            }
            node = new WindowAgg(node, calls, wcols);
            java.util.function.UnaryOperator<TExpr> toVar = e -> e == null ? null : ExprRewrite.map(e, x ->
                    x instanceof TExpr.WinRef w ? new TExpr.Var(0, width + w.index(), w.type(), w.typmod(), w.display(), null) : null);
            targets = new ArrayList<>(targets.stream().map(toVar).toList());
            List<TExpr> rs = new ArrayList<>();
            for (TExpr e : sortExprs) {
                rs.add(toVar.apply(e));
            }
            sortExprs = rs;
            distinctOn = new ArrayList<>(distinctOn.stream().map(toVar).toList());
        }

        // projection with hidden sort columns
        List<TExpr> proj = new ArrayList<>(targets);
        List<OutputColumn> cols = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            TExpr t = targets.get(i);
            int[] src = sourceColumn(t, scope);
            cols.add(new OutputColumn(names.get(i), resolvedOutputType(t), t.typmod(), src[0], src[1]));
        }
        List<Integer> sortSlots = new ArrayList<>();
        for (int i = 0; i < sortExprs.size(); i++) {
            if (sortTargetIdx.get(i) >= 0) {
                sortSlots.add(sortTargetIdx.get(i));
            } else {
                int existing = proj.indexOf(sortExprs.get(i));
                if (existing >= 0) {
                    sortSlots.add(existing);
                } else {
                    proj.add(sortExprs.get(i));
                    cols.add(new OutputColumn("?sort?", sortExprs.get(i).type(), -1));
                    sortSlots.add(proj.size() - 1);
                }
            }
        }
        List<Integer> distinctSlots = new ArrayList<>();
        for (TExpr d : distinctOn) {
            int existing = proj.indexOf(d);
            if (existing < 0) {
                proj.add(d);
                cols.add(new OutputColumn("?distinct?", d.type(), -1));
                existing = proj.size() - 1;
            }
            distinctSlots.add(existing);
        }
        // unknown-typed outputs become text
        for (int i = 0; i < proj.size(); i++) {
            TExpr t = proj.get(i);
            if (t.type().oid() == 705) {
                TExpr c = ex.coercion().coerce(t, ex.type(25), -1, CastContext.IMPLICIT, 0);
                proj.set(i, c);
                OutputColumn oc = cols.get(i);
                cols.set(i, new OutputColumn(oc.name(), ex.type(25), -1, oc.tableOid(), oc.attnum()));
            }
        }
        node = new Nodes.Project(node, proj, cols, false);
        int visible = targets.size();

        if (!distinctSlots.isEmpty()) {
            // DISTINCT ON keeps the first row per key in ORDER BY order
            List<Integer> allSort = new ArrayList<>(sortSlots);
            node = sortNode(node, allSort, q.orderBy(), cols);
            node = new Nodes.Unique(node, distinctSlots);
            sortSlots = List.of();
        } else if (s.distinct()) {
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < visible; i++) {
                all.add(i);
            }
            node = new Nodes.Unique(node, all);
        }
        if (!sortSlots.isEmpty()) {
            node = sortNode(node, sortSlots, q.orderBy(), cols, proj, scope);
        }
        node = limitNode(node, q, scope);
        if (proj.size() > visible) {
            List<TExpr> strip = new ArrayList<>();
            for (int i = 0; i < visible; i++) {
                strip.add(new TExpr.Var(0, i, cols.get(i).type(), cols.get(i).typmod(), cols.get(i).name(), null));
            }
            node = new Nodes.Project(node, strip, cols.subList(0, visible), true);
        }
        return node;
    }

    /** ORDER BY needs a "<" for the type (PostgreSQL looks for a btree opclass). */
    private void requireOrdering(PgType t, int location) {
        if (t.oid() == 705 || catalog.elementOf(t) != null || io.pgsight.sql.catalog.PseudoType.is(t)) {
            return;
        }
        boolean ordered;
        try {
            TExpr probe = new TExpr.Var(0, 0, t, -1, "x", null);
            ordered = ex.operator("<", probe, probe, location) != null;
        } catch (SqlException e) {
            ordered = false;
        }
        if (!ordered) {
            throw new SqlException("42883", "could not identify an ordering operator for type " + catalog.formatType(t))
                    .withPosition(location).withHint("Use an explicit ordering operator or modify the query.");
        }
    }

    private PgType resolvedOutputType(TExpr t) {
        return t.type().oid() == 705 ? ex.type(25) : t.type();
    }

    private static int[] sourceColumn(TExpr t, Scope scope) {
        if (t instanceof TExpr.Var v && v.level() == 0) {
            for (Scope.Item it : scope.items()) {
                for (Scope.Col c : it.columns()) {
                    if (c.slot() == v.index()) {
                        return new int[] {c.tableOid(), c.attnum()};
                    }
                }
            }
        }
        return new int[] {0, 0};
    }

    /** WHERE over a comma-separated FROM list: each conjunct goes to the lowest join step that can run it. */
    private PlanNode whereOverJoins(PlanNode node, TExpr where) {
        JoinPushdown.Chain chain = JoinPushdown.chain(node);
        if (chain == null) {
            return whereNode(node, where);
        }
        List<JoinPushdown.Conjunct> conjuncts = JoinPushdown.conjuncts(where, chain);
        PlanNode cur = null;
        for (int j = 0; j < chain.items().size(); j++) {
            List<TExpr> own = new ArrayList<>();
            List<TExpr> joining = new ArrayList<>();
            for (JoinPushdown.Conjunct c : conjuncts) {
                if (c.onlyItem(j)) {
                    own.add(ExprRewrite.shift(c.expr(), -chain.offsets()[j]));
                } else if (c.joinsAt(j)) {
                    joining.add(c.expr());
                }
            }
            PlanNode item = chain.items().get(j);
            PlanNode right = own.isEmpty() ? item : whereNode(item, and(own));
            if (cur == null) {
                cur = right;
                continue;
            }
            List<OutputColumn> cols = new ArrayList<>(cur.columns());
            cols.addAll(right.columns());
            TExpr cond = joining.isEmpty() ? null : and(joining);
            if (chain.lateral()[j]) {
                cur = new LateralJoin(cur, right, Nodes.JoinKind.INNER, cond, cols);
                continue;
            }
            PlanNode hj = hashJoin(cur, right, Nodes.JoinKind.INNER, cond, cols, chain.offsets()[j]);
            cur = hj != null ? hj : new Nodes.NestedLoop(cur, right, Nodes.JoinKind.INNER, cond, cols);
        }
        List<TExpr> top = conjuncts.stream().filter(c -> c.items() == null).map(JoinPushdown.Conjunct::expr).toList();
        return top.isEmpty() ? cur : new Nodes.Filter(cur, and(top));
    }

    private TExpr and(List<TExpr> parts) {
        return parts.size() == 1 ? parts.get(0) : new TExpr.Bool(TExpr.BoolKind.AND, parts, ex.type(16));
    }

    private PlanNode whereNode(PlanNode node, TExpr where) {
        if (node instanceof Nodes.SeqScan scan) {
            PlanNode lookup = pkLookup(scan, where);
            if (lookup != null) {
                return lookup;
            }
            return new Nodes.SeqScan(scan.table(), scan.alias(), scan.columns(), where);
        }
        return new Nodes.Filter(node, where);
    }

    /** {@code WHERE col = const [AND ...]} through a single-column equality index. */
    private PlanNode pkLookup(Nodes.SeqScan scan, TExpr where) {
        if (!settings.bool("enable_indexscan")) {
            return null;
        }
        List<TExpr> conj = where instanceof TExpr.Bool b && b.kind() == TExpr.BoolKind.AND ? b.args() : List.of(where);
        for (TExpr c : conj) {
            if (c instanceof TExpr.Op op && op.left() != null && op.operator().symbol().equals("=")) {
                TExpr col = op.left();
                TExpr val = op.right();
                if (!(col instanceof TExpr.Var) && op.right() instanceof TExpr.Var) {
                    col = op.right();
                    val = op.left();
                }
                if (col instanceof TExpr.Var v && v.level() == 0 && !ExprRewrite.any(val, x -> x instanceof TExpr.Var y
                        && y.level() == 0) && col.type().oid() == val.type().oid()) {
                    for (IndexEntry idx : scan.table().indexes()) {
                        if (idx.isEqualityIndex() && idx.keyColumns().size() == 1 && idx.keyColumns().get(0) == v.index() + 1) {
                            List<TExpr> rest = new ArrayList<>(conj);
                            rest.remove(c);
                            TExpr filter = rest.isEmpty() ? null : rest.size() == 1 ? rest.get(0)
                                    : new TExpr.Bool(TExpr.BoolKind.AND, rest, ex.type(16));
                            String cond = "(" + v.name() + " = " + val.sql() + ")";
                            return new Nodes.IndexLookup(scan.table(), scan.alias(), idx, val, scan.columns(), filter, cond);
                        }
                    }
                }
            }
        }
        return null;
    }

    private PlanNode knnPath(Nodes.SeqScan scan, TExpr key, TExpr where, Query q) {
        if (!(key instanceof TExpr.Op op) || op.left() == null) {
            return null;
        }
        boolean enableSeq = settings.bool("enable_seqscan");
        if (!settings.bool("enable_indexscan") || (q.limit() == null && enableSeq)) {
            return null;
        }
        TExpr query = op.right();
        if (ExprRewrite.any(query, x -> x instanceof TExpr.Var v && v.level() == 0)
                || ExprRewrite.any(query, x -> x instanceof TExpr.SubLink sl && sl.correlated())) {
            return null;
        }
        for (IndexEntry idx : scan.table().indexes()) {
            if (idx.isEqualityIndex() || idx.operatorClasses().isEmpty()) {
                continue;
            }
            OperatorClassEntry oc = idx.operatorClasses().get(0);
            if (!oc.hasOrderingOperator(op.operator().symbol())) {
                continue;
            }
            boolean matches = false;
            if (!idx.keyColumns().isEmpty() && idx.keyColumns().get(0) > 0 && op.left() instanceof TExpr.Var v
                    && v.level() == 0 && v.index() == idx.keyColumns().get(0) - 1) {
                matches = true;
            } else if (idx.keyColumns().get(0) == 0 && idx.expressions().get(0) != null) {
                matches = idx.expressions().get(0).sql().equals(op.left().sql());
            }
            if (matches) {
                String text = "(" + op.left().sql() + " " + op.operator().symbol() + " " + query.sql() + ")";
                return new Nodes.IndexKnnScan(scan.table(), scan.alias(), idx, op.operator().symbol(), op.left(), query,
                        scan.columns(), where, text);
            }
        }
        return null;
    }

    private PlanNode knnJoin(Nodes.NestedLoop nl, Nodes.SeqScan ls, Nodes.SeqScan rs, TExpr key, TExpr where, Query q) {
        int lw = ls.columns().size();
        if (!(key instanceof TExpr.Op op) || op.left() == null || ExprRewrite.any(op.left(),
                x -> x instanceof TExpr.Var v && v.level() == 0 && v.index() >= lw)) {
            return null;
        }
        List<TExpr> conj = where == null ? List.of()
                : where instanceof TExpr.Bool b && b.kind() == TExpr.BoolKind.AND ? b.args() : List.of(where);
        List<TExpr> leftOnly = new ArrayList<>();
        List<TExpr> rest = new ArrayList<>();
        for (TExpr c : conj) {
            boolean onlyLeft = !ExprRewrite.any(c, x -> x instanceof TExpr.Var v && v.level() == 0 && v.index() >= lw)
                    && !ExprRewrite.any(c, x -> x instanceof TExpr.SubLink);
            (onlyLeft ? leftOnly : rest).add(c);
        }
        TExpr leftFilter = leftOnly.isEmpty() ? null : unqualified(leftOnly.size() == 1 ? leftOnly.get(0)
                : new TExpr.Bool(TExpr.BoolKind.AND, leftOnly, ex.type(16)));
        TExpr unqualKey = unqualified(key);
        PlanNode knn = knnPath(new Nodes.SeqScan(ls.table(), ls.alias(), ls.columns(), null), unqualKey, leftFilter, q);
        if (knn == null) {
            return null;
        }
        PlanNode inner = rs;
        TExpr joinCond = nl.condition();
        boolean parameterized = false;
        if (joinCond instanceof TExpr.Op eq && eq.operator().symbol().equals("=") && eq.left() instanceof TExpr.Var a
                && eq.right() instanceof TExpr.Var b && a.type().oid() == b.type().oid()) {
            TExpr.Var outerVar = a.index() < lw ? a : b;
            TExpr.Var innerVar = a.index() < lw ? b : a;
            if (outerVar.index() < lw && innerVar.index() >= lw) {
                for (IndexEntry idx : rs.table().indexes()) {
                    if (idx.isEqualityIndex() && idx.keyColumns().size() == 1
                            && idx.keyColumns().get(0) == innerVar.index() - lw + 1) {
                        String outerRel = ls.alias() != null ? ls.alias() : ls.table().name();
                        TExpr.Var param = new TExpr.Var(0, outerVar.index(), outerVar.type(), outerVar.typmod(),
                                outerVar.name(), outerRel);
                        inner = new Nodes.IndexLookup(rs.table(), rs.alias(), idx, param, rs.columns(), null,
                                "(" + innerVar.name() + " = " + param.sql() + ")");
                        joinCond = null;
                        parameterized = true;
                        break;
                    }
                }
            }
        }
        PlanNode join = new Nodes.NestedLoop(knn, inner, Nodes.JoinKind.INNER, joinCond, nl.columns(), parameterized);
        if (!rest.isEmpty()) {
            join = new Nodes.Filter(join, rest.size() == 1 ? rest.get(0) : new TExpr.Bool(TExpr.BoolKind.AND, rest, ex.type(16)));
        }
        return join;
    }

    /** Drops relation prefixes of this level's columns: scan-level quals print them bare, like EXPLAIN. */
    private static TExpr unqualified(TExpr e) {
        return ExprRewrite.map(e, x -> x instanceof TExpr.Var v && v.level() == 0 && v.relation() != null
                ? new TExpr.Var(0, v.index(), v.type(), v.typmod(), v.name(), null) : null);
    }

    private PlanNode sortNode(PlanNode node, List<Integer> slots, List<SortItem> items, List<OutputColumn> cols) {
        return sortNode(node, slots, items, cols, null, null);
    }

    private String sortKeyText(TExpr e, Scope scope, String fallback) {
        if (e == null) {
            return ExprDeparseNames.ident(fallback);
        }
        if (e instanceof TExpr.Var v && v.level() == 0 && scope != null) {
            for (Scope.Item it : scope.items()) {
                for (Scope.Col c : it.columns()) {
                    if (c.slot() == v.index() && it.alias() != null) {
                        return rangeEntries > 1 ? ExprDeparseNames.ident(it.alias()) + "." + ExprDeparseNames.ident(v.name())
                                : ExprDeparseNames.ident(v.name());
                    }
                }
            }
        }
        return "(" + e.sql() + ")";
    }

    private PlanNode sortNode(PlanNode node, List<Integer> slots, List<SortItem> items, List<OutputColumn> cols,
                              List<TExpr> exprs, Scope scope) {
        List<Boolean> desc = new ArrayList<>();
        List<Boolean> nullsFirst = new ArrayList<>();
        List<String> text = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            SortItem si = i < items.size() ? items.get(i) : null;
            boolean d = si != null && si.direction() == SortItem.Direction.DESC;
            boolean nf = si != null && si.nulls() != SortItem.NullsOrder.DEFAULT ? si.nulls() == SortItem.NullsOrder.FIRST : d;
            desc.add(d);
            nullsFirst.add(nf);
            TExpr e = exprs == null || slots.get(i) >= exprs.size() ? null : exprs.get(slots.get(i));
            text.add(sortKeyText(e, scope, cols.get(slots.get(i)).name()) + (d ? " DESC" : ""));
        }
        return new Nodes.Sort(node, slots, desc, nullsFirst, text);
    }

    private PlanNode limitNode(PlanNode node, Query q, Scope scope) {
        if (q.limit() == null && q.offset() == null) {
            return node;
        }
        Scope empty = new Scope(scope == null ? null : scope);
        TExpr lim = q.limit() == null ? null : ex.coercion().coerce(ex.analyze(q.limit(), empty), ex.type(20), -1,
                CastContext.IMPLICIT, q.limit().location());
        TExpr off = q.offset() == null ? null : ex.coercion().coerce(ex.analyze(q.offset(), empty), ex.type(20), -1,
                CastContext.IMPLICIT, q.offset().location());
        List<TExpr.SubLink> inits = new ArrayList<>();
        collectInitPlans(node, inits);
        if (q.withTies() && q.orderBy().isEmpty()) {
            throw new SqlException("42601", "WITH TIES cannot be specified without ORDER BY clause");
        }
        return new Nodes.Limit(node, lim, off, inits, q.withTies());
    }

    private static void collectInitPlans(PlanNode node, List<TExpr.SubLink> out) {
        java.util.function.Consumer<TExpr> scan = e -> {
            if (e != null) {
                ExprRewrite.any(e, x -> {
                    if (x instanceof TExpr.SubLink s && !s.correlated() && s.kind() == TExpr.SubKind.EXPR && !out.contains(s)) {
                        out.add(s);
                    }
                    return false;
                });
            }
        };
        if (node instanceof Nodes.IndexKnnScan k) {
            scan.accept(k.query());
        } else if (node instanceof Nodes.Project p) {
            p.exprs().forEach(scan);
        } else if (node instanceof Nodes.Limit || node instanceof Nodes.SubqueryScan) {
            return;
        }
        for (PlanNode c : node.children()) {
            collectInitPlans(c, out);
        }
        out.sort(java.util.Comparator.comparingInt(TExpr.SubLink::initPlanId));
    }

    private PlanNode orderLimitOverOutput(PlanNode body, Query q, Scope outer) {
        List<OutputColumn> cols = body.columns();
        if (!q.orderBy().isEmpty()) {
            List<Integer> slots = new ArrayList<>();
            List<String> names = cols.stream().map(OutputColumn::name).toList();
            for (SortItem si : q.orderBy()) {
                int idx = matchOutput(si.expr(), names, names.size());
                if (idx < 0) {
                    throw new SqlException("0A000", "ORDER BY on a UNION/INTERSECT/EXCEPT result must be on one of the result columns")
                            .withPosition(si.location());
                }
                slots.add(idx);
            }
            body = sortNode(body, slots, q.orderBy(), cols);
        }
        return limitNode(body, q, outer);
    }

    /** ORDER BY / GROUP BY item naming an output column (by alias) or position. */
    private static int matchOutput(Expr e, List<String> names, int count) {
        if (e instanceof Expr.NumberLiteral n && n.isIntegral()) {
            int pos = Integer.parseInt(n.text());
            if (pos < 1 || pos > count) {
                throw new SqlException("42P10", "ORDER BY position " + pos + " is not in select list").withPosition(n.location());
            }
            return pos - 1;
        }
        if (e instanceof Expr.ColumnRef c && !c.star() && c.names().size() == 1) {
            int found = -1;
            for (int i = 0; i < count; i++) {
                if (names.get(i).equals(c.names().get(0))) {
                    if (found >= 0) {
                        return -1;
                    }
                    found = i;
                }
            }
            return found;
        }
        return -1;
    }

    private void expandStar(Expr.ColumnRef c, Scope scope, List<TExpr> targets, List<String> names, List<Integer> locs) {
        boolean qualify = scope.items().size() > 1;
        if (c.names().isEmpty()) {
            if (scope.items().isEmpty()) {
                throw new SqlException("42601", "SELECT * with no tables specified is not valid").withPosition(c.location());
            }
            java.util.Set<String> mergedDone = new java.util.HashSet<>();
            List<String> merged = mergedNames(scope);
            for (String m : merged) {
                targets.add(scope.resolve(List.of(m), c.location(), qualify));
                names.add(m);
                locs.add(c.location());
                mergedDone.add(m);
            }
            for (Scope.Item it : scope.items()) {
                for (Scope.Col col : it.columns()) {
                    if (mergedDone.contains(col.name())) {
                        continue;
                    }
                    targets.add(new TExpr.Var(0, col.slot(), col.type(), col.typmod(), col.name(), qualify ? it.alias() : null));
                    names.add(col.name());
                    locs.add(c.location());
                }
            }
            return;
        }
        Scope.Item it = scope.item(c.names().get(c.names().size() - 1));
        var recordFields = it == null && c.names().size() == 1 ? ex.recordFields(c.names().get(0))
                : List.<java.util.Map.Entry<String, Integer>>of();
        if (!recordFields.isEmpty()) {
            // r.* of a PL/pgSQL record variable: its fields, in order
            for (var f : recordFields) {
                PgType t = ex.params().get(f.getValue());
                targets.add(new TExpr.Param(f.getValue(), t == null ? ex.type(25) : t, -1));
                names.add(f.getKey());
                locs.add(c.location());
            }
            return;
        }
        if (it == null) {
            throw new SqlException("42P01", "missing FROM-clause entry for table \"" + c.names().get(0) + "\"")
                    .withPosition(c.location());
        }
        for (Scope.Col col : it.columns()) {
            targets.add(new TExpr.Var(0, col.slot(), col.type(), col.typmod(), col.name(), qualify ? it.alias() : null));
            names.add(col.name());
            locs.add(c.location());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> mergedNames(Scope s) {
        try {
            java.lang.reflect.Field f = Scope.class.getDeclaredField("merged");
            f.setAccessible(true);
            return new ArrayList<>(((Map<String, TExpr>) f.get(s)).keySet());
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Rewrites expressions over input rows into expressions over grouped rows [aggs..., keys...]. */
    /**
     * Replaces GROUPING(...) calls, whose arguments regroup turned into key slots, by the bits of the
     * row's mask slot ({@code maskSlot} -1: plain GROUP BY, every argument grouped, so 0).
     */
    private TExpr groupingCalls(TExpr e, int nAggs, int maskSlot) {
        if (e == null) {
            return null;
        }
        return ExprRewrite.map(e, x -> {
            if (!GroupingFunction.is(x)) {
                return null;
            }
            List<TExpr> args = ((TExpr.Call) x).args();
            int[] keyOf = new int[args.size()];
            for (int i = 0; i < args.size(); i++) {
                if (!(args.get(i) instanceof TExpr.Var v) || v.level() != 0 || v.index() < nAggs
                        || maskSlot >= 0 && v.index() >= maskSlot) {
                    throw new SqlException("42803", "arguments to GROUPING must be grouping expressions of the associated query level");
                }
                keyOf[i] = v.index() - nAggs;
            }
            if (maskSlot < 0) {
                return new TExpr.Const(0, ex.type(23), -1, 0);
            }
            io.pgsight.sql.catalog.FunctionEntry bits = new io.pgsight.sql.catalog.FunctionEntry(0, "pg_catalog", "grouping",
                    List.of(ex.type(23)), List.of(""), ex.type(23), true, false, io.pgsight.sql.spi.Volatility.IMMUTABLE,
                    new io.pgsight.sql.catalog.FunctionBody.NativeScalar((ctx, a) -> {
                        int mask = (Integer) a[0];
                        int out = 0;
                        for (int k : keyOf) {
                            out = (out << 1) | ((mask >> k) & 1);
                        }
                        return out;
                    }), List.of(), null, null, false);
            return new TExpr.Call(bits, List.of(new TExpr.Var(0, maskSlot, ex.type(23), -1, "grouping", null)), ex.type(23), -1);
        });
    }

    private List<TExpr> regroup(List<TExpr> exprs, List<TExpr> keys, int nAggs, List<Integer> locations, Scope scope) {
        List<TExpr> out = new ArrayList<>();
        for (int i = 0; i < exprs.size(); i++) {
            TExpr e = exprs.get(i);
            int loc = i < locations.size() ? locations.get(i) : 0;
            TExpr r = ExprRewrite.map(e, x -> {
                if (GroupingFunction.is(x) && !keys.containsAll(((TExpr.Call) x).args())) {
                    throw new SqlException("42803", "arguments to GROUPING must be grouping expressions of the associated query level")
                            .withPosition(loc);
                }
                int k = keys.indexOf(x);
                if (k >= 0) {
                    return new TExpr.Var(0, nAggs + k, x.type(), x.typmod(), x instanceof TExpr.Var v ? v.name() : "?", null);
                }
                if (x instanceof TExpr.AggRef) {
                    return x;
                }
                if (x instanceof TExpr.Var v && v.level() == 0) {
                    String rel = null;
                    for (Scope.Item it : scope.items()) {
                        for (Scope.Col c : it.columns()) {
                            if (c.slot() == v.index()) {
                                rel = it.alias();
                            }
                        }
                    }
                    throw new SqlException("42803", "column \"" + (rel == null ? "" : rel + ".") + v.name()
                            + "\" must appear in the GROUP BY clause or be used in an aggregate function")
                            .withPosition(loc);
                }
                return null;
            });
            out.add(r);
        }
        return out;
    }
}
