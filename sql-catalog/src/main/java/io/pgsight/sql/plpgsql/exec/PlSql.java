package io.pgsight.sql.plpgsql.exec;

import io.pgsight.sql.analyze.Coercion;
import io.pgsight.sql.analyze.Scope;
import io.pgsight.sql.analyze.TExpr;
import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.ast.Command;
import io.pgsight.sql.ast.Expr;
import io.pgsight.sql.ast.Query;
import io.pgsight.sql.ast.Statement;
import io.pgsight.sql.catalog.PseudoType;
import io.pgsight.sql.exec.EvalContext;
import io.pgsight.sql.exec.PlanNode;
import io.pgsight.sql.parser.SqlParser;
import io.pgsight.sql.plan.QueryPlanner;
import io.pgsight.sql.spi.CastContext;
import io.pgsight.sql.spi.PgType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Embedded SQL of a PL/pgSQL call: expressions and statements compiled once (parsed, analysed, planned with the
 * variables as typed parameters) and run with the variables' current values. Record fields ({@code r.f}) become
 * extra parameters after the variable slots; a compiled form is reused while the records it saw keep their shape.
 */
final class PlSql {
    private final PlHost host;
    private final PlVariables vars;
    private final Map<Object, Object> cache;
    private final io.pgsight.sql.analyze.VariableNames.Conflict conflict;

    PlSql(PlHost host, PlVariables vars, Map<Object, Object> cache, String variableConflict) {
        this.host = host;
        this.vars = vars;
        this.cache = cache;
        this.conflict = variableConflict == null ? io.pgsight.sql.analyze.VariableNames.Conflict.ERROR
                : io.pgsight.sql.analyze.VariableNames.Conflict.valueOf(variableConflict.toUpperCase(
                        java.util.Locale.ROOT));
    }

    /** How the text is shown in errors: the internal QUERY, and whether runtime errors name it in CONTEXT. */
    record Source(String text, int positionOffset, String shownQuery, String contextLabel) {
    }

    /** Parameter layout of a compiled form: slots as they were, plus record fields. */
    private static final class Layout {
        final Map<String, Integer> names;
        final List<PgType> types;
        final int slots;
        final int[] fieldSlot;
        final int[] fieldIndex;
        final PlRow.Shape[] shapes;
        final int[] shapeSlot;

        Layout(PlVariables v, io.pgsight.sql.analyze.VariableNames.Conflict conflict) {
            names = new io.pgsight.sql.analyze.VariableNames(conflict);
            v.visible().forEach((n, slot) -> names.put(n, slot + 1));
            slots = v.size;
            types = new ArrayList<>(Arrays.asList(v.types).subList(0, v.size));
            List<int[]> fields = new ArrayList<>();
            List<PlRow.Shape> sh = new ArrayList<>();
            List<Integer> shSlots = new ArrayList<>();
            for (Map.Entry<String, Integer> e : new ArrayList<>(names.entrySet())) {
                int slot = e.getValue() - 1;
                if (v.values[slot] instanceof PlRow row) {
                    sh.add(row.shape());
                    shSlots.add(slot);
                    // the record as a whole is a row value of its current shape (RAISE '%', r; r = r2)
                    List<io.pgsight.sql.analyze.RecordShape.Field> fs = new ArrayList<>();
                    for (int k = 0; k < row.shape().names().size(); k++) {
                        fs.add(new io.pgsight.sql.analyze.RecordShape.Field(row.shape().names().get(k),
                                row.shape().types().get(k)));
                    }
                    types.set(slot, new io.pgsight.sql.analyze.RecordShape(fs));
                    for (int k = 0; k < row.shape().names().size(); k++) {
                        types.add(row.shape().types().get(k));
                        names.put(e.getKey() + "." + row.shape().names().get(k), types.size());
                        fields.add(new int[] {slot, k});
                    }
                }
            }
            fieldSlot = fields.stream().mapToInt(f -> f[0]).toArray();
            fieldIndex = fields.stream().mapToInt(f -> f[1]).toArray();
            shapes = sh.toArray(new PlRow.Shape[0]);
            shapeSlot = shSlots.stream().mapToInt(Integer::intValue).toArray();
        }

        boolean stillValid(PlVariables v) {
            for (int i = 0; i < shapes.length; i++) {
                if (!(v.values[shapeSlot[i]] instanceof PlRow r) || !r.shape().equals(shapes[i])) {
                    return false;
                }
            }
            return true;
        }

        Object[] params(PlVariables v) {
            if (fieldSlot.length == 0 && shapeSlot.length == 0) {
                return v.values;
            }
            Object[] p = Arrays.copyOf(v.values, slots + fieldSlot.length);
            for (int slot : shapeSlot) {
                p[slot] = ((PlRow) v.values[slot]).values();
            }
            for (int i = 0; i < fieldSlot.length; i++) {
                p[slots + i] = ((PlRow) v.values[fieldSlot[i]]).values()[fieldIndex[i]];
            }
            return p;
        }
    }

    /**
     * A compiled expression: either a plain expression tree or (for SELECT-like text) a query plan.
     * {@code plannedErrors}: PostgreSQL would raise this expression's errors while planning it (it folds an
     * expression of constants and immutable functions) or run it through SPI (it holds a subquery), so they name
     * the expression in a CONTEXT line; errors of a "simple" expression over variables do not.
     */
    private record CompiledExpr(Layout layout, TExpr expr, PlanNode plan, boolean plannedErrors) {
        CompiledExpr(Layout layout, TExpr expr, PlanNode plan) {
            this(layout, expr, plan, plan != null || io.pgsight.sql.analyze.ExprRewrite.any(expr,
                    x -> x instanceof TExpr.SubLink) || !io.pgsight.sql.analyze.ExprRewrite.any(expr,
                    x -> x instanceof TExpr.Param || x instanceof TExpr.SessionValue
                            || (x instanceof TExpr.Call call
                            && call.function().volatility() != io.pgsight.sql.spi.Volatility.IMMUTABLE)));
        }
    }

    /** A compiled statement: the parsed command and, for queries, its plan. */
    private record CompiledStatement(Layout layout, Command command, String text, PlanNode plan) {
    }

    /** Rows of a query or command with their columns (columns null for commands without RETURNING). */
    record Rows(List<Object[]> rows, List<PlanNode.OutputColumn> columns, long rowCount) {
    }

    // ------------------------------------------------------------------ expressions

    /** Evaluates an expression, coerced to {@code target} (null: keep its type). */
    Object eval(Object key, Source src, PgType target, int typmod) {
        CompiledExpr c = (CompiledExpr) cache.get(key);
        if (c == null || !c.layout.stillValid(vars)) {
            c = compileExpr(src, target, typmod);
            cache.put(key, c);
        }
        Object[] params = c.layout.params(vars);
        try {
            if (c.expr != null) {
                return c.expr.eval(new EvalContext(host.context(params), new Object[0], null));
            }
            Object v = null;
            int n = 0;
            try (PlanNode.RowSource rs = c.plan.open(new EvalContext(host.context(params), null, null))) {
                for (Object[] r = rs.next(); r != null; r = rs.next()) {
                    if (++n > 1) {
                        throw new SqlException("21000", "query returned more than one row")
                                .withContext("query: " + src.text());
                    }
                    if (r.length != 1) {
                        throw new SqlException("42601", "query returned " + r.length + " columns");
                    }
                    v = r[0];
                }
            }
            if (target != null && v != null) {
                v = convert(v, c.plan.columns().get(0).type(), target, typmod);
            }
            return v;
        } catch (RuntimeException e) {
            SqlException ex = e instanceof SqlException s ? s : host.asSqlException(e);
            throw c.plannedErrors ? located(ex, src) : ex;
        }
    }

    /** The type an expression yields (compiling it if needed). */
    PgType typeOf(Object key, Source src) {
        CompiledExpr c = (CompiledExpr) cache.get(key);
        if (c == null || !c.layout.stillValid(vars)) {
            c = compileExpr(src, null, -1);
            cache.put(key, c);
        }
        return c.expr != null ? c.expr.type() : c.plan.columns().get(0).type();
    }

    private CompiledExpr compileExpr(Source src, PgType target, int typmod) {
        Layout layout = new Layout(vars, conflict);
        QueryPlanner qp = host.planner(layout.types, layout.names);
        try {
            Expr e;
            try {
                e = SqlParser.parseExpression(src.text(), src.positionOffset());
            } catch (SqlException syntax) {
                List<Statement> sts = SqlParser.parse("SELECT " + src.text(), src.positionOffset() - 7);
                PlanNode plan = qp.planQuery((Query) sts.get(0).command(), null);
                return new CompiledExpr(layout, null, plan);
            }
            TExpr t = qp.analyzer().analyze(e, new Scope(null));
            if (t.type().oid() == PseudoType.UNKNOWN && target == null) {
                t = coerce(t, host.catalog().typeByOid(25), -1, -1);
            }
            if (target != null) {
                t = coerce(t, target, typmod, firstLocation(e));
            }
            return new CompiledExpr(layout, t, null);
        } catch (SqlException e) {
            throw located(recordFieldError(e, src), src);
        }
    }

    /**
     * {@code r.f} of a record variable that has no field f, or is not assigned yet, fails in the analyser as an
     * unknown table; PostgreSQL names the record instead (and gives no position).
     */
    private SqlException recordFieldError(SqlException e, Source src) {
        String prefix = "missing FROM-clause entry for table \"";
        if (!"42P01".equals(e.sqlState()) || !e.getMessage().startsWith(prefix) || e.position() <= 0) {
            return e;
        }
        String name = e.getMessage().substring(prefix.length(), e.getMessage().length() - 1);
        int slot = vars.lookup(name);
        if (slot < 0 || vars.types[slot].oid() != PseudoType.RECORD) {
            return e;
        }
        if (!(vars.values[slot] instanceof PlRow)) {
            return new SqlException("55000", "record \"" + name + "\" is not assigned yet")
                    .withDetail("The tuple structure of a not-yet-assigned record is indeterminate.");
        }
        String q = src.shownQuery();
        int i = e.position() - 1 + name.length() + 1;
        int j = i;
        while (j < q.length() && (Character.isLetterOrDigit(q.charAt(j)) || q.charAt(j) == '_')) {
            j++;
        }
        if (i > q.length() || j == i) {
            return e;
        }
        return new SqlException("42703", "record \"" + name + "\" has no field \"" + q.substring(i, j)
                .toLowerCase(java.util.Locale.ROOT) + "\"");
    }

    private static int firstLocation(Expr e) {
        if (e instanceof Expr.StringLiteral s) {
            return s.location();
        }
        return -1;
    }

    private TExpr coerce(TExpr t, PgType target, int typmod, int location) {
        if (target.oid() == PseudoType.RECORD || PseudoType.is(target)) {
            return t;
        }
        Coercion co = new Coercion(host.catalog());
        TExpr r = co.coerce(t, target, typmod, CastContext.ASSIGNMENT, location);
        if (r == null) {
            r = co.coerce(t, target, typmod, CastContext.EXPLICIT, location);
        }
        if (r == null) {
            PgType from = t.type();
            TExpr inner = t;
            return new TExpr.Cast(inner, target, typmod, (v, c) -> v == null ? null
                    : target.input(from.output(v, c.exec()), typmod, c.exec()), false);
        }
        if (typmod >= 0 && r == t && t.typmod() != typmod) {
            r = new TExpr.Cast(t, target, typmod, (v, c) -> target.applyTypmod(v, typmod, false), false);
        }
        return r;
    }

    /** Converts a value of one type to another with assignment rules (I/O conversion as the last resort). */
    Object convert(Object v, PgType from, PgType to, int typmod) {
        if (v == null || to == null || to.oid() == PseudoType.RECORD || PseudoType.is(to)) {
            return v;
        }
        if (from != null && from.oid() == to.oid()) {
            return typmod >= 0 ? to.applyTypmod(v, typmod, false) : v;
        }
        if (from == null || from.oid() == PseudoType.UNKNOWN) {
            from = host.catalog().typeByOid(25);
        }
        TExpr t = coerce(new TExpr.Const(v, from, -1, -1), to, typmod, -1);
        try {
            return t.eval(new EvalContext(host.context(null), new Object[0], null));
        } catch (SqlException e) {
            throw e;
        } catch (RuntimeException e) {
            throw host.asSqlException(e);
        }
    }

    // ------------------------------------------------------------------ statements

    /** Rows read one at a time from an open query (FOR over a query), with its columns. */
    interface Cursor extends AutoCloseable {
        List<PlanNode.OutputColumn> columns();

        /** The next row, or null at the end. */
        Object[] next();

        @Override
        void close();
    }

    /**
     * Opens a query for a FOR loop: rows are produced as the loop asks for them (a row's error comes after the
     * loop body ran for the rows before it), and such errors name no SQL statement, as PostgreSQL's cursor-driven
     * loop does. Commands with RETURNING are run to completion first.
     */
    Cursor open(Object key, Source src) {
        CompiledStatement c = (CompiledStatement) cache.get(key);
        if (c == null || !c.layout.stillValid(vars)) {
            c = compileStatement(src);
            cache.put(key, c);
        }
        if (c.plan == null) {
            Rows rows = run(key, src);
            java.util.Iterator<Object[]> it = rows.rows().iterator();
            return new Cursor() {
                public List<PlanNode.OutputColumn> columns() {
                    return rows.columns();
                }

                public Object[] next() {
                    return it.hasNext() ? it.next() : null;
                }

                public void close() {
                }
            };
        }
        PlanNode plan = c.plan;
        PlanNode.RowSource rs;
        try {
            rs = plan.open(new EvalContext(host.context(c.layout.params(vars)), null, null));
        } catch (RuntimeException e) {
            throw e instanceof SqlException s ? s : host.asSqlException(e);
        }
        return new Cursor() {
            public List<PlanNode.OutputColumn> columns() {
                return plan.columns();
            }

            public Object[] next() {
                try {
                    return rs.next();
                } catch (RuntimeException e) {
                    throw e instanceof SqlException s ? s : host.asSqlException(e);
                }
            }

            public void close() {
                rs.close();
                host.nextCommand();
            }
        };
    }

    /** Runs a statement (query or command) and returns its rows. */
    Rows run(Object key, Source src) {
        CompiledStatement c = (CompiledStatement) cache.get(key);
        if (c == null || !c.layout.stillValid(vars)) {
            c = compileStatement(src);
            cache.put(key, c);
        }
        Object[] params = c.layout.params(vars);
        try {
            if (c.plan != null) {
                List<Object[]> rows = new ArrayList<>();
                try (PlanNode.RowSource rs = c.plan.open(new EvalContext(host.context(params), null, null))) {
                    for (Object[] r = rs.next(); r != null; r = rs.next()) {
                        rows.add(r);
                    }
                }
                host.nextCommand();
                return new Rows(rows, c.plan.columns(), rows.size());
            }
            PlHost.CommandResult r = host.run(c.command, c.text, params, c.layout.types, c.layout.names);
            host.nextCommand();
            if (r.utility()) {
                cache.clear();
            }
            return new Rows(r.rows(), null, r.rowCount());
        } catch (SqlException e) {
            throw located(e, src);
        } catch (RuntimeException e) {
            throw located(host.asSqlException(e), src);
        }
    }

    private CompiledStatement compileStatement(Source src) {
        Layout layout = new Layout(vars, conflict);
        try {
            List<Statement> sts = SqlParser.parse(src.text(), src.positionOffset());
            if (sts.size() != 1) {
                throw new SqlException("42601", "cannot insert multiple commands into a prepared statement");
            }
            Command cmd = sts.get(0).command();
            PlanNode plan = null;
            if (cmd instanceof Query q) {
                plan = host.planner(layout.types, layout.names).planQuery(q, null);
            }
            return new CompiledStatement(layout, cmd, sts.get(0).text(), plan);
        } catch (SqlException e) {
            throw located(recordFieldError(e, src), src);
        }
    }

    /**
     * Places an error inside embedded SQL like PostgreSQL's SPI callback: a position becomes a position in the
     * internal query; otherwise the query is named in a CONTEXT line (when the source has a label).
     */
    static SqlException located(SqlException e, Source src) {
        if (e.internalQuery() != null) {
            return e;
        }
        if (e.position() > 0) {
            return e.withInternalQuery(src.shownQuery(), e.position());
        }
        if (src.contextLabel() == null) {
            return e;
        }
        String line = src.contextLabel() + " \"" + src.shownQuery() + "\"";
        return e.withContext(e.context() == null ? line : e.context() + "\n" + line);
    }
}
