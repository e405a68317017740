package io.pgsight.index.ivfflat;

import io.pgsight.index.Metric;
import io.pgsight.index.NeighborIterator;
import io.pgsight.index.SearchOptions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** pase's parallel batch measurement yields exactly what the one-thread scan yields. */
class IvfParallelScanTest {
    @Test
    void parallelBatchesAnswerLikeTheSequentialScan() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 40_000;
        int dim = 24;
        float[][] vectors = new float[n][dim];
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dim; j++) {
                vectors[i][j] = (float) r.nextGaussian();
            }
            ids[i] = i + 1;
        }
        IvfFlatIndex index = IvfFlatIndex.build(dim, Metric.L2_SQUARED, new IvfFlatParams(8), ids, vectors, 2, null);
        for (int q = 0; q < 5; q++) {
            float[] query = vectors[r.nextInt(n)];
            SearchOptions all = new SearchOptions(40, 8, false, 0, 8, () -> { });
            List<String> sequential = drain(index.scan(query, all, true, false));
            List<String> parallel = drain(index.scan(query, all, true, true));
            assertTrue(sequential.size() >= 16_384, "large enough to take the parallel path");
            assertEquals(sequential, parallel);
        }
    }

    private static List<String> drain(NeighborIterator it) {
        List<String> out = new ArrayList<>();
        while (it.next()) {
            out.add(it.rowId() + ":" + Float.floatToIntBits(it.distance()));
        }
        return out;
    }
}
