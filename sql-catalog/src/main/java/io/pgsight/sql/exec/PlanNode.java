package io.pgsight.sql.exec;

import io.pgsight.sql.spi.PgType;

import java.util.List;

/** An executable plan node: opens a fresh row stream per use, and describes itself for EXPLAIN. */
public interface PlanNode {
    List<OutputColumn> columns();

    RowSource open(EvalContext outer);

    /** Appends EXPLAIN lines: {@code label} is "Seq Scan on t" etc., details indented under it. */
    void explain(ExplainWriter w);

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
