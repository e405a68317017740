package io.pgsight.index.hnsw;

import io.pgsight.index.Metric;
import io.pgsight.index.NeighborIterator;
import io.pgsight.index.SearchOptions;
import io.pgsight.index.bench.Dataset;
import io.pgsight.index.bench.Datasets;
import io.pgsight.index.distance.VectorDistances;
import io.pgsight.index.support.Recall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HnswIndexTest {
    private static final int K = 10;

    private static HnswIndex build(Dataset data, Metric metric) {
        return HnswIndex.build(data.dimensions(), metric, HnswParams.defaults(), data.rowIds(), data.vectors(), 2,
                null);
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void recallFloorPerMetric(Metric metric) {
        Dataset data = Datasets.uniform(3000, 16, 100, 1);
        HnswIndex index = build(data, metric);
        assertEquals(3000, index.size());
        double recall = Recall.at(index, data.queries(), data.groundTruth(K, metric, 1), Recall.hnsw(40), K);
        // pgvector's TAP floors are 0.99 (L2, cosine, L1) and 0.97 (inner product) at recall@20
        assertTrue(recall >= (metric == Metric.NEGATIVE_INNER_PRODUCT ? 0.95 : 0.98), metric + " recall " + recall);
    }

    @Test
    void efSearchCoveringAllRowsIsExact() {
        Dataset data = Datasets.uniform(400, 8, 20, 2);
        HnswIndex index = build(data, Metric.L2);
        long[][] truth = data.groundTruth(400, Metric.L2, 1);
        for (int q = 0; q < data.queries().length; q++) {
            NeighborIterator it = index.search(data.queries()[q], Recall.hnsw(1000));
            List<Long> got = new ArrayList<>();
            float previous = -1;
            while (it.next()) {
                got.add(it.rowId());
                assertTrue(it.distance() >= previous);
                previous = it.distance();
            }
            assertEquals(400, got.size());
            for (int i = 0; i < 400; i++) {
                assertEquals(truth[q][i], got.get(i));
            }
        }
    }

    @Test
    void reportsOperatorDistances() {
        Dataset data = Datasets.uniform(500, 8, 5, 3);
        HnswIndex index = build(data, Metric.L2);
        NeighborIterator it = index.search(data.queries()[0], Recall.hnsw(40));
        assertTrue(it.next());
        float[] row = data.vectors()[(int) it.rowId()];
        assertEquals((float) VectorDistances.l2(data.queries()[0], row), it.distance(), 1e-5);
    }

    @Test
    void nonIterativeScanReturnsAtMostEfSearchElements() {
        Dataset data = Datasets.uniform(1000, 8, 3, 4);
        HnswIndex index = build(data, Metric.L2);
        assertEquals(25, Recall.topK(index, data.queries()[0], Recall.hnsw(25), 1000).length);
    }

    @Test
    void insertsAfterBuildAreFound() {
        Dataset data = Datasets.uniform(3000, 16, 100, 5);
        int half = 1500;
        HnswIndex index = HnswIndex.build(16, Metric.L2, HnswParams.defaults(),
                Arrays.copyOf(data.rowIds(), half), Arrays.copyOf(data.vectors(), half), 2, null);
        for (int i = half; i < 3000; i++) {
            index.insert(i, data.vectors()[i]);
        }
        assertEquals(3000, index.size());
        double recall = Recall.at(index, data.queries(), data.groundTruth(K, Metric.L2, 1), Recall.hnsw(40), K);
        assertTrue(recall >= 0.98, "recall " + recall);
    }

    @Test
    void removedRowsAreNeverReturned() {
        Dataset data = Datasets.uniform(3000, 16, 50, 6);
        HnswIndex index = build(data, Metric.L2);
        Set<Long> removed = new HashSet<>();
        for (long id = 0; id < 3000; id += 3) {
            index.remove(id);
            removed.add(id);
        }
        assertEquals(2000, index.size());
        for (float[] q : data.queries()) {
            NeighborIterator it = index.search(q, Recall.hnsw(200));
            int n = 0;
            while (it.next()) {
                assertFalse(removed.contains(it.rowId()));
                n++;
            }
            assertTrue(n >= 150, "only " + n + " rows");
        }
        // recall over the remaining rows
        float[][] kept = new float[2000][];
        long[] keptIds = new long[2000];
        int j = 0;
        for (int i = 0; i < 3000; i++) {
            if (i % 3 != 0) {
                kept[j] = data.vectors()[i];
                keptIds[j++] = i;
            }
        }
        long[][] truth = new Dataset("kept", kept, data.queries()).groundTruth(K, Metric.L2, 1);
        for (long[] t : truth) {
            for (int i = 0; i < t.length; i++) {
                t[i] = keptIds[(int) t[i]];
            }
        }
        double recall = Recall.at(index, data.queries(), truth, Recall.hnsw(40), K);
        assertTrue(recall >= 0.95, "recall " + recall);
    }

    @Test
    void emptyIndexReturnsNothing() {
        HnswIndex index = HnswIndex.create(3, Metric.L2, HnswParams.defaults());
        assertFalse(index.search(new float[] {1, 2, 3}, SearchOptions.defaults()).next());
        HnswIndex built = HnswIndex.build(3, Metric.L2, HnswParams.defaults(), new long[0], new float[0][], 2, null);
        assertFalse(built.search(new float[] {1, 2, 3}, SearchOptions.defaults()).next());
        assertEquals(0, built.size());
    }

    @Test
    void cosineSkipsZeroVectorsAndZeroQueryGivesNaN() {
        HnswIndex index = HnswIndex.create(2, Metric.COSINE, HnswParams.defaults());
        index.insert(1, new float[] {1, 1});
        index.insert(2, new float[] {0, 0});
        index.insert(3, new float[] {1, 2});
        assertEquals(2, index.size());
        NeighborIterator it = index.search(new float[] {0, 0}, SearchOptions.defaults());
        int n = 0;
        while (it.next()) {
            assertTrue(Float.isNaN(it.distance()));
            assertTrue(it.rowId() == 1 || it.rowId() == 3);
            n++;
        }
        assertEquals(2, n);
    }

    @Test
    void nullQueryReturnsElementsInArbitraryOrder() {
        Dataset data = Datasets.uniform(200, 4, 1, 8);
        HnswIndex index = build(data, Metric.L2);
        NeighborIterator it = index.search(null, Recall.hnsw(40));
        int n = 0;
        while (it.next()) {
            assertEquals(0f, it.distance());
            n++;
        }
        assertEquals(40, n);
    }

    @Test
    void identicalVectorsShareElementsOfTenRows() {
        HnswIndex index = HnswIndex.create(3, Metric.L2, HnswParams.defaults());
        for (int i = 0; i < 20; i++) {
            index.insert(i, new float[] {1, 1, 1});
        }
        assertEquals(20, index.size());
        assertEquals(2, index.elementCount());
        // pgvector TAP 015: ef_search = 1 returns one element's ten rows
        assertEquals(10, Recall.topK(index, new float[] {1, 1, 1}, Recall.hnsw(1), 100).length);
        for (int i = 0; i < 20; i++) {
            index.remove(i);
        }
        assertEquals(0, index.size());
        assertFalse(index.search(new float[] {1, 1, 1}, Recall.hnsw(40)).next());
    }

    @Test
    void iterativeScanContinuesPastEfSearch() {
        Dataset data = Datasets.uniform(2000, 8, 1, 9);
        HnswIndex index = build(data, Metric.L2);
        SearchOptions iterative = new SearchOptions(10, 1, true, 100_000, 1, () -> { });
        NeighborIterator it = index.search(data.queries()[0], iterative);
        Set<Long> seen = new HashSet<>();
        while (it.next()) {
            assertTrue(seen.add(it.rowId()), "row returned twice: " + it.rowId());
        }
        assertTrue(seen.size() >= 1990, "iterative scan returned " + seen.size());
        // the scan stops growing after about maxScanTuples visited elements
        SearchOptions capped = new SearchOptions(10, 1, true, 300, 1, () -> { });
        int n = Recall.topK(index, data.queries()[0], capped, 5000).length;
        assertTrue(n >= 10 && n < 1000, "capped iterative scan returned " + n);
    }

    @Test
    void concurrentInsertsAndSearches() throws Exception {
        Dataset data = Datasets.uniform(4000, 12, 50, 10);
        HnswIndex index = HnswIndex.build(12, Metric.L2, HnswParams.defaults(), Arrays.copyOf(data.rowIds(), 1000),
                Arrays.copyOf(data.vectors(), 1000), 1, null);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int offset = t;
            threads.add(new Thread(() -> {
                try {
                    for (int i = 1000 + offset; i < 4000; i += 2) {
                        index.insert(i, data.vectors()[i]);
                    }
                } catch (Throwable e) {
                    failure.set(e);
                }
            }));
        }
        threads.add(new Thread(() -> {
            try {
                for (int round = 0; round < 20; round++) {
                    for (float[] q : data.queries()) {
                        long[] found = Recall.topK(index, q, Recall.hnsw(40), K);
                        if (found.length != K) {
                            throw new AssertionError("got " + found.length);
                        }
                    }
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        }));
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        assertEquals(4000, index.size());
        double recall = Recall.at(index, data.queries(), data.groundTruth(K, Metric.L2, 1), Recall.hnsw(40), K);
        assertTrue(recall >= 0.97, "recall " + recall);
    }

    /** Inserting from a long-lived thread (a session's) must not pin the index after it is dropped. */
    @Test
    void droppedIndexIsCollectable() throws InterruptedException {
        HnswIndex index = HnswIndex.create(4, Metric.L2, HnswParams.defaults());
        for (int i = 0; i < 50; i++) {
            index.insert(i, new float[] {i, 1, 2, 3});
        }
        java.lang.ref.WeakReference<HnswIndex> ref = new java.lang.ref.WeakReference<>(index);
        index = null;
        for (int i = 0; i < 20 && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertTrue(ref.get() == null, "index still reachable after being dropped");
    }

    @Test
    void reinsertingARowReplacesIt() {
        HnswIndex index = HnswIndex.create(2, Metric.L2, HnswParams.defaults());
        index.insert(7, new float[] {0, 0});
        index.insert(7, new float[] {10, 10});
        assertEquals(1, index.size());
        NeighborIterator it = index.search(new float[] {10, 10}, SearchOptions.defaults());
        assertTrue(it.next());
        assertEquals(7, it.rowId());
        assertEquals(0f, it.distance());
        assertFalse(it.next());
    }
}
