package io.pgsight.sql.catalog;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Row ids by key, including keys whose value is their own row id (the stored key object is reused). */
class EqualityIndexTest {
    @Test
    void keysEqualToTheirRowIdAndOthersLookUpAlike() {
        EqualityIndex index = new EqualityIndex();
        for (int i = 1; i <= 1000; i++) {
            index.insert(i, i); // serial key = row id
        }
        index.insert(5000, 7);  // a second version of key 7
        index.insert(6000, 2000);
        assertEquals(Set.of(1L), index.lookup(1));
        assertEquals(Set.of(7L, 5000L), index.lookup(7));
        assertEquals(Set.of(6000L), index.lookup(2000));
        assertEquals(Set.of(6000L), index.lookup(2000L));
        index.remove(7, 7);
        assertEquals(Set.of(5000L), index.lookup(7));
        index.remove(1, 1);
        assertEquals(Set.of(), index.lookup(1));
        index.insert(1, 1);
        index.insert(1, 1);
        assertEquals(Set.of(1L), index.lookup(1));
    }

    @Test
    void insertIfSeesTheSameIdsForReusedKeys() {
        EqualityIndex index = new EqualityIndex();
        assertTrue(index.insertIf(42, 42, Set::isEmpty));
        assertFalse(index.insertIf(43, 42, Set::isEmpty));
        assertEquals(Set.of(42L), index.lookup(42));
        assertTrue(index.insertIf(43, 42, ids -> ids.equals(Set.of(42L))));
        assertEquals(Set.of(42L, 43L), index.lookup(42));
    }
}
