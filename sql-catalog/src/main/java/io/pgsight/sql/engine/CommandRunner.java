package io.pgsight.sql.engine;

import io.pgsight.sql.analyze.ExprAnalyzer;
import io.pgsight.sql.api.BoundQuery;
import io.pgsight.sql.api.PreparedQuery;
import io.pgsight.sql.api.ResultColumn;
import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.api.StatementSink;
import io.pgsight.sql.ast.Command;
import io.pgsight.sql.ast.Option;
import io.pgsight.sql.ast.Query;
import io.pgsight.sql.ast.Statement;
import io.pgsight.sql.ast.Value;
import io.pgsight.sql.catalog.Catalog;
import io.pgsight.sql.catalog.CatalogChange;
import io.pgsight.sql.catalog.PseudoType;
import io.pgsight.sql.catalog.RelationClaims;
import io.pgsight.sql.exec.EvalContext;
import io.pgsight.sql.exec.ExecContext;
import io.pgsight.sql.exec.ExplainWriter;
import io.pgsight.sql.exec.PlanNode;
import io.pgsight.sql.plan.ExpressionText;
import io.pgsight.sql.plan.QueryPlanner;
import io.pgsight.sql.spi.PgType;
import io.pgsight.sql.txn.TopTransaction;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Runs one command of a session: dispatches to queries, DML, DDL and utility commands. */
final class CommandRunner {
    private final SessionImpl session;
    /** Names usable instead of $n (SQL-function parameters, PL/pgSQL variables); empty for client statements. */
    private final java.util.Map<String, Integer> parameterNames;
    /** Runs a client's statement itself (not one inside a function or DO block). */
    private final boolean clientStatement;

    CommandRunner(SessionImpl session) {
        this(session, java.util.Map.of(), false);
    }

    CommandRunner(SessionImpl session, java.util.Map<String, Integer> parameterNames) {
        this(session, parameterNames, false);
    }

    CommandRunner(SessionImpl session, java.util.Map<String, Integer> parameterNames, boolean clientStatement) {
        this.session = session;
        this.parameterNames = parameterNames;
        this.clientStatement = clientStatement;
    }

    SessionImpl session() {
        return session;
    }

    ExecContext context(Object[] params) {
        return new ExecContext(session, session.snapshot(), params);
    }

    QueryPlanner planner(List<PgType> paramTypes) {
        QueryPlanner qp = new QueryPlanner(session.catalog(), session.settings(), new ExprAnalyzer.ParamTypes(paramTypes));
        if (!parameterNames.isEmpty()) {
            qp.analyzer().setParameterNames(parameterNames);
        }
        return qp;
    }

    static List<PgType> typesOf(Object[] params, List<PgType> declared) {
        return declared == null ? List.of() : declared;
    }

    void run(Command cmd, String text, StatementSink sink, Object[] params, short[] resultFormats) {
        run(cmd, text, sink, params, resultFormats, List.of());
    }

    void run(Command cmd, String text, StatementSink sink, Object[] params, short[] resultFormats, List<PgType> paramTypes) {
        run(cmd, text, sink, params, resultFormats, paramTypes, null);
    }

    /** As above; a query's plan comes from {@code cache} when given (prepared statements). */
    void run(Command cmd, String text, StatementSink sink, Object[] params, short[] resultFormats, List<PgType> paramTypes,
             CachedPlan cache) {
        if (cmd instanceof Query q) {
            PlanNode plan = cache == null ? planner(paramTypes).planQuery(q, null)
                    : cache.get(session.settings(), () -> planner(paramTypes).planQuery(q, null));
            runPlan(plan, sink, params, resultFormats);
        } else if (cmd instanceof Command.Insert || cmd instanceof Command.Update || cmd instanceof Command.Delete) {
            new DmlCommands(this).run(cmd, sink, params, resultFormats, paramTypes);
        } else if (cmd instanceof Command.Transaction t) {
            transaction(t, sink);
        } else if (cmd instanceof Command.SetVariable s) {
            set(s);
            sink.complete("SET");
        } else if (cmd instanceof Command.Show s) {
            show(s, sink);
        } else if (cmd instanceof Command.Reset r) {
            if (r.name().equals("all")) {
                session.settings().resetAll();
            } else {
                session.settings().set(r.name(), null, false, session.inBlock());
            }
            sink.complete("RESET");
        } else if (cmd instanceof Command.SetTransaction) {
            sink.complete("SET");
        } else if (cmd instanceof Command.Explain e) {
            explain(e, sink, params, paramTypes);
        } else if (cmd instanceof Command.Copy c) {
            new CopyCommand(this).run(c, sink);
        } else if (cmd instanceof Command.Discard d) {
            if (d.what().equals("all")) {
                if (session.inBlock()) {
                    throw new SqlException("25001", "DISCARD ALL cannot run inside a transaction block");
                }
                session.resetSession();
            }
            sink.complete("DISCARD " + d.what().toUpperCase(java.util.Locale.ROOT));
        } else if (cmd instanceof Command.Prepare p) {
            List<PgType> types = new ArrayList<>();
            ExprAnalyzer ea = planner(List.of()).analyzer();
            for (var tn : p.types()) {
                types.add(ea.resolveType(tn));
            }
            if (session.prepared.containsKey(p.name())) {
                throw new SqlException("42P05", "prepared statement \"" + p.name() + "\" already exists");
            }
            session.prepared.put(p.name(), new Prepared(p.statement(), text, types, null));
            sink.complete("PREPARE");
        } else if (cmd instanceof Command.Execute x) {
            Prepared p = session.prepared.get(x.name());
            if (p == null) {
                throw new SqlException("26000", "prepared statement \"" + x.name() + "\" does not exist");
            }
            Object[] args = new Object[x.args().size()];
            QueryPlanner qp = planner(p.types);
            for (int i = 0; i < args.length; i++) {
                var t = qp.analyzer().analyze(x.args().get(i), new io.pgsight.sql.analyze.Scope(null));
                if (i < p.types.size()) {
                    t = qp.analyzer().assign(t, p.types.get(i), -1, "$" + (i + 1), x.location());
                }
                args[i] = t.eval(new EvalContext(context(params), new Object[0], null));
            }
            run(p.command, p.text, sink, args, resultFormats, p.types, p.plan);
        } else if (cmd instanceof Command.Deallocate d) {
            if (d.name() == null) {
                session.prepared.clear();
            } else if (session.prepared.remove(d.name()) == null) {
                throw new SqlException("26000", "prepared statement \"" + d.name() + "\" does not exist");
            }
            sink.complete("DEALLOCATE" + (d.name() == null ? " ALL" : ""));
        } else if (cmd instanceof Command.Listen) {
            sink.complete("LISTEN");
        } else if (cmd instanceof Command.Unlisten) {
            sink.complete("UNLISTEN");
        } else if (cmd instanceof Command.Notify) {
            sink.complete("NOTIFY");
        } else if (cmd instanceof Command.Vacuum v) {
            new DdlCommands(this).vacuum(v);
            sink.complete(v.analyzeOnly() ? "ANALYZE" : "VACUUM");
        } else if (cmd instanceof Command.DoBlock d) {
            new PlpgsqlHost(session).runDo(d, text);
            sink.complete("DO");
        } else if (cmd instanceof Command.Call c) {
            ProcedureCall.run(this, c, params, paramTypes, sink, resultFormats);
            sink.complete("CALL");
        } else if (cmd instanceof Command.AlterOther a) {
            sink.complete(UnmodelledStatements.run(a));
        } else {
            ddl(cmd, sink, text);
        }
    }

    /**
     * Runs a DDL statement. Its catalog change is kept so that a rollback of the transaction (or savepoint)
     * takes it back, and a statement that fails leaves nothing of itself behind; the durable log gets it when
     * the transaction commits. The relations it names are claimed first, outside the DDL lock: meeting
     * another transaction's claim inside it (where waiting could deadlock) takes the statement back, waits,
     * and runs it again.
     */
    void ddl(Command cmd, StatementSink sink, String text) {
        if (session.runningDdl()) {
            new DdlCommands(this).run(cmd, sink, text); // an extension's script: part of the statement running it
            return;
        }
        boolean track = session.undoesDdlOnRollback();
        while (true) {
            if (track) {
                session.ddlChanges().claimTargets(cmd);
            }
            String[] tag = {null}; // the command tag goes out once the statement stays (it may run again)
            try {
                ddlOnce(cmd, new CollectingSink(new ArrayList<>()) {
                    @Override
                    public void complete(String t) {
                        tag[0] = t;
                    }
                }, text, track);
                if (tag[0] != null) {
                    sink.complete(tag[0]);
                }
                return;
            } catch (RelationClaims.Busy busy) {
                session.await(busy.holder());
            }
        }
    }

    private void ddlOnce(Command cmd, StatementSink sink, String text, boolean track) {
        Catalog catalog = session.catalog();
        session.durable().ddl(catalog, () -> {
            catalog.ddlLock().lock();
            session.ddlStarted();
            try {
                CatalogChange.Before before = track ? CatalogChange.capture(catalog) : null;
                try {
                    new DdlCommands(this).run(cmd, sink, text);
                } catch (RuntimeException | Error e) {
                    if (before != null) {
                        CatalogChange.since(before).undo();
                    }
                    throw e;
                }
                if (before == null) {
                    return List.of();
                }
                CatalogChange change = CatalogChange.since(before);
                TopTransaction holder = session.ddlChanges().conflict(change);
                if (holder != null) {
                    change.undo();
                    throw new RelationClaims.Busy(holder);
                }
                session.ddlChanges().recorded(change);
                return change.sequences();
            } finally {
                session.ddlEnded();
                catalog.ddlLock().unlock();
            }
        }, DurableDdl.record(session, cmd, text), session.savepointDepth(), clientStatement && !session.inBlock());
    }

    // ------------------------------------------------------------------ queries

    private void runPlan(PlanNode plan, StatementSink sink, Object[] params, short[] resultFormats) {
        ExecContext ctx = context(params);
        ResultEncoder enc = new ResultEncoder(plan.columns(), resultFormats);
        sink.columns(enc.describe());
        long n = 0;
        try (PlanNode.RowSource rs = plan.open(new EvalContext(ctx, null, null))) {
            for (Object[] r = rs.next(); r != null; r = rs.next()) {
                sink.row(enc.encode(r, ctx));
                n++;
            }
        }
        sink.complete("SELECT " + n);
    }

    /** Runs an SQL function body: all statements, returning the last one's rows. */
    List<Object[]> runFunctionBody(String sql, Object[] args) {
        return runFunctionBody(sql, args, List.of(), java.util.Map.of());
    }

    List<Object[]> runFunctionBody(io.pgsight.sql.catalog.FunctionEntry f, Object[] args) {
        // per function entry (identity: no hashing of its parts per call), for this top-level statement
        @SuppressWarnings("unchecked")
        java.util.Map<Object, CompiledSqlBody> bodies = (java.util.Map<Object, CompiledSqlBody>) session.statementCache()
                .computeIfAbsent(CompiledSqlBody.class, k -> new java.util.IdentityHashMap<>());
        CompiledSqlBody body = bodies.get(f);
        if (body == null) {
            java.util.Map<String, Integer> names = new java.util.HashMap<>();
            for (int i = 0; i < f.argumentNames().size(); i++) {
                if (!f.argumentNames().get(i).isEmpty()) {
                    names.put(f.argumentNames().get(i), i + 1);
                }
            }
            String sql = ((io.pgsight.sql.catalog.FunctionBody.Sql) f.body()).source();
            body = new CompiledSqlBody(ExpressionText.statements(sql), f.argumentTypes(), names);
            bodies.put(f, body);
        }
        try {
            return execute(body, args);
        } catch (SqlException e) {
            if (body.failedStatement < 0 || (!f.returnsSet() && body.inlinable())) {
                throw e;
            }
            // PostgreSQL names the statement of a (not inlined) SQL function that failed
            String line = "SQL function \"" + f.name() + "\" statement " + (body.failedStatement + 1);
            throw e.withContext(e.context() == null ? line : e.context() + "\n" + line);
        }
    }


    /** An SQL function body parsed once per top-level statement; query plans made on first use. */
    private static final class CompiledSqlBody {
        final List<Statement> statements;
        final PlanNode[] plans;
        final List<PgType> types;
        final java.util.Map<String, Integer> names;
        int failedStatement = -1;

        CompiledSqlBody(List<Statement> statements, List<PgType> types, java.util.Map<String, Integer> names) {
            this.statements = statements;
            this.plans = new PlanNode[statements.size()];
            this.types = types;
            this.names = names;
        }

        /** A single SELECT of expressions without FROM: PostgreSQL inlines it into the caller (no CONTEXT). */
        boolean inlinable() {
            return statements.size() == 1 && statements.get(0).command() instanceof Query q && q.isBare()
                    && q.body() instanceof io.pgsight.sql.ast.QueryBody.Select s && s.from().isEmpty()
                    && s.where() == null && s.groupBy().isEmpty() && s.having() == null;
        }
    }

    private List<Object[]> runFunctionBody(String sql, Object[] args, List<PgType> types, java.util.Map<String, Integer> names) {
        java.util.Map<Object, Object> cache = session.statementCache();
        Object key = java.util.List.of("sql-function", sql, types, names);
        CompiledSqlBody body = (CompiledSqlBody) cache.get(key);
        if (body == null) {
            body = new CompiledSqlBody(ExpressionText.statements(sql), types, names);
            cache.put(key, body);
        }
        return execute(body, args);
    }

    private List<Object[]> execute(CompiledSqlBody body, Object[] args) {
        List<PgType> types = body.types;
        java.util.Map<String, Integer> names = body.names;
        List<Object[]> last = new ArrayList<>();
        for (int i = 0; i < body.statements.size(); i++) {
            Statement st = body.statements.get(i);
            if (i > 0) {
                session.nextCommand(); // each statement sees what the ones before it wrote
            }
            last = new ArrayList<>();
            List<Object[]> out = last;
            body.failedStatement = i;
            if (st.command() instanceof Query q) {
                PlanNode plan = body.plans[i];
                if (plan == null) {
                    QueryPlanner qp = planner(types);
                    qp.analyzer().setParameterNames(names);
                    plan = qp.planQuery(q, null);
                    body.plans[i] = plan;
                }
                ExecContext ctx = context(args);
                try (PlanNode.RowSource rs = plan.open(new EvalContext(ctx, null, null))) {
                    for (Object[] r = rs.next(); r != null; r = rs.next()) {
                        out.add(r);
                    }
                }
            } else {
                new CommandRunner(session, names).run(st.command(), st.text(), new CollectingSink(out), args, null,
                        new ArrayList<>(types));
            }
        }
        body.failedStatement = -1;
        return last;
    }

    // ------------------------------------------------------------------ transactions and settings

    private void transaction(Command.Transaction t, StatementSink sink) {
        switch (t.kind()) {
            case BEGIN, START -> {
                session.begin();
                sink.complete(t.kind() == Command.TransactionKind.BEGIN ? "BEGIN" : "START TRANSACTION");
            }
            case COMMIT -> {
                if (!session.inBlock()) {
                    session.notice(new SqlException("WARNING", "25P01", "there is no transaction in progress", null, null, 0, null));
                }
                boolean failed = session.failed();
                session.commit();
                sink.complete(failed ? "ROLLBACK" : "COMMIT");
            }
            case ROLLBACK -> {
                if (!session.inBlock()) {
                    session.notice(new SqlException("WARNING", "25P01", "there is no transaction in progress", null, null, 0, null));
                }
                session.rollback();
                sink.complete("ROLLBACK");
            }
            case SAVEPOINT -> {
                requireBlock("SAVEPOINT");
                session.savepoint(t.name());
                sink.complete("SAVEPOINT");
            }
            case RELEASE -> {
                requireBlock("RELEASE SAVEPOINT");
                session.release(t.name());
                sink.complete("RELEASE");
            }
            case ROLLBACK_TO -> {
                requireBlock("ROLLBACK TO SAVEPOINT");
                session.rollbackTo(t.name());
                sink.complete("ROLLBACK");
            }
            default -> throw new SqlException("0A000", "prepared transactions are not supported");
        }
    }

    private void requireBlock(String what) {
        if (!session.inBlock()) {
            throw new SqlException("25P01", what + " can only be used in transaction blocks");
        }
    }

    private void set(Command.SetVariable s) {
        String value;
        if (s.toDefault()) {
            value = null;
        } else {
            List<String> parts = new ArrayList<>();
            // list settings of identifiers (GUC_LIST_QUOTE) keep each name quoted as needed, so
            // SET search_path = "My S", public reads back as "My S", public
            boolean quoteNames = s.name().equals("search_path");
            for (Value v : s.values()) {
                parts.add(quoteNames && !(v instanceof Value.Num)
                        ? io.pgsight.sql.pgcatalog.ObjectNames.quoteIdent(v.text()) : v.text());
            }
            value = String.join(", ", parts);
            if (s.name().equals("timezone") && value.equalsIgnoreCase("utc")) {
                value = "UTC";
            }
        }
        String name = s.name().equals("timezone") ? "TimeZone" : s.name();
        session.settings().set(name, value, s.local(), session.inBlock());
    }

    private void show(Command.Show s, StatementSink sink) {
        PgType text = session.catalog().typeByOid(25);
        if (s.name().equals("all")) {
            List<PlanNode.OutputColumn> cols = List.of(new PlanNode.OutputColumn("name", text, -1),
                    new PlanNode.OutputColumn("setting", text, -1), new PlanNode.OutputColumn("description", text, -1));
            ResultEncoder enc = new ResultEncoder(cols, null);
            sink.columns(enc.describe());
            List<io.pgsight.sql.settings.Setting> all = new ArrayList<>(session.settings().catalog().all());
            all.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
            ExecContext ctx = context(null);
            for (var st : all) {
                sink.row(enc.encode(new Object[] {st.name(), session.settings().get(st.name()),
                    st.description() == null ? "" : st.description()}, ctx));
            }
            sink.complete("SHOW");
            return;
        }
        String name = s.name().equals("timezone") ? "TimeZone" : s.name();
        String v = session.settings().show(name);
        List<PlanNode.OutputColumn> cols = List.of(new PlanNode.OutputColumn(session.settings().canonicalName(name), text, -1));
        ResultEncoder enc = new ResultEncoder(cols, null);
        sink.columns(enc.describe());
        sink.row(enc.encode(new Object[] {v}, context(null)));
        sink.complete("SHOW");
    }

    // ------------------------------------------------------------------ EXPLAIN

    private void explain(Command.Explain e, StatementSink sink, Object[] params, List<PgType> paramTypes) {
        boolean costs = true;
        boolean analyze = false;
        for (Option o : e.options()) {
            boolean on = o.value() == null || Boolean.TRUE.equals(io.pgsight.sql.settings.SettingValues.parseBool(o.valueText()));
            switch (o.name()) {
                case "costs" -> costs = on;
                case "analyze" -> analyze = on;
                default -> {
                }
            }
        }
        PlanNode plan;
        if (e.statement() instanceof Query q) {
            plan = planner(paramTypes).planQuery(q, null);
        } else {
            plan = new DmlCommands(this).planForExplain(e.statement(), paramTypes);
        }
        ExplainWriter w = new ExplainWriter(costs);
        w.assignNames(plan);
        plan.explain(w);
        PgType text = session.catalog().typeByOid(25);
        List<PlanNode.OutputColumn> cols = List.of(new PlanNode.OutputColumn("QUERY PLAN", text, -1));
        ResultEncoder enc = new ResultEncoder(cols, null);
        sink.columns(enc.describe());
        ExecContext ctx = context(params);
        for (String line : w.lines()) {
            sink.row(enc.encode(new Object[] {line}, ctx));
        }
        sink.complete("EXPLAIN");
    }

    // ------------------------------------------------------------------ extended protocol

    /** A parsed statement with its parameter types and (for queries) result columns. */
    final class Prepared implements PreparedQuery {
        final Command command;
        final String text;
        final List<PgType> types;
        final List<PlanNode.OutputColumn> columns;
        /** The query's plan for the parameter types above, made at the first execution. */
        final CachedPlan plan = new CachedPlan();

        Prepared(Command command, String text, List<PgType> types, List<PlanNode.OutputColumn> columns) {
            this.command = command;
            this.text = text;
            this.types = types;
            this.columns = columns;
        }

        @Override
        public int[] parameterTypes() {
            return types.stream().mapToInt(t -> t == null ? 25 : t.oid() == PseudoType.UNKNOWN ? 25 : t.oid()).toArray();
        }

        @Override
        public List<ResultColumn> columns() {
            return columns == null ? null : new ResultEncoder(columns, null).describe();
        }

        @Override
        public void close() {
        }
    }

    PreparedQuery prepare(String sql, int[] parameterTypes) {
        String key = PreparedStatementCache.key(sql, parameterTypes);
        Prepared cached = key == null ? null : session.preparedStatements().get(key, session.settings());
        if (cached != null) {
            return cached;
        }
        long schemaGeneration = io.pgsight.sql.catalog.Catalog.schemaGeneration();
        long settingsGeneration = session.settings().generation();
        Prepared made = prepareAnew(sql, parameterTypes);
        if (key != null && made.command != null) {
            session.preparedStatements().put(key, made, schemaGeneration, settingsGeneration);
        }
        return made;
    }

    private Prepared prepareAnew(String sql, int[] parameterTypes) {
        List<Statement> sts = ExpressionText.statements(sql);
        if (sts.isEmpty()) {
            return new Prepared(null, sql, List.of(), null);
        }
        if (sts.size() > 1) {
            throw new SqlException("42601", "cannot insert multiple commands into a prepared statement");
        }
        Statement st = sts.get(0);
        List<PgType> given = new ArrayList<>();
        for (int oid : parameterTypes == null ? new int[0] : parameterTypes) {
            PgType t = oid == 0 ? null : session.catalog().typeByOid(oid);
            given.add(t);
        }
        ExprAnalyzer.ParamTypes pt = new ExprAnalyzer.ParamTypes(given);
        List<PlanNode.OutputColumn> cols = null;
        if (st.command() instanceof Query q) {
            QueryPlanner qp = new QueryPlanner(session.catalog(), session.settings(), pt);
            cols = qp.planQuery(q, null).columns();
        } else if (st.command() instanceof Command.Insert || st.command() instanceof Command.Update
                || st.command() instanceof Command.Delete) {
            cols = new DmlCommands(this).describe(st.command(), pt);
        } else if (st.command() instanceof Command.Show s) {
            cols = List.of(new PlanNode.OutputColumn(session.settings().canonicalName(s.name()),
                    session.catalog().typeByOid(25), -1));
        } else if (st.command() instanceof Command.Explain) {
            cols = List.of(new PlanNode.OutputColumn("QUERY PLAN", session.catalog().typeByOid(25), -1));
        }
        List<PgType> types = new ArrayList<>(pt.all());
        return new Prepared(st.command(), st.text(), types, cols);
    }

    BoundQuery bind(Prepared p, List<byte[]> raw, short[] formats, short[] resultFormats) {
        Object[] params = new Object[raw == null ? 0 : raw.size()];
        ExecContext inputContext = null; // one for all text parameters (it takes a snapshot)
        for (int i = 0; i < params.length; i++) {
            byte[] b = raw.get(i);
            if (b == null) {
                continue;
            }
            short f = formats == null || formats.length == 0 ? 0 : formats.length == 1 ? formats[0] : formats[i];
            PgType t = i < p.types.size() && p.types.get(i) != null ? p.types.get(i) : session.catalog().typeByOid(25);
            if (t.oid() == PseudoType.UNKNOWN) {
                t = session.catalog().typeByOid(25);
            }
            if (f == 1) {
                params[i] = t.receive(b, -1);
            } else {
                if (inputContext == null) {
                    inputContext = context(null);
                }
                params[i] = t.input(new String(b, StandardCharsets.UTF_8), -1, inputContext);
            }
        }
        return new Portal(p, params, resultFormats);
    }

    /** A bound statement: runs once, buffering rows so Execute with a row limit can suspend. */
    final class Portal implements BoundQuery {
        private final Prepared prepared;
        private final Object[] params;
        private final short[] resultFormats;
        private List<byte[][]> rows;
        private int next;
        private String tag;

        Portal(Prepared prepared, Object[] params, short[] resultFormats) {
            this.prepared = prepared;
            this.params = params;
            this.resultFormats = resultFormats;
        }

        @Override
        public List<ResultColumn> columns() {
            return prepared.columns == null ? null : new ResultEncoder(prepared.columns, resultFormats).describe();
        }

        @Override
        public String execute(int maxRows, StatementSink sink) {
            if (prepared.command == null) {
                sink.emptyQuery();
                return "";
            }
            if (rows == null) {
                rows = new ArrayList<>();
                List<byte[][]> buf = rows;
                String[] t = {null};
                session.run(prepared.command, prepared.text, new StatementSink() {
                    @Override
                    public void columns(List<ResultColumn> columns) {
                    }

                    @Override
                    public void row(byte[][] values) {
                        buf.add(values);
                    }

                    @Override
                    public void complete(String tg) {
                        t[0] = tg;
                    }

                    @Override
                    public void emptyQuery() {
                        sink.emptyQuery();
                    }

                    @Override
                    public InputStream copyIn(boolean binary, int columnCount) {
                        return sink.copyIn(binary, columnCount);
                    }

                    @Override
                    public OutputStream copyOut(boolean binary, int columnCount) {
                        return sink.copyOut(binary, columnCount);
                    }
                }, params, resultFormats, prepared.types, prepared.plan);
                tag = t[0];
            }
            int sent = 0;
            while (next < rows.size() && (maxRows <= 0 || sent < maxRows)) {
                sink.row(rows.get(next++));
                sent++;
            }
            if (next < rows.size()) {
                return null;
            }
            return tag;
        }

        @Override
        public void close() {
            rows = null;
        }
    }

    /** Collects rows of statements run inside function bodies. */
    static class CollectingSink implements StatementSink {
        private final List<Object[]> out;

        CollectingSink(List<Object[]> out) {
            this.out = out;
        }

        @Override
        public void columns(List<ResultColumn> columns) {
        }

        @Override
        public void row(byte[][] values) {
        }

        @Override
        public void complete(String tag) {
        }

        @Override
        public void emptyQuery() {
        }

        @Override
        public InputStream copyIn(boolean binary, int columnCount) {
            throw new SqlException("0A000", "COPY is not allowed in a function");
        }

        @Override
        public OutputStream copyOut(boolean binary, int columnCount) {
            throw new SqlException("0A000", "COPY is not allowed in a function");
        }
    }
}
