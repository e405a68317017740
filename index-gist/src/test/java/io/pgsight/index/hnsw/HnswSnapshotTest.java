package io.pgsight.index.hnsw;

import io.pgsight.index.Metric;
import io.pgsight.index.NeighborIterator;
import io.pgsight.index.SearchOptions;
import io.pgsight.index.VectorIndex;
import io.pgsight.index.bench.Dataset;
import io.pgsight.index.bench.Datasets;
import io.pgsight.index.pase.PaseHnswIndex;
import io.pgsight.index.pase.PaseHnswParams;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HnswSnapshotTest {
    private static byte[] image(VectorIndex index) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            index.writeSnapshot(out);
        }
        return bytes.toByteArray();
    }

    private static HnswIndex restore(byte[] image) throws IOException {
        return HnswIndex.readSnapshot(new DataInputStream(new ByteArrayInputStream(image)));
    }

    /** Rows and distances of a scan, including an iterative one past ef_search. */
    private static List<String> results(VectorIndex index, float[] q, SearchOptions options, int limit) {
        List<String> out = new ArrayList<>();
        NeighborIterator it = index.search(q, options);
        while (out.size() < limit && it.next()) {
            out.add(it.rowId() + ":" + Float.floatToRawIntBits(it.distance()));
        }
        return out;
    }

    private static void assertSameSearches(VectorIndex expected, VectorIndex actual, float[][] queries) {
        SearchOptions iterative = new SearchOptions(10, 1, true, 2_000, 1, () -> { });
        for (float[] q : queries) {
            assertEquals(results(expected, q, SearchOptions.defaults(), 100), results(actual, q, SearchOptions.defaults(), 100));
            assertEquals(results(expected, q, iterative, 300), results(actual, q, iterative, 300));
        }
    }

    @Test
    void restoredIndexSearchesAndGrowsLikeTheOriginal() throws IOException {
        Dataset data = Datasets.uniform(3000, 16, 30, 7);
        HnswIndex original = HnswIndex.build(16, Metric.L2, HnswParams.defaults(), Arrays.copyOf(data.rowIds(), 2000),
                Arrays.copyOf(data.vectors(), 2000), 1, null);
        for (int i = 0; i < 12; i++) {
            original.insert(100_000 + i, data.vectors()[5]); // shares elements: 10 rows per element
        }
        for (long r = 0; r < 2000; r += 7) {
            original.remove(r);
        }
        original.remove(100_003);
        byte[] image = image(original);
        HnswIndex copy = restore(image);
        assertEquals(original.size(), copy.size());
        assertEquals(original.elementCount(), copy.elementCount());
        assertEquals(original.memoryBytes(), copy.memoryBytes());
        assertSameSearches(original, copy, data.queries());
        assertArrayEquals(image, image(copy));
        // both grow the same way: levels continue from the same generator position
        for (int i = 2000; i < 3000; i++) {
            original.insert(i, data.vectors()[i]);
            copy.insert(i, data.vectors()[i]);
        }
        original.remove(2500);
        copy.remove(2500);
        assertSameSearches(original, copy, data.queries());
        assertArrayEquals(image(original), image(copy));
        HnswConcurrentBuildTest.checkInvariants(copy);
    }

    @Test
    void cosineAndEmptyIndexes() throws IOException {
        HnswIndex empty = HnswIndex.create(3, Metric.COSINE, new HnswParams(8, 20));
        HnswIndex emptyCopy = restore(image(empty));
        assertEquals(0, emptyCopy.size());
        assertEquals(Metric.COSINE, emptyCopy.metric());
        assertEquals(new HnswParams(8, 20), emptyCopy.params());
        emptyCopy.insert(1, new float[] {1, 2, 3});
        emptyCopy.insert(2, new float[] {0, 0, 0}); // not indexed, as pgvector
        assertEquals(1, emptyCopy.size());
        Dataset data = Datasets.uniform(1500, 8, 20, 3);
        HnswIndex cosine = HnswIndex.build(8, Metric.COSINE, new HnswParams(8, 32), data.rowIds(), data.vectors(), 2,
                null);
        assertSameSearches(cosine, restore(image(cosine)), data.queries());
    }

    @Test
    void paseHnswRoundTrip() throws IOException {
        Dataset data = Datasets.uniform(1500, 8, 20, 5);
        PaseHnswIndex pase = PaseHnswIndex.build(8, new PaseHnswParams(12, 40, 60), data.rowIds(), data.vectors(), 2,
                null);
        assertTrue(pase.canSnapshot());
        byte[] image = image(pase);
        PaseHnswIndex copy = PaseHnswIndex.readSnapshot(new DataInputStream(new ByteArrayInputStream(image)));
        assertEquals(pase.params(), copy.params());
        for (float[] q : data.queries()) {
            assertEquals(results(pase, q, SearchOptions.defaults(), 100), results(copy, q, SearchOptions.defaults(), 100));
            List<String> a = new ArrayList<>();
            List<String> b = new ArrayList<>();
            for (NeighborIterator it = pase.search(q, 0); it.next(); ) {
                a.add(it.rowId() + ":" + it.distance());
            }
            for (NeighborIterator it = copy.search(q, 0); it.next(); ) {
                b.add(it.rowId() + ":" + it.distance());
            }
            assertEquals(a, b);
        }
        copy.insert(99_999, data.queries()[0]);
        assertEquals(99_999, copy.search(data.queries()[0], 0).next() ? 99_999 : -1);
    }

    /** A snapshot taken while inserts run holds each row fully or not at all. */
    @Test
    void snapshotDuringInsertsIsConsistent() throws Exception {
        Dataset data = Datasets.uniform(3000, 12, 10, 11);
        HnswIndex index = HnswIndex.create(12, Metric.L2, HnswParams.defaults());
        AtomicInteger next = new AtomicInteger();
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            Thread w = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < 3000) {
                    index.insert(i, data.vectors()[i]);
                }
            });
            writers.add(w);
            w.start();
        }
        List<byte[]> images = new ArrayList<>();
        while (next.get() < 3000 && images.size() < 4) {
            Thread.sleep(20);
            images.add(image(index));
        }
        for (Thread w : writers) {
            w.join();
        }
        images.add(image(index));
        for (byte[] image : images) {
            HnswIndex copy = restore(image);
            HnswConcurrentBuildTest.checkInvariants(copy);
            assertEquals(copy.elementCount(), copy.size());
            // every row in the image is found by an exact-enough search for its own vector
            for (int i = 0; i < 3000; i += 97) {
                NeighborIterator it = copy.search(data.vectors()[i], new SearchOptions(64, 1, false, Long.MAX_VALUE, 1,
                        () -> { }));
                boolean indexed = copy.elementCount() > 0 && containsRow(copy, i);
                if (indexed) {
                    assertTrue(it.next() && it.distance() == 0f, "row " + i + " of a snapshot with " + copy.size());
                }
            }
        }
        assertEquals(3000, restore(images.get(images.size() - 1)).size());
    }

    private static boolean containsRow(HnswIndex index, long row) {
        HnswGraph g = index.graph();
        for (int n = 0; n < index.elementCount(); n++) {
            if (g.primaryRowId(n) == row) {
                return true;
            }
        }
        return false;
    }

    /**
     * hnsw-v1.snapshot was written by the format-1 code (which stored link distances) for the
     * index built here: 600 seeded Gaussian rows of 8 dimensions, m = 4, ef_construction = 16,
     * one thread, rows 105 and 333 removed. It restores to an index answering as a fresh build.
     */
    @Test
    void formatOneImagesStillLoad() throws IOException {
        java.util.SplittableRandom r = new java.util.SplittableRandom(42);
        int n = 600;
        int dim = 8;
        float[][] vectors = new float[n][dim];
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dim; j++) {
                vectors[i][j] = (float) r.nextGaussian();
            }
            ids[i] = 100 + i;
        }
        HnswIndex fresh = HnswIndex.build(dim, Metric.L2, new HnswParams(4, 16), ids, vectors, 1, null);
        fresh.remove(105);
        fresh.remove(333);
        byte[] v1;
        try (var in = HnswSnapshotTest.class.getResourceAsStream("hnsw-v1.snapshot")) {
            v1 = in.readAllBytes();
        }
        HnswIndex copy = restore(v1);
        assertEquals(fresh.size(), copy.size());
        assertSameSearches(fresh, copy, Arrays.copyOf(vectors, 40));
        assertArrayEquals(image(fresh), image(copy)); // rewritten in the current format
        copy.insert(5000, vectors[7]);
        NeighborIterator it = copy.search(vectors[7], SearchOptions.defaults());
        assertTrue(it.next() && it.distance() == 0f);
        HnswConcurrentBuildTest.checkInvariants(copy);
    }

    @Test
    void rejectsForeignOrTruncatedImages() throws IOException {
        assertThrows(IOException.class, () -> restore(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
        Dataset data = Datasets.uniform(500, 4, 1, 1);
        byte[] image = image(HnswIndex.build(4, Metric.L2, HnswParams.defaults(), data.rowIds(), data.vectors(), 1,
                null));
        assertThrows(IOException.class, () -> restore(Arrays.copyOf(image, image.length / 2)));
    }
}
