package io.pgsight.index.ivfflat;

import io.pgsight.index.Metric;
import io.pgsight.index.NeighborIterator;
import io.pgsight.index.SearchOptions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Scans hand their distance arrays back on close for later scans: scans open at the same time
 * never share one, a closed scan returns no more rows, and a scan that reuses an array answers as
 * one that did not.
 */
class IvfScanBuffersTest {
    @Test
    void interleavedScansWithReusedArraysAnswerAsFreshOnes() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 6000;
        int dim = 40;
        float[][] vectors = new float[n][dim];
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            float centre = r.nextInt(12) * 50f;
            for (int j = 0; j < dim; j++) {
                vectors[i][j] = centre + (float) r.nextGaussian() * 5f;
            }
            ids[i] = 10 + i;
        }
        IvfFlatIndex index = IvfFlatIndex.build(dim, Metric.L2, new IvfFlatParams(8), ids, vectors, 1, null);
        SearchOptions options = new SearchOptions(40, 4, false, 0, 4, () -> { });
        float[] qa = vectors[1];
        float[] qb = vectors[2000];
        float[] qc = vectors[4000];
        List<String> expectedB = drain(index.search(qb, options), Integer.MAX_VALUE);
        List<String> expectedC = drain(index.search(qc, options), Integer.MAX_VALUE);

        NeighborIterator a = index.search(qa, options);
        NeighborIterator b = index.search(qb, options);
        List<String> gotB = drain(b, 7);
        drain(a, 5);
        a.close();
        assertFalse(a.next(), "a closed scan returns nothing");
        NeighborIterator c = index.search(qc, options); // may take a's array
        List<String> gotC = new ArrayList<>();
        boolean more = true;
        while (more) {
            more = false;
            if (c.next()) {
                gotC.add(c.rowId() + ":" + c.distance());
                more = true;
            }
            if (b.next()) {
                gotB.add(b.rowId() + ":" + b.distance());
                more = true;
            }
        }
        assertEquals(expectedB, gotB);
        assertEquals(expectedC, gotC);
    }

    private static List<String> drain(NeighborIterator it, int limit) {
        List<String> out = new ArrayList<>();
        while (out.size() < limit && it.next()) {
            out.add(it.rowId() + ":" + it.distance());
        }
        return out;
    }
}
