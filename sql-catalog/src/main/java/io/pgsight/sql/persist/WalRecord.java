package io.pgsight.sql.persist;

import java.util.List;

/**
 * One logical entry of the write-ahead log. DDL is kept as the statement text and replayed; row
 * changes carry stable row ids and values encoded against the table's columns at commit time.
 */
public sealed interface WalRecord {

    /** A DDL statement that succeeded; {@code discardRows} for CREATE TABLE AS (its rows come as a Commit). */
    record Ddl(String database, String user, String searchPath, String sql, boolean discardRows) implements WalRecord {
    }

    /** A sequence's state after nextval/setval (sequences are not transactional). */
    record SequenceValue(String database, String schema, String name, long last, boolean called) implements WalRecord {
    }

    /**
     * Row changes of one committed transaction, in execution order. A large transaction is logged as
     * several records written back to back, all but the last with {@code more}; replay applies them
     * only once the last one is read, so a crash part-way leaves none of them.
     */
    record Commit(List<RowChange> changes, boolean more) implements WalRecord {
        public Commit {
            changes = List.copyOf(changes);
        }

        public Commit(List<RowChange> changes) {
            this(changes, false);
        }
    }

    /**
     * Starts the snapshot part of a checkpointed log: rows until {@link CheckpointEnd} load in bulk.
     * {@code id} names the checkpoint (index images written for it carry the same id); 0 in logs
     * written before ids existed.
     */
    record CheckpointStart(long id) implements WalRecord {
    }

    /** Ends the snapshot part of a checkpointed log: what follows is the tail since the checkpoint. */
    record CheckpointEnd(long id) implements WalRecord {
    }

    /** A row inserted or deleted; {@code encodedValues} is null for deletes. */
    record RowChange(boolean insert, String database, String schema, String table, long rowId, byte[] encodedValues) {
    }
}
