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

    /** Builds every index from the rows loaded in bulk mode. */
    void fillIndexes();

    /** Called once replay ended. */
    void finish();
}
