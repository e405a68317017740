package io.pgsight.index;

/** Pull-style result of a search. */
public interface NeighborIterator {
    /** Advances to the next neighbour; false when none remain (within the options' limits). */
    boolean next();

    long rowId();

    /** Distance in the index's {@link Metric}. */
    float distance();

    /** Ends the scan early (buffers go back to the index); {@link #next} is not called afterwards. */
    default void close() {
    }

    /** An iterator with no rows. */
    static NeighborIterator empty() {
        return EmptyNeighborIterator.INSTANCE;
    }
}
