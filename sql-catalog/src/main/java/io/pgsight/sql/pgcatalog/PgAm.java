package io.pgsight.sql.pgcatalog;

import io.pgsight.sql.catalog.AccessMethodEntry;

import java.util.ArrayList;
import java.util.List;

/** pg_am: the heap table access method plus every index access method in the catalog. */
final class PgAm extends SystemRelation {
    static final int HEAP = 2;

    PgAm() {
        super("pg_catalog", "pg_am", 2601, "oid oid", "amname name", "amhandler regproc", "amtype char");
    }

    @Override
    public List<Object[]> rows(CatalogContext ctx) {
        List<Object[]> out = new ArrayList<>();
        out.add(new Object[] {HEAP, "heap", 0, "t"});
        for (AccessMethodEntry am : ctx.catalog().allAccessMethods()) {
            out.add(new Object[] {am.oid(), am.name(), 0, "i"});
        }
        return out;
    }
}
