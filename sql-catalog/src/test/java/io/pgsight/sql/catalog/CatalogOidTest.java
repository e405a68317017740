package io.pgsight.sql.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogOidTest {
    @Test
    void userOidsSkipTheRangeReservedForExtensionTypes() {
        Catalog catalog = new Catalog("postgres", 5);
        Set<Integer> seen = new HashSet<>();
        int previous = 0;
        for (int i = 0; i < 2000; i++) {
            int oid = catalog.newOid();
            assertFalse(oid >= Catalog.FIRST_EXTENSION_OID && oid < Catalog.END_EXTENSION_OID,
                    "OID " + oid + " collides with the extension range");
            assertTrue(oid > previous, "OIDs increase");
            assertTrue(seen.add(oid));
            previous = oid;
        }
        assertEquals(16384, seen.stream().mapToInt(Integer::intValue).min().orElseThrow());
    }
}
