package io.pgsight.index.hnsw;

import io.pgsight.index.BuildProgress;
import io.pgsight.index.Metric;
import io.pgsight.index.NeighborIterator;
import io.pgsight.index.SearchOptions;
import io.pgsight.index.VectorIndex;
import io.pgsight.index.distance.IndexDistance;
import io.pgsight.index.internal.Parallel;
import io.pgsight.index.internal.RowIdMap;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Hierarchical navigable small-world graph (Malkov &amp; Yashunin) with pgvector's observable
 * rules: layer 0 keeps 2·m links, the heuristic keeps pruned connections, up to
 * {@value #MAX_ROWS_PER_ELEMENT} identical vectors share one element, a non-iterative scan returns
 * at most ef_search elements, cosine vectors are stored normalised and zero vectors are not indexed.
 *
 * <p>Thread-safe: any number of concurrent searches, inserts and removes. Removed rows are never
 * returned; their nodes stay in the graph as waypoints (pgvector repairs at VACUUM; here a
 * rebuild is the repair). Inserts and removes share a read lock that {@link #writeSnapshot}
 * takes exclusively; searches take no lock.
 */
public final class HnswIndex implements VectorIndex {
    /** pgvector stores up to 10 heap TIDs per element. */
    public static final int MAX_ROWS_PER_ELEMENT = 10;
    private static final int PROGRESS_STEP = 1000;
    /**
     * Default of {@link #setUpperSearchWidth} (-Dpgsight.hnsw.upperSearchWidth overrides): 4, where
     * pgvector descends greedily. Measured: seed004 200k recall@10 at ef_search 40 0.994 -> 0.999;
     * gauss128 50k +6% CPU per query (8: +17%). Meant for seed004 1M, where greedy descents end in
     * the wrong one of 100 tight clusters (pgvector stalls at 0.96 recall for that reason).
     */
    private static final int DEFAULT_UPPER_SEARCH_WIDTH = Math.max(1, Integer.getInteger("pgsight.hnsw.upperSearchWidth", 4));
    /** Default of {@link #setUpperBuildWidth}: 1 (greedy, as pgvector) unless -Dpgsight.hnsw.upperBuildWidth. */
    private static final int DEFAULT_UPPER_BUILD_WIDTH = Math.max(1, Integer.getInteger("pgsight.hnsw.upperBuildWidth", 1));
    private volatile int upperSearchWidth = DEFAULT_UPPER_SEARCH_WIDTH;
    private volatile int upperBuildWidth = DEFAULT_UPPER_BUILD_WIDTH;

    private final int dimensions;
    private final Metric metric;
    private final HnswParams params;
    private final IndexDistance distance;
    private final HnswGraph graph;
    private final ConcurrentInserts concurrent;
    private final RowIdMap rows;
        private final AtomicLong insertCounter = new AtomicLong();
    private final ReentrantLock entryLock = new ReentrantLock();
    private final double levelMultiplier;
    private volatile Entry entry = Entry.EMPTY;
    private final java.util.concurrent.atomic.LongAdder searchDistanceCalls = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder pruneDistanceCalls = new java.util.concurrent.atomic.LongAdder();
    /** Bumped after each remove so a later search observes the deleted flags. */
    private volatile int removals;
    /**
     * Idle per-insert scratch (search buffers, visited stamps and remembered distances: about
     * 12 bytes per element each). A pool owned by the index rather than a ThreadLocal: a
     * ThreadLocal value referring back to its index would keep a dropped index alive for as long
     * as any session thread that ever inserted into it.
     */
    private final java.util.concurrent.ConcurrentLinkedQueue<Inserter> idleInserters =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** Inserters kept once a bulk load is done. */
    private static final int IDLE_INSERTERS_KEPT = 2;
    /** Shared by inserts and removes; a snapshot takes the exclusive side so its image is consistent. */
    private final java.util.concurrent.locks.ReentrantReadWriteLock snapshotLock =
            new java.util.concurrent.locks.ReentrantReadWriteLock();
    private final java.util.concurrent.locks.Lock writers = snapshotLock.readLock();

    private record Entry(int node, int level) {
        static final Entry EMPTY = new Entry(-1, -1);
    }

    private HnswIndex(int dimensions, Metric metric, HnswParams params, int expectedRows) {
        if (dimensions < 1) {
            throw new IllegalArgumentException("dimensions must be positive");
        }
        this.dimensions = dimensions;
        this.metric = metric;
        this.params = params;
        this.distance = IndexDistance.of(metric);
        this.graph = new HnswGraph(dimensions, params.m(), distance);
        this.concurrent = new ConcurrentInserts(graph);
        this.rows = new RowIdMap(Math.max(16, expectedRows));
        this.levelMultiplier = 1 / Math.log(params.m());
        graph.ensureCapacity(Math.max(1, expectedRows));
    }

    /** An empty index; rows arrive through {@link #insert}. */
    public static HnswIndex create(int dimensions, Metric metric, HnswParams params) {
        return new HnswIndex(dimensions, metric, params, 0);
    }

    /**
     * Builds the graph from {@code rowIds[i] -> vectors[i]} using {@code threads} threads (at
     * least 1). Vectors are copied. Progress phase: "loading tuples".
     */
    public static HnswIndex build(int dimensions, Metric metric, HnswParams params, long[] rowIds, float[][] vectors,
                                  int threads, BuildProgress progress) {
        HnswIndex index = new HnswIndex(dimensions, metric, params, rowIds.length);
        index.load(rowIds, vectors, threads, progress);
        return index;
    }

    /**
     * Inserts many rows using {@code threads} threads, in the order {@link BuildOrder} chooses, then
     * stops storing link distances ({@link HnswGraph#dropLinkDistances}); progress ("loading
     * tuples") is reported every {@value #PROGRESS_STEP} rows and at the end.
     */
    public void load(long[] rowIds, float[][] vectors, int threads, BuildProgress progress) {
        checkLoad(rowIds, vectors);
        loadInOrder(rowIds, vectors, threads, progress,
                BuildOrder.forLoad(vectors, params.seed(), workers(threads, rowIds.length), this::randomLevel));
    }

    /** {@link #load} in the order and with the levels of {@code plan} (tests choose it). */
    void load(long[] rowIds, float[][] vectors, int threads, BuildProgress progress, BuildOrder.Plan plan) {
        checkLoad(rowIds, vectors);
        if (plan.rows().length != rowIds.length) {
            throw new IllegalArgumentException("plan and rows differ in length");
        }
        loadInOrder(rowIds, vectors, threads, progress, plan);
    }

    /** The level generator of this index (one draw per call), for building a {@link BuildOrder.Plan}. */
    int drawLevel() {
        return randomLevel();
    }

    private void checkLoad(long[] rowIds, float[][] vectors) {
        if (rowIds.length != vectors.length) {
            throw new IllegalArgumentException("rowIds and vectors differ in length");
        }
        for (float[] v : vectors) {
            checkDimensions(v);
        }
    }

    private static int workers(int threads, int rows) {
        return Math.max(1, Math.min(threads, rows / 1000 + 1));
    }

    private void loadInOrder(long[] rowIds, float[][] vectors, int threads, BuildProgress progress,
                             BuildOrder.Plan plan) {
        int[] order = plan.rows();
        byte[] levels = plan.levels();
        BuildProgress report = progress == null ? BuildProgress.NONE : progress;
        int total = rowIds.length;
        graph.ensureCapacity(concurrent.allocated() + total);
        report.report("initializing", 0, total);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        Parallel.run(workers(threads, total), w -> {
            int i;
            while ((i = next.getAndIncrement()) < total) {
                int row = order[i];
                insert(rowIds[row], vectors[row], levels[i]);
                int d = done.incrementAndGet();
                if (d % PROGRESS_STEP == 0 && d < total) {
                    report.report("loading tuples", d, total);
                }
            }
        });
        report.report("loading tuples", total, total);
        while (idleInserters.size() > IDLE_INSERTERS_KEPT) {
            idleInserters.poll();
        }
        graph.dropLinkDistances();
    }

    /**
     * Beam width of a search on the layers above layer 0 (1 = greedy descent, as pgvector). Wider
     * finds the query's region more reliably when the data form many tight, far-apart clusters,
     * at the cost of a few hundred distance evaluations per query. Not persisted in snapshots.
     */
    public void setUpperSearchWidth(int width) {
        upperSearchWidth = Math.max(1, width);
    }

    /** Like {@link #setUpperSearchWidth}, for the descent of later inserts to their own top layer. */
    public void setUpperBuildWidth(int width) {
        upperBuildWidth = Math.max(1, width);
    }

    public HnswParams params() {
        return params;
    }

    @Override
    public int dimensions() {
        return dimensions;
    }

    @Override
    public Metric metric() {
        return metric;
    }

    @Override
    public int size() {
        return rows.size();
    }

    /** Graph elements, including removed ones still used as waypoints. */
    public int elementCount() {
        return concurrent.allocated();
    }

    @Override
    public long memoryBytes() {
        return graph.memoryBytes() + rows.memoryBytes() + graph.sharedRows.size() * 120L;
    }

    private void checkDimensions(float[] vector) {
        if (vector.length != dimensions) {
            throw new IllegalArgumentException("different vector dimensions " + dimensions + " and " + vector.length);
        }
    }

    private int randomLevel() {
        long x = params.seed() + insertCounter.getAndIncrement() * 0x9E3779B97F4A7C15L;
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        x ^= x >>> 31;
        double u = ((x >>> 11) + 1) * 0x1.0p-53; // (0, 1]
        int level = (int) Math.floor(-Math.log(u) * levelMultiplier);
        return Math.min(level, params.maxLevel());
    }

    /**
     * Indexes a row. Cosine rows with a zero vector are ignored (pgvector does not index them).
     * Re-inserting an indexed row id first removes the old entry.
     */
    @Override
    public void insert(long rowId, float[] vector) {
        insert(rowId, vector, -1);
    }

    /** {@link #insert(long, float[])} at a level drawn beforehand (-1: draw it now). */
    private void insert(long rowId, float[] vector, int drawnLevel) {
        checkDimensions(vector);
        float[] prepared = distance.prepare(vector);
        if (prepared == null) {
            return;
        }
        writers.lock();
        try {
            if (rows.get(rowId) >= 0) {
                removeRow(rowId);
            }
            Inserter inserter = idleInserters.poll();
            if (inserter == null) {
                inserter = new Inserter();
            }
            try {
                long searchBefore = inserter.search.distanceCount;
                long pruneBefore = inserter.selector.distanceCount;
                inserter.insert(rowId, prepared, drawnLevel >= 0 ? drawnLevel : randomLevel());
                searchDistanceCalls.add(inserter.search.distanceCount - searchBefore);
                pruneDistanceCalls.add(inserter.selector.distanceCount - pruneBefore);
            } finally {
                idleInserters.offer(inserter);
            }
        } finally {
            writers.unlock();
        }
    }

    /** Distance evaluations spent by inserts so far (pase reports "distance fun calls"). */
    public long insertDistanceCalls() {
        return searchDistanceCalls.sum() + pruneDistanceCalls.sum();
    }

    /** Of {@link #insertDistanceCalls()}, those spent selecting and pruning neighbours. */
    public long pruneDistanceCalls() {
        return pruneDistanceCalls.sum();
    }

    @Override
    public void remove(long rowId) {
        writers.lock();
        try {
            removeRow(rowId);
        } finally {
            writers.unlock();
        }
    }

    private void removeRow(long rowId) {
        synchronized (graph.sharedRows) {
            int node = rows.remove(rowId);
            if (node < 0) {
                return;
            }
            long[] extra = graph.sharedRows.get(node);
            if (extra == null) {
                graph.setFlags(node, (byte) (graph.flags(node) | HnswGraph.DELETED));
            } else {
                // the element lives on with its other rows
                long primary = graph.primaryRowId(node);
                long[] remaining;
                if (primary == rowId) {
                    graph.setPrimaryRowId(node, extra[0]);
                    remaining = Arrays.copyOfRange(extra, 1, extra.length);
                } else {
                    remaining = Arrays.stream(extra).filter(r -> r != rowId).toArray();
                }
                if (remaining.length == 0) {
                    graph.sharedRows.remove(node);
                    graph.setFlags(node, (byte) (graph.flags(node) & ~HnswGraph.SHARED_ROWS));
                } else {
                    graph.sharedRows.put(node, remaining);
                }
            }
        }
        removals++;
    }

    /** Row ids held by a live element, most recently added first (pgvector's TID order). */
    long[] rowsOf(int node) {
        byte f = graph.flags(node);
        if ((f & HnswGraph.DELETED) != 0) {
            return EMPTY_ROWS;
        }
        if ((f & HnswGraph.SHARED_ROWS) == 0) {
            return new long[] {graph.primaryRowId(node)};
        }
        synchronized (graph.sharedRows) {
            long[] extra = graph.sharedRows.get(node);
            long primary = graph.primaryRowId(node);
            if (extra == null) {
                return new long[] {primary};
            }
            long[] out = new long[extra.length + 1];
            for (int i = 0; i < extra.length; i++) {
                out[i] = extra[extra.length - 1 - i];
            }
            out[extra.length] = primary;
            return out;
        }
    }

    private static final long[] EMPTY_ROWS = new long[0];

    private boolean identical(float[] vector, int node) {
        float[] chunk = graph.vectorChunk(node);
        int off = graph.vectorOffset(node);
        for (int i = 0; i < dimensions; i++) {
            if (Float.floatToRawIntBits(chunk[off + i]) != Float.floatToRawIntBits(vector[i])) {
                return false;
            }
        }
        return true;
    }

    /** Attaches a row to an element with an identical vector if it has room; true when done. */
    private boolean attachDuplicate(long rowId, int node) {
        synchronized (graph.sharedRows) {
            if (graph.isDeleted(node)) {
                return false;
            }
            long[] extra = graph.sharedRows.get(node);
            int held = extra == null ? 1 : extra.length + 1;
            if (held >= MAX_ROWS_PER_ELEMENT) {
                return false;
            }
            long[] grown = extra == null ? new long[] {rowId} : Arrays.copyOf(extra, extra.length + 1);
            grown[grown.length - 1] = rowId;
            graph.sharedRows.put(node, grown);
            graph.setFlags(node, (byte) (graph.flags(node) | HnswGraph.SHARED_ROWS));
            rows.put(rowId, node);
        }
        return true;
    }

    /** Per-thread insertion state. */
    private final class Inserter {
        final LayerSearch search;
        final NeighborSelector selector;
        final ConcurrentInserts.Window window = new ConcurrentInserts.Window();
        final io.pgsight.index.internal.DenseDistances remembered = new io.pgsight.index.internal.DenseDistances();
        /** Per layer: candidates in ascending distance (search results, then concurrent inserts merged in). */
        final int[][] layerNodes;
        final float[][] layerDist;
        final int[] layerFound;
        final int[][] chosen;
        final int[] chosenCount;
        final float[][] chosenDist;
        int[] extraNode = new int[16];
        float[] extraDist = new float[16];
        int extraCount;
        float[] inFlightDist = new float[16];
        int[] descentNodes = new int[8];
        float[] descentDist = new float[8];
        final int[] existing;
        final float[] existingDist;

        Inserter() {
            search = new LayerSearch(graph, distance, new io.pgsight.index.internal.DenseVisited());
            search.remembered = remembered;
            selector = new NeighborSelector(graph, distance, params);
            int layers = params.maxLevel() + 1;
            layerNodes = new int[layers][];
            layerDist = new float[layers][];
            layerFound = new int[layers];
            chosen = new int[layers][];
            chosenCount = new int[layers];
            chosenDist = new float[layers][];
            existing = new int[2 * params.m()];
            existingDist = new float[2 * params.m()];
        }

        void insert(long rowId, float[] vector, int level) {
            Entry ep = entry;
            boolean raisesTop = level > ep.level;
            if (raisesTop) {
                entryLock.lock();
            }
            try {
                ep = entry;
                if (ep.node < 0) {
                    int node = concurrent.allocate(vector, rowId, level, false);
                    rows.put(rowId, node);
                    entry = new Entry(node, level);
                    return;
                }
                linkNew(rowId, vector, level, ep);
            } finally {
                if (raisesTop) {
                    entryLock.unlock();
                }
            }
        }

        private void linkNew(long rowId, float[] vector, int level, Entry ep) {
            concurrent.begin(window);
            remembered.clear();
            selector.remember(null, -1);
            int width = Math.max(1, upperBuildWidth);
            if (descentNodes.length < width) {
                descentNodes = new int[width];
                descentDist = new float[width];
            }
            int descentCount = ep.level > level
                    ? search.descend(vector, ep.node, search.distanceTo(vector, ep.node), ep.level, level, width,
                    descentNodes, descentDist)
                    : 0;
            if (descentCount == 0) {
                descentNodes[0] = ep.node;
                descentDist[0] = search.distanceTo(vector, ep.node);
                descentCount = 1;
            }
            int ef = params.efConstruction();
            int top = Math.min(level, ep.level);
            if (inFlightDist.length < window.count) {
                inFlightDist = new float[window.ids.length];
            }
            for (int i = 0; i < window.count; i++) {
                inFlightDist[i] = search.distanceTo(vector, window.ids[i]);
            }
            for (int layer = top; layer >= 0; layer--) {
                search.visited.clear();
                search.candidates.clear();
                search.results.clear();
                if (layer == top) {
                    for (int i = 0; i < descentCount; i++) {
                        search.seed(descentNodes[i], descentDist[i], false);
                    }
                } else {
                    // the layer above's results seed this layer
                    for (int s = 0; s < layerFound[layer + 1]; s++) {
                        search.seed(layerNodes[layer + 1][s], layerDist[layer + 1][s], false);
                    }
                }
                // Nodes still being linked by other inserts may be reachable from nowhere else yet (and
                // nodes linked to them only through them), so they seed the search too.
                for (int i = 0; i < window.count; i++) {
                    if (graph.level(window.ids[i]) >= layer) {
                        search.seedIfNew(window.ids[i], inFlightDist[i]);
                    }
                }
                // removed nodes stay as waypoints, so new nodes may link to them (keeps the graph connected)
                search.searchLayer(vector, ef, layer, false, null, Long.MAX_VALUE);
                int found = search.results.size();
                if (layerNodes[layer] == null || layerNodes[layer].length < found + window.count + 8) {
                    layerNodes[layer] = new int[found + window.count + 16];
                    layerDist[layer] = new float[found + window.count + 16];
                }
                layerFound[layer] = search.drainSorted(layerDist[layer], layerNodes[layer]);
                if (layer == 0 && tryAttachToDuplicate(rowId, vector, layerFound[0])) {
                    return;
                }
            }
            int node = concurrent.allocate(vector, rowId, level, true);
            rows.put(rowId, node);
            selector.remember(remembered, node);
            try {
                collectConcurrent(vector, node);
                for (int layer = top; layer >= 0; layer--) {
                    mergeConcurrent(layer);
                    int maxLinks = params.maxLinks(layer);
                    if (chosen[layer] == null) {
                        chosen[layer] = new int[maxLinks];
                        chosenDist[layer] = new float[maxLinks];
                    }
                    chosenCount[layer] = selector.select(layerNodes[layer], layerDist[layer], layerFound[layer],
                            maxLinks, chosen[layer], chosenDist[layer]);
                }
                for (int layer = top; layer >= 0; layer--) {
                    writeOwnLinks(node, layer);
                }
                for (int layer = top; layer >= 0; layer--) {
                    int[] links = chosen[layer];
                    for (int i = 0; i < chosenCount[layer]; i++) {
                        int neighbor = links[i] & HnswGraph.NODE_MASK;
                        selector.addReverseLink(neighbor, node, chosenDist[layer][i], layer);
                    }
                }
            } finally {
                selector.remember(null, -1);
                concurrent.linked(node);
            }
            if (level > ep.level) {
                entry = new Entry(node, level);
            }
        }

        /** Distances to the nodes other inserts were linking while this one searched (see {@link ConcurrentInserts}). */
        private void collectConcurrent(float[] vector, int node) {
            int n = Math.max(0, node - window.firstNew);
            if (extraNode.length < n) {
                extraNode = new int[n];
                extraDist = new float[n];
            }
            extraCount = 0;
            for (int other = window.firstNew; other < node; other++) {
                addExtra(vector, other);
            }
        }

        private void addExtra(float[] vector, int other) {
            extraDist[extraCount] = search.distanceTo(vector, other);
            extraNode[extraCount++] = other;
        }

        /** Merges the concurrent inserts that live on {@code layer} into its sorted candidates. */
        private void mergeConcurrent(int layer) {
            int found = layerFound[layer];
            int[] nodes = layerNodes[layer];
            float[] dists = layerDist[layer];
            for (int x = 0; x < extraCount; x++) {
                int other = extraNode[x];
                if (graph.level(other) < layer || contains(nodes, found, other)) {
                    continue;
                }
                if (found == nodes.length) {
                    nodes = layerNodes[layer] = Arrays.copyOf(nodes, found * 2 + 8);
                    dists = layerDist[layer] = Arrays.copyOf(dists, found * 2 + 8);
                }
                float d = extraDist[x];
                int pos = found;
                while (pos > 0 && dists[pos - 1] > d) {
                    nodes[pos] = nodes[pos - 1];
                    dists[pos] = dists[pos - 1];
                    pos--;
                }
                nodes[pos] = other;
                dists[pos] = d;
                found++;
            }
            layerFound[layer] = found;
        }

        private static boolean contains(int[] nodes, int count, int node) {
            for (int i = 0; i < count; i++) {
                if (nodes[i] == node) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Stores the chosen links of the new node. Concurrent inserts may already have linked to it
         * (it was visible to them as linking); those links are kept by adding them like reverse links.
         */
        private void writeOwnLinks(int node, int layer) {
            var lock = graph.lock(node);
            long stamp = lock.writeLock();
            try {
                // one critical section: a search must never see the list without the links others added
                int before = graph.copyUnlocked(node, layer, existing);
                graph.copyDistancesUnlocked(node, layer, before, existingDist);
                graph.writeUnlocked(node, layer, chosen[layer], chosenDist[layer], chosenCount[layer]);
                for (int i = 0; i < before; i++) {
                    selector.addLinkLocked(node, existing[i] & HnswGraph.NODE_MASK, existingDist[i], layer);
                }
            } finally {
                lock.unlockWrite(stamp);
            }
            selector.rehome(layer);
        }

        /** pgvector's duplicate check: nearest layer-0 results with an identical vector. */
        private boolean tryAttachToDuplicate(long rowId, float[] vector, int found) {
            int[] nodes = layerNodes[0];
            for (int i = 0; i < found && identical(vector, nodes[i]); i++) {
                if (attachDuplicate(rowId, nodes[i])) {
                    return true;
                }
            }
            return false;
        }
    }

    @Override
    public NeighborIterator search(float[] query, SearchOptions options) {
        return searchPrepared(prepareQuery(query), options, query != null);
    }

    private float[] prepareQuery(float[] query) {
        if (query == null) {
            return null;
        }
        checkDimensions(query);
        float[] prepared = distance.prepare(query);
        return prepared; // null for a zero cosine query: every distance ranks equal
    }

    private NeighborIterator searchPrepared(float[] query, SearchOptions options, boolean nonNullQuery) {
        int removalsSeen = removals; // volatile read orders this scan after completed removes
        Entry ep = entry;
        if (ep.node < 0) {
            return NeighborIterator.empty();
        }
        int ef = Math.max(1, options.efSearch());
        LayerSearch search = new LayerSearch(graph, distance, new io.pgsight.index.internal.VisitedSet(ef * 16));
        int width = upperSearchWidth;
        int[] seeds = new int[Math.max(1, width)];
        float[] seedDist = new float[seeds.length];
        int seedCount = search.descend(query, ep.node, search.distanceTo(query, ep.node), ep.level, 0, width, seeds,
                seedDist);
        boolean zeroCosineQuery = nonNullQuery && query == null;
        return new HnswScan(this, search, query, seeds, seedDist, seedCount, options, zeroCosineQuery,
                removalsSeen > 0);
    }

    IndexDistance distance() {
        return distance;
    }

    HnswGraph graph() {
        return graph;
    }

    /** Entry point node (-1 when empty), for invariant checks. */
    int entryNode() {
        return entry.node;
    }

    int entryLevel() {
        return entry.level;
    }

    @Override
    public boolean canSnapshot() {
        return true;
    }

    /** Holds inserts and removes back while it writes; searches go on. Format: {@link HnswSnapshot}. */
    @Override
    public void writeSnapshot(java.io.DataOutput out) throws java.io.IOException {
        var exclusive = snapshotLock.writeLock();
        exclusive.lock();
        try {
            HnswSnapshot.write(out, new HnswSnapshot.Header(HnswSnapshot.VERSION, dimensions, metric, params, insertCounter.get(),
                    removals, concurrent.allocated(), entry.node, entry.level, searchDistanceCalls.sum(),
                    pruneDistanceCalls.sum()), graph);
        } finally {
            exclusive.unlock();
        }
    }

    /** Restores an index written by {@link #writeSnapshot}; it answers every search as the original did. */
    public static HnswIndex readSnapshot(java.io.DataInput in) throws java.io.IOException {
        HnswSnapshot.Header h = HnswSnapshot.readHeader(in);
        // no capacity up front: the graph is sized as it is read, without link distances
        HnswIndex index = new HnswIndex(h.dimensions(), h.metric(), h.params(), 0);
        HnswSnapshot.readGraph(in, index.graph, h);
        index.restore(h);
        return index;
    }

    /** Rebuilds the counters and the row map after the graph was read. */
    private void restore(HnswSnapshot.Header h) {
        insertCounter.set(h.insertCounter());
        removals = h.removals();
        searchDistanceCalls.add(h.searchDistanceCalls());
        pruneDistanceCalls.add(h.pruneDistanceCalls());
        concurrent.restoreAllocated(h.elements());
        for (int node = 0; node < h.elements(); node++) {
            if (graph.isDeleted(node)) {
                continue;
            }
            rows.put(graph.primaryRowId(node), node);
            long[] extra = graph.sharedRows.get(node);
            if (extra != null) {
                for (long r : extra) {
                    rows.put(r, node);
                }
            }
        }
        if (h.entryNode() >= 0) {
            entry = new Entry(h.entryNode(), h.entryLevel());
        }
    }
}
