package io.pgsight.sql.engine;

import io.pgsight.sql.catalog.Catalog;

/** One database: its catalog (and, through it, its tables' storage). */
final class Database {
    private final String name;
    private final int oid;
    private final Catalog catalog;

    Database(String name, int oid, Catalog catalog) {
        this.name = name;
        this.oid = oid;
        this.catalog = catalog;
    }

    String name() {
        return name;
    }

    int oid() {
        return oid;
    }

    Catalog catalog() {
        return catalog;
    }
}
