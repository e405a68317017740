package io.pgsight.sql.plpgsql.exec;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.ast.Command;
import io.pgsight.sql.catalog.Catalog;
import io.pgsight.sql.exec.ExecContext;
import io.pgsight.sql.plan.QueryPlanner;
import io.pgsight.sql.spi.PgType;

import java.util.List;
import java.util.Map;

/**
 * What the PL/pgSQL interpreter needs from the session that runs it (implemented by the engine): planners that
 * see PL variables as parameters, command execution, subtransactions for exception blocks, notices.
 */
public interface PlHost {
    Catalog catalog();

    /** A planner whose parameters are {@code paramTypes}, also reachable by the names in {@code names}. */
    QueryPlanner planner(List<PgType> paramTypes, Map<String, Integer> names);

    /** A fresh statement context (snapshot of the current command) with these parameter values. */
    ExecContext context(Object[] params);

    /** Runs a non-query command; RETURNING rows come back as values. */
    CommandResult run(Command command, String text, Object[] params, List<PgType> paramTypes,
                      Map<String, Integer> names);

    /** Makes the previous command's writes visible to the next one. */
    void nextCommand();

    Object beginSubtransaction();

    void releaseSubtransaction(Object subtransaction);

    void rollbackSubtransaction(Object subtransaction);

    void notice(SqlException notice);

    void checkCancelled();

    /** A setting's current value (client_min_messages). */
    String setting(String name);

    /** Caches valid for the current top-level statement. */
    Map<Object, Object> statementCache();

    /** Turns a Java exception escaping the executor into the error PostgreSQL would report. */
    SqlException asSqlException(RuntimeException e);

    /**
     * COMMIT or ROLLBACK in a procedure or DO block: ends the transaction and starts a new one, where PostgreSQL
     * allows it (a CALL or DO run outside a transaction block and outside any function call).
     */
    default void endTransaction(boolean commit) {
        throw new SqlException("2D000", "invalid transaction termination");
    }

    /** Rows (for RETURNING) and the number of rows the command processed. */
    record CommandResult(List<Object[]> rows, long rowCount, boolean utility) {
    }
}
