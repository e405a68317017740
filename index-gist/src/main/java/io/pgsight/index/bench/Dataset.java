package io.pgsight.index.bench;

import io.pgsight.index.Metric;
import io.pgsight.index.distance.IndexDistance;
import io.pgsight.index.internal.NodeHeap;
import io.pgsight.index.internal.Parallel;

/**
 * A benchmark data set: rows (row id = position), queries, and exact nearest neighbours.
 */
public record Dataset(String name, float[][] vectors, float[][] queries) {
    public int dimensions() {
        return vectors[0].length;
    }

    public long[] rowIds() {
        long[] ids = new long[vectors.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
        }
        return ids;
    }

    /** Exact k nearest row ids per query, nearest first (brute force, {@code threads} threads). */
    public long[][] groundTruth(int k, Metric metric, int threads) {
        IndexDistance distance = IndexDistance.of(metric);
        long[][] truth = new long[queries.length][];
        int dim = dimensions();
        float[][] stored = new float[vectors.length][];
        for (int i = 0; i < vectors.length; i++) {
            stored[i] = metric == Metric.COSINE ? distance.prepare(vectors[i]) : vectors[i];
        }
        Parallel.run(Math.max(1, threads), w -> {
            for (int q = w; q < queries.length; q += Math.max(1, threads)) {
                float[] query = distance.prepare(queries[q]);
                NodeHeap heap = NodeHeap.maxHeap(k + 1);
                for (int i = 0; i < stored.length; i++) {
                    if (stored[i] == null) {
                        continue;
                    }
                    float d = distance.between(query, 0, stored[i], 0, dim);
                    if (heap.size() < k || d < heap.topDistance()) {
                        heap.push(d, i);
                        if (heap.size() > k) {
                            heap.pop();
                        }
                    }
                }
                long[] ids = new long[heap.size()];
                for (int i = ids.length - 1; i >= 0; i--) {
                    ids[i] = heap.topNode();
                    heap.pop();
                }
                truth[q] = ids;
            }
        });
        return truth;
    }
}
