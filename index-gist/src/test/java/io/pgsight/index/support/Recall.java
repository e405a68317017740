package io.pgsight.index.support;

import io.pgsight.index.NeighborIterator;
import io.pgsight.index.SearchOptions;
import io.pgsight.index.VectorIndex;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/** Recall measurement helpers for index tests. */
public final class Recall {
    private Recall() {
    }

    public static long[] topK(VectorIndex index, float[] query, SearchOptions options, int k) {
        NeighborIterator it = index.search(query, options);
        long[] out = new long[k];
        int n = 0;
        while (n < k && it.next()) {
            out[n++] = it.rowId();
        }
        return Arrays.copyOf(out, n);
    }

    /** Mean fraction of the exact top-k found in the index's first k results. */
    public static double at(VectorIndex index, float[][] queries, long[][] truth, SearchOptions options, int k) {
        double sum = 0;
        for (int q = 0; q < queries.length; q++) {
            long[] found = topK(index, queries[q], options, k);
            Set<Long> expected = new HashSet<>();
            for (long id : truth[q]) {
                expected.add(id);
            }
            int hit = 0;
            for (long id : found) {
                if (expected.contains(id)) {
                    hit++;
                }
            }
            sum += (double) hit / truth[q].length;
        }
        return sum / queries.length;
    }

    public static SearchOptions hnsw(int efSearch) {
        return new SearchOptions(efSearch, 1, false, 20_000, 1, () -> { });
    }

    public static SearchOptions ivf(int probes) {
        return new SearchOptions(40, probes, false, 20_000, probes, () -> { });
    }
}
