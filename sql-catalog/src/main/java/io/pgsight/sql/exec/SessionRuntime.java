package io.pgsight.sql.exec;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.catalog.Catalog;
import io.pgsight.sql.settings.SessionSettings;
import io.pgsight.sql.txn.TransactionManager;
import io.pgsight.sql.txn.Xid;

/** What the executor needs from the session that runs it (implemented by the engine's session). */
public interface SessionRuntime {
    Catalog catalog();

    SessionSettings settings();

    TransactionManager transactions();

    Xid writeXid();

    void notice(SqlException notice);

    void checkCancelled();

    String user();

    int backendPid();

    /** Transaction start time in microseconds since the Unix epoch (now()). */
    long transactionStartMicros();

    /** Statement start time in microseconds (statement_timestamp()). */
    long statementStartMicros();

    /** Runs SQL text with parameters in this session (SQL-language function bodies). */
    java.util.List<Object[]> runSql(String sql, Object[] params, int expectedColumns);

    /** Per-session state of a function family (SPI FunctionContext.sessionState). */
    <T> T sessionState(Class<T> key, java.util.function.Supplier<T> initial);

    /** Runs an SQL function's body with its declared parameter types and names. */
    /**
     * Calls a function of a procedural language (plpgsql): the result value, or for a set-returning function a
     * {@code java.util.List} of values (Object[] for multi-column rows).
     */
    default Object callProcedural(io.pgsight.sql.catalog.FunctionEntry f, Object[] params) {
        throw new SqlException("0A000", "language \"" + ((io.pgsight.sql.catalog.FunctionBody.Procedural) f.body())
                .language() + "\" is not supported yet");
    }

    /**
     * As {@link #callProcedural(io.pgsight.sql.catalog.FunctionEntry, Object[])} for a function declared over
     * pseudo-types (anyelement, anyarray): {@code argumentTypes} are the call's actual argument types.
     */
    default Object callProcedural(io.pgsight.sql.catalog.FunctionEntry f, Object[] params,
                                  java.util.List<io.pgsight.sql.spi.PgType> argumentTypes) {
        return callProcedural(f, params);
    }

    /**
     * Compiled forms (parsed, planned) of function bodies, valid for the current top-level statement only, so
     * that a function called per row is not parsed and planned per call.
     */
    default java.util.Map<Object, Object> statementCache() {
        return new java.util.HashMap<>();
    }

    default java.util.List<Object[]> runFunction(io.pgsight.sql.catalog.FunctionEntry f, Object[] params) {
        return runSql(((io.pgsight.sql.catalog.FunctionBody.Sql) f.body()).source(), params, 1);
    }

    /** Counts memory the running statement holds (see {@link StatementMemory}); throws 53200 past the bound. */
    default void reserveMemory(long bytes) {
    }

    /** Gives back memory counted by {@link #reserveMemory} that the statement no longer holds. */
    default void releaseMemory(long bytes) {
    }

    /** A row version this transaction stored (logged at commit when the engine is durable). */
    default void rowInserted(io.pgsight.sql.catalog.Table table, io.pgsight.sql.storage.RowVersion v) {
    }

    /** A row version this transaction claimed for DELETE/UPDATE (logged at commit when durable). */
    default void rowDeleted(io.pgsight.sql.catalog.Table table, io.pgsight.sql.storage.RowVersion v) {
    }

    /** Every database of the server by name with its OID (pg_database). */
    default java.util.Map<String, Integer> databaseOids() {
        return java.util.Map.of(catalog().database(), catalog().databaseOid());
    }
}
