package io.pgsight.ext.pase;

import io.pgsight.sql.spi.PgArray;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A build collects row ids and the rows' own vectors (no copies) past its initial capacity. */
class BuildRowsTest {
    @Test
    void keepsOrderAndReferencesAcrossGrowth() {
        BuildRows rows = new BuildRows();
        float[][] given = new float[3000][];
        for (int i = 0; i < given.length; i++) {
            given[i] = new float[] {i, -i};
            rows.add(10L * i, given[i]);
        }
        long[] ids = rows.rowIds();
        float[][] vectors = rows.vectors();
        assertEquals(3000, ids.length);
        assertEquals(3000, vectors.length);
        for (int i = 0; i < given.length; i++) {
            assertEquals(10L * i, ids[i]);
            assertSame(given[i], vectors[i]);
        }
    }

    @Test
    void compactFloat4KeysAreHandedOverUncopied() {
        float[] stored = {1, 2, 3};
        assertSame(stored, PaseIndexMethod.keyFloats(PgArray.ofFloat4(stored)));
        PgArray boxed = new PgArray(701, new int[] {2}, new int[] {1}, new Object[] {1.5, 2.5});
        float[] converted = PaseIndexMethod.keyFloats(boxed);
        assertArrayEquals(new float[] {1.5f, 2.5f}, converted);
        assertNotSame(converted, PaseIndexMethod.keyFloats(boxed));
    }
}
