package io.pgsight.index.ivfflat;

import io.pgsight.index.Metric;
import io.pgsight.index.SearchOptions;
import io.pgsight.index.bench.Dataset;
import io.pgsight.index.bench.Datasets;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lists that reference the caller's vectors answer exactly like lists holding copies, for less memory. */
class IvfSharedVectorsTest {
    private static final int DIM = 12;

    private static float[] centers(Dataset data, int k) {
        float[] c = new float[k * DIM];
        for (int i = 0; i < k; i++) {
            System.arraycopy(data.vectors()[i * 37], 0, c, i * DIM, DIM);
        }
        return c;
    }

    private static IvfFlatIndex build(Dataset data, boolean share) {
        return IvfFlatIndex.withCenters(DIM, Metric.L2_SQUARED, centers(data, 20), data.rowIds(), data.vectors(), 2,
                null, false, share);
    }

    private static List<String> answers(IvfFlatIndex index, float[] q, int probes) {
        return IvfFlatSnapshotTest.all(index.scan(q, new SearchOptions(40, probes, false, 0, probes, () -> { }),
                true, true));
    }

    @Test
    void listsReferenceTheGivenArraysAndRankLikeCopies() {
        Dataset data = Datasets.uniform(4000, DIM, 20, 5);
        IvfFlatIndex copied = build(data, false);
        IvfFlatIndex shared = build(data, true);
        IdentityHashMap<float[], Boolean> given = new IdentityHashMap<>();
        for (float[] v : data.vectors()) {
            given.put(v, true);
        }
        int entries = 0;
        for (int c = 0; c < shared.lists(); c++) {
            IvfList.Snapshot s = shared.listForTest(c).snapshot();
            assertTrue(s.vectors == null && s.rows != null);
            for (int i = 0; i < s.size; i++) {
                assertTrue(given.containsKey(s.rows[i]), "list entry is not one of the caller's arrays");
                entries++;
            }
        }
        assertEquals(4000, entries);
        for (int q = 0; q < 40; q++) {
            float[] query = data.vectors()[q * 97];
            for (int probes : new int[] {1, 3, 20}) {
                assertEquals(answers(copied, query, probes), answers(shared, query, probes));
            }
        }
        // 4·DIM bytes of floats a row become one 8-byte reference
        assertEquals(4000L * (4 * DIM - 8), copied.memoryBytes() - shared.memoryBytes(), 4000L * 8);
    }

    @Test
    void insertsKeepTheArrayAndRemovalsCompactReferences() {
        Dataset data = Datasets.uniform(2000, DIM, 10, 9);
        IvfFlatIndex copied = build(data, false);
        IvfFlatIndex shared = build(data, true);
        float[] extra = data.vectors()[3].clone();
        extra[0] += 0.5f;
        copied.insert(9000, extra);
        shared.insert(9000, extra);
        boolean found = false;
        for (int c = 0; c < shared.lists(); c++) {
            IvfList.Snapshot s = shared.listForTest(c).snapshot();
            for (int i = 0; i < s.size; i++) {
                if (s.rowIds[i] == 9000) {
                    assertSame(extra, s.rows[i]);
                    found = true;
                }
            }
        }
        assertTrue(found);
        for (long id = 0; id < 2000; id += 2) { // enough removals to compact every list
            copied.remove(id);
            shared.remove(id);
        }
        assertEquals(copied.size(), shared.size());
        for (int q = 0; q < 30; q++) {
            float[] query = data.vectors()[q * 61 + 1];
            assertEquals(answers(copied, query, 20), answers(shared, query, 20));
            assertEquals(answers(copied, query, 2), answers(shared, query, 2));
        }
    }

    @Test
    void snapshotOfSharedListsIsTheSameImageAndReadsBackAsCopies() throws IOException {
        Dataset data = Datasets.uniform(1500, DIM, 10, 13);
        IvfFlatIndex copied = build(data, false);
        IvfFlatIndex shared = build(data, true);
        shared.remove(7);
        copied.remove(7);
        byte[] image = IvfFlatSnapshotTest.image(shared);
        assertTrue(java.util.Arrays.equals(IvfFlatSnapshotTest.image(copied), image));
        IvfFlatIndex back = IvfFlatIndex.readSnapshot(IvfFlatSnapshotTest.reader(image));
        for (int c = 0; c < back.lists(); c++) {
            assertTrue(back.listForTest(c).snapshot().rows == null, "a restored list owns its vectors");
        }
        for (int q = 0; q < 20; q++) {
            float[] query = data.vectors()[q * 71];
            assertEquals(answers(shared, query, 4), answers(back, query, 4));
        }
    }

    @Test
    void cosineCannotShare() {
        Dataset data = Datasets.uniform(200, DIM, 10, 1);
        assertThrows(IllegalArgumentException.class, () -> IvfFlatIndex.withCenters(DIM, Metric.COSINE,
                centers(data, 3), data.rowIds(), data.vectors(), 1, null, false, true));
    }
}
