package io.pgsight.sql.engine;

import io.pgsight.sql.api.ResultColumn;
import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.api.StatementSink;
import io.pgsight.sql.ast.Command;
import io.pgsight.sql.ast.Query;
import io.pgsight.sql.ast.Statement;
import io.pgsight.sql.catalog.Catalog;
import io.pgsight.sql.catalog.FunctionBody;
import io.pgsight.sql.catalog.FunctionEntry;
import io.pgsight.sql.catalog.PseudoType;
import io.pgsight.sql.exec.ExecContext;
import io.pgsight.sql.parser.SqlParser;
import io.pgsight.sql.plan.QueryPlanner;
import io.pgsight.sql.plpgsql.PlRoutine;
import io.pgsight.sql.plpgsql.PlStatement;
import io.pgsight.sql.plpgsql.PlpgsqlParser;
import io.pgsight.sql.plpgsql.exec.PlExecution;
import io.pgsight.sql.plpgsql.exec.PlFunction;
import io.pgsight.sql.plpgsql.exec.PlHost;
import io.pgsight.sql.settings.SettingValues;
import io.pgsight.sql.spi.PgType;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The session side of PL/pgSQL: runs DO blocks and plpgsql functions with {@link PlExecution}, checks function
 * bodies at CREATE FUNCTION (check_function_bodies), and gives the interpreter planners, commands and
 * subtransactions of this session.
 */
final class PlpgsqlHost implements PlHost {
    private static final int EVENT_TRIGGER = 3838;
    private final SessionImpl session;

    PlpgsqlHost(SessionImpl session) {
        this.session = session;
    }

    void runDo(Command.DoBlock d, String text) {
        String lang = d.language() == null ? "plpgsql" : d.language();
        if (!lang.equals("plpgsql")) {
            // PostgreSQL hints at CREATE EXTENSION only when the language's extension is installed; none is here
            throw new SqlException("42704", "language \"" + lang + "\" does not exist");
        }
        int pos = SqlParser.contentPosition(text, d.code(), d.location() - 1);
        PlStatement.Block body = PlpgsqlParser.parse(d.code().value(), pos < 0 ? 0 : pos - 1, PlRoutine.inline());
        runNonAtomic(() -> PlExecution.call(this, PlFunction.inline(body), new Object[0]));
    }

    /**
     * Calls a plpgsql function; {@code actualTypes} (null when the function has no pseudo-typed parameters) are
     * the argument types of a polymorphic call, which its parameters take in the body.
     */
    Object call(FunctionEntry f, Object[] args, List<PgType> actualTypes) {
        // by function entry identity: a function called per row is compiled once per top-level statement
        @SuppressWarnings("unchecked")
        Map<Object, PlFunction> cache = (Map<Object, PlFunction>) session.statementCache()
                .computeIfAbsent(PlFunction.class, k -> new java.util.IdentityHashMap<>());
        List<PgType> argTypes = f.argumentTypes();
        Object key = f;
        if (actualTypes != null) {
            argTypes = new ArrayList<>(argTypes);
            for (int i = 0; i < argTypes.size() && i < actualTypes.size(); i++) {
                if (PseudoType.is(argTypes.get(i)) && actualTypes.get(i) != null) {
                    argTypes.set(i, actualTypes.get(i));
                }
            }
            @SuppressWarnings("unchecked")
            Map<Object, Object> byTypes = (Map<Object, Object>) session.statementCache()
                    .computeIfAbsent(List.of(PlFunction.class, "polymorphic"), k -> new HashMap<>());
            List<Object> typeKey = new ArrayList<>();
            typeKey.add(f.oid());
            argTypes.forEach(t -> typeKey.add(t.oid()));
            key = byTypes.computeIfAbsent(typeKey, k -> new Object());
        }
        PlFunction fn = cache.get(key);
        if (fn == null) {
            Catalog c = session.catalog();
            PlStatement.Block body = PlpgsqlParser.parse(((FunctionBody.Procedural) f.body()).source(), 0,
                    routine(f));
            List<String> outNames = new ArrayList<>();
            List<PgType> outTypes = new ArrayList<>();
            for (FunctionEntry.OutColumn o : f.rowTypeResult() ? List.<FunctionEntry.OutColumn>of() : f.outColumns()) {
                outNames.add(o.name());
                outTypes.add(o.type());
            }
            // CONTEXT lines name the function as format_procedure does: no space after the commas
            List<PgType> resultTypes = new ArrayList<>();
            f.outColumns().forEach(o -> resultTypes.add(o.type()));
            if (resultTypes.isEmpty() && f.returnType() != null) {
                resultTypes.add(f.returnType());
            }
            fn = PlFunction.of(body, f.signature(c::formatType).replace(", ", ","), f.argumentNames(), argTypes, outNames,
                    outTypes, f.returnType(), f.returnsSet(), resultTypes);
            cache.put(key, fn);
        }
        PlFunction called = fn;
        return f.procedure() ? runNonAtomic(() -> PlExecution.call(this, called, args))
                : runAtomic(() -> PlExecution.call(this, called, args));
    }

    /** Checks a new function's body like PostgreSQL with check_function_bodies on; errors point into the text. */
    void validate(FunctionEntry f, Command.CreateFunction cf, String text) {
        String check = session.settings().get("check_function_bodies");
        if (check != null && Boolean.FALSE.equals(SettingValues.parseBool(check))) {
            return;
        }
        int pos = SqlParser.contentPosition(text, cf.body(), cf.location() - 1);
        int offset = pos < 0 ? 0 : pos - 1;
        if (f.body() instanceof FunctionBody.Procedural) {
            PlpgsqlParser.parse(cf.body().value(), offset, routine(f));
            return;
        }
        List<Statement> sts = SqlParser.parse(cf.body().value(), offset);
        for (PgType t : f.argumentTypes()) {
            if (PseudoType.is(t)) {
                return;
            }
        }
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < f.argumentNames().size(); i++) {
            if (!f.argumentNames().get(i).isEmpty()) {
                names.put(f.argumentNames().get(i), i + 1);
            }
        }
        for (int i = 0; i < sts.size(); i++) {
            if (!(sts.get(i).command() instanceof Query q)) {
                return; // later statements may depend on what this one does
            }
            if (pos < 0) {
                return;
            }
            QueryPlanner qp = planner(f.argumentTypes(), names);
            qp.analyzer().params().close();
            var plan = qp.planQuery(q, null);
            if (i == sts.size() - 1) {
                checkSqlResult(f, plan.columns());
            }
        }
    }

    /**
     * The final SELECT of an SQL function must yield its declared type (one column, assignable to it), as
     * PostgreSQL's check_sql_fn_retval demands; functions returning void, records or rows are not checked here.
     */
    private void checkSqlResult(FunctionEntry f, List<io.pgsight.sql.exec.PlanNode.OutputColumn> columns) {
        PgType ret = f.returnType();
        if (ret == null || PseudoType.is(ret) || f.returnsRecord() || f.rowTypeResult()) {
            return;
        }
        Catalog c = session.catalog();
        String declared = "return type mismatch in function declared to return " + c.formatType(ret);
        if (columns.size() != 1) {
            throw new SqlException("42P13", declared).withDetail("Final statement must return exactly one column.")
                    .withContext("SQL function \"" + f.name() + "\"");
        }
        PgType actual = columns.get(0).type();
        if (actual.oid() == ret.oid() || actual.oid() == PseudoType.UNKNOWN) {
            return;
        }
        var probe = new io.pgsight.sql.analyze.TExpr.Const(null, actual, -1, -1);
        if (new io.pgsight.sql.analyze.Coercion(c).coerce(probe, ret, -1, io.pgsight.sql.spi.CastContext.ASSIGNMENT,
                -1) == null) {
            throw new SqlException("42P13", declared).withDetail("Actual return type is " + c.formatType(actual) + ".")
                    .withContext("SQL function \"" + f.name() + "\"");
        }
    }

    /** What the PL/pgSQL compiler needs to know of a function. */
    private static PlRoutine routine(FunctionEntry f) {
        List<String> outs = new ArrayList<>();
        for (FunctionEntry.OutColumn o : f.rowTypeResult() ? List.<FunctionEntry.OutColumn>of() : f.outColumns()) {
            outs.add(o.name());
        }
        int ret = f.returnType() == null ? 0 : f.returnType().oid();
        return new PlRoutine(f.name(), f.argumentNames(), outs, f.returnsSet(), ret == PseudoType.VOID,
                ret == PseudoType.TRIGGER || ret == EVENT_TRIGGER, f.procedure());
    }

    /**
     * Whether each PL/pgSQL execution running on this thread may COMMIT/ROLLBACK (PostgreSQL's non-atomic context):
     * a DO block or CALL run as a top-level command, or a CALL/DO from such a one; anything under a function call is
     * atomic.
     */
    private static final ThreadLocal<java.util.ArrayDeque<Boolean>> ATOMIC =
            ThreadLocal.withInitial(java.util.ArrayDeque::new);

    private static <T> T runNonAtomic(java.util.function.Supplier<T> body) {
        java.util.ArrayDeque<Boolean> stack = ATOMIC.get();
        stack.push(!stack.isEmpty() && stack.peek());
        try {
            return body.get();
        } finally {
            stack.pop();
        }
    }

    private static <T> T runAtomic(java.util.function.Supplier<T> body) {
        java.util.ArrayDeque<Boolean> stack = ATOMIC.get();
        stack.push(true);
        try {
            return body.get();
        } finally {
            stack.pop();
        }
    }

    @Override
    public void endTransaction(boolean commit) {
        Boolean atomic = ATOMIC.get().peek();
        if (atomic == null || atomic || session.inBlock()) {
            throw new SqlException("2D000", "invalid transaction termination");
        }
        if (session.hasSubtransactions()) {
            throw new SqlException("2D000", "cannot " + (commit ? "commit" : "roll back")
                    + " while a subtransaction is active");
        }
        if (commit) {
            session.commit();
        } else {
            session.rollback();
        }
        session.beginImplicit();
    }

    // ------------------------------------------------------------------ PlHost

    @Override
    public Catalog catalog() {
        return session.catalog();
    }

    @Override
    public QueryPlanner planner(List<PgType> paramTypes, Map<String, Integer> names) {
        return new CommandRunner(session, names).planner(paramTypes);
    }

    @Override
    public ExecContext context(Object[] params) {
        return new ExecContext(session, session.snapshot(), params);
    }

    @Override
    public CommandResult run(Command command, String text, Object[] params, List<PgType> paramTypes,
                             Map<String, Integer> names) {
        if (command instanceof Command.Transaction) {
            throw new SqlException("0A000", "unsupported transaction command in PL/pgSQL");
        }
        boolean dml = command instanceof Command.Insert || command instanceof Command.Update
                || command instanceof Command.Delete;
        Collector sink = new Collector();
        new CommandRunner(session, names).run(command, text, sink, params, null, new ArrayList<>(paramTypes));
        return new CommandResult(sink.rows, dml ? sink.count() : 0, !dml);
    }

    @Override
    public void nextCommand() {
        session.nextCommand();
    }

    @Override
    public Object beginSubtransaction() {
        return session.beginSubtransaction();
    }

    @Override
    public void releaseSubtransaction(Object subtransaction) {
        session.releaseSubtransaction((SessionImpl.Savepoint) subtransaction);
    }

    @Override
    public void rollbackSubtransaction(Object subtransaction) {
        session.rollbackSubtransaction((SessionImpl.Savepoint) subtransaction);
    }

    @Override
    public void notice(SqlException notice) {
        session.notice(notice);
    }

    @Override
    public void checkCancelled() {
        session.checkCancelled();
    }

    @Override
    public String setting(String name) {
        try {
            return session.settings().get(name);
        } catch (SqlException e) {
            return null;
        }
    }

    @Override
    public Map<Object, Object> statementCache() {
        return session.statementCache();
    }

    @Override
    public SqlException asSqlException(RuntimeException e) {
        return e instanceof SqlException s ? s : SessionImpl.internal(e);
    }

    /** Keeps RETURNING rows as values and the command tag's row count. */
    private static final class Collector implements StatementSink, DmlCommands.ValueRows {
        final List<Object[]> rows = new ArrayList<>();
        String tag;

        @Override
        public void values(Object[] row) {
            rows.add(row);
        }

        long count() {
            if (tag == null) {
                return 0;
            }
            String last = tag.substring(tag.lastIndexOf(' ') + 1);
            try {
                return Long.parseLong(last);
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        @Override
        public void columns(List<ResultColumn> columns) {
        }

        @Override
        public void row(byte[][] values) {
        }

        @Override
        public void complete(String t) {
            tag = t;
        }

        @Override
        public void emptyQuery() {
        }

        @Override
        public InputStream copyIn(boolean binary, int columnCount) {
            throw new SqlException("0A000", "cannot COPY to/from client in PL/pgSQL");
        }

        @Override
        public OutputStream copyOut(boolean binary, int columnCount) {
            throw new SqlException("0A000", "cannot COPY to/from client in PL/pgSQL");
        }
    }
}
