package io.pgsight.sql.plpgsql.exec;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.ast.QualifiedName;
import io.pgsight.sql.catalog.Column;
import io.pgsight.sql.catalog.PseudoType;
import io.pgsight.sql.catalog.Table;
import io.pgsight.sql.exec.PlanNode;
import io.pgsight.sql.plpgsql.PlDataType;
import io.pgsight.sql.plpgsql.PlDeclaration;
import io.pgsight.sql.plpgsql.PlExpr;
import io.pgsight.sql.plpgsql.PlStatement;
import io.pgsight.sql.spi.PgArray;
import io.pgsight.sql.spi.PgType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One call of a PL/pgSQL function or DO block: runs the statements of the body over the call's variables. Errors
 * that leave the call get PostgreSQL's CONTEXT line naming the function, body line and statement.
 */
public final class PlExecution {
    private enum Flow { NORMAL, EXIT, CONTINUE, RETURN }

    private static final int BOOL = 16;
    private static final int INT4 = 23;
    private static final int INT8 = 20;
    private static final int TEXT = 25;

    private final PlHost host;
    private final PlFunction function;
    private final PlVariables vars = new PlVariables();
    private final PlSql sql;
    private int foundSlot;
    private long rowCount;
    private String flowLabel;
    private PlStatement currentStatement;
    private SqlException currentError;
    /** The last error that got this call's CONTEXT line (an error passes several statements on its way out). */
    private SqlException annotated;
    private Object returnValue;
    private PgType returnValueType;
    private final List<Object> setResult = new ArrayList<>();
    private final int[] outSlots;
    private final PlCursors cursors;

    private PlExecution(PlHost host, PlFunction function) {
        this.host = host;
        this.function = function;
        this.sql = new PlSql(host, vars, function.compiled(), function.body().variableConflict());
        this.outSlots = new int[function.outNames().size()];
        this.cursors = new PlCursors(this, function.compiled());
    }

    /**
     * Runs a function: the result value, an Object[] for several OUT parameters, or a List of results for a
     * set-returning function.
     */
    public static Object call(PlHost host, PlFunction function, Object[] args) {
        return new PlExecution(host, function).execute(args);
    }

    private Object execute(Object[] args) {
        try {
            int paren = function.signature().indexOf('(');
            vars.pushScope(paren < 0 ? null : function.signature().substring(0, paren));
            for (int i = 0; i < function.argTypes().size(); i++) {
                String n = function.argNames().get(i);
                int slot = vars.declare(n == null || n.isEmpty() ? null : n, function.argTypes().get(i), -1);
                vars.values[slot] = args[i];
            }
            for (int i = 0; i < outSlots.length; i++) {
                String n = function.outNames().get(i);
                int existing = n == null ? -1 : vars.lookup(n);
                outSlots[i] = existing >= 0 ? existing : vars.declare(n, function.outTypes().get(i), -1);
            }
            // after the arguments, so that $n is slot n-1
            foundSlot = vars.declare("found", host.catalog().typeByOid(BOOL), -1);
            vars.values[foundSlot] = Boolean.FALSE;
            Flow f = block(function.body());
            if (f != Flow.RETURN && function.returnType() != null && !function.returnsSet() && outSlots.length == 0
                    && function.returnType().oid() != PseudoType.VOID) {
                throw withFrame(new SqlException("2F005", "control reached end of function without RETURN"), null);
            }
            castReturnValue();
        } catch (RuntimeException e) {
            SqlException ex = e instanceof SqlException s ? s : host.asSqlException(e);
            throw ex == annotated ? ex : withFrame(ex, currentStatement == null ? null
                    : "line " + currentStatement.line() + " at " + currentStatement.typeName());
        }
        if (function.returnsSet()) {
            return setResult;
        }
        if (outSlots.length > 1) {
            return outRow();
        }
        if (outSlots.length == 1) {
            return vars.values[outSlots[0]];
        }
        return returnValue;
    }

    /**
     * Adds this call's CONTEXT line ({@code PL/pgSQL function f(integer) line 3 at RAISE}) to an error leaving the
     * statement it happened in; {@code where} null gives the bare function line.
     */
    private SqlException withFrame(SqlException e, String where) {
        String line = "PL/pgSQL function " + function.signature() + (where == null ? "" : " " + where);
        SqlException out = e.withContext(e.context() == null ? line : e.context() + "\n" + line);
        annotated = out;
        return out;
    }

    /** The value of RETURN, computed in its own type, becomes the function's result type when the call ends. */
    private void castReturnValue() {
        if (returnValueType == null || returnValue == null) {
            return;
        }
        try {
            returnValue = sql.convert(returnValue, returnValueType, function.returnType(), -1);
        } catch (SqlException e) {
            throw withFrame(e, "while casting return value to function's return type");
        }
    }

    private Object[] outRow() {
        Object[] row = new Object[outSlots.length];
        for (int i = 0; i < row.length; i++) {
            row[i] = vars.values[outSlots[i]];
        }
        return row;
    }

    // ------------------------------------------------------------------ blocks and declarations

    private Flow block(PlStatement.Block b) {
        int before = vars.size;
        vars.pushScope(b.label());
        try {
            PlDeclaration current = null;
            try {
                for (PlDeclaration d : b.declarations()) {
                    current = d;
                    declare(d);
                }
            } catch (RuntimeException e) {
                SqlException ex = e instanceof SqlException x ? x : host.asSqlException(e);
                if (ex != annotated && ex.sqlState().startsWith("22") && ex.internalQuery() != null) {
                    // a default's value that does not fit the type fails when it is assigned, not where it is written
                    ex = new SqlException(ex.severity(), ex.sqlState(), ex.getMessage(), ex.detail(), ex.hint(), 0,
                            ex.context());
                }
                throw ex == annotated ? ex : withFrame(ex, "line " + current.line()
                        + " during statement block local variable initialization");
            }
            Flow f;
            if (b.handlers().isEmpty()) {
                f = statements(b.body());
            } else {
                f = protectedBody(b);
            }
            if (f == Flow.EXIT && b.label() != null && b.label().equals(flowLabel)) {
                flowLabel = null;
                return Flow.NORMAL;
            }
            return f;
        } finally {
            vars.popScope(before);
        }
    }

    private Flow protectedBody(PlStatement.Block b) {
        Object sub = host.beginSubtransaction();
        PlStatement saved = currentStatement;
        try {
            Flow f = statements(b.body());
            host.releaseSubtransaction(sub);
            return f;
        } catch (RuntimeException ex) {
            SqlException e = ex instanceof SqlException s ? s : host.asSqlException(ex);
            host.rollbackSubtransaction(sub);
            for (PlStatement.ExceptionHandler h : b.handlers()) {
                if (handles(h, e.sqlState())) {
                    currentStatement = saved;
                    return handler(h, e);
                }
            }
            throw e;
        }
    }

    private static boolean handles(PlStatement.ExceptionHandler h, String state) {
        for (PlStatement.Condition c : h.conditions()) {
            String code = c.sqlState();
            if (code != null ? code.equals(state) || (code.endsWith("000") && state.startsWith(code.substring(0, 2)))
                    : io.pgsight.sql.plpgsql.PlConditions.matches(c.name(), state)) {
                return true;
            }
        }
        return false;
    }

    private Flow handler(PlStatement.ExceptionHandler h, SqlException e) {
        int before = vars.size;
        vars.pushScope();
        SqlException outer = currentError;
        currentError = e;
        try {
            PgType text = host.catalog().typeByOid(TEXT);
            vars.values[vars.declare("sqlstate", text, -1)] = e.sqlState();
            vars.values[vars.declare("sqlerrm", text, -1)] = e.getMessage();
            return statements(h.body());
        } finally {
            currentError = outer;
            vars.popScope(before);
        }
    }

    private void declare(PlDeclaration d) {
        if (d.kind() == PlDeclaration.Kind.ALIAS) {
            String target = d.aliasFor();
            int slot = target.startsWith("$") ? Integer.parseInt(target.substring(1)) - 1 : vars.lookup(target);
            if (slot < 0 || slot >= vars.size) {
                throw new SqlException("42704", "variable \"" + target + "\" does not exist");
            }
            vars.declareAlias(d.name(), slot);
            return;
        }
        if (d.kind() == PlDeclaration.Kind.CURSOR) {
            // a cursor variable holds its portal's name
            vars.declare(d.name(), host.catalog().typeByOid(TEXT), -1);
            cursors.declare(d);
            return;
        }
        PgType type;
        int typmod = -1;
        PlDataType dt = d.type();
        PlRow.Shape rowShape = null;
        switch (dt.kind()) {
            case RECORD -> type = host.catalog().typeByOid(PseudoType.RECORD);
            case ROWTYPE -> {
                type = host.catalog().typeByOid(PseudoType.RECORD);
                rowShape = tableShape(dt.reference().parts());
                if (rowShape == null) {
                    throw new SqlException("42P01", "relation \"" + String.join(".", dt.reference().parts())
                            + "\" does not exist");
                }
            }
            case PERCENT_TYPE -> {
                int[] mod = new int[1];
                type = percentType(dt, mod);
                typmod = mod[0];
            }
            default -> {
                rowShape = dt.type().isArray() ? null : tableShape(dt.type().names());
                if (rowShape != null && host.catalog().typeByName(dt.type().name()) == null) {
                    type = host.catalog().typeByOid(PseudoType.RECORD);
                } else if (dt.type().name().equals("refcursor") && host.catalog().typeByName("refcursor") == null) {
                    // refcursor values are portal names
                    rowShape = null;
                    type = host.catalog().typeByOid(TEXT);
                } else {
                    rowShape = null;
                    var an = host.planner(List.of(), java.util.Map.of()).analyzer();
                    try {
                        type = an.resolveType(dt.type());
                        typmod = an.resolveTypmod(dt.type(), type);
                    } catch (SqlException e) {
                        throw compileTimeError(e);
                    }
                }
            }
        }
        Object init = rowShape == null ? null : new PlRow(rowShape, new Object[rowShape.names().size()]);
        if (d.defaultValue() != null) {
            init = sql.eval(d, expr(d.defaultValue()), type, typmod);
        }
        int slot = vars.declare(d.name(), type, typmod);
        vars.values[slot] = init;
        vars.constant[slot] = d.constant();
        vars.notNull[slot] = d.notNull();
        if (d.notNull() && init == null) {
            throw new SqlException("22004", "null value cannot be assigned to variable \"" + d.name()
                    + "\" declared NOT NULL");
        }
    }

    /** The row shape of a table ({@code tab%ROWTYPE}, or a table name used as a type), or null. */
    private PlRow.Shape tableShape(List<String> parts) {
        if (parts.size() > 2) {
            return null;
        }
        Table t = host.catalog().relation(parts.size() == 2 ? parts.get(0) : null, parts.get(parts.size() - 1),
                io.pgsight.sql.catalog.SearchPath.of(host.setting("search_path"), host.setting("session_authorization")));
        if (t == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        List<PgType> types = new ArrayList<>();
        for (Column c : t.columns()) {
            if (!c.dropped()) {
                names.add(c.name());
                types.add(c.type());
            }
        }
        return new PlRow.Shape(names, types);
    }

    /** An error PostgreSQL raises while compiling the body: it carries no PL/pgSQL CONTEXT line. */
    private SqlException compileTimeError(SqlException e) {
        annotated = e;
        return e;
    }

    private PgType percentType(PlDataType dt, int[] typmod) {
        typmod[0] = -1;
        List<String> parts = dt.reference().parts();
        if (parts.size() == 1) {
            int slot = vars.lookup(parts.get(0));
            if (slot >= 0) {
                typmod[0] = vars.typmods[slot];
                return vars.types[slot];
            }
        } else {
            String tableSchema = parts.size() == 3 ? parts.get(0) : null;
            Table t = host.catalog().relation(tableSchema, parts.get(parts.size() - 2),
                    io.pgsight.sql.catalog.SearchPath.of(host.setting("search_path"), host.setting("session_authorization")));
            if (t != null) {
                Column c = t.column(parts.get(parts.size() - 1));
                if (c != null) {
                    typmod[0] = c.typmod();
                    return c.type();
                }
            }
        }
        // PostgreSQL falls back to parsing the words as a type name, which fails at the '%'
        throw compileTimeError(new SqlException("ERROR", "42601", "syntax error at or near \"%\"", null, null,
                dt.location() + dt.text().indexOf('%'), "invalid type name \"" + dt.text() + "\""));
    }

    // ------------------------------------------------------------------ statements

    private Flow statements(List<PlStatement> list) {
        for (PlStatement s : list) {
            Flow f = statement(s);
            if (f != Flow.NORMAL) {
                return f;
            }
        }
        return Flow.NORMAL;
    }

    private Flow statement(PlStatement s) {
        PlStatement saved = currentStatement;
        currentStatement = s;
        host.checkCancelled();
        Flow f;
        try {
            f = dispatch(s);
        } catch (RuntimeException e) {
            SqlException ex = e instanceof SqlException x ? x : host.asSqlException(e);
            // a re-raised error keeps the context it was caught with
            throw ex == annotated || ex == currentError ? ex : withFrame(ex, "line " + s.line() + " at " + s.typeName());
        }
        currentStatement = saved;
        return f;
    }

    private Flow dispatch(PlStatement s) {
        if (s instanceof PlStatement.Block b) {
            return block(b);
        } else if (s instanceof PlStatement.Assign a) {
            assign(a);
        } else if (s instanceof PlStatement.If i) {
            for (PlStatement.IfBranch br : i.branches()) {
                if (condition(br, br.condition())) {
                    return statements(br.body());
                }
            }
            if (i.elseBody() != null) {
                return statements(i.elseBody());
            }
        } else if (s instanceof PlStatement.Case c) {
            return caseStatement(c);
        } else if (s instanceof PlStatement.Loop l) {
            return loop(l.label(), () -> true, l.body(), null);
        } else if (s instanceof PlStatement.While w) {
            return loop(w.label(), () -> condition(w, w.condition()), w.body(), null);
        } else if (s instanceof PlStatement.ForInteger fi) {
            return forInteger(fi);
        } else if (s instanceof PlStatement.ForQuery fq) {
            return forQuery(fq);
        } else if (s instanceof PlStatement.Foreach fe) {
            return foreach(fe);
        } else if (s instanceof PlStatement.ForCursor fc) {
            return forCursor(fc);
        } else if (s instanceof PlStatement.CursorCommand cc) {
            cursors.run(cc);
        } else if (s instanceof PlStatement.TransactionControl tc) {
            host.endTransaction(tc.commit());
        } else if (s instanceof PlStatement.Exit e) {
            if (e.when() != null && !condition(e, e.when())) {
                return Flow.NORMAL;
            }
            flowLabel = e.label();
            return e.isContinue() ? Flow.CONTINUE : Flow.EXIT;
        } else if (s instanceof PlStatement.Return r) {
            return returnStatement(r);
        } else if (s instanceof PlStatement.ReturnNext rn) {
            returnNext(rn);
        } else if (s instanceof PlStatement.ReturnQuery rq) {
            returnQuery(rq);
        } else if (s instanceof PlStatement.Raise r) {
            new PlRaise(host, sql, vars).raise(r, currentError, function.signature());
        } else if (s instanceof PlStatement.Assert a) {
            assertStatement(a);
        } else if (s instanceof PlStatement.ExecSql e) {
            execSql(e);
        } else if (s instanceof PlStatement.DynExecute d) {
            dynExecute(d);
        } else if (s instanceof PlStatement.Perform p) {
            PlSql.Rows rows = sql.run(p, new PlSql.Source(p.expr().asSelect(), 0, p.expr().asSelect(),
                    "SQL statement"));
            setFound(rows.rowCount() > 0);
            rowCount = rows.rowCount();
        } else if (s instanceof PlStatement.GetDiagnostics g) {
            diagnostics(g);
        } else if (s instanceof PlStatement.Call c) {
            PlSql.Rows rows = sql.run(c, statementSource(c.sql()));
            rowCount = rows.rowCount();
            if (!c.isDo() && !rows.rows().isEmpty()) {
                assignCallOutputs(c.sql().text(), rows.rows().get(0));
            }
        } else {
            throw new SqlException("0A000", "PL/pgSQL statement " + s.typeName() + " is not supported yet");
        }
        return Flow.NORMAL;
    }

    static PlSql.Source expr(PlExpr e) {
        return new PlSql.Source(e.text(), 0, e.text(), "SQL expression");
    }

    static PlSql.Source statementSource(PlExpr e) {
        return new PlSql.Source(e.text(), 0, e.text(), "SQL statement");
    }

    private boolean condition(Object key, PlExpr e) {
        Object v = sql.eval(key, expr(e), host.catalog().typeByOid(BOOL), -1);
        return Boolean.TRUE.equals(v);
    }

    private void setFound(boolean found) {
        vars.values[foundSlot] = found;
    }

    // ------------------------------------------------------------------ assignment

    private void assign(PlStatement.Assign a) {
        String target = a.targetNames().get(0);
        int slot = vars.lookup(target);
        PlSql.Source src = new PlSql.Source(a.value().text(), a.value().location() - a.statement().location(),
                a.statement().text(), "PL/pgSQL assignment");
        if (slot < 0) {
            throw new SqlException("42601", "\"" + a.target() + "\" is not a known variable");
        }
        if (vars.constant[slot]) {
            throw new SqlException("22005", "variable \"" + target + "\" is declared CONSTANT");
        }
        if (!a.subscripts().isEmpty()) {
            assignElement(a, slot, src);
            return;
        }
        if (a.targetNames().size() == 2 && vars.types[slot].oid() == PseudoType.RECORD) {
            if (!(vars.values[slot] instanceof PlRow row)) {
                throw new SqlException("55000", "record \"" + target + "\" is not assigned yet")
                        .withDetail("The tuple structure of a not-yet-assigned record is indeterminate.");
            }
            int k = row.shape().indexOf(a.targetNames().get(1));
            if (k < 0) {
                throw new SqlException("42703", "record \"" + target + "\" has no field \"" + a.targetNames().get(1)
                        + "\"");
            }
            Object v = sql.eval(a, src, row.shape().types().get(k), -1);
            row.values()[k] = v;
            return;
        }
        if (a.targetNames().size() > 1) {
            throw new SqlException("0A000", "assignment to \"" + a.target() + "\" is not supported yet");
        }
        Object v = sql.eval(a, src, vars.types[slot], vars.typmods[slot]);
        store(slot, v, null);
    }

    /** {@code a[i] := v}: the subscripts are int4 expressions, the value is coerced to the element type. */
    private void assignElement(PlStatement.Assign a, int slot, PlSql.Source src) {
        PgType elem = host.catalog().elementOf(vars.types[slot]);
        if (elem == null || a.targetNames().size() > 1) {
            throw new SqlException("42804", "subscripted object is not an array");
        }
        int[] subscripts = new int[a.subscripts().size()];
        for (int i = 0; i < subscripts.length; i++) {
            PlExpr e = a.subscripts().get(i);
            Object k = sql.eval(e, expr(e), host.catalog().typeByOid(INT4), -1);
            if (k == null) {
                throw new SqlException("22004", "array subscript in assignment must not be null");
            }
            subscripts[i] = ((Number) k).intValue();
        }
        Object v = sql.eval(a, src, elem, -1);
        store(slot, PlArrayElement.set((PgArray) vars.values[slot], elem.oid(), subscripts, v), null);
    }

    /** Stores a value (of type {@code from}, null when already of the slot's type) into a variable. */
    private void store(int slot, Object v, PgType from) {
        if (from != null) {
            v = sql.convert(v, from, vars.types[slot], vars.typmods[slot]);
        }
        if (v == null && vars.notNull[slot]) {
            throw new SqlException("22004", "null value cannot be assigned to variable \"" + vars.names[slot]
                    + "\" declared NOT NULL");
        }
        vars.values[slot] = v;
    }

    /** Assigns a row to INTO targets: one record variable takes the whole row, else columns in order. */
    private void assignRow(List<String> targets, Object[] row, List<PlanNode.OutputColumn> cols) {
        if (targets.size() == 1) {
            int slot = vars.lookup(targets.get(0));
            if (slot >= 0 && vars.types[slot].oid() == PseudoType.RECORD) {
                vars.values[slot] = row == null ? null : toRecord(row, cols);
                return;
            }
        }
        for (int i = 0; i < targets.size(); i++) {
            String t = targets.get(i);
            Object v = row == null || i >= row.length ? null : row[i];
            PgType from = cols == null || i >= cols.size() ? null : cols.get(i).type();
            int dot = t.indexOf('.');
            int slot = vars.lookup(dot < 0 ? t : t.substring(0, dot));
            if (slot < 0) {
                throw new SqlException("42601", "\"" + t + "\" is not a known variable");
            }
            if (dot >= 0 && vars.values[slot] instanceof PlRow r) {
                int k = r.shape().indexOf(t.substring(dot + 1));
                r.values()[k] = sql.convert(v, from, r.shape().types().get(k), -1);
            } else {
                store(slot, v, from);
            }
        }
    }

    private static PlRow toRecord(Object[] row, List<PlanNode.OutputColumn> cols) {
        List<String> names = new ArrayList<>();
        List<PgType> types = new ArrayList<>();
        for (PlanNode.OutputColumn c : cols) {
            names.add(c.name());
            types.add(c.type());
        }
        return new PlRow(new PlRow.Shape(names, types), row.clone());
    }

    // ------------------------------------------------------------------ control structures

    private interface Condition {
        boolean test();
    }

    /** Runs a loop body until the condition fails or EXIT; null {@code each} means nothing to do per pass. */
    private Flow loop(String label, Condition cond, List<PlStatement> body, Runnable each) {
        while (cond.test()) {
            if (each != null) {
                each.run();
            }
            Flow f = statements(body);
            Flow out = afterPass(label, f);
            if (out != null) {
                return out;
            }
        }
        return Flow.NORMAL;
    }

    /** What a loop does after one pass: null to go on, else the flow to leave with. */
    private Flow afterPass(String label, Flow f) {
        switch (f) {
            case NORMAL:
                return null;
            case CONTINUE:
                if (flowLabel == null || flowLabel.equals(label)) {
                    flowLabel = null;
                    return null;
                }
                return Flow.CONTINUE;
            case EXIT:
                if (flowLabel == null || flowLabel.equals(label)) {
                    flowLabel = null;
                    return Flow.NORMAL;
                }
                return Flow.EXIT;
            default:
                return f;
        }
    }

    private Flow forInteger(PlStatement.ForInteger fi) {
        PgType int4 = host.catalog().typeByOid(INT4);
        Object lo = sql.eval(fi.lower(), expr(fi.lower()), int4, -1);
        Object hi = sql.eval(fi.upper(), expr(fi.upper()), int4, -1);
        if (lo == null) {
            throw new SqlException("22004", "lower bound of FOR loop cannot be null");
        }
        if (hi == null) {
            throw new SqlException("22004", "upper bound of FOR loop cannot be null");
        }
        long step = 1;
        if (fi.step() != null) {
            Object st = sql.eval(fi.step(), expr(fi.step()), int4, -1);
            if (st == null) {
                throw new SqlException("22004", "BY value of FOR loop cannot be null");
            }
            step = ((Number) st).longValue();
            if (step <= 0) {
                throw new SqlException("22023", "BY value of FOR loop must be greater than zero");
            }
        }
        int before = vars.size;
        vars.pushScope(fi.label());
        try {
            int slot = vars.declare(fi.variable(), int4, -1);
            long i = ((Number) lo).longValue();
            long end = ((Number) hi).longValue();
            boolean found = false;
            while (fi.reverse() ? i >= end : i <= end) {
                found = true;
                vars.values[slot] = (int) i;
                Flow out = afterPass(fi.label(), statements(fi.body()));
                if (out != null) {
                    setFound(true);
                    return out;
                }
                i += fi.reverse() ? -step : step;
                if (i > Integer.MAX_VALUE || i < Integer.MIN_VALUE) {
                    break;
                }
            }
            setFound(found);
            return Flow.NORMAL;
        } finally {
            vars.popScope(before);
        }
    }

    private Flow forQuery(PlStatement.ForQuery fq) {
        if (fq.query() == null) {
            PlSql.Rows rows = dynamic(fq, fq.dynamicQuery(), fq.using());
            java.util.Iterator<Object[]> it = rows.rows().iterator();
            return forRows(fq, () -> it.hasNext() ? it.next() : null, rows.columns());
        }
        try (PlSql.Cursor cursor = sql.open(fq, statementSource(fq.query()))) {
            return forRows(fq, cursor::next, cursor.columns());
        }
    }

    private Flow forRows(PlStatement.ForQuery fq, java.util.function.Supplier<Object[]> next,
                         List<PlanNode.OutputColumn> columns) {
        boolean found = false;
        for (Object[] r = next.get(); r != null; r = next.get()) {
            found = true;
            assignRow(fq.targets(), r, columns);
            Flow out = afterPass(fq.label(), statements(fq.body()));
            if (out != null) {
                setFound(true);
                return out;
            }
        }
        setFound(found);
        return Flow.NORMAL;
    }

    private Flow forCursor(PlStatement.ForCursor fc) {
        PlSql.Rows rows = cursors.openForLoop(fc);
        int before = vars.size;
        vars.pushScope(fc.label());
        try {
            int slot = vars.declare(fc.variable(), host.catalog().typeByOid(PseudoType.RECORD), -1);
            boolean found = false;
            for (Object[] r : rows.rows()) {
                found = true;
                vars.values[slot] = toRecord(r, rows.columns());
                Flow out = afterPass(fc.label(), statements(fc.body()));
                if (out != null) {
                    setFound(true);
                    return out;
                }
            }
            setFound(found);
            return Flow.NORMAL;
        } finally {
            vars.popScope(before);
        }
    }

    /**
     * {@code CALL p(a, b)} of a procedure with INOUT parameters: their final values go back into the variables
     * written as those arguments, which must be plain variables.
     */
    private void assignCallOutputs(String text, Object[] outputs) {
        String t = text.trim();
        int open = t.indexOf('(');
        int close = t.lastIndexOf(')');
        if (open < 0 || close < open) {
            return;
        }
        String name = t.substring(4, open).trim().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        name = name.substring(dot + 1).replace("\"", "");
        List<String> args = new ArrayList<>();
        for (PlExpr e : PlCursors.splitArguments(new PlExpr(t.substring(open + 1, close), 0, 0))) {
            args.add(e.text().trim());
        }
        for (io.pgsight.sql.catalog.FunctionEntry f : host.catalog().functions(name)) {
            if (!f.procedure() || f.outColumns().size() != outputs.length || f.argumentTypes().size() < args.size()) {
                continue;
            }
            for (int i = 0; i < outputs.length; i++) {
                io.pgsight.sql.catalog.FunctionEntry.OutColumn o = f.outColumns().get(i);
                int at = f.argumentNames().indexOf(o.name());
                String arg = at >= 0 && at < args.size() ? args.get(at) : "";
                int slot = arg.matches("[A-Za-z_][A-Za-z0-9_]*") ? vars.lookup(arg.toLowerCase(Locale.ROOT)) : -1;
                if (slot < 0) {
                    throw new SqlException("42601", "procedure parameter \"" + o.name()
                            + "\" is an output parameter but corresponding argument is not writable");
                }
                store(slot, outputs[i], o.type());
            }
            return;
        }
    }

    // ------------------------------------------------------------------ what PlCursors uses

    PlSql.Rows runQuery(PlExpr query) {
        return sql.run(query, statementSource(query));
    }

    PlSql.Rows runDynamic(Object key, PlExpr query, List<PlExpr> using) {
        return dynamic(key, query, using);
    }

    PlSql sql() {
        return sql;
    }

    PlVariables vars() {
        return vars;
    }

    PlHost host() {
        return host;
    }

    void assignInto(List<String> targets, Object[] row, List<PlanNode.OutputColumn> columns) {
        assignRow(targets, row, columns);
    }

    void setFoundFlag(boolean found) {
        setFound(found);
    }

    Object variableValue(String name) {
        int slot = vars.lookup(name);
        return slot < 0 ? null : vars.values[slot];
    }

    void setVariableValue(String name, Object value) {
        int slot = vars.lookup(name);
        if (slot >= 0) {
            vars.values[slot] = value;
        }
    }

    private Flow foreach(PlStatement.Foreach fe) {
        Object v = sql.eval(fe, expr(fe.array()), null, -1);
        if (v == null) {
            throw new SqlException("22004", "FOREACH expression must not be null");
        }
        if (!(v instanceof PgArray a)) {
            throw new SqlException("42804", "FOREACH expression must yield an array, not type "
                    + host.catalog().formatType(sql.typeOf(fe, expr(fe.array()))));
        }
        if (fe.slice() != 0) {
            return foreachSlice(fe, a);
        }
        PgType elem = host.catalog().typeByOid(a.elementTypeOid());
        for (int i = 0; i < a.length(); i++) {
            assignRow(fe.targets(), new Object[] {a.get(i)}, List.of(new PlanNode.OutputColumn("", elem, -1)));
            Flow out = afterPass(fe.label(), statements(fe.body()));
            if (out != null) {
                return out;
            }
        }
        return Flow.NORMAL;
    }

    /** {@code FOREACH x SLICE n IN ARRAY a}: x takes each sub-array of the last n dimensions in turn. */
    private Flow foreachSlice(PlStatement.Foreach fe, PgArray a) {
        int dims = a.dimensionCount();
        if (fe.slice() < 0 || fe.slice() > dims) {
            throw new SqlException("2202E", "slice dimension (" + fe.slice() + ") is out of the valid range 0.."
                    + dims);
        }
        int slot = fe.targets().size() == 1 ? vars.lookup(fe.targets().get(0)) : -1;
        PgType arrayType = slot < 0 ? null : vars.types[slot];
        if (arrayType == null || host.catalog().elementOf(arrayType) == null) {
            throw new SqlException("42804", "FOREACH ... SLICE loop variable must be of an array type");
        }
        int[] sliceDims = java.util.Arrays.copyOfRange(a.dimensions(), dims - fe.slice(), dims);
        int[] sliceLower = java.util.Arrays.copyOfRange(a.lowerBounds(), dims - fe.slice(), dims);
        int size = 1;
        for (int d : sliceDims) {
            size *= d;
        }
        Object[] all = a.toArray();
        for (int start = 0; size > 0 && start < all.length; start += size) {
            Object[] part = java.util.Arrays.copyOfRange(all, start, start + size);
            store(slot, new PgArray(a.elementTypeOid(), sliceDims, sliceLower, part), null);
            Flow out = afterPass(fe.label(), statements(fe.body()));
            if (out != null) {
                return out;
            }
        }
        return Flow.NORMAL;
    }

    private Flow caseStatement(PlStatement.Case c) {
        if (c.testExpr() != null) {
            PgType t = sql.typeOf(c.testExpr(), expr(c.testExpr()));
            Object test = sql.eval(c.testExpr(), expr(c.testExpr()), null, -1);
            int before = vars.size;
            vars.pushScope();
            try {
                int slot = vars.declare(null, t, -1);
                vars.values[slot] = test;
                for (PlStatement.CaseWhen w : c.whens()) {
                    PlExpr cond = new PlExpr("$" + (slot + 1) + " IN (" + w.expr().text() + ")", 0, w.expr().line());
                    if (Boolean.TRUE.equals(sql.eval(w, expr(cond), host.catalog().typeByOid(BOOL), -1))) {
                        return statements(w.body());
                    }
                }
            } finally {
                vars.popScope(before);
            }
        } else {
            for (PlStatement.CaseWhen w : c.whens()) {
                if (condition(w, w.expr())) {
                    return statements(w.body());
                }
            }
        }
        if (c.elseBody() == null) {
            throw new SqlException("20000", "case not found").withHint("CASE statement is missing ELSE part.");
        }
        return statements(c.elseBody());
    }

    private void assertStatement(PlStatement.Assert a) {
        if (!"on".equals(host.setting("plpgsql.check_asserts")) && host.setting("plpgsql.check_asserts") != null) {
            return;
        }
        Object ok = sql.eval(a, expr(a.condition()), host.catalog().typeByOid(BOOL), -1);
        if (!Boolean.TRUE.equals(ok)) {
            String msg = "assertion failed";
            if (a.message() != null) {
                Object m = sql.eval(a.message(), expr(a.message()), host.catalog().typeByOid(TEXT), -1);
                msg = m == null ? "assertion failed" : m.toString();
            }
            throw new SqlException("P0004", msg);
        }
    }

    // ------------------------------------------------------------------ returning

    private Flow returnStatement(PlStatement.Return r) {
        if (r.value() != null && !function.returnsSet() && outSlots.length == 0) {
            PgType t = function.returnType();
            if (t == null || t.oid() == PseudoType.VOID || PseudoType.is(t)) {
                returnValue = sql.eval(r, expr(r.value()), null, -1);
            } else {
                returnValue = sql.eval(r, expr(r.value()), null, -1);
                returnValueType = sql.typeOf(r, expr(r.value()));
            }
        } else if (r.value() != null && function.returnType() == null) {
            throw new SqlException("42804", "RETURN cannot have a parameter in function returning void");
        }
        return Flow.RETURN;
    }

    private void returnNext(PlStatement.ReturnNext rn) {
        if (!function.returnsSet()) {
            throw new SqlException("42804", "cannot use RETURN NEXT in a non-SETOF function");
        }
        if (rn.value() == null) {
            setResult.add(outSlots.length == 1 ? vars.values[outSlots[0]] : outRow());
            return;
        }
        if (outSlots.length > 1) {
            Object v = sql.eval(rn, expr(rn.value()), null, -1);
            setResult.add(v instanceof PlRow row ? row.values().clone() : v);
            return;
        }
        int slot = vars.lookup(rn.value().text().trim());
        if (slot >= 0 && vars.values[slot] instanceof PlRow row) {
            setResult.add(row.values().clone());
            return;
        }
        setResult.add(sql.eval(rn, expr(rn.value()), function.returnType(), -1));
    }

    private void returnQuery(PlStatement.ReturnQuery rq) {
        if (!function.returnsSet()) {
            throw new SqlException("42804", "cannot use RETURN QUERY in a non-SETOF function");
        }
        PlSql.Rows rows;
        if (rq.query() != null) {
            PlSql.Source src = statementSource(rq.query());
            rows = sql.run(rq, src);
            try {
                PlResultStructure.check(rows.columns(), function.resultTypes(), host);
            } catch (SqlException e) {
                throw PlSql.located(e, src);
            }
        } else {
            rows = dynamic(rq, rq.dynamicQuery(), rq.using());
            PlResultStructure.check(rows.columns(), function.resultTypes(), host);
        }
        for (Object[] r : rows.rows()) {
            setResult.add(r.length == 1 && outSlots.length <= 1 ? r[0] : r);
        }
        rowCount = rows.rowCount();
        setFound(rowCount > 0);
    }

    // ------------------------------------------------------------------ SQL statements

    private void execSql(PlStatement.ExecSql e) {
        PlSql.Rows rows = sql.run(e, statementSource(e.sql()));
        rowCount = rows.rowCount();
        if (!e.into().isEmpty()) {
            // INSERT/UPDATE/DELETE ... RETURNING INTO must return at most one row even without STRICT
            try {
                intoTargets(e.into(), e.strict(), !e.command().equals("SELECT") && !e.command().equals("WITH"), true,
                        rows);
            } catch (SqlException x) {
                throw function.body().printStrictParams() && (x.sqlState().equals("P0002")
                        || x.sqlState().equals("P0003")) ? x.withDetail(PlStrictParams.detail(e.sql().text(), vars, foundSlot, host, sql)) : x;
            }
            return;
        }
        if (rows.columns() != null && e.command().equals("SELECT")) {
            throw new SqlException("42601", "query has no destination for result data")
                    .withHint("If you want to discard the results of a SELECT, use PERFORM instead.");
        }
        setFound(rowCount > 0);
    }

    /** Assigns the first row to INTO targets; {@code hint}: static SQL's TOO_MANY_ROWS carries a HINT, EXECUTE's not. */
    private void intoTargets(List<String> targets, boolean strict, boolean single, boolean hint, PlSql.Rows rows) {
        List<Object[]> list = rows.rows();
        if (strict && list.isEmpty()) {
            throw new SqlException("P0002", "query returned no rows");
        }
        if ((strict || single) && list.size() > 1) {
            SqlException e = new SqlException("P0003", "query returned more than one row");
            throw hint ? e.withHint("Make sure the query returns a single row, or use LIMIT 1.") : e;
        }
        List<PlanNode.OutputColumn> cols = rows.columns();
        if (cols == null && !list.isEmpty()) {
            cols = new ArrayList<>();
            for (int i = 0; i < list.get(0).length; i++) {
                cols.add(new PlanNode.OutputColumn("?column?", null, -1));
            }
        }
        assignRow(targets, list.isEmpty() ? null : list.get(0), cols);
        rowCount = strict ? list.size() : Math.min(1, list.size());
        setFound(!list.isEmpty());
    }

    private void dynExecute(PlStatement.DynExecute d) {
        PlSql.Rows rows = dynamic(d, d.query(), d.using());
        rowCount = rows.rowCount();
        if (!d.into().isEmpty()) {
            intoTargets(d.into(), d.strict(), false, false, rows);
        }
    }

    /** Runs EXECUTE text USING values: the text is planned each time, the values are its $n parameters. */
    private PlSql.Rows dynamic(Object key, PlExpr query, List<PlExpr> using) {
        Object text = sql.eval(key, expr(query), host.catalog().typeByOid(TEXT), -1);
        if (text == null) {
            throw new SqlException("22004", "query string argument of EXECUTE is null");
        }
        List<PgType> types = new ArrayList<>();
        Object[] params = new Object[using.size()];
        for (int i = 0; i < using.size(); i++) {
            PlExpr u = using.get(i);
            types.add(sql.typeOf(u, expr(u)));
            params[i] = sql.eval(u, expr(u), null, -1);
        }
        return new PlDynamic(host).run(text.toString(), params, types);
    }

    private void diagnostics(PlStatement.GetDiagnostics g) {
        for (PlStatement.DiagnosticsItem item : g.items()) {
            int slot = vars.lookup(item.target());
            if (slot < 0) {
                throw new SqlException("42601", "\"" + item.target() + "\" is not a known variable");
            }
            Object v;
            PgType t = host.catalog().typeByOid(TEXT);
            switch (item.item()) {
                case "row_count" -> {
                    v = rowCount;
                    t = host.catalog().typeByOid(INT8);
                }
                case "pg_context" -> v = "PL/pgSQL function " + function.signature() + " line "
                        + currentStatement.line() + " at GET DIAGNOSTICS";
                default -> {
                    if (currentError == null) {
                        throw new SqlException("0Z002",
                                "GET STACKED DIAGNOSTICS cannot be used outside an exception handler");
                    }
                    v = switch (item.item()) {
                        case "returned_sqlstate" -> currentError.sqlState();
                        case "message_text" -> currentError.getMessage();
                        case "pg_exception_detail" -> currentError.detail() == null ? "" : currentError.detail();
                        case "pg_exception_hint" -> currentError.hint() == null ? "" : currentError.hint();
                        case "pg_exception_context" -> currentError.context() == null ? "" : currentError.context();
                        case "column_name" -> orEmpty(currentError.objectNames().column());
                        case "constraint_name" -> orEmpty(currentError.objectNames().constraint());
                        case "table_name" -> orEmpty(currentError.objectNames().table());
                        case "schema_name" -> orEmpty(currentError.objectNames().schema());
                        case "pg_datatype_name" -> orEmpty(currentError.objectNames().datatype());
                        default -> "";
                    };
                }
            }
            store(slot, v, t);
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
