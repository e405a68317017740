package io.pgsight.sql.persist;

/** What start-up replay applies the log to: the engine, with logging switched off meanwhile. */
public interface RecoveryTarget {
    void ddl(WalRecord.Ddl ddl);

    void sequence(WalRecord.SequenceValue value);

    /**
     * Applies a committed transaction's row changes. In {@code bulk} mode (the snapshot part of a
     * checkpoint) rows go to storage only and indexes are filled later by {@link #fillIndexes()}.
     */
    void commit(WalRecord.Commit commit, boolean bulk);

    /**
     * Fills every index of the rows loaded in bulk mode: from its image of checkpoint
     * {@code checkpointId} when there is a usable one, else by building it from the rows.
     */
    void fillIndexes(long checkpointId);

    /** Called once replay ended. */
    void finish();

    /** After {@link #finish}: whether a checkpoint should be written soon (e.g. indexes were rebuilt that images could hold). */
    default boolean wantsCheckpoint() {
        return false;
    }
}
