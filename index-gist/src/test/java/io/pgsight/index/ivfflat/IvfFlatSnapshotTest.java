package io.pgsight.index.ivfflat;

import io.pgsight.index.Metric;
import io.pgsight.index.NeighborIterator;
import io.pgsight.index.SearchOptions;
import io.pgsight.index.bench.Dataset;
import io.pgsight.index.bench.Datasets;
import io.pgsight.index.support.Recall;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IvfFlatSnapshotTest {
    static byte[] image(io.pgsight.index.VectorIndex index) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            index.writeSnapshot(out);
        }
        return bytes.toByteArray();
    }

    static DataInputStream reader(byte[] image) {
        return new DataInputStream(new ByteArrayInputStream(image));
    }

    /** Every (row, distance) an iterator yields, in order. */
    static List<String> all(NeighborIterator it) {
        List<String> out = new ArrayList<>();
        while (it.next()) {
            out.add(it.rowId() + ":" + Float.floatToIntBits(it.distance()));
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = Metric.class, names = {"L2", "COSINE", "NEGATIVE_INNER_PRODUCT"})
    void roundTripAnswersEverySearchTheSame(Metric metric) throws IOException {
        Dataset data = Datasets.uniform(3000, 6, 20, 31);
        IvfFlatIndex index = IvfFlatIndex.build(6, metric, new IvfFlatParams(25), data.rowIds(), data.vectors(), 2, null);
        for (long id = 0; id < 3000; id += 3) {
            index.remove(id);
        }
        index.insert(5000, new float[] {1, 2, 3, 4, 5, 6});
        assertTrue(index.canSnapshot());
        IvfFlatIndex copy = IvfFlatIndex.readSnapshot(reader(image(index)));
        assertEquals(index.size(), copy.size());
        assertEquals(index.lists(), copy.lists());
        assertEquals(metric, copy.metric());
        for (float[] q : data.queries()) {
            for (int probes : new int[] {1, 5, 25}) {
                SearchOptions o = Recall.ivf(probes);
                assertEquals(all(index.search(q, o)), all(copy.search(q, o)));
            }
        }
        // the restored index keeps working
        copy.insert(6000, data.vectors()[0]);
        copy.remove(1);
        assertEquals(index.size(), copy.size());
        NeighborIterator it = copy.search(data.vectors()[0], Recall.ivf(25));
        assertTrue(it.next());
        assertTrue(it.rowId() == 6000 || it.rowId() == 0 || it.distance() <= 1e-6f);
    }

    @Test
    void emptyIndexAndCorruptImages() throws IOException {
        IvfFlatIndex empty = IvfFlatIndex.build(3, Metric.L2, new IvfFlatParams(4), new long[0], new float[0][], 1, null);
        IvfFlatIndex copy = IvfFlatIndex.readSnapshot(reader(image(empty)));
        assertEquals(0, copy.size());
        assertEquals(empty.trainedWithLittleData(), copy.trainedWithLittleData());
        copy.insert(1, new float[] {1, 2, 3});
        assertEquals(1, copy.size());
        assertThrows(IOException.class, () -> IvfFlatIndex.readSnapshot(reader(new byte[] {1, 2, 3, 4, 5})));
        byte[] image = image(copy);
        assertThrows(IOException.class,
                () -> IvfFlatIndex.readSnapshot(reader(java.util.Arrays.copyOf(image, image.length - 3))));
    }

    @Test
    void snapshotDuringConcurrentInsertsHoldsWholeRows() throws Exception {
        Dataset data = Datasets.uniform(4000, 8, 1, 32);
        IvfFlatIndex index = IvfFlatIndex.build(8, Metric.L2, new IvfFlatParams(20),
                java.util.Arrays.copyOf(data.rowIds(), 1000), java.util.Arrays.copyOf(data.vectors(), 1000), 1, null);
        Thread writer = new Thread(() -> {
            for (int i = 1000; i < 4000; i++) {
                index.insert(i, data.vectors()[i]);
            }
        });
        writer.start();
        List<byte[]> images = new ArrayList<>();
        while (writer.isAlive()) {
            images.add(image(index));
        }
        writer.join();
        images.add(image(index));
        for (byte[] image : images) {
            IvfFlatIndex copy = IvfFlatIndex.readSnapshot(reader(image));
            List<String> rows = all(copy.search(data.vectors()[0], Recall.ivf(20)));
            assertEquals(copy.size(), rows.size());
        }
        assertEquals(4000, IvfFlatIndex.readSnapshot(reader(images.get(images.size() - 1))).size());
    }

    @Test
    void tiedDistancesComeBackOnceEachInOrder() {
        int n = 3000;
        float[][] vectors = new float[n][];
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            vectors[i] = new float[] {i % 5, 0};
            ids[i] = i;
        }
        IvfFlatIndex index = IvfFlatIndex.build(2, Metric.L2, new IvfFlatParams(3), ids, vectors, 1, null);
        NeighborIterator it = index.search(new float[] {0, 0}, Recall.ivf(3));
        java.util.Set<Long> seen = new java.util.HashSet<>();
        float previous = -1;
        while (it.next()) {
            assertTrue(seen.add(it.rowId()));
            assertTrue(it.distance() >= previous);
            previous = it.distance();
        }
        assertEquals(n, seen.size());
    }
}
