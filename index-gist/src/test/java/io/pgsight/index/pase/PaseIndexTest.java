package io.pgsight.index.pase;

import io.pgsight.index.IndexBuildException;
import io.pgsight.index.NeighborIterator;
import io.pgsight.index.bench.Dataset;
import io.pgsight.index.bench.Datasets;
import io.pgsight.index.Metric;
import io.pgsight.index.support.Recall;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PaseIndexTest {
    /** pase's regression data in small: rows [id, 1, 1, ...], query [q, 1, 1, ...]. */
    private static float[][] ramp(int rows, int dim) {
        float[][] vectors = new float[rows][dim];
        for (int i = 0; i < rows; i++) {
            java.util.Arrays.fill(vectors[i], 1);
            vectors[i][0] = i;
        }
        return vectors;
    }

    private static long[] ids(int n) {
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
        }
        return ids;
    }

    private static float[] distances(NeighborIterator it, int limit) {
        List<Float> out = new ArrayList<>();
        while (out.size() < limit && it.next()) {
            out.add(it.distance());
        }
        float[] a = new float[out.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = out.get(i);
        }
        return a;
    }

    @Test
    void hnswRanksBySquaredL2AndLimitsRowsToEfSearch() {
        float[][] vectors = ramp(3000, 16);
        PaseHnswIndex index = PaseHnswIndex.build(16, new PaseHnswParams(16, 40, 200), ids(3000), vectors, 2, null);
        float[] query = ramp(1, 16)[0];
        query[0] = 1111;
        assertArrayEquals(new float[] {0, 1, 1, 4, 4, 9, 9, 16, 16, 25}, distances(index.search(query, 0), 10));
        assertEquals(200, distances(index.search(query, 0), 10_000).length);
        assertEquals(30, distances(index.search(query, 30), 10_000).length);
    }

    @Test
    void hnswBuildNotices() {
        List<String> notices = new ArrayList<>();
        PaseHnswIndex index = PaseHnswIndex.buildWithNotices(4, PaseHnswParams.defaults(), ids(2500), ramp(2500, 4), 1,
                notices::add);
        assertEquals(2500, index.size());
        assertEquals(3, notices.size());
        assertTrue(notices.get(0).startsWith("build count: 1000, total use time: ["), notices.get(0));
        assertTrue(notices.get(2).startsWith("build count: 2500, total use time: ["), notices.get(2));
        assertTrue(notices.get(2).contains("], distance fun calls "), notices.get(2));
    }

    @Test
    void ivfflatWithInnerKMeans() {
        float[][] vectors = ramp(5000, 16);
        List<String> notices = new ArrayList<>();
        PaseIvfFlatIndex index = PaseIvfFlatIndex.build(new PaseIvfFlatParams(1, 0, 16, "100,50"), ids(5000), vectors,
                2, notices::add, 1);
        assertEquals(50, index.centroids());
        assertEquals("parse clustering parameters succeed, clustering_sample_ratio[100], k[50]", notices.get(0));
        assertEquals("begin inner kmeans clustering", notices.get(1));
        assertEquals("begin, ivfflat index building", notices.get(2));
        assertTrue(notices.get(notices.size() - 1).startsWith("ivfflat index build done, build tuple number[5000]"));
        float[] query = ramp(1, 16)[0];
        query[0] = 2222;
        assertArrayEquals(new float[] {0, 1, 1, 4, 4, 9, 9, 16, 16, 25}, distances(index.search(query, 100), 10));
        assertEquals(1, index.listsToProbe(1));      // at least one list
        assertEquals(1, index.listsToProbe(0));      // default 20 per mille of 50 lists
        assertEquals(5, index.listsToProbe(100));
        assertEquals(-1, index.listsToProbe(1001));
        assertFalse(index.search(query, 1001).next());
        // every row of the probed lists comes back
        assertEquals(5000, distances(index.search(query, 1000), 100_000).length);
    }

    @Test
    void ivfflatWithCentroidFile(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("centroids.txt");
        Files.writeString(file, "2|3|0,0,10,10,-10,5\n");
        float[][] vectors = {{1, 1}, {9, 9}, {-9, 4}, {11, 10}};
        PaseIvfFlatIndex index = PaseIvfFlatIndex.build(new PaseIvfFlatParams(0, 0, 2, file.toString()), ids(4),
                vectors, 1, null, 1);
        assertEquals(3, index.centroids());
        NeighborIterator it = index.search(new float[] {10, 10}, 300);
        assertTrue(it.next());
        assertTrue(it.rowId() == 1 || it.rowId() == 3);
        assertEquals(2, distances(index.search(new float[] {10, 10}, 300), 10).length); // one list of three
    }

    @Test
    void distanceTypeOtherThanL2IndexesNothing() {
        PaseIvfFlatIndex index = PaseIvfFlatIndex.build(new PaseIvfFlatParams(1, 1, 4, "1000,2"), ids(10),
                ramp(10, 4), 1, null, 1);
        assertEquals(0, index.size());
        assertFalse(index.search(new float[] {1, 1, 1, 1}, 0).next());
    }

    @Test
    void clusteringParameterErrors() {
        assertEquals("cluster parameters format error, splits size:1",
                assertThrows(IndexBuildException.class, () -> new PaseIvfFlatParams(1, 0, 4, "10").clustering())
                        .getMessage());
        assertEquals("clustering_sample_ratio[0] is illegal, should in (0, 1000]",
                assertThrows(IndexBuildException.class, () -> new PaseIvfFlatParams(1, 0, 4, "0,10").clustering())
                        .getMessage());
        assertEquals("clustering_sample_ratio[1001] is illegal, should in (0, 1000]",
                assertThrows(IndexBuildException.class, () -> new PaseIvfFlatParams(1, 0, 4, "1001,10").clustering())
                        .getMessage());
        assertEquals("k format error[x]",
                assertThrows(IndexBuildException.class, () -> new PaseIvfFlatParams(1, 0, 4, "10,x").clustering())
                        .getMessage());
        assertEquals(new PaseIvfFlatParams.Clustering(10, 100), new PaseIvfFlatParams(1, 0, 4, " 10 , 100 ").clustering());
    }

    @Test
    void centroidFileErrors() {
        assertEquals("open centroid file[/nonexistent/c.txt] failed",
                assertThrows(IndexBuildException.class, () -> CentroidFile.read("/nonexistent/c.txt", 2)).getMessage());
        assertEquals("centroid file format error, splits size:2",
                assertThrows(IndexBuildException.class, () -> CentroidFile.parse("2|1", 2)).getMessage());
        assertEquals("dim format[x] error",
                assertThrows(IndexBuildException.class, () -> CentroidFile.parse("x|1|1,2", 2)).getMessage());
        assertEquals("centroids dim[3] in file not equal to opts[2]",
                assertThrows(IndexBuildException.class, () -> CentroidFile.parse("3|1|1,2,3", 2)).getMessage());
        assertEquals("count format[y] error",
                assertThrows(IndexBuildException.class, () -> CentroidFile.parse("2|y|1,2", 2)).getMessage());
        assertEquals("val[a] format error",
                assertThrows(IndexBuildException.class, () -> CentroidFile.parse("2|1|1,a", 2)).getMessage());
        assertArrayEquals(new float[] {1, 2, 3, 4}, CentroidFile.parse("2|2|1,2,3,4\n", 2));
    }

    @Test
    void paseHnswRecallOnClusters() {
        Dataset data = Datasets.gauss128(3000);
        PaseHnswIndex index = PaseHnswIndex.build(128, PaseHnswParams.defaults(), data.rowIds(), data.vectors(), 2,
                null);
        double recall = Recall.at(index, java.util.Arrays.copyOf(data.queries(), 100),
                java.util.Arrays.copyOf(data.groundTruth(10, Metric.L2_SQUARED, 2), 100), Recall.hnsw(50), 10);
        assertTrue(recall >= 0.95, "recall " + recall);
    }
}
