package io.pgsight.sql.engine;

import io.pgsight.sql.api.BoundQuery;
import io.pgsight.sql.api.EngineSession;
import io.pgsight.sql.api.NoticeListener;
import io.pgsight.sql.api.PreparedQuery;
import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.api.StatementSink;
import io.pgsight.sql.ast.Command;
import io.pgsight.sql.ast.Statement;
import io.pgsight.sql.catalog.Catalog;
import io.pgsight.sql.catalog.RelationClaims;
import io.pgsight.sql.catalog.Sequence;
import io.pgsight.sql.exec.SessionRuntime;
import io.pgsight.sql.plan.ExpressionText;
import io.pgsight.sql.settings.SessionSettings;
import io.pgsight.sql.settings.SettingValues;
import io.pgsight.sql.txn.Snapshot;
import io.pgsight.sql.txn.TopTransaction;
import io.pgsight.sql.txn.TransactionManager;
import io.pgsight.sql.txn.Xid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One client session: transaction state (block, savepoints, failed), settings, sequences' currval,
 * and the statement loop. One thread at a time, except {@link #cancel()}.
 */
public final class SessionImpl implements EngineSession, SessionRuntime, RelationClaims.Waiter {
    private final EngineImpl engine;
    private Database database;
    private final String user;
    private final NoticeListener listener;
    private final int pid;
    private final SessionSettings settings;
    private final Map<Integer, Long> currvals = new HashMap<>();
    private Long lastval;
    private volatile boolean cancelRequested;
    private long deadlineNanos;

    // transaction state
    private TopTransaction top;
    private boolean inBlock;
    private boolean failed;
    private final List<Savepoint> savepoints = new ArrayList<>();
    private Xid currentXid;
    private int commandId;
    private long txnStartMicros;
    private long stmtStartMicros;
    final Map<String, CommandRunner.Prepared> prepared = new HashMap<>();
    /** Protocol-level Parse results by text, reused when a client parses the same statement again. */
    private final PreparedStatementCache preparedStatements = new PreparedStatementCache();
    private final DurableWrites durable;
    /** Compiled function bodies for the current top-level statement (see SessionRuntime#statementCache). */
    private final Map<Object, Object> statementCache = new HashMap<>();
    private final io.pgsight.sql.exec.StatementMemory statementMemory = new io.pgsight.sql.exec.StatementMemory();

    record Savepoint(String name, Xid xid) {
    }

    SessionImpl(EngineImpl engine, Database db, String user, Map<String, String> options, NoticeListener listener, int pid) {
        this.engine = engine;
        this.database = db;
        this.user = user;
        this.listener = listener;
        this.pid = pid;
        this.durable = new DurableWrites(engine.store());
        this.settings = new SessionSettings(engine.settings(), (n, v) -> {
            if (listener != null) {
                listener.reportedSettingChanged(n, v);
            }
        });
        settings.setInitial("session_authorization", user);
        options.forEach((k, v) -> {
            if (k.equals("options")) {
                applyCommandLineOptions(v);
            } else if (!k.equals("user") && !k.equals("database") && !k.equals("replication")) {
                try {
                    settings.setInitial(k, v);
                } catch (SqlException e) {
                    // unknown start-up parameters are ignored like unknown GUCs in a client's packet
                }
            }
        });
    }

    private void applyCommandLineOptions(String opts) {
        String[] parts = opts.trim().split("\\s+");
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            String kv = null;
            if (p.equals("-c") && i + 1 < parts.length) {
                kv = parts[++i];
            } else if (p.startsWith("-c")) {
                kv = p.substring(2);
            } else if (p.startsWith("--")) {
                kv = p.substring(2);
            }
            if (kv != null && kv.contains("=")) {
                settings.setInitial(kv.substring(0, kv.indexOf('=')).replace('-', '_'), kv.substring(kv.indexOf('=') + 1));
            }
        }
    }

    // ------------------------------------------------------------------ SessionRuntime

    @Override
    public Catalog catalog() {
        return database.catalog();
    }

    String databaseName() {
        return database.name();
    }

    EngineImpl engine() {
        return engine;
    }

    @Override
    public SessionSettings settings() {
        return settings;
    }

    @Override
    public TransactionManager transactions() {
        return engine.transactions();
    }

    @Override
    public Xid writeXid() {
        if (currentXid == null) {
            throw new IllegalStateException("no transaction");
        }
        return currentXid;
    }

    @Override
    public void notice(SqlException n) {
        String min = settings.get("client_min_messages");
        if (listener != null && !("warning".equals(min) && n.severity().equals("NOTICE"))
                && !("error".equals(min))) {
            listener.notice(n);
        }
    }

    @Override
    public void reserveMemory(long bytes) {
        statementMemory.reserve(bytes);
    }

    @Override
    public void releaseMemory(long bytes) {
        statementMemory.release(bytes);
    }

    @Override
    public void checkCancelled() {
        if (cancelRequested) {
            cancelRequested = false;
            throw new SqlException("57014", "canceling statement due to user request");
        }
        if (deadlineNanos != 0 && System.nanoTime() > deadlineNanos) {
            deadlineNanos = 0;
            throw new SqlException("57014", "canceling statement due to statement timeout");
        }
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public int backendPid() {
        return pid;
    }

    @Override
    public long transactionStartMicros() {
        return txnStartMicros;
    }

    @Override
    public long statementStartMicros() {
        return stmtStartMicros;
    }

    @Override
    public List<Object[]> runSql(String sql, Object[] params, int expectedColumns) {
        return new CommandRunner(this).runFunctionBody(sql, params);
    }

    @Override
    public List<Object[]> runFunction(io.pgsight.sql.catalog.FunctionEntry f, Object[] params) {
        return new CommandRunner(this).runFunctionBody(f, params);
    }

    @Override
    public Object callProcedural(io.pgsight.sql.catalog.FunctionEntry f, Object[] params) {
        return new PlpgsqlHost(this).call(f, params, null);
    }

    @Override
    public Object callProcedural(io.pgsight.sql.catalog.FunctionEntry f, Object[] params,
                                 List<io.pgsight.sql.spi.PgType> argumentTypes) {
        return new PlpgsqlHost(this).call(f, params, argumentTypes);
    }

    @Override
    public Map<Object, Object> statementCache() {
        return statementCache;
    }

    /** Makes the writes of the previous command visible to the next (PL/pgSQL statements in one call). */
    void nextCommand() {
        commandId++;
    }

    /** Starts a subtransaction for a PL/pgSQL exception block; the returned marker ends it. */
    Savepoint beginSubtransaction() {
        Savepoint s = new Savepoint("\0plpgsql" + savepoints.size(), currentXid);
        savepoints.add(s);
        currentXid = engine.transactions().newXid(top);
        commandId++;
        return s;
    }

    /** Keeps a subtransaction's writes (they now belong to the enclosing level). */
    void releaseSubtransaction(Savepoint s) {
        int i = savepoints.lastIndexOf(s);
        if (i < 0) {
            return;
        }
        while (savepoints.size() > i) {
            savepoints.remove(savepoints.size() - 1);
        }
        ddlChanges.release(i);
    }

    /** Undoes a subtransaction's writes and continues in a fresh one at the enclosing level. */
    void rollbackSubtransaction(Savepoint s) {
        int i = savepoints.lastIndexOf(s);
        if (i < 0) {
            return;
        }
        engine.transactions().rollbackSub(currentXid);
        for (int k = savepoints.size() - 1; k > i; k--) {
            engine.transactions().rollbackSub(savepoints.get(k).xid());
        }
        while (savepoints.size() > i) {
            savepoints.remove(savepoints.size() - 1);
        }
        ddlChanges.undo(i + 1); // what DDL the block did is taken back too, as PostgreSQL's subtransaction abort does
        currentXid = engine.transactions().newXid(top);
        commandId++;
    }

    private final Map<Class<?>, Object> functionState = new HashMap<>();
    /** The last entry of functionState handed out. */
    private Class<?> lastStateKey;
    private Object lastState;

    @Override
    public <T> T sessionState(Class<T> key, java.util.function.Supplier<T> initial) {
        // every SQL-function call has a new ExecContext, whose own one-entry cache starts empty
        if (lastStateKey == key) {
            return key.cast(lastState);
        }
        T state = key.cast(functionState.computeIfAbsent(key, k -> initial.get()));
        lastStateKey = key;
        lastState = state;
        return state;
    }

    void recordCurrval(Sequence s, long v) {
        currvals.put(s.oid(), v);
        lastval = v;
        durable.sequence(database.name(), s);
    }

    /** nextval: the sequence's next value, logged durably only every Sequence.LOG_AHEAD values. */
    long nextval(Sequence s) {
        long v = durable.nextval(database.name(), s);
        currvals.put(s.oid(), v);
        lastval = v;
        return v;
    }

    Long currval(Sequence s) {
        return currvals.get(s.oid());
    }

    Long lastval() {
        return lastval;
    }

    // ------------------------------------------------------------------ transactions

    Snapshot snapshot() {
        return engine.transactions().snapshot(top, commandId);
    }

    boolean inBlock() {
        return inBlock;
    }

    /** Whether savepoints or PL/pgSQL exception blocks (subtransactions) are open. */
    boolean hasSubtransactions() {
        return !savepoints.isEmpty();
    }

    void beginImplicit() {
        top = engine.transactions().begin();
        currentXid = engine.transactions().topXid(top);
        commandId = 0;
        txnStartMicros = System.currentTimeMillis() * 1000;
    }

    void begin() {
        if (inBlock) {
            notice(new SqlException("WARNING", "25001", "there is already a transaction in progress", null, null, 0, null));
            return;
        }
        inBlock = true;
    }

    void commit() {
        if (top != null) {
            boolean ok = !failed;
            TopTransaction t = top;
            if (ok) {
                try {
                    durable.awaitTablesSettled();
                } catch (RuntimeException e) {
                    rollback(); // cancelled or deadlocked while waiting: the transaction ends, as a failed COMMIT does
                    throw e;
                }
                durable.commit(t, database.name(), !"off".equals(settings.get("synchronous_commit")),
                        () -> engine.transactions().end(t, true));
                ddlChanges.committed();
            } else {
                ddlChanges.undo(0); // before the end: whoever waits on a claimed name wakes to the old catalog
                engine.transactions().end(t, false);
                durable.clear();
            }
            settings.endTransaction(ok);
            ddlChanges.releaseClaims(t);
        }
        engine.advisoryLocks().releaseAll(this, true, false);
        resetTxn();
    }

    void rollback() {
        if (top != null) {
            ddlChanges.undo(0);
            engine.transactions().end(top, false);
            settings.endTransaction(false);
            ddlChanges.releaseClaims(top);
        }
        engine.advisoryLocks().releaseAll(this, true, false);
        durable.clear();
        resetTxn();
    }

    /** What this transaction's DDL changed in the catalog, to take back on rollback (see {@link DdlInTransaction}). */
    private final DdlInTransaction ddlChanges = new DdlInTransaction(this);
    /** Off for recovery's replay session, which rolls back only to discard a CREATE TABLE AS query's rows. */
    private boolean undoDdlOnRollback = true;
    /** DDL statements running on this session now (an extension's script runs inside CREATE EXTENSION). */
    private int ddlRunning;

    void keepDdlOnRollback() {
        undoDdlOnRollback = false;
    }

    boolean undoesDdlOnRollback() {
        return undoDdlOnRollback;
    }

    DdlInTransaction ddlChanges() {
        return ddlChanges;
    }

    int savepointDepth() {
        return savepoints.size();
    }

    TopTransaction top() {
        return top;
    }

    /** True while a DDL statement of this session holds the DDL lock: waiting for a claimed name then would deadlock. */
    boolean runningDdl() {
        return ddlRunning > 0;
    }

    void ddlStarted() {
        ddlRunning++;
    }

    void ddlEnded() {
        ddlRunning--;
    }

    // ------------------------------------------------------------------ RelationClaims.Waiter

    @Override
    public TopTransaction transaction() {
        return top;
    }

    @Override
    public void await(TopTransaction holder) {
        if (ddlRunning > 0) {
            throw new RelationClaims.Busy(holder); // CommandRunner.ddl waits and retries
        }
        if (top == null) {
            // Parse/Describe outside a transaction: nothing of ours anyone could wait for, so no deadlock to detect
            while (holder.state() == io.pgsight.sql.txn.TxnState.IN_PROGRESS) {
                checkCancelled();
                try {
                    holder.awaitEnd(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SqlException("57014", "canceling statement due to user request");
                }
            }
            return;
        }
        engine.transactions().waitFor(top, holder, this::checkCancelled);
    }

    DurableWrites durable() {
        return durable;
    }

    @Override
    public void rowInserted(io.pgsight.sql.catalog.Table table, io.pgsight.sql.storage.RowVersion v) {
        durable.inserted(database.catalog(), table, v);
    }

    @Override
    public void rowDeleted(io.pgsight.sql.catalog.Table table, io.pgsight.sql.storage.RowVersion v) {
        durable.deleted(database.catalog(), table, v);
    }

    private void resetTxn() {
        top = null;
        currentXid = null;
        inBlock = false;
        failed = false;
        savepoints.clear();
    }

    void savepoint(String name) {
        savepoints.add(new Savepoint(name, currentXid));
        currentXid = engine.transactions().newXid(top);
    }

    private int findSavepoint(String name) {
        for (int i = savepoints.size() - 1; i >= 0; i--) {
            if (savepoints.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new SqlException("3B001", "savepoint \"" + name + "\" does not exist");
    }

    void release(String name) {
        int i = findSavepoint(name);
        // the released subtransactions' writes now belong to the enclosing level: keep their xids
        while (savepoints.size() > i) {
            savepoints.remove(savepoints.size() - 1);
        }
        ddlChanges.release(i);
        if (failed) {
            throw new SqlException("25P02", "current transaction is aborted, commands ignored until end of transaction block");
        }
    }

    void rollbackTo(String name) {
        int i = findSavepoint(name);
        // abort every xid opened since the savepoint: the current one and those of inner savepoints
        engine.transactions().rollbackSub(currentXid);
        for (int k = savepoints.size() - 1; k > i; k--) {
            engine.transactions().rollbackSub(savepoints.get(k).xid());
        }
        while (savepoints.size() > i + 1) {
            savepoints.remove(savepoints.size() - 1);
        }
        ddlChanges.undo(i + 1);
        currentXid = engine.transactions().newXid(top);
        failed = false;
    }

    // ------------------------------------------------------------------ statements

    @Override
    public long idleInTransactionTimeoutMillis() {
        return SettingValues.millis(settings.get("idle_in_transaction_session_timeout"));
    }

    @Override
    public Map<String, String> reportedSettings() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String n : List.of("application_name", "client_encoding", "DateStyle", "default_transaction_read_only",
                "in_hot_standby", "integer_datetimes", "IntervalStyle", "is_superuser", "server_encoding",
                "server_version", "session_authorization", "standard_conforming_strings", "TimeZone")) {
            String v = settings.get(n);
            if (v != null) {
                m.put(n, v);
            }
        }
        return m;
    }

    @Override
    public void execute(String sql, StatementSink sink) {
        List<Statement> statements;
        try {
            statements = ExpressionText.statements(sql);
        } catch (SqlException e) {
            if (inBlock) {
                failed = true;
            }
            throw e;
        }
        if (statements.isEmpty()) {
            sink.emptyQuery();
            return;
        }
        for (Statement st : statements) {
            run(st.command(), st.text(), sink, null, null);
        }
    }

    /** Runs one command inside the transaction rules (implicit transaction, failed block, cancellation). */
    void run(Command cmd, String text, StatementSink sink, Object[] params, short[] resultFormats) {
        run(cmd, text, sink, params, resultFormats, List.of());
    }

    /** As above with the parameter types the statement was prepared with (Bind values are decoded as those). */
    void run(Command cmd, String text, StatementSink sink, Object[] params, short[] resultFormats,
             List<io.pgsight.sql.spi.PgType> paramTypes) {
        run(cmd, text, sink, params, resultFormats, paramTypes, null);
    }

    /** As above; a query's plan is reused from {@code plan} while the schema and settings stay as they were. */
    void run(Command cmd, String text, StatementSink sink, Object[] params, short[] resultFormats,
             List<io.pgsight.sql.spi.PgType> paramTypes, CachedPlan plan) {
        boolean txnControl = cmd instanceof Command.Transaction;
        if (failed && !(txnControl && allowedWhenFailed((Command.Transaction) cmd))) {
            throw new SqlException("25P02", "current transaction is aborted, commands ignored until end of transaction block");
        }
        boolean implicit = top == null;
        if (implicit) {
            beginImplicit();
        }
        stmtStartMicros = System.currentTimeMillis() * 1000;
        long timeout = SettingValues.millis(settings.get("statement_timeout"));
        deadlineNanos = timeout > 0 ? System.nanoTime() + timeout * 1_000_000 : 0;
        cancelRequested = false;
        statementCache.clear();
        statementMemory.reset(SettingValues.bytes(settings.get("pgsight.max_statement_mem")));
        RelationClaims.Waiter outerWaiter = RelationClaims.enter(this);
        try {
            new CommandRunner(this, Map.of(), true).run(cmd, text, sink, params, resultFormats, paramTypes, plan);
            commandId++;
            if (top != null && !inBlock) {
                commit();
            }
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError | LinkageError | AssertionError e) {
            // OutOfMemoryError: the last resort when a statement got past its memory bound; what it
            // allocated is unreachable once it unwinds, so the session and the server go on.
            // LinkageError/AssertionError: a bug in one code path (a failed class initialiser) must
            // cost the statement, not the connection
            SqlException se = e instanceof SqlException s ? s : internal(e);
            if (inBlock) {
                failed = true;
                engine.transactions().rollbackSub(currentXid);
            } else {
                rollback();
            }
            throw se;
        } finally {
            deadlineNanos = 0;
            RelationClaims.restore(outerWaiter);
        }
    }

    static SqlException internal(Throwable e) {
        if (e instanceof ArithmeticException) {
            return new SqlException("22003", "value out of range: " + e.getMessage());
        }
        if (e instanceof StackOverflowError) {
            return new SqlException("54001", "stack depth limit exceeded");
        }
        if (e instanceof OutOfMemoryError) {
            return new SqlException("53200", "out of memory").withDetail("The server could not allocate memory for this statement.");
        }
        SqlException internal = new SqlException("XX000", "internal error: " + e);
        internal.initCause(e); // keeps the stack trace for whoever logs or debugs the failure
        return internal;
    }

    private static boolean allowedWhenFailed(Command.Transaction t) {
        return switch (t.kind()) {
            case COMMIT, ROLLBACK, ROLLBACK_TO -> true;
            default -> false;
        };
    }

    void markFailedRollbackHandled() {
        failed = false;
    }

    boolean failed() {
        return failed;
    }

    @Override
    public PreparedQuery prepare(String sql, int[] parameterTypes) {
        RelationClaims.Waiter outer = RelationClaims.enter(this);
        try {
            return new CommandRunner(this).prepare(sql, parameterTypes); // describing a query looks its relations up
        } finally {
            RelationClaims.restore(outer);
        }
    }

    @Override
    public BoundQuery bind(PreparedQuery query, List<byte[]> parameters, short[] parameterFormats, short[] resultFormats) {
        return new CommandRunner(this).bind((CommandRunner.Prepared) query, parameters, parameterFormats, resultFormats);
    }

    @Override
    public char transactionStatus() {
        if (failed) {
            return 'E';
        }
        return inBlock ? 'T' : 'I';
    }

    @Override
    public void sync() {
        if (top != null && !inBlock) {
            commit();
        }
    }

    @Override
    public void cancel() {
        cancelRequested = true;
    }

    @Override
    public void close() {
        if (top != null) {
            rollback();
        }
        engine.advisoryLocks().releaseAll(this, true, true);
        engine.unregister(this);
    }

    PreparedStatementCache preparedStatements() {
        return preparedStatements;
    }

    void resetSession() {
        settings.resetAll();
        prepared.clear();
        preparedStatements.clear();
        currvals.clear();
        lastval = null;
    }

    Object nowMicrosForTests() {
        return txnStartMicros;
    }

    @Override
    public Map<String, Integer> databaseOids() {
        return engine.databaseOids();
    }
}
