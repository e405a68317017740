package io.pgsight.index.ivfflat;

import io.pgsight.index.Metric;
import io.pgsight.index.NeighborIterator;
import io.pgsight.index.SearchOptions;
import io.pgsight.index.distance.DistanceKernels;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chunked scan against a plain sort of the probed lists' rows, over many random shapes. */
class IvfScanOrderTest {
    @Test
    void scanMatchesSortingTheProbedRows() {
        SplittableRandom r = new SplittableRandom(77);
        for (int round = 0; round < 40; round++) {
            int dim = 1 + r.nextInt(20);
            int n = 1 + r.nextInt(3000);
            int lists = 1 + r.nextInt(60);
            float[][] vectors = new float[n][dim];
            long[] ids = new long[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < dim; j++) {
                    vectors[i][j] = r.nextInt(4) == 0 ? r.nextInt(3) : (float) r.nextGaussian() * 10;
                }
                ids[i] = 1000 + i;
            }
            IvfFlatIndex index = IvfFlatIndex.build(dim, Metric.L2, new IvfFlatParams(lists), ids, vectors, 2, null);
            Set<Long> removed = new HashSet<>();
            for (int i = 0; i < n; i += 1 + r.nextInt(7)) {
                if (r.nextInt(3) == 0) {
                    index.remove(ids[i]);
                    removed.add(ids[i]);
                }
            }
            int probes = 1 + r.nextInt(lists);
            float[] q = vectors[r.nextInt(n)];
            // expected: every live row of the probed lists (those nearest q's centre distance), by distance
            int[] order = index.rankListsForTest(q, probes);
            List<float[]> expected = new ArrayList<>();
            for (int list : order) {
                IvfList.Snapshot s = index.listForTest(list).snapshot();
                for (int i = 0; i < s.size; i++) {
                    if (!s.dead[i]) {
                        expected.add(new float[] {DistanceKernels.l2Squared(q, 0, index.listForTest(list).vector(s, i), 0, dim), s.rowIds[i]});
                    }
                }
            }
            expected.sort((a, b) -> a[0] != b[0] ? Float.compare(a[0], b[0]) : 0);
            NeighborIterator it = index.search(q, new SearchOptions(40, probes, false, 0, probes, () -> { }));
            List<Float> got = new ArrayList<>();
            Set<Long> seen = new HashSet<>();
            while (it.next()) {
                assertTrue(seen.add(it.rowId()), "row twice");
                assertTrue(!removed.contains(it.rowId()), "removed row");
                got.add(it.distance());
            }
            assertEquals(expected.size(), got.size(), "round " + round);
            for (int i = 0; i < got.size(); i++) {
                // the batched kernel and the single-row one may sum lanes in another order (Vector API
                // reductions are not ordered): equal within a few ulps, and the order must hold
                float want = (float) Math.sqrt(expected.get(i)[0]);
                assertEquals(want, got.get(i), 4 * Math.ulp(want), "round " + round + " position " + i);
                if (i > 0) {
                    assertTrue(got.get(i) >= got.get(i - 1), "order at " + i);
                }
            }
            if (!removed.contains(ids[Arrays.asList(vectors).indexOf(q)])) {
                assertEquals(0f, got.get(0));
            }
        }
    }
}
