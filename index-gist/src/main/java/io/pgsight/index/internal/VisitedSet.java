package io.pgsight.index.internal;

import java.util.Arrays;

/**
 * Set of non-negative node ids seen by one search. Open addressing so a query touching a few
 * thousand nodes costs a few thousand slots, not one per indexed node. Not thread-safe.
 */
public final class VisitedSet implements Visited {
    private int[] slots; // id + 1, 0 = empty
    private int size;
    private int mask;

    public VisitedSet(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        slots = new int[cap];
        mask = cap - 1;
    }

    @Override
    public int size() {
        return size;
    }

    /** Adds the id; true when it was not present. */
    @Override
    public boolean add(int id) {
        int key = id + 1;
        int i = mix(key) & mask;
        while (true) {
            int s = slots[i];
            if (s == 0) {
                slots[i] = key;
                if (++size * 2 > slots.length) {
                    grow();
                }
                return true;
            }
            if (s == key) {
                return false;
            }
            i = (i + 1) & mask;
        }
    }

    public boolean contains(int id) {
        int key = id + 1;
        int i = mix(key) & mask;
        while (true) {
            int s = slots[i];
            if (s == 0) {
                return false;
            }
            if (s == key) {
                return true;
            }
            i = (i + 1) & mask;
        }
    }

    @Override
    public void clear() {
        if (size > 0) {
            Arrays.fill(slots, 0);
            size = 0;
        }
    }

    private void grow() {
        int[] old = slots;
        slots = new int[old.length * 2];
        mask = slots.length - 1;
        for (int key : old) {
            if (key != 0) {
                int i = mix(key) & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = key;
            }
        }
    }

    private static int mix(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
