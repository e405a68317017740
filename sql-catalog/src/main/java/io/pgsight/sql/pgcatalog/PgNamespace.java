package io.pgsight.sql.pgcatalog;

import java.util.ArrayList;
import java.util.List;

/** pg_namespace: the database's schemas. */
final class PgNamespace extends SystemRelation {
    PgNamespace() {
        super("pg_catalog", "pg_namespace", 2615, "oid oid", "nspname name", "nspowner oid", "nspacl aclitem[]");
    }

    @Override
    public List<Object[]> rows(CatalogContext ctx) {
        List<Object[]> out = new ArrayList<>();
        for (String s : ctx.catalog().schemaNames()) {
            out.add(new Object[] {ctx.schemaOid(s), s, CatalogContext.SUPERUSER_OID, null});
        }
        return out;
    }
}
