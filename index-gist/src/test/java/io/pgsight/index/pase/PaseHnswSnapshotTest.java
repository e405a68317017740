package io.pgsight.index.pase;

import io.pgsight.index.NeighborIterator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PaseHnswSnapshotTest {
    private static List<String> all(NeighborIterator it) {
        List<String> out = new ArrayList<>();
        while (it.next()) {
            out.add(it.rowId() + ":" + it.distance());
        }
        return out;
    }

    @Test
    void roundTripKeepsOptionsAndAnswers() throws IOException {
        SplittableRandom r = new SplittableRandom(9);
        int n = 2000;
        float[][] vectors = new float[n][8];
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 8; j++) {
                vectors[i][j] = (float) r.nextDouble();
            }
            ids[i] = i;
        }
        PaseHnswIndex index = PaseHnswIndex.build(8, new PaseHnswParams(8, 40, 60), ids, vectors, 1, null);
        Assumptions.assumeTrue(index.canSnapshot(), "the shared HNSW graph has no snapshot format in this build");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            index.writeSnapshot(out);
        }
        PaseHnswIndex copy = PaseHnswIndex.readSnapshot(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(index.params(), copy.params());
        assertEquals(index.size(), copy.size());
        for (int q = 0; q < 20; q++) {
            assertEquals(all(index.search(vectors[q * 50], 0)), all(copy.search(vectors[q * 50], 0)));
        }
    }
}
