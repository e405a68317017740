package io.pgsight.sql.exec;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.catalog.Catalog;
import io.pgsight.sql.spi.FunctionContext;
import io.pgsight.sql.txn.Snapshot;
import io.pgsight.sql.txn.Xid;

/**
 * Everything one running statement needs besides rows: the session, its snapshot and write stamp,
 * parameter values. Implements the SPI's {@link FunctionContext}, so functions see the session.
 */
public final class ExecContext implements FunctionContext {
    private final SessionRuntime session;
    private final Snapshot snapshot;
    private final Object[] params;
    /** Made on first use: most statements (every SQL-function call) have no uncorrelated subquery. */
    private java.util.Map<Object, Object> initPlans;
    /** Working tables of recursive CTEs, made on first use like initPlans. */
    private java.util.Map<Object, Object> workTables;
    /** The last session state handed out (random() asks for its generator per call); one field, one read. */
    private SessionState lastState;

    private record SessionState(Class<?> key, Object state) {
    }

    public ExecContext(SessionRuntime session, Snapshot snapshot, Object[] params) {
        this.session = session;
        this.snapshot = snapshot;
        this.params = params;
    }

    public SessionRuntime session() {
        return session;
    }

    public Catalog catalog() {
        return session.catalog();
    }

    /** Results of uncorrelated subqueries, computed once per statement. */
    public java.util.Map<Object, Object> initPlanCache() {
        if (initPlans == null) {
            initPlans = new java.util.IdentityHashMap<>();
        }
        return initPlans;
    }

    /** Working tables of recursive CTEs being evaluated, keyed by the plan's work-table identity. */
    public java.util.Map<Object, Object> workTables() {
        if (workTables == null) {
            workTables = new java.util.IdentityHashMap<>();
        }
        return workTables;
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    public Object param(int n) {
        if (params == null || n < 1 || n > params.length) {
            throw new SqlException("42P02", "there is no parameter $" + n);
        }
        return params[n - 1];
    }

    /** The (sub)transaction id new row versions are stamped with; starts one if needed. */
    public Xid writeXid() {
        return session.writeXid();
    }

    public int commandId() {
        return snapshot.commandId();
    }

    @Override
    public void notice(String severity, String message) {
        session.notice(new SqlException(severity, "00000", message, null, null, 0, null));
    }

    @Override
    public void notice(SqlException n) {
        session.notice(n);
    }

    @Override
    public <T> T sessionState(Class<T> key, java.util.function.Supplier<T> initial) {
        SessionState last = lastState;
        if (last != null && last.key() == key) {
            return key.cast(last.state());
        }
        T state = session.sessionState(key, initial);
        lastState = new SessionState(key, state);
        return state;
    }

    @Override
    public String setting(String name) {
        return session.settings().get(name);
    }

    @Override
    public void checkCancelled() {
        session.checkCancelled();
    }
}
