package io.pgsight.index.internal;

/**
 * Visited set for a long-lived worker (an index build thread): one stamp per node id, cleared in
 * O(1) by moving to the next generation. Costs 4 bytes per indexed node, so it is not used per
 * query.
 */
public final class DenseVisited implements Visited {
    private int[] stamps = new int[1024];
    private int generation = 1;
    private int size;

    @Override
    public boolean add(int id) {
        if (id >= stamps.length) {
            stamps = java.util.Arrays.copyOf(stamps, Math.max(id + 1, stamps.length * 2));
        }
        if (stamps[id] == generation) {
            return false;
        }
        stamps[id] = generation;
        size++;
        return true;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void clear() {
        size = 0;
        if (++generation == Integer.MAX_VALUE) {
            java.util.Arrays.fill(stamps, 0);
            generation = 1;
        }
    }
}
