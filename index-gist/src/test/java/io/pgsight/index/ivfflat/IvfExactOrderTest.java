package io.pgsight.index.ivfflat;

import io.pgsight.index.Metric;
import io.pgsight.index.NeighborIterator;
import io.pgsight.index.SearchOptions;
import io.pgsight.index.distance.VectorDistances;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With every list probed, an IVFFlat scan (one thread, or pase's parallel batches, with dead entries in
 * some lists) returns exactly the nearest rows in order, however far the consumer reads.
 */
class IvfExactOrderTest {
    @Test
    void allListsProbedGiveTheExactNearestInOrder() {
        SplittableRandom r = new SplittableRandom(11);
        int n = 30_000;
        int dim = 80;
        float[][] vectors = new float[n][dim];
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            float centre = r.nextInt(50) * 100f;
            for (int j = 0; j < dim; j++) {
                vectors[i][j] = centre + (float) r.nextGaussian() * 20f;
            }
            ids[i] = i + 1;
        }
        int lists = 16;
        IvfFlatIndex index = IvfFlatIndex.build(dim, Metric.L2_SQUARED, new IvfFlatParams(lists), ids, vectors, 2, null);
        for (int removed = 1; removed <= n; removed += 7) {
            index.remove(removed); // some lists with dead entries take the row-by-row path
        }
        for (int q = 0; q < 6; q++) {
            float[] query = vectors[r.nextInt(n)].clone();
            query[q] += 3f;
            List<Long> expected = IntStream.range(0, n).filter(i -> (i % 7) != 0).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(i -> VectorDistances.l2Squared(query, 0, vectors[i], 0, dim))
                            .thenComparingInt(i -> i))
                    .map(i -> ids[i]).limit(300).toList();
            for (boolean parallel : new boolean[] {false, true}) {
                SearchOptions all = new SearchOptions(40, lists, false, 0, lists, () -> { });
                List<Long> got = first(index.scan(query, all, true, parallel), 300);
                // same rows in the same order (ties between equal float distances aside: none in this data)
                assertEquals(expected.subList(0, 10), got.subList(0, 10), "first chunk, parallel=" + parallel);
                assertEquals(expected, got, "read past the first chunk, parallel=" + parallel);
            }
        }
    }

    private static List<Long> first(NeighborIterator it, int k) {
        List<Long> out = new ArrayList<>();
        while (out.size() < k && it.next()) {
            out.add(it.rowId());
        }
        return out;
    }
}
