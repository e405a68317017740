package io.pgsight.sql.pgcatalog;

import io.pgsight.sql.catalog.Catalog;
import io.pgsight.sql.catalog.ExtensionEntry;
import io.pgsight.sql.exec.ExecContext;
import io.pgsight.sql.spi.PgArray;
import io.pgsight.sql.spi.PgType;

import java.util.List;

/** What system relations and catalog functions read: the database's catalog and the running statement. */
public record CatalogContext(ExecContext exec) {
    /** OID of the bootstrap superuser, owner of every object. */
    public static final int SUPERUSER_OID = 10;
    public static final String SUPERUSER = "postgres";
    public static final int PG_CATALOG = 11;

    public Catalog catalog() {
        return exec.catalog();
    }

    public int schemaOid(String schema) {
        return catalog().schemaOid(schema);
    }

    /** The schema an extension's objects live in, or pg_catalog for built-ins. */
    public String extensionSchema(String extension) {
        if (extension == null) {
            return "pg_catalog";
        }
        ExtensionEntry e = catalog().extension(extension);
        return e == null ? "public" : e.schema();
    }

    public int typeNamespace(PgType t) {
        PgType elem = catalog().elementOf(t);
        PgType base = elem != null ? elem : t;
        return schemaOid(extensionSchema(catalog().typeExtension(base.oid())));
    }

    public SyntheticOids oids() {
        return SyntheticOids.of(catalog());
    }

    public static PgArray oidArray(List<Integer> oids) {
        return PgArray.of(26, oids.toArray());
    }

    public static PgArray shortArray(List<Integer> values) {
        return PgArray.of(21, values.stream().map(Integer::shortValue).toArray());
    }

    /** An int2vector value (lower bound 0, as pg_index.indkey). */
    public static PgArray int2vector(List<Integer> values) {
        return VectorOfIdsType.int2vector().of(values);
    }

    /** An oidvector value (lower bound 0, as pg_proc.proargtypes). */
    public static PgArray oidvector(List<Integer> values) {
        return VectorOfIdsType.oidvector().of(values);
    }

    public static PgArray textArray(List<String> values) {
        return PgArray.of(25, values.toArray());
    }
}
