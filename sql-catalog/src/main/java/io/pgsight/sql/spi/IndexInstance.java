package io.pgsight.sql.spi;

/**
 * A built index. Row ids come from the table's storage; the executor checks visibility and
 * re-applies WHERE filters on what a scan returns, so an index may keep ids of dead rows until
 * {@link #remove} is called. Implementations must be safe for concurrent scans and inserts.
 */
public interface IndexInstance {
    void insert(long rowId, Object key);

    /**
     * Insert with the session at hand, so an index can send NOTICEs/WARNINGs (pase warns about and
     * skips rows of the wrong dimension). Engines should call this one; the default ignores {@code ctx}.
     */
    default void insert(long rowId, Object key, FunctionContext ctx) {
        insert(rowId, key);
    }

    void remove(long rowId, Object key);

    /**
     * An ordered scan for {@code ORDER BY key <operator> query}: yields row ids in (approximately, for
     * approximate indexes) increasing distance. The executor pulls until its LIMIT is satisfied.
     */
    OrderedScan orderedScan(String operator, Object query, FunctionContext ctx);

    /** Approximate memory held, for EXPLAIN/pg_relation_size-like reports. */
    long sizeBytes();

    /**
     * Whether {@link #writeSnapshot} works for this index. An engine with a data directory persists
     * such indexes at checkpoints and restores them with {@link IndexAccessMethod#restore} instead of
     * rebuilding them at start-up; the others are rebuilt from the rows.
     */
    default boolean canSnapshot() {
        return false;
    }

    /**
     * Writes this index's contents for {@link IndexAccessMethod#restore}. May run while scans, inserts
     * and removes go on: each row must end up either fully in the image or absent. The engine keeps
     * framing, checksums and the table state the image belongs to; this writes only the index's part.
     */
    default void writeSnapshot(java.io.DataOutput out) throws java.io.IOException {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot write a snapshot");
    }

    /** Pulled one row at a time. */
    interface OrderedScan extends AutoCloseable {
        /** Advances; false when the scan is exhausted. */
        boolean next();

        long rowId();

        /** The distance the index computed for the current row (as the operator would return it). */
        double distance();

        @Override
        default void close() {
        }
    }
}
