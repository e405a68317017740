package io.pgsight.sql.pgcatalog;

import io.pgsight.sql.catalog.Catalog;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OIDs for catalog rows the engine keeps without one (constraints, column defaults): drawn from the
 * database's OID counter the first time a row is seen and fixed from then on, keyed by what
 * identifies the row ({@code "con:<table oid>:<name>"}).
 */
public final class SyntheticOids {
    private static final Map<Catalog, SyntheticOids> BY_CATALOG = Collections.synchronizedMap(new WeakHashMap<>());

    private final Catalog catalog;
    private final Map<String, Integer> oids = new ConcurrentHashMap<>();

    private SyntheticOids(Catalog catalog) {
        this.catalog = catalog;
    }

    public static SyntheticOids of(Catalog c) {
        return BY_CATALOG.computeIfAbsent(c, SyntheticOids::new);
    }

    public int oid(String key) {
        return oids.computeIfAbsent(key, k -> catalog.newOid());
    }
}
