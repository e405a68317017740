package io.pgsight.index;

/** The iterator of a scan that has nothing to return. */
final class EmptyNeighborIterator implements NeighborIterator {
    static final EmptyNeighborIterator INSTANCE = new EmptyNeighborIterator();

    private EmptyNeighborIterator() {
    }

    @Override
    public boolean next() {
        return false;
    }

    @Override
    public long rowId() {
        throw new IllegalStateException("no current row");
    }

    @Override
    public float distance() {
        throw new IllegalStateException("no current row");
    }
}
