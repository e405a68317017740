package io.pgsight.index.ivfflat;

import io.pgsight.index.NeighborIterator;
import io.pgsight.index.distance.IndexDistance;
import io.pgsight.index.internal.NodeHeap;

/**
 * One IVFFlat scan: lists are read in batches of {@code probes} (nearest lists first); each batch is
 * returned in ascending distance (a heap, so only what the caller pulls is ordered). Later batches
 * (iterative scans) may return rows closer than earlier ones: pgvector's relaxed order.
 */
final class IvfScan implements NeighborIterator {
    private final IvfList[] lists;
    private final int dim;
    private final IndexDistance distance;
    private final float[] query;
    private final boolean nullQuery;
    private final boolean nanDistances;
    private final int[] order;
    private final int probes;
    private final Runnable cancelCheck;
    private int nextList;
    private final NodeHeap heap = NodeHeap.minHeap(1024);
    private long[] batchRows = new long[1024];
    private long currentRow;
    private float currentDistance;

    IvfScan(IvfList[] lists, int dim, IndexDistance distance, float[] query, boolean nullQuery, boolean nanDistances,
            int[] order, int probes, Runnable cancelCheck, int removalsSeen) {
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

    private boolean loadBatch() {
        heap.clear();
        int count = 0;
        while (count == 0 && nextList < order.length) {
            cancelCheck.run();
            int end = Math.min(order.length, nextList + probes);
            for (; nextList < end; nextList++) {
                IvfList.Snapshot s = lists[order[nextList]].snapshot();
                for (int i = 0; i < s.size; i++) {
                    if (s.dead[i]) {
                        continue;
                    }
                    float d = query == null ? 0f : distance.between(query, 0, s.vectors, i * dim, dim);
                    if (count == batchRows.length) {
                        batchRows = java.util.Arrays.copyOf(batchRows, count * 2);
                    }
                    batchRows[count] = s.rowIds[i];
                    heap.push(d, count);
                    count++;
                }
            }
        }
        return count > 0;
    }

    @Override
    public boolean next() {
        if (heap.isEmpty() && !loadBatch()) {
            return false;
        }
        float d = heap.topDistance();
        currentRow = batchRows[heap.topNode()];
        heap.pop();
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
