package io.pgsight.index.ivfflat;

import io.pgsight.index.internal.BulkIo;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * One inverted list: row ids and vectors stored contiguously, each vector split in two arrays, its
 * first {@link #headWidth} dimensions in {@code head} and the rest in {@code tail}. A squared-L2
 * scan streams only the heads (one 64-byte line a row at 16 dimensions) and reads a row's tail
 * only when its head's partial sum could still place it among the nearest: on clustered data most
 * rows of a probed list stop there, so the scan reads a fifth of the bytes (it is memory-bound).
 * Writers synchronise on the list; readers take the current {@link Snapshot} (volatile) and read
 * entries below its size, which writers never change in place except to set a dead flag (and then
 * republish). Removed entries are compacted away once they are half of the list.
 */
final class IvfList {
    /** Dimensions below which a vector is kept whole (all head): a split would read no fewer lines. */
    private static final int MIN_SPLIT_DIMENSIONS = 32;
    private static final int HEAD = 16;

    static final class Snapshot {
        final float[] head;
        final float[] tail;
        final long[] rowIds;
        final boolean[] dead;
        final int size;
        final int live;

        Snapshot(float[] head, float[] tail, long[] rowIds, boolean[] dead, int size, int live) {
            this.head = head;
            this.tail = tail;
            this.rowIds = rowIds;
            this.dead = dead;
            this.size = size;
            this.live = live;
        }
    }

    private final int dim;
    private final int headWidth;
    private final int tailWidth;
    private volatile Snapshot snapshot;

    /** A list over split storage ({@code size} rows; arrays may have spare capacity). */
    IvfList(int dim, float[] head, float[] tail, long[] rowIds, int size) {
        this.dim = dim;
        this.headWidth = headWidth(dim);
        this.tailWidth = dim - headWidth;
        this.snapshot = new Snapshot(head, tail, rowIds, new boolean[rowIds.length], size, size);
    }

    /** Leading dimensions stored in a list's head array. */
    static int headWidth(int dim) {
        return dim >= MIN_SPLIT_DIMENSIONS ? HEAD : dim;
    }

    /** An empty list with room for {@code capacity} rows, filled by {@link #put} before it is shared. */
    static IvfList withCapacity(int dim, int capacity) {
        int h = headWidth(dim);
        return new IvfList(dim, new float[capacity * h], new float[capacity * (dim - h)], new long[capacity], 0);
    }

    Snapshot snapshot() {
        return snapshot;
    }

    /** Copies {@code vector} into row slot {@code at} of these arrays. */
    private void store(float[] head, float[] tail, int at, float[] vector) {
        store(head, tail, at, vector, 0);
    }

    /** Copies the vector at {@code from} in {@code source} into row slot {@code at} of these arrays. */
    private void store(float[] head, float[] tail, int at, float[] source, int from) {
        System.arraycopy(source, from, head, at * headWidth, headWidth);
        System.arraycopy(source, from + headWidth, tail, at * tailWidth, tailWidth);
    }

    /** The stored vector of row slot {@code i} (tests and snapshots). */
    float[] vector(Snapshot s, int i) {
        float[] v = new float[dim];
        System.arraycopy(s.head, i * headWidth, v, 0, headWidth);
        System.arraycopy(s.tail, i * tailWidth, v, headWidth, tailWidth);
        return v;
    }

    /** Build-time fill of an unshared list: no snapshot is republished per row. */
    void put(int at, long rowId, float[] vector) {
        Snapshot s = snapshot;
        store(s.head, s.tail, at, vector);
        s.rowIds[at] = rowId;
    }

    /** Ends a build-time fill of {@code size} rows. */
    void filled(int size) {
        Snapshot s = snapshot;
        snapshot = new Snapshot(s.head, s.tail, s.rowIds, s.dead, size, size);
    }

    synchronized void add(long rowId, float[] vector) {
        Snapshot s = snapshot;
        float[] head = s.head;
        float[] tail = s.tail;
        long[] rowIds = s.rowIds;
        boolean[] dead = s.dead;
        if (s.size == rowIds.length) {
            int capacity = Math.max(16, s.size + (s.size >> 1));
            head = Arrays.copyOf(head, capacity * headWidth);
            tail = Arrays.copyOf(tail, capacity * tailWidth);
            rowIds = Arrays.copyOf(rowIds, capacity);
            dead = Arrays.copyOf(dead, capacity);
        }
        store(head, tail, s.size, vector);
        rowIds[s.size] = rowId;
        snapshot = new Snapshot(head, tail, rowIds, dead, s.size + 1, s.live + 1);
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
                    snapshot = new Snapshot(s.head, s.tail, s.rowIds, s.dead, s.size, live);
                }
                return true;
            }
        }
        return false;
    }

    private Snapshot compacted(Snapshot s, int live) {
        int capacity = Math.max(16, live);
        float[] head = new float[capacity * headWidth];
        float[] tail = new float[capacity * tailWidth];
        long[] rowIds = new long[capacity];
        int j = 0;
        for (int i = 0; i < s.size; i++) {
            if (!s.dead[i]) {
                System.arraycopy(s.head, i * headWidth, head, j * headWidth, headWidth);
                System.arraycopy(s.tail, i * tailWidth, tail, j * tailWidth, tailWidth);
                rowIds[j++] = s.rowIds[i];
            }
        }
        return new Snapshot(head, tail, rowIds, new boolean[capacity], j, j);
    }

    /** Rows moved through one buffer at a time when writing or reading the whole-vector format. */
    private static final int IO_ROWS = 1024;

    /**
     * Live entries: count, row ids, vectors whole and back to back (the format predates the split,
     * so older snapshots still load). The caller keeps writers out meanwhile.
     */
    void writeLive(DataOutput out) throws IOException {
        Snapshot s = snapshot;
        if (s.live != s.size) {
            s = compacted(s, s.live);
        }
        out.writeInt(s.size);
        BulkIo.writeLongs(out, s.rowIds, 0, s.size);
        float[] rows = new float[Math.min(IO_ROWS, Math.max(1, s.size)) * dim];
        for (int from = 0; from < s.size; from += IO_ROWS) {
            int count = Math.min(IO_ROWS, s.size - from);
            for (int r = 0; r < count; r++) {
                System.arraycopy(s.head, (from + r) * headWidth, rows, r * dim, headWidth);
                System.arraycopy(s.tail, (from + r) * tailWidth, rows, r * dim + headWidth, tailWidth);
            }
            BulkIo.writeFloats(out, rows, 0, count * dim);
        }
    }

    /** Reads what {@link #writeLive} wrote. */
    static IvfList readLive(DataInput in, int dim) throws IOException {
        int size = in.readInt();
        if (size < 0 || (long) size * dim > Integer.MAX_VALUE - 8) {
            throw new IOException("ivfflat snapshot has a corrupt list size " + size);
        }
        long[] rowIds = new long[size];
        BulkIo.readLongs(in, rowIds, 0, size);
        int h = headWidth(dim);
        IvfList list = new IvfList(dim, new float[size * h], new float[size * (dim - h)], rowIds, 0);
        Snapshot s = list.snapshot;
        float[] rows = new float[Math.min(IO_ROWS, Math.max(1, size)) * dim];
        for (int from = 0; from < size; from += IO_ROWS) {
            int count = Math.min(IO_ROWS, size - from);
            BulkIo.readFloats(in, rows, 0, count * dim);
            for (int r = 0; r < count; r++) {
                list.store(s.head, s.tail, from + r, rows, r * dim);
            }
        }
        list.filled(size);
        return list;
    }

    long memoryBytes() {
        Snapshot s = snapshot;
        return 64 + 4L * (s.head.length + s.tail.length) + 9L * s.rowIds.length;
    }
}
