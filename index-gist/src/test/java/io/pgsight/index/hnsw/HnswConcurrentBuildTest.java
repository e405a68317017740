package io.pgsight.index.hnsw;

import io.pgsight.index.Metric;
import io.pgsight.index.NeighborIterator;
import io.pgsight.index.SearchOptions;
import io.pgsight.index.bench.Dataset;
import io.pgsight.index.bench.Datasets;
import io.pgsight.index.support.Recall;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.BitSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Builds small graphs on many threads, repeatedly, and checks what a single-threaded build
 * guarantees: every element reachable from the entry point on layer 0, link counts within
 * capacity, no self or duplicate links, and the same recall. Many threads on few cores make
 * inserts of nearby points overlap, which is where concurrent inserts used to miss each other.
 */
class HnswConcurrentBuildTest {
    private static final int THREADS = 8;

    /** pase_hnsw's graph (no refill of pruned links) over points on a line: the layer-0 graph has degree ~2. */
    @Test
    void lineGraphStaysConnectedAndExact() {
        HnswParams pase = new HnswParams(16, 40, false, 1.0f, HnswParams.DEFAULT_SEED);
        int rows = 3000;
        long[] ids = new long[rows];
        float[][] vectors = new float[rows][];
        for (int i = 0; i < rows; i++) {
            ids[i] = i + 1;
            float[] x = new float[8];
            java.util.Arrays.fill(x, 1f);
            x[0] = i + 1;
            vectors[i] = x;
        }
        for (int round = 0; round < 10; round++) {
            HnswIndex index = HnswIndex.build(8, Metric.L2_SQUARED, pase.withSeed(round), ids, vectors, THREADS, null);
            checkInvariants(index);
            for (int target : new int[] {7, 555, 1111, 2024, 2990}) {
                float[] q = vectors[target - 1].clone();
                NeighborIterator it = index.search(q, new SearchOptions(200, 1, false, Long.MAX_VALUE, 1, () -> { }));
                for (int k = 0; k < 9; k++) {
                    assertTrue(it.next(), "round " + round + " target " + target);
                    float expected = (float) Math.pow((k + 1) / 2, 2);
                    assertEquals(expected, it.distance(), "round " + round + " target " + target + " rank " + k);
                }
            }
        }
    }

    @Test
    void clusteredRecallMatchesSingleThreadedBuild() {
        Dataset data = Datasets.seed004(3000);
        long[][] truth = data.groundTruth(10, Metric.L2, 1);
        HnswIndex single = HnswIndex.build(data.dimensions(), Metric.L2, HnswParams.defaults(), data.rowIds(),
                data.vectors(), 1, null);
        checkInvariants(single);
        double base = Recall.at(single, data.queries(), truth, Recall.hnsw(40), 10);
        for (int round = 0; round < 2; round++) {
            HnswIndex index = HnswIndex.build(data.dimensions(), Metric.L2, HnswParams.defaults().withSeed(round),
                    data.rowIds(), data.vectors(), THREADS, null);
            checkInvariants(index);
            double recall = Recall.at(index, data.queries(), truth, Recall.hnsw(40), 10);
            assertTrue(recall >= base - 0.02, "round " + round + ": recall " + recall + " vs single-threaded " + base);
        }
    }

    /** Layer-0 reachability from the entry point, link bounds, no self or duplicate links on any layer. */
    static void checkInvariants(HnswIndex index) {
        HnswGraph graph = index.graph();
        int count = index.elementCount();
        int[] links = new int[2 * graph.m];
        for (int node = 0; node < count; node++) {
            for (int layer = 0; layer <= graph.level(node); layer++) {
                int n = graph.copyNeighbors(node, layer, links);
                int cap = layer == 0 ? 2 * graph.m : graph.m;
                assertTrue(n >= 0 && n <= cap, "node " + node + " layer " + layer + " has " + n + " links");
                BitSet seen = new BitSet();
                for (int i = 0; i < n; i++) {
                    int e = links[i];
                    if (e == node) {
                        fail("node " + node + " links to itself on layer " + layer);
                    }
                    if (e < 0 || e >= count) {
                        fail("node " + node + " links to unknown node " + e);
                    }
                    if (graph.level(e) < layer) {
                        fail("node " + node + " links to " + e + " above its level on layer " + layer);
                    }
                    if (seen.get(e)) {
                        fail("node " + node + " links twice to " + e + " on layer " + layer);
                    }
                    seen.set(e);
                }
            }
        }
        int entry = index.entryNode();
        assertEquals(maxLevel(graph, count), index.entryLevel(), "entry point is on the top layer");
        BitSet reached = new BitSet(count);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        reached.set(entry);
        queue.add(entry);
        while (!queue.isEmpty()) {
            int node = queue.poll();
            int n = graph.copyNeighbors(node, 0, links);
            for (int i = 0; i < n; i++) {
                if (!reached.get(links[i])) {
                    reached.set(links[i]);
                    queue.add(links[i]);
                }
            }
        }
        assertEquals(count, reached.cardinality(), "elements reachable from the entry point on layer 0");
    }

    private static int maxLevel(HnswGraph graph, int count) {
        int max = 0;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, graph.level(i));
        }
        return max;
    }
}
