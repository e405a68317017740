package io.pgsight.sql.engine;

import io.pgsight.sql.analyze.ExprAnalyzer;
import io.pgsight.sql.analyze.Scope;
import io.pgsight.sql.analyze.TExpr;
import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.api.StatementSink;
import io.pgsight.sql.ast.Command;
import io.pgsight.sql.ast.Expr;
import io.pgsight.sql.ast.Identifier;
import io.pgsight.sql.ast.QualifiedName;
import io.pgsight.sql.ast.QueryBody;
import io.pgsight.sql.ast.Target;
import io.pgsight.sql.catalog.Column;
import io.pgsight.sql.catalog.Table;
import io.pgsight.sql.exec.EvalContext;
import io.pgsight.sql.exec.ExecContext;
import io.pgsight.sql.exec.PlanNode;
import io.pgsight.sql.exec.TableWriter;
import io.pgsight.sql.plan.ColumnNames;
import io.pgsight.sql.plan.Nodes;
import io.pgsight.sql.plan.QueryPlanner;
import io.pgsight.sql.spi.PgType;
import io.pgsight.sql.storage.RowVersion;
import io.pgsight.sql.txn.TxnState;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** INSERT, UPDATE and DELETE (with RETURNING), row by row through a {@link TableWriter}. */
final class DmlCommands {
    private final CommandRunner runner;

    DmlCommands(CommandRunner runner) {
        this.runner = runner;
    }

    private Table table(QualifiedName n) {
        Table t = runner.session().catalog().relation(n.schema(), n.name(),
                io.pgsight.sql.catalog.SearchPath.of(runner.session().settings()));
        if (t == null) {
            throw new SqlException("42P01", "relation \"" + n.dotted() + "\" does not exist").withPosition(n.location());
        }
        if (t.kind() != Table.Kind.TABLE) {
            throw new SqlException("55000", "cannot change view \"" + t.name() + "\"");
        }
        return t;
    }

    static Scope tableScope(Table t, String alias) {
        Scope s = new Scope(null);
        List<Scope.Col> cols = new ArrayList<>();
        for (Column c : t.liveColumns()) {
            cols.add(new Scope.Col(c.name(), c.type(), c.typmod(), c.attnum() - 1, t.oid(), c.attnum()));
        }
        s.add(alias == null ? t.name() : alias, cols, t.oid(), alias != null);
        return s;
    }

    /** Makes the scope as wide as the stored row, so extra FROM items start after every column slot. */
    private static void padScope(Scope s, Table t) {
        if (s.width() < t.columns().size()) {
            List<Scope.Col> pad = List.of(new Scope.Col("\u0000pad", t.columns().get(0).type(), -1,
                    t.columns().size() - 1, 0, 0));
            s.add("\u0000pad", pad, 0, false);
        }
    }

    record Returning(List<TExpr> exprs, List<PlanNode.OutputColumn> columns) {
    }

    private Returning returning(List<Target> targets, Scope scope, ExprAnalyzer ex) {
        if (targets.isEmpty()) {
            return null;
        }
        List<TExpr> exprs = new ArrayList<>();
        List<PlanNode.OutputColumn> cols = new ArrayList<>();
        for (Target t : targets) {
            if (t.expr() instanceof Expr.ColumnRef c && c.star()) {
                for (Scope.Item it : scope.items()) {
                    if (it.alias() != null && it.alias().startsWith("\u0000")) {
                        continue;
                    }
                    for (Scope.Col col : it.columns()) {
                        exprs.add(new TExpr.Var(0, col.slot(), col.type(), col.typmod(), col.name(), null));
                        cols.add(new PlanNode.OutputColumn(col.name(), col.type(), col.typmod(), col.tableOid(), col.attnum()));
                    }
                }
                continue;
            }
            TExpr e = ex.analyze(t.expr(), scope);
            if (e.type().oid() == 705) {
                e = ex.coercion().coerce(e, ex.type(25), -1, io.pgsight.sql.spi.CastContext.IMPLICIT, 0);
            }
            exprs.add(e);
            String name = t.alias() != null ? t.alias() : ColumnNames.of(t.expr());
            int[] src = {0, 0};
            if (e instanceof TExpr.Var v) {
                for (Scope.Col col : scope.items().get(0).columns()) {
                    if (col.slot() == v.index()) {
                        src = new int[] {col.tableOid(), col.attnum()};
                    }
                }
            }
            cols.add(new PlanNode.OutputColumn(name, e.type(), e.typmod(), src[0], src[1]));
        }
        return new Returning(exprs, cols);
    }

    List<PlanNode.OutputColumn> describe(Command cmd, ExprAnalyzer.ParamTypes pt) {
        QueryPlanner qp = new QueryPlanner(runner.session().catalog(), runner.session().settings(), pt);
        if (cmd instanceof Command.Insert i) {
            Table t = table(i.table());
            prepareInsert(i, t, qp);
            Returning r = returning(i.returning(), tableScope(t, i.alias()), qp.analyzer());
            return r == null ? null : r.columns();
        }
        if (cmd instanceof Command.Update u) {
            Table t = table(u.table());
            Scope s = tableScope(t, u.alias());
            analyzeSet(u, t, s, qp.analyzer());
            if (u.where() != null) {
                qp.analyzer().condition(u.where(), s, "WHERE");
            }
            Returning r = returning(u.returning(), s, qp.analyzer());
            return r == null ? null : r.columns();
        }
        Command.Delete d = (Command.Delete) cmd;
        Table t = table(d.table());
        Scope s = tableScope(t, d.alias());
        if (d.where() != null) {
            qp.analyzer().condition(d.where(), s, "WHERE");
        }
        Returning r = returning(d.returning(), s, qp.analyzer());
        return r == null ? null : r.columns();
    }

    PlanNode planForExplain(Command cmd, List<PgType> paramTypes) {
        throw new SqlException("0A000", "EXPLAIN of data-modifying statements is not supported yet");
    }

    void run(Command cmd, StatementSink sink, Object[] params, short[] resultFormats, List<PgType> paramTypes) {
        QueryPlanner qp = runner.planner(paramTypes);
        if (cmd instanceof Command.Insert i) {
            insert(i, sink, params, resultFormats, qp);
        } else if (cmd instanceof Command.Update u) {
            update(u, sink, params, resultFormats, qp);
        } else {
            delete((Command.Delete) cmd, sink, params, resultFormats, qp);
        }
    }

    // ------------------------------------------------------------------ INSERT

    record InsertPlan(List<Column> targets, PlanNode source, List<List<TExpr>> valueRows) {
    }

    private InsertPlan prepareInsert(Command.Insert ins, Table t, QueryPlanner qp) {
        ExprAnalyzer ex = qp.analyzer();
        List<Column> targets = new ArrayList<>();
        if (ins.columns().isEmpty()) {
            targets.addAll(t.liveColumns());
        } else {
            for (Identifier id : ins.columns()) {
                Column c = t.column(id.name());
                if (c == null) {
                    throw new SqlException("42703", "column \"" + id.name() + "\" of relation \"" + t.name()
                            + "\" does not exist").withPosition(id.location());
                }
                for (Column d : targets) {
                    if (d == c) {
                        throw new SqlException("42701", "column \"" + c.name() + "\" specified more than once")
                                .withPosition(id.location());
                    }
                }
                targets.add(c);
            }
        }
        if (ins.source() == null) {
            return new InsertPlan(List.of(), null, List.of(List.of()));
        }
        if (ins.source().body() instanceof QueryBody.Values v && ins.source().isBare()) {
            List<List<TExpr>> rows = new ArrayList<>();
            Scope empty = new Scope(null);
            for (List<Expr> r : v.rows()) {
                if (r.size() > targets.size()) {
                    throw new SqlException("42601", "INSERT has more expressions than target columns")
                            .withPosition(r.get(targets.size()).location());
                }
                if (r.size() < targets.size() && !ins.columns().isEmpty()) {
                    throw new SqlException("42601", "INSERT has more target columns than expressions")
                            .withPosition(ins.columns().get(r.size()).location());
                }
                List<TExpr> row = new ArrayList<>();
                for (int k = 0; k < r.size(); k++) {
                    Expr e = r.get(k);
                    Column c = targets.get(k);
                    if (e instanceof Expr.SetToDefault) {
                        row.add(null);
                    } else {
                        row.add(ex.assign(ex.analyze(e, empty), c.type(), c.typmod(), c.name(), e.location()));
                    }
                }
                rows.add(row);
            }
            return new InsertPlan(targets.subList(0, v.rows().get(0).size()), null, rows);
        }
        PlanNode src = qp.planQuery(ins.source(), null);
        List<PlanNode.OutputColumn> cols = src.columns();
        if (cols.size() > targets.size()) {
            throw new SqlException("42601", "INSERT has more expressions than target columns").withPosition(ins.source().location());
        }
        List<TExpr> conv = new ArrayList<>();
        for (int k = 0; k < cols.size(); k++) {
            Column c = targets.get(k);
            TExpr v = new TExpr.Var(0, k, cols.get(k).type(), cols.get(k).typmod(), cols.get(k).name(), null);
            conv.add(ex.assign(v, c.type(), c.typmod(), c.name(), ins.source().location()));
        }
        List<PlanNode.OutputColumn> outCols = new ArrayList<>();
        for (int k = 0; k < conv.size(); k++) {
            outCols.add(new PlanNode.OutputColumn(targets.get(k).name(), targets.get(k).type(), targets.get(k).typmod()));
        }
        return new InsertPlan(targets.subList(0, cols.size()), new Nodes.Project(src, conv, outCols, false), null);
    }

    /** ON CONFLICT: the arbiter indexes, and for DO UPDATE the SET expressions over [existing row, excluded row]. */
    private record Upsert(List<io.pgsight.sql.catalog.IndexEntry> arbiters, List<TExpr> assign, TExpr where) {
    }

    private Upsert upsert(Command.OnConflict oc, Table t, String alias, ExprAnalyzer ex) {
        List<io.pgsight.sql.catalog.IndexEntry> arbiters = new ArrayList<>();
        if (oc.constraintName() != null) {
            for (var i : t.indexes()) {
                if (i.unique() && i.name().equals(oc.constraintName())) {
                    arbiters.add(i);
                }
            }
            if (arbiters.isEmpty()) {
                throw new SqlException("42704", "constraint \"" + oc.constraintName() + "\" for table \"" + t.name()
                        + "\" does not exist");
            }
        } else if (!oc.targetColumns().isEmpty()) {
            List<Integer> atts = new ArrayList<>();
            for (var el : oc.targetColumns()) {
                Column c = el.column() == null ? null : t.column(el.column().name());
                if (c == null) {
                    throw new SqlException("42P10", "there is no unique or exclusion constraint matching the ON CONFLICT specification");
                }
                atts.add(c.attnum());
            }
            for (var i : t.indexes()) {
                if (i.unique() && new java.util.HashSet<>(i.keyColumns()).equals(new java.util.HashSet<>(atts))) {
                    arbiters.add(i);
                }
            }
            if (arbiters.isEmpty()) {
                throw new SqlException("42P10", "there is no unique or exclusion constraint matching the ON CONFLICT specification");
            }
        } else {
            if (!oc.doNothing()) {
                throw new SqlException("42601", "ON CONFLICT DO UPDATE requires inference specification or constraint name")
                        .withHint("For example, ON CONFLICT (column_name).").withPosition(oc.location());
            }
            for (var i : t.indexes()) {
                if (i.unique()) {
                    arbiters.add(i);
                }
            }
        }
        if (oc.doNothing()) {
            return new Upsert(arbiters, null, null);
        }
        Scope s = tableScope(t, alias);
        List<Scope.Col> ex2 = new ArrayList<>();
        for (Column c : t.liveColumns()) {
            ex2.add(new Scope.Col(c.name(), c.type(), c.typmod(), c.attnum() - 1, t.oid(), c.attnum()));
        }
        s.add("excluded", ex2, t.oid(), true);
        List<TExpr> assign = new ArrayList<>();
        for (int i = 0; i < t.columns().size(); i++) {
            assign.add(null);
        }
        for (Command.SetClause sc : oc.set()) {
            Identifier id = sc.columns().get(0);
            Column c = t.column(id.name());
            if (c == null) {
                throw new SqlException("42703", "column \"" + id.name() + "\" of relation \"" + t.name()
                        + "\" does not exist").withPosition(id.location());
            }
            assign.set(c.attnum() - 1, ex.assign(ex.analyze(sc.value(), s), c.type(), c.typmod(), c.name(),
                    sc.value().location()));
        }
        TExpr where = oc.where() == null ? null : ex.condition(oc.where(), s, "WHERE");
        return new Upsert(arbiters, assign, where);
    }

    private void insert(Command.Insert ins, StatementSink sink, Object[] params, short[] fmts, QueryPlanner qp) {
        Table t = table(ins.table());
        Upsert up = ins.onConflict() == null ? null : upsert(ins.onConflict(), t, ins.alias(), qp.analyzer());
        InsertPlan p = prepareInsert(ins, t, qp);
        Returning ret = returning(ins.returning(), tableScope(t, ins.alias()), qp.analyzer());
        ExecContext ctx = runner.context(params);
        EvalContext ec = new EvalContext(ctx, new Object[0], null);
        TableWriter w = new TableWriter(t, ctx);
        ResultEncoder enc = ret == null ? null : new ResultEncoder(ret.columns(), fmts);
        if (enc != null) {
            sink.columns(enc.describe());
        }
        long n = 0;
        Iterator<Object[]> source;
        if (p.source() != null) {
            List<Object[]> rows = new ArrayList<>();
            try (PlanNode.RowSource rs = p.source().open(ec)) {
                for (Object[] r = rs.next(); r != null; r = rs.next()) {
                    rows.add(r);
                }
            }
            source = rows.iterator();
        } else {
            List<Object[]> rows = new ArrayList<>();
            for (List<TExpr> r : p.valueRows()) {
                Object[] vals = new Object[r.size()];
                for (int k = 0; k < vals.length; k++) {
                    vals[k] = r.get(k) == null ? DEFAULT : r.get(k).eval(ec);
                }
                rows.add(vals);
            }
            source = rows.iterator();
        }
        while (source.hasNext()) {
            ctx.checkCancelled();
            Object[] vals = source.next();
            Object[] row = new Object[t.columns().size()];
            boolean[] set = new boolean[row.length];
            for (int k = 0; k < vals.length; k++) {
                Column c = p.targets().get(k);
                if (vals[k] != DEFAULT) {
                    row[c.attnum() - 1] = vals[k];
                    set[c.attnum() - 1] = true;
                }
            }
            for (Column c : t.columns()) {
                if (!set[c.attnum() - 1] && !c.dropped() && c.defaultExpr() != null) {
                    row[c.attnum() - 1] = c.defaultExpr().eval(ec);
                }
            }
            if (up != null) {
                RowVersion existing = null;
                for (var idx : up.arbiters()) {
                    existing = w.conflicting(idx, row);
                    if (existing != null) {
                        break;
                    }
                }
                if (existing != null) {
                    if (up.assign() == null) {
                        continue;
                    }
                    Object[] old = Nodes.materialize(t, existing, t.columns().size());
                    Object[] both = new Object[old.length * 2];
                    System.arraycopy(old, 0, both, 0, old.length);
                    System.arraycopy(row, 0, both, old.length, row.length);
                    EvalContext bc = new EvalContext(ctx, both, null);
                    if (up.where() != null && !Boolean.TRUE.equals(up.where().eval(bc))) {
                        continue;
                    }
                    if (!w.lock(existing)) {
                        throw new SqlException("40001", "could not serialize access due to concurrent update");
                    }
                    Object[] next = old.clone();
                    for (int k = 0; k < up.assign().size(); k++) {
                        if (up.assign().get(k) != null) {
                            next[k] = up.assign().get(k).eval(bc);
                        }
                    }
                    w.update(existing, next);
                    n++;
                    if (enc != null) {
                        emit(sink, enc, project(ret, next, ctx), ctx);
                    }
                    continue;
                }
            }
            w.insert(row);
            n++;
            if (enc != null) {
                emit(sink, enc, project(ret, row, ctx), ctx);
            }
        }
        sink.complete("INSERT 0 " + n);
    }

    private static final Object DEFAULT = new Object();

    /** A sink that wants RETURNING rows as values (PL/pgSQL INTO), not encoded for the wire. */
    interface ValueRows {
        void values(Object[] row);
    }

    private static void emit(StatementSink sink, ResultEncoder enc, Object[] row, ExecContext ctx) {
        if (sink instanceof ValueRows v) {
            v.values(row);
        } else {
            sink.row(enc.encode(row, ctx));
        }
    }

    private static Object[] project(Returning r, Object[] row, ExecContext ctx) {
        EvalContext ec = new EvalContext(ctx, row, null);
        Object[] out = new Object[r.exprs().size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = r.exprs().get(i).eval(ec);
        }
        return out;
    }

    // ------------------------------------------------------------------ UPDATE / DELETE

    private List<TExpr> analyzeSet(Command.Update u, Table t, Scope s, ExprAnalyzer ex) {
        List<TExpr> assign = new ArrayList<>();
        for (int i = 0; i < t.columns().size(); i++) {
            assign.add(null);
        }
        for (Command.SetClause sc : u.set()) {
            if (sc.multi() || !sc.subscripts().isEmpty()) {
                throw new SqlException("0A000", "multi-column and subscripted SET are not supported yet").withPosition(sc.location());
            }
            Identifier id = sc.columns().get(0);
            Column c = t.column(id.name());
            if (c == null) {
                throw new SqlException("42703", "column \"" + id.name() + "\" of relation \"" + t.name()
                        + "\" does not exist").withPosition(id.location());
            }
            TExpr e;
            if (sc.value() instanceof Expr.SetToDefault) {
                e = c.defaultExpr() == null ? new TExpr.Const(null, c.type(), c.typmod(), 0) : c.defaultExpr();
            } else {
                e = ex.assign(ex.analyze(sc.value(), s), c.type(), c.typmod(), c.name(), sc.value().location());
            }
            assign.set(c.attnum() - 1, e);
        }
        return assign;
    }

    private interface RowAction {
        void apply(RowVersion v, Object[] row);
    }

    /** Visits visible rows matching WHERE, locking each; follows concurrent updates (READ COMMITTED). */
    /** Rows of the extra FROM/USING items, materialised once per statement (null when there are none). */
    private static List<Object[]> extraRows(PlanNode extra, ExecContext ctx) {
        if (extra == null) {
            return null;
        }
        List<Object[]> rows = new ArrayList<>();
        try (PlanNode.RowSource rs = extra.open(new EvalContext(ctx, null, null))) {
            for (Object[] r = rs.next(); r != null; r = rs.next()) {
                rows.add(r);
            }
        }
        return rows;
    }

    /** The target row joined with the first extra row satisfying WHERE, or null; the row itself without extras. */
    private static Object[] matchRow(Object[] row, List<Object[]> extras, int scopeWidth, TExpr where, ExecContext ctx) {
        if (extras == null) {
            return where == null || Boolean.TRUE.equals(where.eval(new EvalContext(ctx, row, null))) ? row : null;
        }
        for (Object[] x : extras) {
            Object[] both = new Object[Math.max(scopeWidth, row.length + x.length)];
            System.arraycopy(row, 0, both, 0, row.length);
            System.arraycopy(x, 0, both, scopeWidth - x.length, x.length);
            if (where == null || Boolean.TRUE.equals(where.eval(new EvalContext(ctx, both, null)))) {
                return both;
            }
        }
        return null;
    }

    private long forEachTarget(Table t, TExpr where, ExecContext ctx, TableWriter w, RowAction action) {
        return forEachTarget(t, where, ctx, w, action, null, 0);
    }

    private long forEachTarget(Table t, TExpr where, ExecContext ctx, TableWriter w, RowAction action,
                               List<Object[]> extras, int scopeWidth) {
        long n = 0;
        int width = t.columns().size();
        List<RowVersion> candidates = new ArrayList<>();
        for (Iterator<RowVersion> it = t.storage().scan(); it.hasNext(); ) {
            RowVersion v = it.next();
            if (v.visibleTo(ctx.snapshot())) {
                candidates.add(v);
            }
        }
        for (RowVersion v : candidates) {
            ctx.checkCancelled();
            Object[] row = matchRow(Nodes.materialize(t, v, width), extras, scopeWidth, where, ctx);
            if (row == null) {
                continue;
            }
            RowVersion target = v;
            while (!w.lock(target)) {
                if (target.xmax() != null && target.xmax().top() == ctx.writeXid().top()) {
                    target = null;
                    break;
                }
                RowVersion next = target.successor();
                if (next == null || next.xmin().state() != TxnState.COMMITTED) {
                    target = null;
                    break;
                }
                target = next;
                row = matchRow(Nodes.materialize(t, target, width), extras, scopeWidth, where, ctx);
                if (row == null) {
                    target = null;
                    break;
                }
            }
            if (target == null) {
                continue;
            }
            action.apply(target, row);
            n++;
        }
        return n;
    }

    private void update(Command.Update u, StatementSink sink, Object[] params, short[] fmts, QueryPlanner qp) {
        Table t = table(u.table());
        Scope s = tableScope(t, u.alias());
        padScope(s, t);
        PlanNode extra = u.from().isEmpty() ? null : qp.planExtraFrom(u.from(), s);
        ExprAnalyzer ex = qp.analyzer();
        List<TExpr> assign = analyzeSet(u, t, s, ex);
        TExpr where = u.where() == null ? null : ex.condition(u.where(), s, "WHERE");
        Returning ret = returning(u.returning(), s, ex);
        ExecContext ctx = runner.context(params);
        TableWriter w = new TableWriter(t, ctx);
        ResultEncoder enc = ret == null ? null : new ResultEncoder(ret.columns(), fmts);
        if (enc != null) {
            sink.columns(enc.describe());
        }
        int tw = t.columns().size();
        long n = forEachTarget(t, where, ctx, w, (v, row) -> {
            EvalContext ec = new EvalContext(ctx, row, null);
            Object[] next = java.util.Arrays.copyOf(row, tw);
            for (int i = 0; i < assign.size(); i++) {
                if (assign.get(i) != null) {
                    next[i] = assign.get(i).eval(ec);
                }
            }
            w.update(v, next);
            if (enc != null) {
                Object[] shown = row.clone();
                System.arraycopy(next, 0, shown, 0, tw);
                emit(sink, enc, project(ret, shown, ctx), ctx);
            }
        }, extraRows(extra, ctx), s.width());
        sink.complete("UPDATE " + n);
    }

    private void delete(Command.Delete d, StatementSink sink, Object[] params, short[] fmts, QueryPlanner qp) {
        Table t = table(d.table());
        Scope s = tableScope(t, d.alias());
        padScope(s, t);
        PlanNode extra = d.using().isEmpty() ? null : qp.planExtraFrom(d.using(), s);
        ExprAnalyzer ex = qp.analyzer();
        TExpr where = d.where() == null ? null : ex.condition(d.where(), s, "WHERE");
        Returning ret = returning(d.returning(), s, ex);
        ExecContext ctx = runner.context(params);
        TableWriter w = new TableWriter(t, ctx);
        ResultEncoder enc = ret == null ? null : new ResultEncoder(ret.columns(), fmts);
        if (enc != null) {
            sink.columns(enc.describe());
        }
        List<Object[]> deleted = new ArrayList<>();
        long n = forEachTarget(t, where, ctx, w, (v, row) -> {
            w.afterDelete(v);
            deleted.add(row);
        }, extraRows(extra, ctx), s.width());
        if (enc != null) {
            for (Object[] row : deleted) {
                emit(sink, enc, project(ret, row, ctx), ctx);
            }
        }
        sink.complete("DELETE " + n);
    }
}
