package io.pgsight.index.ivfflat;

import io.pgsight.index.NeighborIterator;
import io.pgsight.index.distance.DistanceKernels;
import io.pgsight.index.distance.IndexDistance;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One IVFFlat scan: lists are read in batches of {@code probes} (nearest lists first). A batch's
 * distances are computed in one pass into a flat array; rows are then handed out in ascending
 * distance in chunks (16 first, doubling), each chunk chosen by one threshold pass over the array,
 * so a {@code LIMIT 10} query pays one bounded selection instead of ordering every candidate.
 * Later batches (iterative scans) may return rows closer than earlier ones: pgvector's relaxed
 * order.
 *
 * <p>For squared L2 the pass streams only the lists' heads (see {@link IvfList}) and reads a row's
 * tail only when its partial sum does not exceed the 16th-best whole distance found so far; a row
 * that does cannot be in the first chunk, so it keeps its partial sum (stored negated) and is
 * measured whole only if the consumer reads past the first chunk. With {@code parallel} (pase, whose
 * scan runs on OpenMP threads) a large batch is split in pieces taken in list order by the caller
 * and the common fork-join pool, which share the best bound found. Not thread-safe (one scan, one consumer).
 */
final class IvfScan implements NeighborIterator {
    private static final int FIRST_CHUNK = 16;
    private static final int MAX_CHUNK = 8192;
    /** Candidates below which splitting a batch across threads costs more than it saves. */
    private static final int PARALLEL_MIN_ROWS = 16_384;
    /** Rows whose head sums one kernel call measures before the bound is consulted. */
    private static final int BLOCK = 256;
    /** Rows a parallel worker takes at a time. */
    private static final int PIECE = 8192;
    /** One-thread batches below this many rows are measured whole (-Dpgsight.ivf.pruneMinRows, for comparisons). */
    private static final int PRUNE_MIN_ROWS = Integer.getInteger("pgsight.ivf.pruneMinRows", 0);

    private final IvfList[] lists;
    private final int headWidth;
    private final int tailWidth;
    private final IndexDistance distance;
    private final float[] query;
    private final boolean nullQuery;
    private final boolean nanDistances;
    private final int[] order;
    private final int probes;
    private final Runnable cancelCheck;
    private final boolean parallel;
    private final boolean prune;
    private int nextList;

    // the current batch: candidate distances, dead entries left out; list j's entries are
    // positions batchStarts[j] to batchStarts[j + 1], at list slot p - batchStarts[j] when the
    // list was fully live, else at slotOf[p]. Row ids are read from the lists for returned rows only.
    private final ScanBuffers buffers;
    private final Scratch scratch = new Scratch();
    private float[] batchDistances = new float[0];
    private int[] slotOf = new int[0];
    private IvfList.Snapshot[] batchLists;
    private int[] batchStarts;
    private boolean[] batchContiguous;
    private int batchSize;
    private int batchRemaining;
    /** Some entries of the batch hold a negated partial sum instead of their distance. */
    private boolean anyPartial;
    /**
     * The batch's first chunk when the measuring pass found it (squared L2: the bounds' keys), so
     * that no pass over every candidate is needed for it; null otherwise.
     */
    private long[] firstKeys;
    // the current chunk: keys (sortable distance bits << 32 | batch position), ascending
    private long[] chunk = new long[FIRST_CHUNK];
    private int chunkSize;
    private int chunkPos;
    private int chunkCap = FIRST_CHUNK;
    private long lastKey = Long.MIN_VALUE;

    private long currentRow;
    private float currentDistance;

    IvfScan(IvfList[] lists, int dim, IndexDistance distance, float[] query, boolean nullQuery, boolean nanDistances,
            int[] order, int probes, Runnable cancelCheck, boolean parallel, ScanBuffers buffers) {
        this.buffers = buffers;
        this.parallel = parallel;
        this.lists = lists;
        this.headWidth = IvfList.headWidth(dim);
        this.tailWidth = dim - headWidth;
        this.distance = distance;
        this.query = query;
        this.nullQuery = nullQuery;
        this.nanDistances = nanDistances;
        this.order = order;
        this.probes = probes;
        this.cancelCheck = cancelCheck;
        this.prune = query != null && distance.partialSumsBound();
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
                buffers.give(batchDistances);
                batchDistances = buffers.take(capacity);
            }
            batchSize = collectRows(snapshots, capacity);
            anyPartial = false;
            firstKeys = null;
            if (query == null) {
                Arrays.fill(batchDistances, 0, batchSize, 0f);
            } else if (!prune) {
                measureWhole();
            } else if (parallel && batchSize >= PARALLEL_MIN_ROWS) {
                measureParallel();
            } else {
                boolean bounded = batchSize >= PRUNE_MIN_ROWS;
                TopBound top = new TopBound(bounded ? FIRST_CHUNK : 0);
                for (int j = 0; j < snapshots.length; j++) {
                    anyPartial |= measure(j, batchStarts[j], batchStarts[j + 1], top, null, scratch);
                }
                firstKeys = bounded ? top.sortedKeys() : null;
            }
        }
        batchRemaining = batchSize;
        lastKey = Long.MIN_VALUE;
        chunkCap = FIRST_CHUNK;
        return batchSize > 0;
    }

    /** Positions of the batch's live entries, in list order; returns their count. */
    private int collectRows(IvfList.Snapshot[] snapshots, int capacity) {
        batchLists = snapshots;
        batchStarts = new int[snapshots.length + 1];
        batchContiguous = new boolean[snapshots.length];
        int n = 0;
        for (int j = 0; j < snapshots.length; j++) {
            IvfList.Snapshot s = snapshots[j];
            batchStarts[j] = n;
            if (s.live == s.size) {
                batchContiguous[j] = true;
                n += s.size;
                continue;
            }
            if (slotOf.length < capacity) {
                slotOf = new int[capacity];
            }
            // a concurrent remove may leave fewer live entries than counted, never more
            for (int i = 0; i < s.size && n < capacity; i++) {
                if (!s.dead[i]) {
                    slotOf[n++] = i;
                }
            }
        }
        batchStarts[snapshots.length] = n;
        return n;
    }

    private int slot(int j, int position) {
        return batchContiguous[j] ? position - batchStarts[j] : slotOf[position];
    }

    /** The batch list holding {@code position}: the last one starting at or before it. */
    private int listOf(int position) {
        int lo = 0;
        int hi = batchLists.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (batchStarts[mid] <= position) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Every entry measured whole (metrics whose partial sums bound nothing). */
    private void measureWhole() {
        for (int j = 0; j < batchLists.length; j++) {
            IvfList.Snapshot s = batchLists[j];
            for (int p = batchStarts[j]; p < batchStarts[j + 1]; p++) {
                int i = slot(j, p);
                batchDistances[p] = distance.betweenSplit(query, s.head, i * headWidth, headWidth, s.tail,
                        i * tailWidth, tailWidth);
            }
        }
    }

    /**
     * Squared L2 of list {@code j}'s entries at positions {@code from} to {@code to}: head sums in
     * blocks, then the tails of the rows whose head sum does not exceed the bound (the 16th best
     * whole distance in {@code top}, or the tighter {@code shared} one), four at a time. Blocks
     * stay small until there is a bound. True when some entry kept only its negated head sum.
     */
    private boolean measure(int j, int from, int to, TopBound top, SharedBound shared, Scratch scratch) {
        IvfList.Snapshot s = batchLists[j];
        float[] d = batchDistances;
        boolean contiguous = batchContiguous[j];
        boolean partial = false;
        int[] survivors = scratch.survivors;
        float[] tails = scratch.tails;
        float bound = shared == null ? top.bound() : Math.min(top.bound(), shared.get());
        for (int p = from; p < to; ) {
            int count = Math.min(bound == Float.POSITIVE_INFINITY ? FIRST_CHUNK : BLOCK, to - p);
            if (contiguous) {
                DistanceKernels.l2SquaredMany(query, s.head, p - batchStarts[j], count, headWidth, d, p);
            } else {
                for (int q = p; q < p + count; q++) {
                    // the batch kernel for one row: the same sum as it gives a row of a contiguous list
                    DistanceKernels.l2SquaredMany(query, s.head, slotOf[q], 1, headWidth, d, q);
                }
            }
            int n = 0;
            for (int q = p; q < p + count; q++) {
                float head = d[q];
                if (head > bound) {
                    d[q] = -head; // > bound >= 0, so negative: marks a partial sum
                    partial = true;
                } else {
                    survivors[n++] = q;
                }
            }
            tails(s, j, survivors, n, tails);
            for (int k = 0; k < n; k++) {
                int q = survivors[k];
                float whole = d[q] + tails[k];
                d[q] = whole;
                top.offer(key(whole, q));
            }
            if (shared != null) {
                shared.lower(top.bound());
                bound = Math.min(top.bound(), shared.get());
            } else {
                bound = top.bound();
            }
            p += count;
        }
        return partial;
    }

    /** A block's surviving positions and their tail sums: one per thread measuring, reused across lists. */
    private static final class Scratch {
        final int[] survivors = new int[BLOCK];
        final float[] tails = new float[BLOCK];
    }

    /** Tail sums of the entries at {@code positions[0..n)} of list {@code j}, four at a time. */
    private void tails(IvfList.Snapshot s, int j, int[] positions, int n, float[] out) {
        if (tailWidth == 0) {
            Arrays.fill(out, 0, n, 0f);
            return;
        }
        int k = 0;
        for (; k + 4 <= n; k += 4) {
            DistanceKernels.l2SquaredFour(query, headWidth, s.tail, slot(j, positions[k]) * tailWidth,
                    slot(j, positions[k + 1]) * tailWidth, slot(j, positions[k + 2]) * tailWidth,
                    slot(j, positions[k + 3]) * tailWidth, tailWidth, out, k);
        }
        for (; k < n; k++) {
            out[k] = tail(s, slot(j, positions[k]));
        }
    }

    private float tail(IvfList.Snapshot s, int slot) {
        return tailWidth == 0 ? 0f : DistanceKernels.l2Squared(query, headWidth, s.tail, slot * tailWidth, tailWidth);
    }

    /**
     * The batch in pieces of {@link #PIECE} entries, taken in list order (nearest lists first, so
     * the bound tightens early) by the caller and one fork-join task per spare pool thread.
     */
    private void measureParallel() {
        int pieces = 0;
        for (int j = 0; j < batchLists.length; j++) {
            pieces += (batchStarts[j + 1] - batchStarts[j] + PIECE - 1) / PIECE;
        }
        int[] pieceList = new int[pieces];
        int[] pieceFrom = new int[pieces];
        int at = 0;
        for (int j = 0; j < batchLists.length; j++) {
            for (int p = batchStarts[j]; p < batchStarts[j + 1]; p += PIECE) {
                pieceList[at] = j;
                pieceFrom[at++] = p;
            }
        }
        AtomicInteger next = new AtomicInteger();
        SharedBound shared = new SharedBound();
        AtomicBoolean partial = new AtomicBoolean();
        java.util.List<TopBound> tops = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        Runnable worker = () -> {
            TopBound top = new TopBound(FIRST_CHUNK);
            Scratch own = new Scratch();
            boolean any = false;
            for (int u = next.getAndIncrement(); u < pieceList.length; u = next.getAndIncrement()) {
                int j = pieceList[u];
                any |= measure(j, pieceFrom[u], Math.min(batchStarts[j + 1], pieceFrom[u] + PIECE), top, shared, own);
            }
            if (any) {
                partial.set(true);
            }
            tops.add(top);
        };
        int helpers = Math.min(ForkJoinPool.getCommonPoolParallelism(), pieces - 1);
        Helper[] started = new Helper[Math.max(0, helpers)];
        for (int h = 0; h < started.length; h++) {
            started[h] = new Helper(worker);
            ForkJoinPool.commonPool().execute(started[h]);
        }
        worker.run();
        for (Helper h : started) {
            h.awaitOrDisown();
        }
        anyPartial = partial.get();
        // every row among the batch's first FIRST_CHUNK is among its worker's FIRST_CHUNK best
        TopBound first = new TopBound(FIRST_CHUNK);
        for (TopBound top : tops) {
            for (long k : top.sortedKeys()) {
                first.offer(k);
            }
        }
        firstKeys = first.sortedKeys();
    }

    /**
     * A worker on the common pool that runs only if it starts before the caller has finished:
     * the caller either waits for a started one or claims an unstarted one, so it never waits for
     * the pool to get round to a task that would find nothing left to do.
     */
    private static final class Helper extends ForkJoinTask<Void> {
        private final Runnable work;
        private final AtomicBoolean claimed = new AtomicBoolean();

        Helper(Runnable work) {
            this.work = work;
        }

        @Override
        protected boolean exec() {
            if (claimed.compareAndSet(false, true)) {
                work.run();
            }
            return true;
        }

        void awaitOrDisown() {
            if (!claimed.compareAndSet(false, true)) {
                join();
            }
        }

        @Override
        public Void getRawResult() {
            return null;
        }

        @Override
        protected void setRawResult(Void value) {
        }
    }

    /** The lowest bound any worker has found (float bits; non-negative floats order as their bits). */
    private static final class SharedBound {
        private final AtomicInteger bits = new AtomicInteger(Float.floatToIntBits(Float.POSITIVE_INFINITY));

        float get() {
            return Float.intBitsToFloat(bits.get());
        }

        void lower(float bound) {
            int b = Float.floatToIntBits(bound);
            int current = bits.get();
            while (bound >= 0 && b < current && !bits.compareAndSet(current, b)) {
                current = bits.get();
            }
        }
    }

    /** Replaces every negated partial sum by the entry's whole distance (the consumer reads past the first chunk). */
    private void completePartials() {
        float[] d = batchDistances;
        for (int j = 0; j < batchLists.length; j++) {
            IvfList.Snapshot s = batchLists[j];
            for (int p = batchStarts[j]; p < batchStarts[j + 1]; p++) {
                if (d[p] < 0) {
                    d[p] = -d[p] + tail(s, slot(j, p));
                }
            }
        }
        anyPartial = false;
    }

    private static long key(float d, int position) {
        return ((long) IvfFlatIndex.sortableBits(d) << 32) | position;
    }

    /**
     * Chooses the next chunk: the smallest keys above {@link #lastKey}, with a max-heap of the
     * chunk's size that most candidates fail to enter at the first comparison. The first chunk
     * leaves out partial sums: each exceeds the 16th best whole distance, so none belongs there.
     */
    private void selectChunk() {
        boolean firstChunk = lastKey == Long.MIN_VALUE && chunkCap == FIRST_CHUNK;
        if (firstChunk && firstKeys != null && firstKeys.length > 0) {
            takeFirstKeys();
            return;
        }
        if (anyPartial && !firstChunk) {
            completePartials();
        }
        boolean skipPartial = anyPartial;
        int size = Math.min(chunkCap, batchRemaining);
        chunkCap = Math.min(MAX_CHUNK, chunkCap * 2);
        if (chunk.length < size) {
            chunk = new long[Math.max(size, chunk.length * 2)];
        }
        long[] heap = chunk;
        float[] d = batchDistances;
        long floor = lastKey;
        int filled = 0;
        if (size == batchRemaining && !skipPartial) {
            for (int i = 0; i < batchSize; i++) {
                long k = key(d[i], i);
                if (k > floor) {
                    heap[filled++] = k;
                }
            }
        } else {
            for (int i = 0; i < batchSize; i++) {
                if (skipPartial && d[i] < 0) {
                    continue;
                }
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

    /** The first chunk as the measuring pass found it. */
    private void takeFirstKeys() {
        int size = firstKeys.length; // at most FIRST_CHUNK, and every row when the batch has fewer
        chunkCap = Math.min(MAX_CHUNK, chunkCap * 2);
        if (chunk.length < size) {
            chunk = new long[Math.max(size, chunk.length * 2)];
        }
        System.arraycopy(firstKeys, 0, chunk, 0, size);
        chunkSize = size;
        chunkPos = 0;
        batchRemaining -= size;
        lastKey = firstKeys[size - 1];
        firstKeys = null;
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
        if (batchDistances == null) {
            return false; // closed
        }
        if (chunkPos == chunkSize) {
            if (batchRemaining == 0 && !loadBatch()) {
                close();
                return false;
            }
            selectChunk();
        }
        int position = (int) chunk[chunkPos++];
        int j = listOf(position);
        currentRow = batchLists[j].rowIds[slot(j, position)];
        float d = batchDistances[position];
        currentDistance = nanDistances ? Float.NaN : (nullQuery ? 0f : distance.reported(d));
        return true;
    }

    @Override
    public long rowId() {
        return currentRow;
    }

    @Override
    public void close() {
        buffers.give(batchDistances);
        batchDistances = null;
    }

    @Override
    public float distance() {
        return currentDistance;
    }
}
