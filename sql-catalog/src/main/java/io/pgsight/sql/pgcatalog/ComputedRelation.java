package io.pgsight.sql.pgcatalog;

import java.util.List;
import java.util.function.Function;

/** A system relation whose rows come from a function: small catalogs and ones that are always empty. */
final class ComputedRelation extends SystemRelation {
    private final Function<CatalogContext, List<Object[]>> rows;

    ComputedRelation(String schema, String name, int oid, Function<CatalogContext, List<Object[]>> rows, String... columns) {
        super(schema, name, oid, columns);
        this.rows = rows;
    }

    /** A relation that exists (clients join against it) but has no rows in this server. */
    static ComputedRelation empty(String name, int oid, String... columns) {
        return new ComputedRelation("pg_catalog", name, oid, c -> List.of(), columns);
    }

    @Override
    public List<Object[]> rows(CatalogContext ctx) {
        return rows.apply(ctx);
    }
}
