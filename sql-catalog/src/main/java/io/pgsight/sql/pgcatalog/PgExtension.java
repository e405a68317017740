package io.pgsight.sql.pgcatalog;

import io.pgsight.sql.catalog.ExtensionEntry;

import java.util.ArrayList;
import java.util.List;

/** pg_extension: plpgsql (always installed, as in a fresh PostgreSQL database) and CREATEd extensions. */
final class PgExtension extends SystemRelation {
    static final int PLPGSQL_OID = 13_559; // as initdb of PostgreSQL 15 assigns it (extension 13559, language 13563)

    PgExtension() {
        super("pg_catalog", "pg_extension", 3079, "oid oid", "extname name", "extowner oid", "extnamespace oid",
                "extrelocatable bool", "extversion text", "extconfig oid[]", "extcondition text[]");
    }

    @Override
    public List<Object[]> rows(CatalogContext ctx) {
        List<Object[]> out = new ArrayList<>();
        out.add(new Object[] {PLPGSQL_OID, "plpgsql", CatalogContext.SUPERUSER_OID, CatalogContext.PG_CATALOG, false,
                "1.0", null, null});
        for (ExtensionEntry e : ctx.catalog().extensions()) {
            out.add(new Object[] {e.oid(), e.name(), CatalogContext.SUPERUSER_OID, ctx.schemaOid(e.schema()), false,
                    e.version(), null, null});
        }
        return out;
    }
}
