package io.pgsight.index.ivfflat;

import io.pgsight.index.internal.BulkIo;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * One inverted list: row ids with their vectors, either copied back to back into one array
 * ({@link Snapshot#vectors}) or, for a list that shares its rows' vectors with their owner,
 * referenced one array a row ({@link Snapshot#rows}, 8 bytes a row instead of 4·dim). Writers
 * synchronise on the list; readers take the current {@link Snapshot} (volatile) and read entries
 * below its size, which writers never change in place except to set a dead flag (and then
 * republish). Removed entries are compacted away once they are half of the list.
 */
final class IvfList {
    static final class Snapshot {
        /** Contiguous vectors (entry i at i·dim), or null when the list references {@link #rows}. */
        final float[] vectors;
        /** One shared, never written vector an entry, or null when the list is contiguous. */
        final float[][] rows;
        final long[] rowIds;
        final boolean[] dead;
        final int size;
        final int live;

        Snapshot(float[] vectors, float[][] rows, long[] rowIds, boolean[] dead, int size, int live) {
            this.vectors = vectors;
            this.rows = rows;
            this.rowIds = rowIds;
            this.dead = dead;
            this.size = size;
            this.live = live;
        }

        /** Entry i's vector and its offset in it. */
        float[] array(int i) {
            return rows != null ? rows[i] : vectors;
        }

        int offset(int i, int dim) {
            return rows != null ? 0 : i * dim;
        }
    }

    private final int dim;
    private volatile Snapshot snapshot;

    /** A contiguous list over {@code vectors} (size·dim floats used). */
    IvfList(int dim, float[] vectors, long[] rowIds, int size) {
        this.dim = dim;
        this.snapshot = new Snapshot(vectors, null, rowIds, new boolean[rowIds.length], size, size);
    }

    /** A list referencing {@code rows} (the first {@code size} used), which nobody may write to. */
    IvfList(int dim, float[][] rows, long[] rowIds, int size) {
        this.dim = dim;
        this.snapshot = new Snapshot(null, rows, rowIds, new boolean[rowIds.length], size, size);
    }

    Snapshot snapshot() {
        return snapshot;
    }

    boolean sharesVectors() {
        return snapshot.rows != null;
    }

    /** Appends an entry: copies {@code vector} into a contiguous list, keeps the reference in a sharing one. */
    synchronized void add(long rowId, float[] vector) {
        Snapshot s = snapshot;
        float[] vectors = s.vectors;
        float[][] rows = s.rows;
        long[] rowIds = s.rowIds;
        boolean[] dead = s.dead;
        if (s.size == rowIds.length) {
            int capacity = Math.max(16, s.size + (s.size >> 1));
            if (rows != null) {
                rows = Arrays.copyOf(rows, capacity);
            } else {
                vectors = Arrays.copyOf(vectors, capacity * dim);
            }
            rowIds = Arrays.copyOf(rowIds, capacity);
            dead = Arrays.copyOf(dead, capacity);
        }
        if (rows != null) {
            rows[s.size] = vector;
        } else {
            System.arraycopy(vector, 0, vectors, s.size * dim, dim);
        }
        rowIds[s.size] = rowId;
        snapshot = new Snapshot(vectors, rows, rowIds, dead, s.size + 1, s.live + 1);
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
                    snapshot = new Snapshot(s.vectors, s.rows, s.rowIds, s.dead, s.size, live);
                }
                return true;
            }
        }
        return false;
    }

    private Snapshot compacted(Snapshot s, int live) {
        int capacity = Math.max(16, live);
        float[] vectors = s.rows != null ? null : new float[capacity * dim];
        float[][] rows = s.rows != null ? new float[capacity][] : null;
        long[] rowIds = new long[capacity];
        int j = 0;
        for (int i = 0; i < s.size; i++) {
            if (!s.dead[i]) {
                if (rows != null) {
                    rows[j] = s.rows[i];
                } else {
                    System.arraycopy(s.vectors, i * dim, vectors, j * dim, dim);
                }
                rowIds[j++] = s.rowIds[i];
            }
        }
        return new Snapshot(vectors, rows, rowIds, new boolean[capacity], j, j);
    }

    /** Live entries: count, row ids, vectors (the caller keeps writers out meanwhile); the same bytes in both forms. */
    void writeLive(DataOutput out) throws IOException {
        Snapshot s = snapshot;
        if (s.live != s.size) {
            s = compacted(s, s.live);
        }
        out.writeInt(s.size);
        BulkIo.writeLongs(out, s.rowIds, 0, s.size);
        if (s.rows != null) {
            for (int i = 0; i < s.size; i++) {
                BulkIo.writeFloats(out, s.rows[i], 0, dim);
            }
        } else {
            BulkIo.writeFloats(out, s.vectors, 0, s.size * dim);
        }
    }

    /** Reads what {@link #writeLive} wrote, into a contiguous list (the image owns its vectors). */
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

    /** Bytes this list holds; shared vectors belong to their owner and count as one reference each. */
    long memoryBytes() {
        Snapshot s = snapshot;
        long entries = s.rows != null ? 8L * s.rows.length : 4L * s.vectors.length;
        return 64 + entries + 9L * s.rowIds.length;
    }
}
