package io.pgsight.index.internal;

import java.util.Arrays;

/**
 * Map from row id (long) to an int (node or list number), open addressing, about 12 bytes per
 * entry instead of ~80 for a boxed HashMap. Thread-safe via its own monitor: it is touched by
 * inserts and removes only, never on the search path.
 */
public final class RowIdMap {
    private static final int ABSENT = -1;
    private long[] keys;
    private int[] values; // ABSENT marks an empty slot (values are >= 0)
    private int size;
    private int tombstones;
    private static final int DELETED = -2;

    public RowIdMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[cap];
        values = new int[cap];
        Arrays.fill(values, ABSENT);
    }

    public synchronized int size() {
        return size;
    }

    /** Value for the row, or -1. */
    public synchronized int get(long key) {
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (true) {
            int v = values[i];
            if (v == ABSENT) {
                return ABSENT;
            }
            if (v != DELETED && keys[i] == key) {
                return v;
            }
            i = (i + 1) & mask;
        }
    }

    /** Sets the value (>= 0); returns the previous one or -1. */
    public synchronized int put(long key, int value) {
        if ((size + tombstones + 1) * 2 > keys.length) {
            rehash(size + 1 > keys.length / 4 ? keys.length * 2 : keys.length);
        }
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        int firstFree = -1;
        while (true) {
            int v = values[i];
            if (v == ABSENT) {
                break;
            }
            if (v == DELETED) {
                if (firstFree < 0) {
                    firstFree = i;
                }
            } else if (keys[i] == key) {
                values[i] = value;
                return v;
            }
            i = (i + 1) & mask;
        }
        if (firstFree >= 0) {
            i = firstFree;
            tombstones--;
        }
        keys[i] = key;
        values[i] = value;
        size++;
        return ABSENT;
    }

    /** Removes the row; returns its value or -1. */
    public synchronized int remove(long key) {
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (true) {
            int v = values[i];
            if (v == ABSENT) {
                return ABSENT;
            }
            if (v != DELETED && keys[i] == key) {
                values[i] = DELETED;
                size--;
                tombstones++;
                return v;
            }
            i = (i + 1) & mask;
        }
    }

    public synchronized long memoryBytes() {
        return keys.length * 12L;
    }

    private void rehash(int capacity) {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(values, ABSENT);
        tombstones = 0;
        int mask = capacity - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            int v = oldValues[j];
            if (v >= 0) {
                int i = mix(oldKeys[j]) & mask;
                while (values[i] != ABSENT) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = v;
            }
        }
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
