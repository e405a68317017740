package io.pgsight.index.hnsw;

import io.pgsight.index.distance.IndexDistance;

/**
 * The neighbour-selection heuristic (paper Algorithm 4, extendCandidates = false): keep a
 * candidate only if it is closer to the base than to every already kept neighbour, optionally
 * relaxed by alpha, and optionally refill with the nearest pruned candidates. Scratch buffers make
 * it per-thread.
 */
final class NeighborSelector {
    private final HnswGraph graph;
    private final IndexDistance distance;
    private final boolean keepPruned;
    private final float alphaSquared;
    private final boolean relaxed;
    private int[] pruned = new int[64];
    private float[] sortDist = new float[64];
    private int[] sortNode = new int[64];
    long distanceCount;

    NeighborSelector(HnswGraph graph, IndexDistance distance, HnswParams params) {
        this.graph = graph;
        this.distance = distance;
        this.keepPruned = params.keepPrunedConnections();
        this.relaxed = params.alpha() > 1f && distance.isMetricLike();
        this.alphaSquared = params.alpha() * params.alpha();
    }

    private float between(int a, int b) {
        distanceCount++;
        int dim = graph.dim;
        return distance.between(graph.vectorChunk(a), HnswGraph.vectorOffset(a, dim),
                graph.vectorChunk(b), HnswGraph.vectorOffset(b, dim), dim);
    }

    /** True when {@code e} (at distance {@code de} from the base) is dominated by kept {@code r}. */
    private boolean dominated(int e, float de, int r) {
        float der = between(e, r);
        if (relaxed) {
            return alphaSquared * distance.asSquaredLength(der) <= distance.asSquaredLength(de);
        }
        return der <= de;
    }

    /**
     * Selects up to {@code maxLinks} of the {@code count} candidates given in ascending distance
     * order ({@code nodes}, {@code dists}); writes the chosen ids to {@code out}, returns how many.
     * The kept ones come first in ascending order, then refilled pruned ones.
     */
    int select(int[] nodes, float[] dists, int count, int maxLinks, int[] out) {
        if (count <= maxLinks) {
            System.arraycopy(nodes, 0, out, 0, count);
            return count;
        }
        if (pruned.length < count) {
            pruned = new int[count];
        }
        int kept = 0;
        int prunedCount = 0;
        for (int i = 0; i < count && kept < maxLinks; i++) {
            int e = nodes[i];
            float de = dists[i];
            boolean good = true;
            for (int j = 0; j < kept; j++) {
                if (dominated(e, de, out[j])) {
                    good = false;
                    break;
                }
            }
            if (good) {
                out[kept++] = e;
            } else {
                pruned[prunedCount++] = e;
            }
        }
        if (keepPruned) {
            for (int i = 0; i < prunedCount && kept < maxLinks; i++) {
                out[kept++] = pruned[i];
            }
        }
        return kept;
    }

    /**
     * Adds the reverse link {@code node -> newcomer} on a layer, pruning the node's list with the
     * same heuristic when it is full. Runs under the node's write lock.
     */
    void addReverseLink(int node, int newcomer, float distance, int layer, int[] scratchLinks, int[] scratchOut) {
        int maxLinks = graph.m * (layer == 0 ? 2 : 1);
        var lock = graph.lock(node);
        long stamp = lock.writeLock();
        try {
            int n = graph.copyUnlocked(node, layer, scratchLinks);
            for (int i = 0; i < n; i++) {
                if (scratchLinks[i] == newcomer) {
                    return;
                }
            }
            if (n < maxLinks) {
                scratchLinks[n] = newcomer;
                graph.writeUnlocked(node, layer, scratchLinks, n + 1);
                return;
            }
            int total = n + 1;
            if (sortDist.length < total) {
                sortDist = new float[total * 2];
                sortNode = new int[total * 2];
            }
            for (int i = 0; i < n; i++) {
                sortNode[i] = scratchLinks[i];
                sortDist[i] = between(node, scratchLinks[i]);
            }
            sortNode[n] = newcomer;
            sortDist[n] = distance;
            insertionSort(sortDist, sortNode, total);
            int chosen = select(sortNode, sortDist, total, maxLinks, scratchOut);
            boolean includesNewcomer = false;
            for (int i = 0; i < chosen; i++) {
                if (scratchOut[i] == newcomer) {
                    includesNewcomer = true;
                    break;
                }
            }
            if (includesNewcomer) {
                graph.writeUnlocked(node, layer, scratchOut, chosen);
            }
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    static void insertionSort(float[] d, int[] n, int count) {
        for (int i = 1; i < count; i++) {
            float kd = d[i];
            int kn = n[i];
            int j = i - 1;
            while (j >= 0 && d[j] > kd) {
                d[j + 1] = d[j];
                n[j + 1] = n[j];
                j--;
            }
            d[j + 1] = kd;
            n[j + 1] = kn;
        }
    }
}
