package io.pgsight.index.hnsw;

import io.pgsight.index.distance.IndexDistance;
import io.pgsight.index.internal.NodeHeap;
import io.pgsight.index.internal.Visited;

/**
 * The HNSW search primitives (greedy descent and the beam search of the paper's Algorithm 2) with
 * their scratch buffers. One instance per thread or per scan; not thread-safe itself.
 * A null query ranks every node at distance 0 (pgvector's NULL query: arbitrary order).
 */
final class LayerSearch {
    final HnswGraph graph;
    final IndexDistance distance;
    final Visited visited;
    final NodeHeap candidates = NodeHeap.minHeap(64);
    final NodeHeap results = NodeHeap.maxHeap(64);
    final int[] links;
    private final float[] linkDist;
    long distanceCount;
    /** When set (inserts), every distance measured is remembered here for neighbour selection. */
    io.pgsight.index.internal.DenseDistances remembered;

    LayerSearch(HnswGraph graph, IndexDistance distance, Visited visited) {
        this.graph = graph;
        this.distance = distance;
        this.visited = visited;
        this.links = new int[2 * graph.m];
        this.linkDist = new float[2 * graph.m];
    }

    float distanceTo(float[] query, int node) {
        if (query == null) {
            return 0f;
        }
        distanceCount++;
        float d = distance.between(query, 0, graph.vectorChunk(node), graph.vectorOffset(node), graph.dim);
        if (remembered != null) {
            remembered.put(node, d);
        }
        return d;
    }

    /** Greedy walk on one layer (ef = 1); returns the closest node found, its distance in {@code best[0]}. */
    int greedy(float[] query, int start, float startDistance, int layer, float[] best) {
        int current = start;
        float currentDistance = startDistance;
        boolean improved = true;
        while (improved) {
            improved = false;
            int n = graph.copyNeighbors(current, layer, links);
            for (int i = 0; i < n; i++) {
                linkDist[i] = distanceTo(query, links[i]);
            }
            for (int i = 0; i < n; i++) {
                int e = links[i];
                float d = linkDist[i];
                if (d < currentDistance) {
                    currentDistance = d;
                    current = e;
                    improved = true;
                }
            }
        }
        best[0] = currentDistance;
        return current;
    }

    /**
     * Descends from {@code entry} on layer {@code top} through the layers above {@code bottom}:
     * greedily when {@code width} is 1, else with a beam of that width per layer (the previous
     * layer's results seeding the next), which finds the query's region far more reliably when
     * the data form tight, far-apart clusters. Writes the entry points for layer {@code bottom},
     * nearest first, to {@code seedNodes}/{@code seedDist} and returns their count (at most
     * {@code width}; arrays at least that long).
     */
    int descend(float[] query, int entry, float entryDistance, int top, int bottom, int width, int[] seedNodes,
                float[] seedDist) {
        if (width <= 1) {
            float[] best = {entryDistance};
            int current = entry;
            for (int layer = top; layer > bottom; layer--) {
                current = greedy(query, current, best[0], layer, best);
            }
            seedNodes[0] = current;
            seedDist[0] = best[0];
            return 1;
        }
        seedNodes[0] = entry;
        seedDist[0] = entryDistance;
        int count = 1;
        for (int layer = top; layer > bottom; layer--) {
            visited.clear();
            candidates.clear();
            results.clear();
            for (int i = 0; i < count; i++) {
                seed(seedNodes[i], seedDist[i], false);
            }
            searchLayer(query, width, layer, false, null, Long.MAX_VALUE);
            count = drainSorted(seedDist, seedNodes);
        }
        return count;
    }

    /** Starts a beam search: clears state, seeds it with one entry point. */
    void reset(int entry, float entryDistance, boolean skipDeletedInResults) {
        visited.clear();
        candidates.clear();
        results.clear();
        seed(entry, entryDistance, skipDeletedInResults);
    }

    /** Adds an entry point to an ongoing (or freshly cleared) beam search. */
    void seed(int entry, float entryDistance, boolean skipDeletedInResults) {
        visited.add(entry);
        candidates.push(entryDistance, entry);
        if (!skipDeletedInResults || !graph.isDeleted(entry)) {
            results.push(entryDistance, entry);
        }
    }

    /** Adds a further entry point unless it was already visited. */
    void seedIfNew(int entry, float entryDistance) {
        if (visited.add(entry)) {
            candidates.push(entryDistance, entry);
            results.push(entryDistance, entry);
        }
    }

    /**
     * Beam search on one layer from the seeded entry points; {@link #results} ends as the (up to)
     * ef nearest non-deleted nodes found. Nodes evaluated but not kept go to {@code discarded}
     * when it is given (iterative scans). Deleted nodes are traversed but never kept when
     * {@code skipDeleted}. Stops early after {@code maxVisits} visited nodes.
     */
    void searchLayer(float[] query, int ef, int layer, boolean skipDeleted, NodeHeap discarded, long maxVisits) {
        while (!candidates.isEmpty()) {
            float cd = candidates.topDistance();
            if (results.size() >= ef && cd > results.topDistance()) {
                break;
            }
            int c = candidates.topNode();
            candidates.pop();
            int n = graph.copyNeighbors(c, layer, links);
            // Filter, then measure, then rank: the distance loop's vector loads are independent of
            // each other and can overlap (the search is bound by cache misses on vectors).
            int fresh = 0;
            for (int i = 0; i < n; i++) {
                if (visited.add(links[i])) {
                    links[fresh++] = links[i];
                }
            }
            for (int i = 0; i < fresh; i++) {
                linkDist[i] = distanceTo(query, links[i]);
            }
            for (int i = 0; i < fresh; i++) {
                int e = links[i];
                float d = linkDist[i];
                if (results.size() < ef || d < results.topDistance()) {
                    candidates.push(d, e);
                    if (skipDeleted && graph.isDeleted(e)) {
                        continue;
                    }
                    results.push(d, e);
                    if (results.size() > ef) {
                        if (discarded != null) {
                            discarded.push(results.topDistance(), results.topNode());
                        }
                        results.pop();
                    }
                } else if (discarded != null && !(skipDeleted && graph.isDeleted(e))) {
                    discarded.push(d, e);
                }
            }
            if (visited.size() >= maxVisits) {
                break;
            }
        }
    }

    /** Drains {@link #results} into arrays sorted by ascending distance; returns the count. */
    int drainSorted(float[] dist, int[] nodes) {
        int n = results.size();
        for (int i = n - 1; i >= 0; i--) {
            dist[i] = results.topDistance();
            nodes[i] = results.topNode();
            results.pop();
        }
        return n;
    }
}
