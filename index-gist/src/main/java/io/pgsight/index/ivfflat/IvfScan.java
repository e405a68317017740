package io.pgsight.index.ivfflat;

import io.pgsight.index.NeighborIterator;
import io.pgsight.index.distance.IndexDistance;

import java.util.Arrays;

/**
 * One IVFFlat scan: lists are read in batches of {@code probes} (nearest lists first). A batch's
 * distances are computed in one pass into a flat array; rows are then handed out in ascending
 * distance in chunks (16 first, doubling), each chunk chosen by one threshold pass over the array,
 * so a {@code LIMIT 10} query pays one bounded selection instead of ordering every candidate.
 * Later batches (iterative scans) may return rows closer than earlier ones: pgvector's relaxed
 * order. With {@code parallel} (pase, whose scan runs on OpenMP threads), a large batch's lists are
 * measured on the common fork-join pool as well as the caller. Not thread-safe (one scan, one consumer).
 */
final class IvfScan implements NeighborIterator {
    private static final int FIRST_CHUNK = 16;
    private static final int MAX_CHUNK = 8192;
    /** Candidates below which splitting a batch across threads costs more than it saves. */
    private static final int PARALLEL_MIN_ROWS = 16_384;

    private final IvfList[] lists;
    private final int dim;
    private final IndexDistance distance;
    private final float[] query;
    private final boolean nullQuery;
    private final boolean nanDistances;
    private final int[] order;
    private final int probes;
    private final Runnable cancelCheck;
    private final boolean parallel;
    private int nextList;

    // the current batch: candidate distances and row ids, dead entries left out
    private float[] batchDistances = new float[0];
    private long[] batchRows = new long[0];
    private int batchSize;
    private int batchRemaining;
    // the current chunk: keys (sortable distance bits << 32 | batch position), ascending
    private long[] chunk = new long[FIRST_CHUNK];
    private int chunkSize;
    private int chunkPos;
    private int chunkCap = FIRST_CHUNK;
    private long lastKey = Long.MIN_VALUE;

    private long currentRow;
    private float currentDistance;

    IvfScan(IvfList[] lists, int dim, IndexDistance distance, float[] query, boolean nullQuery, boolean nanDistances,
            int[] order, int probes, Runnable cancelCheck, boolean parallel) {
        this.parallel = parallel;
        this.lists = lists;
        this.dim = dim;
        this.distance = distance;
        this.query = query;
        this.nullQuery = nullQuery;
        this.nanDistances = nanDistances;
        this.order = order;
        this.probes = probes;
        this.cancelCheck = cancelCheck;
    }

    /** Reads the next batch of lists that has at least one live row; false when none is left. */
    private boolean loadBatch() {
        batchSize = 0;
        while (batchSize == 0 && nextList < order.length) {
            cancelCheck.run();
            int end = Math.min(order.length, nextList + probes);
            IvfList.Snapshot[] snapshots = new IvfList.Snapshot[end - nextList];
            int capacity = 0;
            for (int j = 0; j < snapshots.length; j++) {
                snapshots[j] = lists[order[nextList + j]].snapshot();
                capacity += snapshots[j].live;
            }
            nextList = end;
            if (batchDistances.length < capacity) {
                batchDistances = new float[capacity];
                batchRows = new long[capacity];
            }
            if (parallel && query != null && capacity >= PARALLEL_MIN_ROWS && snapshots.length > 1
                    && allLive(snapshots)) {
                batchSize = appendAllParallel(snapshots);
            } else {
                int n = 0;
                for (IvfList.Snapshot s : snapshots) {
                    n = s.live == s.size ? appendAll(s, n) : appendLive(s, n, capacity);
                }
                batchSize = n;
            }
        }
        batchRemaining = batchSize;
        lastKey = Long.MIN_VALUE;
        chunkCap = FIRST_CHUNK;
        return batchSize > 0;
    }

    private static boolean allLive(IvfList.Snapshot[] snapshots) {
        for (IvfList.Snapshot s : snapshots) {
            if (s.live != s.size) {
                return false;
            }
        }
        return true;
    }

    /** Every row of every list; each list's distances written to its own range by whichever thread takes it. */
    private int appendAllParallel(IvfList.Snapshot[] snapshots) {
        int[] offsets = new int[snapshots.length];
        int n = 0;
        for (int j = 0; j < snapshots.length; j++) {
            offsets[j] = n;
            System.arraycopy(snapshots[j].rowIds, 0, batchRows, n, snapshots[j].size);
            n += snapshots[j].size;
        }
        float[] out = batchDistances;
        java.util.stream.IntStream.range(0, snapshots.length).parallel().forEach(j ->
                distance.toMany(query, snapshots[j].vectors, snapshots[j].size, dim, out, offsets[j]));
        return n;
    }

    private int appendAll(IvfList.Snapshot s, int n) {
        System.arraycopy(s.rowIds, 0, batchRows, n, s.size);
        if (query == null) {
            Arrays.fill(batchDistances, n, n + s.size, 0f);
        } else {
            distance.toMany(query, s.vectors, s.size, dim, batchDistances, n);
        }
        return n + s.size;
    }

    /** Lists with removed entries: live ones only (a concurrent remove may leave fewer than counted). */
    private int appendLive(IvfList.Snapshot s, int n, int capacity) {
        for (int i = 0; i < s.size && n < capacity; i++) {
            if (s.dead[i]) {
                continue;
            }
            batchRows[n] = s.rowIds[i];
            batchDistances[n] = query == null ? 0f : distance.between(query, 0, s.vectors, i * dim, dim);
            n++;
        }
        return n;
    }

    private static long key(float d, int position) {
        return ((long) IvfFlatIndex.sortableBits(d) << 32) | position;
    }

    /**
     * Chooses the next chunk: the smallest keys above {@link #lastKey}, with a max-heap of the
     * chunk's size that most candidates fail to enter at the first comparison.
     */
    private void selectChunk() {
        int size = Math.min(chunkCap, batchRemaining);
        chunkCap = Math.min(MAX_CHUNK, chunkCap * 2);
        if (chunk.length < size) {
            chunk = new long[Math.max(size, chunk.length * 2)];
        }
        long[] heap = chunk;
        float[] d = batchDistances;
        long floor = lastKey;
        int filled = 0;
        if (size == batchRemaining) {
            for (int i = 0; i < batchSize; i++) {
                long k = key(d[i], i);
                if (k > floor) {
                    heap[filled++] = k;
                }
            }
        } else {
            for (int i = 0; i < batchSize; i++) {
                long k = key(d[i], i);
                if (k <= floor) {
                    continue;
                }
                if (filled < size) {
                    siftUp(heap, filled++, k);
                } else if (k < heap[0]) {
                    siftDown(heap, size, k);
                }
            }
        }
        Arrays.sort(heap, 0, filled);
        chunkSize = filled;
        chunkPos = 0;
        batchRemaining -= filled;
        lastKey = heap[filled - 1];
    }

    /** Max-heap insert of {@code k} at slot {@code i}. */
    private static void siftUp(long[] heap, int i, long k) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (heap[parent] >= k) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = k;
    }

    /** Replaces the max-heap's top with {@code k}. */
    private static void siftDown(long[] heap, int size, long k) {
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && heap[right] > heap[child]) {
                child = right;
            }
            if (heap[child] <= k) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = k;
    }

    @Override
    public boolean next() {
        if (chunkPos == chunkSize) {
            if (batchRemaining == 0 && !loadBatch()) {
                return false;
            }
            selectChunk();
        }
        int position = (int) chunk[chunkPos++];
        currentRow = batchRows[position];
        float d = batchDistances[position];
        currentDistance = nanDistances ? Float.NaN : (nullQuery ? 0f : distance.reported(d));
        return true;
    }

    @Override
    public long rowId() {
        return currentRow;
    }

    @Override
    public float distance() {
        return currentDistance;
    }
}
