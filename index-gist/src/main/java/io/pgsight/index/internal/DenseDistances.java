package io.pgsight.index.internal;

/**
 * Distances from one vector (an insert's new vector) to node ids, remembered for the length of
 * that insert: one stamp and one float per node id, reset in O(1) by moving to the next
 * generation. For a long-lived build worker only (8 bytes per indexed node).
 */
public final class DenseDistances {
    private int[] stamps = new int[1024];
    private float[] values = new float[1024];
    private int generation = 1;

    /** Forgets every distance. */
    public void clear() {
        if (++generation == Integer.MAX_VALUE) {
            java.util.Arrays.fill(stamps, 0);
            generation = 1;
        }
    }

    public void put(int id, float distance) {
        if (id >= stamps.length) {
            int n = Math.max(id + 1, stamps.length * 2);
            stamps = java.util.Arrays.copyOf(stamps, n);
            values = java.util.Arrays.copyOf(values, n);
        }
        stamps[id] = generation;
        values[id] = distance;
    }

    /** Whether a distance to {@code id} is known; read it with {@link #get}. */
    public boolean has(int id) {
        return id < stamps.length && stamps[id] == generation;
    }

    public float get(int id) {
        return values[id];
    }
}
