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
            // since PostgreSQL 15 the public schema belongs to pg_database_owner
            boolean pub = s.equals("public");
            out.add(new Object[] {ctx.schemaOid(s), s, pub ? Roles.DATABASE_OWNER_OID : CatalogContext.SUPERUSER_OID,
                    pub ? CatalogContext.textArray(List.of("pg_database_owner=UC/pg_database_owner", "=U/pg_database_owner"))
                            : null});
        }
        return out;
    }
}
