package io.pgsight.index.hnsw;

import io.pgsight.index.NeighborIterator;
import io.pgsight.index.SearchOptions;
import io.pgsight.index.internal.NodeHeap;

/**
 * One HNSW index scan. The first batch is the ef_search nearest elements of a layer-0 beam
 * search. With {@link SearchOptions#iterative()} (pgvector's relaxed_order), when a batch is used
 * up the nearest discarded candidates seed another beam search over the not yet visited part of
 * the graph, until {@link SearchOptions#maxScanTuples()} elements have been visited; then the
 * remaining discarded candidates are returned in distance order. Batches are each sorted, the
 * whole sequence only approximately.
 */
final class HnswScan implements NeighborIterator {
    private final HnswIndex index;
    private final LayerSearch search;
    private final float[] query;
    private final SearchOptions options;
    private final boolean nanDistances;
    private final int ef;
    private final NodeHeap discarded;
    /** Whether any row had been removed when the scan started (else no flag checks are needed). */
    private final boolean skipRemoved;

    private float[] batchDist = new float[0];
    private int[] batchNode = new int[0];
    private int batchSize;
    private int batchPos;
    private boolean draining;
    private boolean finished;

    private long[] rows = new long[0];
    private int rowPos;
    private float rowDistance;
    private long currentRow;
    private float currentDistance;

    HnswScan(HnswIndex index, LayerSearch search, float[] query, int[] entries, float[] entryDistances, int entryCount,
             SearchOptions options, boolean nanDistances, boolean anyRemoved) {
        this.index = index;
        this.search = search;
        this.query = query;
        this.options = options;
        this.nanDistances = nanDistances;
        this.ef = Math.max(1, options.efSearch());
        this.discarded = options.iterative() ? NodeHeap.minHeap(ef * 4) : null;
        this.skipRemoved = anyRemoved;
        search.reset(entries[0], entryDistances[0], skipRemoved);
        for (int i = 1; i < entryCount; i++) {
            search.seed(entries[i], entryDistances[i], skipRemoved);
        }
        search.searchLayer(query, ef, 0, skipRemoved, discarded, Long.MAX_VALUE);
        takeBatch();
    }

    private void takeBatch() {
        int n = search.results.size();
        if (batchDist.length < n) {
            batchDist = new float[n];
            batchNode = new int[n];
        }
        batchSize = search.drainSorted(batchDist, batchNode);
        batchPos = 0;
    }

    /** Loads the next batch for an iterative scan; false when nothing remains. */
    private boolean nextBatch() {
        if (discarded == null || discarded.isEmpty()) {
            return false;
        }
        options.cancelCheck().run();
        if (!draining && search.visited.size() < options.maxScanTuples()) {
            search.candidates.clear();
            search.results.clear();
            for (int i = 0; i < ef && !discarded.isEmpty(); i++) {
                float d = discarded.topDistance();
                int node = discarded.topNode();
                discarded.pop();
                search.candidates.push(d, node);
                search.results.push(d, node);
            }
            search.searchLayer(query, ef, 0, skipRemoved, discarded, options.maxScanTuples());
            takeBatch();
            return batchSize > 0 || nextBatch();
        }
        draining = true;
        int n = Math.min(discarded.size(), 1024);
        if (batchDist.length < n) {
            batchDist = new float[n];
            batchNode = new int[n];
        }
        for (int i = 0; i < n; i++) {
            batchDist[i] = discarded.topDistance();
            batchNode[i] = discarded.topNode();
            discarded.pop();
        }
        batchSize = n;
        batchPos = 0;
        return n > 0;
    }

    @Override
    public boolean next() {
        while (true) {
            if (rowPos < rows.length) {
                currentRow = rows[rowPos++];
                currentDistance = rowDistance;
                return true;
            }
            if (finished) {
                return false;
            }
            if (batchPos >= batchSize && !nextBatch()) {
                finished = true;
                return false;
            }
            int node = batchNode[batchPos];
            float d = batchDist[batchPos];
            batchPos++;
            rows = index.rowsOf(node);
            rowPos = 0;
            rowDistance = nanDistances ? Float.NaN : (query == null ? 0f : index.distance().reported(d));
        }
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
