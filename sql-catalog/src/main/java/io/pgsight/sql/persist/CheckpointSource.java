package io.pgsight.sql.persist;

import java.util.function.Consumer;

/** The engine's committed state, written out by a checkpoint after the DDL history. */
public interface CheckpointSource {
    /** Emits sequence states and every committed live row (as Commit records of a bounded size). */
    void writeState(Consumer<WalRecord> out);
}
