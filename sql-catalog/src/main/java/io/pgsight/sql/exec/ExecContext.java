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
    /** Made on first use: most statements have no init plans, and an IdentityHashMap is 300 bytes. */
    private java.util.Map<Object, Object> initPlans;

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
        return session.sessionState(key, initial);
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
