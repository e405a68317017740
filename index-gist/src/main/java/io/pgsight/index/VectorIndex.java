package io.pgsight.index;

import java.io.DataOutput;
import java.io.IOException;

/**
 * A k-nearest-neighbour index over float vectors keyed by row id. Implementations are safe for
 * concurrent searches and inserts.
 */
public interface VectorIndex {
    int dimensions();

    Metric metric();

    void insert(long rowId, float[] vector);

    /** Forgets a row (vacuum). Searches never return it afterwards. */
    void remove(long rowId);

    /** Rows currently indexed. */
    int size();

    /** Approximate heap bytes held. */
    long memoryBytes();

    /**
     * Neighbours of {@code query} in increasing distance (approximately, for approximate indexes);
     * the caller pulls as many as it needs and the iterator may keep searching (iterative scan).
     */
    NeighborIterator search(float[] query, SearchOptions options);

    /**
     * Whether {@link #writeSnapshot} is implemented. Callers that persist indexes rebuild from the
     * table when it is not.
     */
    default boolean canSnapshot() {
        return false;
    }

    /**
     * Writes everything needed to restore this index without rebuilding it (parameters, row ids,
     * vectors and structure), in a format the implementation's static {@code readSnapshot(DataInput)}
     * reads back into an index that answers every search exactly as this one does. Safe to call while
     * searches run; concurrent inserts and removes may be held back for the duration so the image is
     * consistent (each row either fully in it or absent).
     */
    default void writeSnapshot(DataOutput out) throws IOException {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no snapshot format");
    }
}
