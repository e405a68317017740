package io.pgsight.sql.exec;

import io.pgsight.sql.spi.PgType;

import java.util.List;

/** An executable plan node: opens a fresh row stream per use, and describes itself for EXPLAIN. */
public interface PlanNode {
    List<OutputColumn> columns();

    RowSource open(EvalContext outer);

    /**
     * As {@link #open}, for a consumer that is done with each row before it asks for the next and keeps
     * none of them: the node may then hand out one array, overwritten row after row.
     */
    default RowSource openTransient(EvalContext outer) {
        return open(outer);
    }

    /** Appends EXPLAIN lines: {@code label} is "Seq Scan on t" etc., details indented under it. */
    void explain(ExplainWriter w);

    /** Input nodes, for plan-wide passes such as EXPLAIN's relation naming. */
    default List<PlanNode> children() {
        return List.of();
    }

    /** Plans of uncorrelated subqueries attached to this node (InitPlans). */
    default List<PlanNode> initPlans() {
        return List.of();
    }

    /** For scans: the relation name and the alias written in the query (null when none). */
    default String[] scannedRelation() {
        return null;
    }

    record OutputColumn(String name, PgType type, int typmod, int tableOid, int attnum) {
        public OutputColumn(String name, PgType type, int typmod) {
            this(name, type, typmod, 0, 0);
        }
    }

    /** Pull-based rows; null ends the stream. */
    interface RowSource extends AutoCloseable {
        Object[] next();

        @Override
        default void close() {
        }
    }
}
