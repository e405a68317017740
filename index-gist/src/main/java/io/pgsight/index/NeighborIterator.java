package io.pgsight.index;

/** Pull-style result of a search. */
public interface NeighborIterator {
    /** Advances to the next neighbour; false when none remain (within the options' limits). */
    boolean next();

    long rowId();

    /** Distance in the index's {@link Metric}. */
    float distance();

    /** An iterator with no rows. */
    static NeighborIterator empty() {
        return EmptyNeighborIterator.INSTANCE;
    }
}
