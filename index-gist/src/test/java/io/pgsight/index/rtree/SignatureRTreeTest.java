package io.pgsight.index.rtree;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** KNN against brute force on random data, across bulk build, inserts, removes and concurrent reads. */
class SignatureRTreeTest {
    private static final int D = 16;

    private static float[] randomPoint(SplittableRandom rnd, boolean clustered) {
        float[] p = new float[D];
        int cluster = rnd.nextInt(20);
        for (int k = 0; k < D; k++) {
            p[k] = clustered ? (float) (((cluster * 7 + k * 3) % 11) / 4.0 + rnd.nextGaussian() * 0.1)
                    : (float) rnd.nextDouble(0, 3);
        }
        return p;
    }

    /** Brute-force order by GiST distance (ties by row id are compared as sets of distances). */
    private static double[] bruteForce(Map<Long, float[]> rows, float[] q, int k) {
        return rows.values().stream()
                .mapToDouble(p -> SignatureGistOps.INSTANCE.distance(Box.point(p), q))
                .sorted().limit(k).toArray();
    }

    private static void assertKnn(SignatureRTree tree, Map<Long, float[]> rows, float[] q, int k) {
        double[] expected = bruteForce(rows, q, k);
        KnnCursor c = tree.nearest(q);
        double[] got = new double[expected.length];
        double last = -1;
        for (int i = 0; i < expected.length; i++) {
            assertTrue(c.next(), "ran out at " + i);
            float[] p = rows.get(c.rowId());
            assertArrayEquals(p, c.point(), "row " + c.rowId() + " has the indexed point");
            assertEquals(SignatureGistOps.INSTANCE.distance(Box.point(p), q), c.distance());
            assertTrue(c.distance() >= last, "non-decreasing");
            last = c.distance();
            got[i] = c.distance();
        }
        assertArrayEquals(expected, got);
    }

    @Test
    void bulkBuiltKnnMatchesBruteForce() {
        for (boolean clustered : new boolean[] {false, true}) {
            SplittableRandom rnd = new SplittableRandom(clustered ? 7 : 8);
            int n = 20_000;
            float[] pts = new float[n * D];
            long[] ids = new long[n];
            Map<Long, float[]> rows = new HashMap<>();
            for (int i = 0; i < n; i++) {
                float[] p = randomPoint(rnd, clustered);
                System.arraycopy(p, 0, pts, i * D, D);
                ids[i] = 1000L + i;
                rows.put(ids[i], p);
            }
            SignatureRTree tree = SignatureRTree.build(pts, ids);
            assertEquals(n, tree.size());
            for (int t = 0; t < 30; t++) {
                assertKnn(tree, rows, randomPoint(rnd, clustered), 1 + rnd.nextInt(50));
            }
        }
    }

    @Test
    void fullScanReturnsEveryRowOnce() {
        SplittableRandom rnd = new SplittableRandom(3);
        SignatureRTree tree = SignatureRTree.empty();
        for (long i = 0; i < 3000; i++) {
            tree.insert(i, randomPoint(rnd, false));
        }
        KnnCursor c = tree.nearest(randomPoint(rnd, false));
        boolean[] seen = new boolean[3000];
        int count = 0;
        while (c.next()) {
            assertFalse(seen[(int) c.rowId()]);
            seen[(int) c.rowId()] = true;
            count++;
        }
        assertEquals(3000, count);
        assertTrue(tree.height() > 1);
    }

    @Test
    void insertsAfterBuildAndRemoves() {
        SplittableRandom rnd = new SplittableRandom(11);
        Map<Long, float[]> rows = new HashMap<>();
        int n = 5000;
        float[] pts = new float[n * D];
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            float[] p = randomPoint(rnd, true);
            System.arraycopy(p, 0, pts, i * D, D);
            ids[i] = i;
            rows.put((long) i, p);
        }
        SignatureRTree tree = SignatureRTree.build(pts, ids);
        for (long i = n; i < n + 5000; i++) {
            float[] p = randomPoint(rnd, rnd.nextBoolean());
            tree.insert(i, p);
            rows.put(i, p);
        }
        List<Long> keys = new ArrayList<>(rows.keySet());
        keys.sort(Comparator.naturalOrder());
        for (int i = 0; i < 4000; i++) {
            long id = keys.get(rnd.nextInt(keys.size()));
            float[] p = rows.remove(id);
            if (p != null) {
                assertTrue(tree.remove(id, p));
                assertFalse(tree.remove(id, p));
            }
        }
        assertEquals(rows.size(), tree.size());
        for (int t = 0; t < 30; t++) {
            assertKnn(tree, rows, randomPoint(rnd, true), 1 + rnd.nextInt(40));
        }
        for (Long id : new ArrayList<>(rows.keySet())) {
            assertTrue(tree.remove(id, rows.remove(id)));
        }
        assertEquals(0, tree.size());
        assertFalse(tree.nearest(new float[D]).next());
    }

    @Test
    void duplicatesAndNaN() {
        SignatureRTree tree = SignatureRTree.empty();
        float[] same = new float[D];
        Arrays.fill(same, 0.5f);
        float[] nan = new float[D];
        Arrays.fill(nan, Float.NaN);
        Map<Long, float[]> rows = new HashMap<>();
        for (long i = 0; i < 200; i++) {
            float[] p = i % 50 == 0 ? nan.clone() : same.clone();
            if (i % 3 == 0) {
                p[(int) (i % D)] = i / 100f;
            }
            tree.insert(i, p);
            rows.put(i, p);
        }
        // imgsmlr's GiST distance skips NaN dimensions, so all-NaN rows rank at distance 0
        assertKnn(tree, rows, same, 200);
        float[] flat = new float[200 * D];
        long[] ids = new long[200];
        for (int i = 0; i < 200; i++) {
            System.arraycopy(rows.get((long) i), 0, flat, i * D, D);
            ids[i] = i;
        }
        SignatureRTree bulk = SignatureRTree.build(flat, ids, 8, 8);
        assertKnn(bulk, rows, same, 200);
        float[] partlyNan = same.clone();
        partlyNan[3] = Float.NaN;
        assertKnn(bulk, rows, partlyNan, 50);
        assertTrue(tree.remove(0, rows.get(0L)));
        assertTrue(tree.remove(50, nan));
    }

    @Test
    void readersSeeSnapshotsWhileAWriterInserts() throws Exception {
        SplittableRandom rnd = new SplittableRandom(5);
        SignatureRTree tree = SignatureRTree.empty();
        for (long i = 0; i < 2000; i++) {
            tree.insert(i, randomPoint(rnd, false));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<?> writer = pool.submit(() -> {
                SplittableRandom w = new SplittableRandom(6);
                for (long i = 2000; i < 6000; i++) {
                    tree.insert(i, randomPoint(w, false));
                }
            });
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                int seed = r;
                readers.add(pool.submit(() -> {
                    SplittableRandom q = new SplittableRandom(100 + seed);
                    for (int t = 0; t < 300; t++) {
                        KnnCursor c = tree.nearest(randomPoint(q, false));
                        double last = -1;
                        int count = 0;
                        while (count < 20 && c.next()) {
                            assertTrue(c.distance() >= last);
                            last = c.distance();
                            count++;
                        }
                        assertEquals(20, count);
                    }
                }));
            }
            writer.get(60, TimeUnit.SECONDS);
            for (Future<?> f : readers) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(6000, tree.size());
    }
}
