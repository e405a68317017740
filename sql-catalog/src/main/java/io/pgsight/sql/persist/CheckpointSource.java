package io.pgsight.sql.persist;

import java.util.function.Consumer;

/** The engine's committed state, written out by a checkpoint after the DDL history. */
public interface CheckpointSource {
    /** Emits sequence states and every committed live row (as Commit records of a bounded size). */
    void writeState(Consumer<WalRecord> out);

    /**
     * Called with writers held off right after {@link #writeState}: picks the indexes whose images
     * belong to checkpoint {@code checkpointId} and returns the work that writes them, which runs
     * once writers are let in again (an image may then hold rows committed later; replay of the log
     * tail re-applies those).
     */
    default Runnable indexImages(long checkpointId) {
        return () -> { };
    }
}
