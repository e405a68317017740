package io.pgsight.sql.settings;

import io.pgsight.sql.spi.SettingDef;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Extension settings configured before their extension defines them, as PostgreSQL's placeholders. */
class SettingCatalogTest {
    private static final SettingDef EF_SEARCH = SettingDef.integer("hnsw.ef_search", 40, 1, 1000, "ef");

    @Test
    void configuredValueOutlivesTheDefinition() {
        SettingCatalog catalog = new SettingCatalog(Map.of("hnsw.ef_search", "100"));
        catalog.register(EF_SEARCH);
        assertEquals("100", catalog.find("hnsw.ef_search").defaultValue());
        catalog.register(EF_SEARCH); // CREATE EXTENSION in a second database
        assertEquals("100", catalog.find("HNSW.EF_SEARCH").defaultValue());
    }

    @Test
    void invalidConfiguredValueGivesWayToTheExtensionsDefault() {
        SettingCatalog outOfRange = new SettingCatalog(Map.of("hnsw.ef_search", "5000"));
        outOfRange.register(EF_SEARCH);
        assertEquals("40", outOfRange.find("hnsw.ef_search").defaultValue());
        SettingCatalog notANumber = new SettingCatalog(Map.of("hnsw.ef_search", "many"));
        notANumber.register(EF_SEARCH);
        assertEquals("40", notANumber.find("hnsw.ef_search").defaultValue());
    }

    @Test
    void unconfiguredSettingTakesTheExtensionsDefault() {
        SettingCatalog catalog = new SettingCatalog(Map.of());
        catalog.register(EF_SEARCH);
        assertEquals("40", catalog.find("hnsw.ef_search").defaultValue());
    }
}
