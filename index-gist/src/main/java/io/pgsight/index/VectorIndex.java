package io.pgsight.index;

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
}
