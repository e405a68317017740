package io.pgsight.index.pase;

import io.pgsight.index.NeighborIterator;
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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PaseIvfFlatSnapshotTest {
    private static List<String> all(NeighborIterator it) {
        List<String> out = new ArrayList<>();
        while (it.next()) {
            out.add(it.rowId() + ":" + it.distance());
        }
        return out;
    }

    @Test
    void roundTripKeepsOptionsListsAndAnswers() throws IOException {
        roundTrip(12, 4000, "200,40");
    }

    /** 80 dimensions are stored split (head and tail arrays), lists of over a thousand rows written in pieces. */
    @Test
    void roundTripOfSplitVectorsInLongLists() throws IOException {
        roundTrip(80, 5000, "1000,3");
    }

    private static void roundTrip(int dim, int n, String clustering) throws IOException {
        SplittableRandom r = new SplittableRandom(5);
        float[][] vectors = new float[n][dim];
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dim; j++) {
                vectors[i][j] = (float) (r.nextInt(4) * 100 + r.nextDouble() * 10);
            }
            ids[i] = i + 1;
        }
        PaseIvfFlatParams params = new PaseIvfFlatParams(1, 0, dim, clustering);
        PaseIvfFlatIndex index = PaseIvfFlatIndex.build(params, ids, vectors, 2, null, 3);
        index.remove(7);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            index.writeSnapshot(out);
        }
        PaseIvfFlatIndex copy = PaseIvfFlatIndex.readSnapshot(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(params, copy.params());
        assertEquals(index.centroids(), copy.centroids());
        assertEquals(index.size(), copy.size());
        for (int q = 0; q < 20; q++) {
            for (int ratio : new int[] {0, 100, 1000}) {
                assertEquals(all(index.search(vectors[q * 37], ratio)), all(copy.search(vectors[q * 37], ratio)));
            }
        }
        copy.insert(9999, vectors[3]);
        NeighborIterator it = copy.search(vectors[3], 1000);
        assertTrue(it.next());
        assertEquals(0f, it.distance());
        assertThrows(IOException.class,
                () -> PaseIvfFlatIndex.readSnapshot(new DataInputStream(new ByteArrayInputStream(new byte[8]))));
    }
}
