package io.pgsight.index.hnsw;

import io.pgsight.index.distance.IndexDistance;
import io.pgsight.index.internal.BulkIo;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.StampedLock;

/**
 * Storage of an HNSW graph: vectors, row ids, levels and neighbour lists in chunked primitive
 * arrays (no object per node except the upper-layer lists of the ~1/m nodes that have them).
 *
 * <p>Concurrency: node slots are written once before the node is linked; neighbour lists are
 * changed under a striped {@link StampedLock} write lock and read with optimistic reads (copy,
 * then validate), so searches never block on each other and see a consistent list. Seeing a node
 * id in a list read under a validated stamp also makes that node's vector visible (the write that
 * published the id happened after the vector was stored).
 */
final class HnswGraph {
    /**
     * Nodes per chunk = 2^chunkBits, chosen so a chunk's vector array stays near 128 kB: below
     * G1's humongous threshold (half a region, at least 512 kB). Humongous arrays are rounded up
     * to whole regions; with 8192-node chunks that wasted about a third of a 1M-row graph's heap.
     */
    private final int chunkBits;
    private final int chunkSize;
    private final int chunkMask;
    private static final int LOCK_STRIPES = 1 << 12;

    /** Link entries carry this bit when the heuristic pruned them (kept only as refill). */
    static final int PRUNED_BIT = 0x8000_0000;
    static final int NODE_MASK = 0x7FFF_FFFF;

    static final byte DELETED = 1;
    static final byte SHARED_ROWS = 2;

    final int dim;
    final int m;
    final int stride0;      // 1 + 2m ints per node on layer 0
    final int strideUpper;  // 1 + m ints per node and upper layer

    private volatile Chunk[] chunks = new Chunk[0];
    private final StampedLock[] locks = new StampedLock[LOCK_STRIPES];
    /** Extra row ids of elements shared by identical vectors (pgvector keeps up to 10 per element). */
    final ConcurrentHashMap<Integer, long[]> sharedRows = new ConcurrentHashMap<>();

    private static final class Chunk {
        final float[] vectors;
        final long[] rowIds;
        final byte[] levels;
        final byte[] flags;
        final int[] layer0;
        final int[][] upper;
        /**
         * Distance of each layer-0 link to its owner (same slot as in layer0, minus the count), and
         * of each upper-layer link; null once {@link #dropLinkDistances} ran.
         */
        float[] layer0Distances;
        float[][] upperDistances;

        Chunk(int size, int dim, int stride0, boolean withDistances) {
            rowIds = new long[size];
            levels = new byte[size];
            flags = new byte[size];
            upper = new int[size][];
            vectors = new float[size * dim];
            layer0 = new int[size * stride0];
            if (withDistances) {
                upperDistances = new float[size][];
                layer0Distances = new float[size * (stride0 - 1)];
            }
        }
    }

    /** Ranks the links whose distances are measured again once they are no longer stored. */
    private final IndexDistance distance;
    /** False after {@link #dropLinkDistances}: link distances are measured when needed. */
    private volatile boolean storesLinkDistances = true;

    HnswGraph(int dim, int m, IndexDistance distance) {
        this.dim = dim;
        this.distance = distance;
        int bits = 31 - Integer.numberOfLeadingZeros(Math.max(1, 32768 / dim));
        this.chunkBits = Math.max(4, Math.min(12, bits));
        this.chunkSize = 1 << chunkBits;
        this.chunkMask = chunkSize - 1;
        this.m = m;
        this.stride0 = 1 + 2 * m;
        this.strideUpper = 1 + m;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new StampedLock();
        }
    }

    /** Makes room for nodes below {@code count}. */
    void ensureCapacity(int count) {
        if ((long) chunks.length * chunkSize >= count) {
            return;
        }
        synchronized (this) {
            Chunk[] current = chunks;
            int needed = (int) (((long) count + chunkSize - 1) >>> chunkBits);
            if (current.length >= needed) {
                return;
            }
            Chunk[] grown = java.util.Arrays.copyOf(current, needed);
            for (int i = current.length; i < needed; i++) {
                grown[i] = new Chunk(chunkSize, dim, stride0, storesLinkDistances);
            }
            chunks = grown;
        }
    }

    int capacity() {
        return chunks.length * chunkSize;
    }

    /** Stores a node's data before it is linked. */
    void initNode(int node, float[] vector, long rowId, int level) {
        Chunk c = chunks[node >>> chunkBits];
        int local = node & chunkMask;
        System.arraycopy(vector, 0, c.vectors, local * dim, dim);
        c.rowIds[local] = rowId;
        c.levels[local] = (byte) level;
        if (level > 0) {
            c.upper[local] = new int[level * strideUpper];
            float[][] upperDistances = c.upperDistances;
            if (upperDistances != null) {
                upperDistances[local] = new float[level * (strideUpper - 1)];
            }
        }
    }

    float[] vectorChunk(int node) {
        return chunks[node >>> chunkBits].vectors;
    }

    int vectorOffset(int node) {
        return (node & chunkMask) * dim;
    }

    /** Copies a node's vector out (for tests and rebuilds). */
    float[] vector(int node) {
        float[] out = new float[dim];
        System.arraycopy(vectorChunk(node), vectorOffset(node), out, 0, dim);
        return out;
    }

    int level(int node) {
        return chunks[node >>> chunkBits].levels[node & chunkMask];
    }

    long primaryRowId(int node) {
        return chunks[node >>> chunkBits].rowIds[node & chunkMask];
    }

    void setPrimaryRowId(int node, long rowId) {
        chunks[node >>> chunkBits].rowIds[node & chunkMask] = rowId;
    }

    byte flags(int node) {
        return chunks[node >>> chunkBits].flags[node & chunkMask];
    }

    void setFlags(int node, byte flags) {
        chunks[node >>> chunkBits].flags[node & chunkMask] = flags;
    }

    boolean isDeleted(int node) {
        return (flags(node) & DELETED) != 0;
    }

    StampedLock lock(int node) {
        return locks[node & (LOCK_STRIPES - 1)];
    }

    /** Array and base offset of a node's list on a layer: slot [base] is the count. */
    private int[] listArray(int node, int layer) {
        Chunk c = chunks[node >>> chunkBits];
        return layer == 0 ? c.layer0 : c.upper[node & chunkMask];
    }

    private int listBase(int node, int layer) {
        return layer == 0 ? (node & chunkMask) * stride0 : (layer - 1) * strideUpper;
    }

    /** Consistent copy of a node's neighbour ids (flags stripped) into {@code out}; returns the count. */
    int copyNeighbors(int node, int layer, int[] out) {
        int n = copyLinks(node, layer, out);
        for (int i = 0; i < n; i++) {
            out[i] &= NODE_MASK;
        }
        return n;
    }

    /** Consistent copy of a node's raw link entries (with {@link #PRUNED_BIT}); returns the count. */
    int copyLinks(int node, int layer, int[] out) {
        StampedLock lock = lock(node);
        long stamp = lock.tryOptimisticRead();
        int n = copyUnlocked(node, layer, out);
        if (!lock.validate(stamp)) {
            stamp = lock.readLock();
            try {
                n = copyUnlocked(node, layer, out);
            } finally {
                lock.unlockRead(stamp);
            }
        }
        return n;
    }

    /** Copy without locking: only for the holder of the node's write lock. */
    int copyUnlocked(int node, int layer, int[] out) {
        int[] a = listArray(node, layer);
        int base = listBase(node, layer);
        int n = a[base];
        int cap = layer == 0 ? 2 * m : m;
        if (n > cap || n < 0) {
            n = 0; // torn optimistic read; validation will fail and we retry locked
        }
        System.arraycopy(a, base + 1, out, 0, n);
        return n;
    }

    /**
     * Replaces a node's links on a layer with their distances to the node; caller holds the node's
     * write lock (or owns the unpublished node).
     */
    void writeUnlocked(int node, int layer, int[] links, float[] distances, int count) {
        int[] a = listArray(node, layer);
        int base = listBase(node, layer);
        System.arraycopy(links, 0, a, base + 1, count);
        float[] stored = distanceArray(node, layer);
        if (stored != null) {
            System.arraycopy(distances, 0, stored, distanceBase(node, layer), count);
        }
        a[base] = count;
    }

    /**
     * Distances of a node's links to it (valid for the count {@link #copyUnlocked} returned), stored
     * or measured again; write lock held.
     */
    void copyDistancesUnlocked(int node, int layer, int count, float[] out) {
        float[] stored = distanceArray(node, layer);
        if (stored != null) {
            System.arraycopy(stored, distanceBase(node, layer), out, 0, count);
            return;
        }
        int[] a = listArray(node, layer);
        int base = listBase(node, layer);
        float[] v = vectorChunk(node);
        int o = vectorOffset(node);
        for (int i = 0; i < count; i++) {
            int other = a[base + 1 + i] & NODE_MASK;
            out[i] = distance.between(v, o, vectorChunk(other), vectorOffset(other), dim);
        }
    }

    /** The stored distances of a node's list on a layer, or null when they are no longer stored. */
    private float[] distanceArray(int node, int layer) {
        Chunk c = chunks[node >>> chunkBits];
        if (layer == 0) {
            return c.layer0Distances;
        }
        float[][] upperDistances = c.upperDistances;
        return upperDistances == null ? null : upperDistances[node & chunkMask];
    }

    /**
     * Stops storing link distances (a fifth of a 1M x 80 graph's heap at m = 16): a bulk build
     * re-reads them for every reverse link it adds, later single inserts measure the few they need
     * again. Call while no insert runs (at the end of a build or restore).
     */
    void dropLinkDistances() {
        storesLinkDistances = false;
        for (Chunk c : chunks) {
            c.layer0Distances = null;
            c.upperDistances = null;
        }
    }

    boolean storesLinkDistances() {
        return storesLinkDistances;
    }

    private int distanceBase(int node, int layer) {
        return layer == 0 ? (node & chunkMask) * (stride0 - 1) : (layer - 1) * (strideUpper - 1);
    }

    /**
     * Writes nodes {@code [0, count)}: per chunk its vectors, row ids, levels and flags, layer-0
     * link counts then the links, then the upper-layer lists of the nodes that have them (link
     * distances are not written: a restored graph does not store them). The caller keeps writers out.
     */
    void write(java.io.DataOutput out, int count) throws java.io.IOException {
        int[] links = new int[chunkSize * (stride0 - 1)];
        int[] counts = new int[chunkSize];
        for (int base = 0; base < count; base += chunkSize) {
            Chunk c = chunks[base >>> chunkBits];
            int n = Math.min(chunkSize, count - base);
            BulkIo.writeFloats(out, c.vectors, 0, n * dim);
            BulkIo.writeLongs(out, c.rowIds, 0, n);
            out.write(c.levels, 0, n);
            out.write(c.flags, 0, n);
            int total = 0;
            for (int i = 0; i < n; i++) {
                int k = c.layer0[i * stride0];
                counts[i] = k;
                System.arraycopy(c.layer0, i * stride0 + 1, links, total, k);
                total += k;
            }
            BulkIo.writeInts(out, counts, 0, n);
            BulkIo.writeInts(out, links, 0, total);
            for (int i = 0; i < n; i++) {
                int level = c.levels[i];
                if (level > 0) {
                    BulkIo.writeInts(out, c.upper[i], 0, level * strideUpper);
                }
            }
        }
    }

    /**
     * Reads what {@link #write} wrote into an empty graph of the same shape that no longer stores
     * link distances; {@code withDistances} reads (and skips) the link distances format 1 carried.
     */
    void read(java.io.DataInput in, int count, boolean withDistances) throws java.io.IOException {
        dropLinkDistances();
        ensureCapacity(count);
        int[] links = new int[chunkSize * (stride0 - 1)];
        float[] distances = new float[chunkSize * (stride0 - 1)];
        int[] counts = new int[chunkSize];
        for (int base = 0; base < count; base += chunkSize) {
            Chunk c = chunks[base >>> chunkBits];
            int n = Math.min(chunkSize, count - base);
            BulkIo.readFloats(in, c.vectors, 0, n * dim);
            BulkIo.readLongs(in, c.rowIds, 0, n);
            in.readFully(c.levels, 0, n);
            in.readFully(c.flags, 0, n);
            BulkIo.readInts(in, counts, 0, n);
            int total = 0;
            for (int i = 0; i < n; i++) {
                if (counts[i] < 0 || counts[i] > stride0 - 1) {
                    throw new java.io.IOException("corrupt HNSW snapshot: " + counts[i] + " links");
                }
                total += counts[i];
            }
            BulkIo.readInts(in, links, 0, total);
            if (withDistances) {
                BulkIo.readFloats(in, distances, 0, total);
            }
            int at = 0;
            for (int i = 0; i < n; i++) {
                int k = counts[i];
                c.layer0[i * stride0] = k;
                System.arraycopy(links, at, c.layer0, i * stride0 + 1, k);
                at += k;
            }
            for (int i = 0; i < n; i++) {
                int level = c.levels[i];
                if (level > 0) {
                    c.upper[i] = new int[level * strideUpper];
                    BulkIo.readInts(in, c.upper[i], 0, level * strideUpper);
                    if (withDistances) {
                        BulkIo.readFloats(in, new float[level * (strideUpper - 1)], 0, level * (strideUpper - 1));
                    }
                } else if (level < 0) {
                    throw new java.io.IOException("corrupt HNSW snapshot: level " + level);
                }
            }
        }
    }

    /** Approximate heap bytes of the storage. */
    long memoryBytes() {
        Chunk[] cs = chunks;
        boolean distances = storesLinkDistances;
        long perChunk = (long) chunkSize * (4L * dim + 8 + 1 + 1 + 4L * stride0 + (distances ? 4L * (stride0 - 1) + 4 : 0)
                + 4 /* upper refs */) + 128;
        long total = perChunk * cs.length;
        for (Chunk c : cs) {
            for (int[] u : c.upper) {
                if (u != null) {
                    total += distances ? 32 + 8L * u.length : 16 + 4L * u.length;
                }
            }
        }
        return total;
    }
}
