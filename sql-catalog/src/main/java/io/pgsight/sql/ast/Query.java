package io.pgsight.sql.ast;

import java.util.List;

/**
 * A complete query: {@code [WITH ...] body [ORDER BY ...] [LIMIT/FETCH ...] [OFFSET ...] [FOR UPDATE ...]}.
 * A parenthesized query with its own ORDER BY/LIMIT inside a set operation is a nested Query used as a
 * {@link QueryBody}. A plain SELECT without those clauses is a Query whose {@code body} is a {@link QueryBody.Select}.
 *
 * @param with       WITH clause, or null
 * @param orderBy    ORDER BY items (empty when absent)
 * @param limit      LIMIT / FETCH FIRST count, or null; {@code LIMIT ALL} is null too
 * @param offset     OFFSET, or null
 * @param withTies   FETCH FIRST n ROWS WITH TIES
 * @param locking    FOR UPDATE / FOR SHARE clauses (accepted; empty when absent)
 * @param location   position of the first token of the query
 */
public record Query(WithClause with, QueryBody body, List<SortItem> orderBy, Expr limit, Expr offset,
                    boolean withTies, List<LockingClause> locking, int location)
        implements QueryBody, Command {
    public Query {
        orderBy = List.copyOf(orderBy);
        locking = List.copyOf(locking);
    }

    /** A query made of just a body, without WITH/ORDER BY/LIMIT/OFFSET/locking. */
    public static Query of(QueryBody body, int location) {
        return new Query(null, body, List.of(), null, null, false, List.of(), location);
    }

    /** True when this query adds nothing to its body (no WITH, ORDER BY, LIMIT, OFFSET, locking). */
    public boolean isBare() {
        return with == null && orderBy.isEmpty() && limit == null && offset == null && locking.isEmpty();
    }

    /** {@code FOR UPDATE | FOR NO KEY UPDATE | FOR SHARE | FOR KEY SHARE [OF t, ...] [NOWAIT | SKIP LOCKED]}. */
    public record LockingClause(String strength, List<QualifiedName> tables, String waitPolicy, int location) {
        public LockingClause {
            tables = List.copyOf(tables);
        }
    }
}
