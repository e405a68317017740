package io.pgsight.sql.storage;

import java.util.Iterator;
import java.util.function.Predicate;

/**
 * Where a table's row versions live. The in-memory implementation is the only one today; a durable
 * store can replace it behind this interface. Visibility is decided by callers with a snapshot.
 */
public interface TableStorage {
    /** Stores a new version and returns it with its fresh row id. */
    RowVersion insert(Object[] values, io.pgsight.sql.txn.Xid xmin, int cmin);

    /** All versions, in row id order, dead or alive. Weakly consistent under concurrent inserts. */
    Iterator<RowVersion> scan();

    /** A version by row id, or null when vacuumed away. */
    RowVersion get(long rowId);

    /** Removes versions matching {@code dead}, returning how many; used by VACUUM. */
    int removeIf(Predicate<RowVersion> dead, java.util.function.Consumer<RowVersion> onRemove);

    /** Drops every version (TRUNCATE). */
    void clear();

    long versionCount();

    /** Recovery: stores a committed version under its logged row id (later inserts get higher ids). */
    default RowVersion restore(long rowId, Object[] values, io.pgsight.sql.txn.Xid xmin) {
        throw new UnsupportedOperationException("restore");
    }

    /** The row id the next insert will get (ids only grow), or -1 when this storage does not say. */
    default long nextRowId() {
        return -1;
    }

    /**
     * Recovery: later inserts get ids of at least {@code next}. A restored index image may hold ids of
     * rows that never committed; they must not come to mean other rows.
     */
    default void reserveRowIds(long next) {
    }

    /** Recovery: removes one version outright (a logged delete); returns it, or null when absent. */
    default RowVersion removeVersion(long rowId) {
        throw new UnsupportedOperationException("removeVersion");
    }
}
