package io.pgsight.index.ivfflat;

import io.pgsight.index.internal.BulkIo;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * One inverted list: vectors stored contiguously with their row ids. Writers synchronise on the
 * list; readers take the current {@link Snapshot} (volatile) and read entries below its size,
 * which writers never change in place except to set a dead flag (and then republish). Removed
 * entries are compacted away once they are half of the list.
 */
final class IvfList {
    static final class Snapshot {
        final float[] vectors;
        final long[] rowIds;
        final boolean[] dead;
        final int size;
        final int live;

        Snapshot(float[] vectors, long[] rowIds, boolean[] dead, int size, int live) {
            this.vectors = vectors;
            this.rowIds = rowIds;
            this.dead = dead;
            this.size = size;
            this.live = live;
        }
    }

    private final int dim;
    private volatile Snapshot snapshot;

    IvfList(int dim, float[] vectors, long[] rowIds, int size) {
        this.dim = dim;
        this.snapshot = new Snapshot(vectors, rowIds, new boolean[rowIds.length], size, size);
    }

    Snapshot snapshot() {
        return snapshot;
    }

    synchronized void add(long rowId, float[] vector) {
        Snapshot s = snapshot;
        float[] vectors = s.vectors;
        long[] rowIds = s.rowIds;
        boolean[] dead = s.dead;
        if (s.size == rowIds.length) {
            int capacity = Math.max(16, s.size + (s.size >> 1));
            vectors = Arrays.copyOf(vectors, capacity * dim);
            rowIds = Arrays.copyOf(rowIds, capacity);
            dead = Arrays.copyOf(dead, capacity);
        }
        System.arraycopy(vector, 0, vectors, s.size * dim, dim);
        rowIds[s.size] = rowId;
        snapshot = new Snapshot(vectors, rowIds, dead, s.size + 1, s.live + 1);
    }

    /** Marks the row's entry dead; true when it was present. */
    synchronized boolean remove(long rowId) {
        Snapshot s = snapshot;
        for (int i = 0; i < s.size; i++) {
            if (!s.dead[i] && s.rowIds[i] == rowId) {
                s.dead[i] = true;
                int live = s.live - 1;
                if (live * 2 < s.size) {
                    snapshot = compacted(s, live);
                } else {
                    snapshot = new Snapshot(s.vectors, s.rowIds, s.dead, s.size, live);
                }
                return true;
            }
        }
        return false;
    }

    private Snapshot compacted(Snapshot s, int live) {
        int capacity = Math.max(16, live);
        float[] vectors = new float[capacity * dim];
        long[] rowIds = new long[capacity];
        int j = 0;
        for (int i = 0; i < s.size; i++) {
            if (!s.dead[i]) {
                System.arraycopy(s.vectors, i * dim, vectors, j * dim, dim);
                rowIds[j++] = s.rowIds[i];
            }
        }
        return new Snapshot(vectors, rowIds, new boolean[capacity], j, j);
    }

    /** Live entries: count, row ids, vectors (the caller keeps writers out meanwhile). */
    void writeLive(DataOutput out) throws IOException {
        Snapshot s = snapshot;
        if (s.live != s.size) {
            s = compacted(s, s.live);
        }
        out.writeInt(s.size);
        BulkIo.writeLongs(out, s.rowIds, 0, s.size);
        BulkIo.writeFloats(out, s.vectors, 0, s.size * dim);
    }

    /** Reads what {@link #writeLive} wrote. */
    static IvfList readLive(DataInput in, int dim) throws IOException {
        int size = in.readInt();
        if (size < 0 || (long) size * dim > Integer.MAX_VALUE - 8) {
            throw new IOException("ivfflat snapshot has a corrupt list size " + size);
        }
        long[] rowIds = new long[size];
        float[] vectors = new float[size * dim];
        BulkIo.readLongs(in, rowIds, 0, size);
        BulkIo.readFloats(in, vectors, 0, size * dim);
        return new IvfList(dim, vectors, rowIds, size);
    }

    long memoryBytes() {
        Snapshot s = snapshot;
        return 64 + 4L * s.vectors.length + 9L * s.rowIds.length;
    }
}
