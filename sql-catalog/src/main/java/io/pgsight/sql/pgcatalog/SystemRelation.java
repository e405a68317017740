package io.pgsight.sql.pgcatalog;

import java.util.ArrayList;
import java.util.List;

/**
 * One pg_catalog / information_schema relation computed from the engine's catalog. Subclasses name
 * their columns ({@code "relname name"}, {@code "relkind char"}) and build rows on demand; the scan
 * materialises them once per statement, so every statement sees the catalog as it stood when the
 * statement began.
 */
public abstract class SystemRelation {
    private final String schema;
    private final String name;
    private final int oid;
    private final List<String[]> columns = new ArrayList<>();

    protected SystemRelation(String schema, String name, int oid, String... columnSpecs) {
        this.schema = schema;
        this.name = name;
        this.oid = oid;
        for (String spec : columnSpecs) {
            int sp = spec.indexOf(' ');
            columns.add(new String[] {spec.substring(0, sp), spec.substring(sp + 1)});
        }
    }

    public final String schema() {
        return schema;
    }

    public final String name() {
        return name;
    }

    /** The relation's pg_class OID (PostgreSQL's own for catalogs it has). */
    public final int oid() {
        return oid;
    }

    /** Column (name, type spelling) pairs in attnum order. */
    public final List<String[]> columns() {
        return columns;
    }

    /** The type of column {@code i} (0-based) in this catalog. */
    public final io.pgsight.sql.spi.PgType columnType(io.pgsight.sql.catalog.Catalog c, int i) {
        return ColumnTypes.resolve(c, columns.get(i)[1]);
    }

    /** Rows with one value per column, as the engine represents values of the column's type. */
    public abstract List<Object[]> rows(CatalogContext ctx);
}
