package io.pgsight.sql.pgcatalog;

import io.pgsight.sql.catalog.Catalog;
import io.pgsight.sql.catalog.Column;
import io.pgsight.sql.catalog.IndexEntry;
import io.pgsight.sql.catalog.Table;
import io.pgsight.sql.spi.PgType;

import java.util.ArrayList;
import java.util.List;

/** pg_attribute: the columns of tables, views and indexes, and of the system relations. */
final class PgAttribute extends SystemRelation {
    PgAttribute() {
        super("pg_catalog", "pg_attribute", 1249, "attrelid oid", "attname name", "atttypid oid",
                "attstattarget int4", "attlen int2", "attnum int2", "attndims int4", "attcacheoff int4",
                "atttypmod int4", "attbyval bool", "attalign char", "attstorage char", "attcompression char",
                "attnotnull bool", "atthasdef bool", "atthasmissing bool", "attidentity char", "attgenerated char",
                "attisdropped bool", "attislocal bool", "attinhcount int4", "attcollation oid", "attacl aclitem[]",
                "attoptions text[]", "attfdwoptions text[]", "attmissingval text");
    }

    @Override
    public List<Object[]> rows(CatalogContext ctx) {
        Catalog c = ctx.catalog();
        List<Object[]> out = new ArrayList<>();
        for (Table t : c.relations()) {
            for (Column col : t.columns()) {
                out.add(row(t.oid(), col.name(), col.dropped() ? null : col.type(), col.attnum(), col.typmod(),
                        col.notNull(), col.defaultSql() != null, col.dropped(), c));
            }
            for (IndexEntry i : t.indexes()) {
                for (int k = 0; k < i.keyColumns().size(); k++) {
                    int att = i.keyColumns().get(k);
                    Column col = att > 0 ? t.columns().get(att - 1) : null;
                    PgType type = col != null ? col.type()
                            : (k < i.expressions().size() && i.expressions().get(k) != null ? i.expressions().get(k).type() : null);
                    out.add(row(i.oid(), col != null ? col.name() : "expr", type, k + 1, col != null ? col.typmod() : -1,
                            false, false, false, c));
                }
            }
        }
        for (SystemRelation r : SystemRelations.all()) {
            int n = 1;
            for (String[] col : r.columns()) {
                out.add(row(r.oid(), col[0], ColumnTypes.resolve(c, col[1]), n++, -1, false, false, false, c));
            }
        }
        return out;
    }

    private static Object[] row(int rel, String name, PgType type, int attnum, int typmod, boolean notNull, boolean hasDef,
                                boolean dropped, Catalog c) {
        boolean array = type != null && c.elementOf(type) != null;
        return new Object[] {rel, name, type == null ? 0 : type.oid(), -1, type == null ? (short) -1 : type.length(),
                (short) attnum, array ? 1 : 0, -1, typmod, type != null && TypeFacts.byValue(type),
                type == null ? "i" : TypeFacts.align(type), type == null ? "p" : TypeFacts.storage(type), "", notNull,
                hasDef, false, "", "", dropped, true, 0, type == null ? 0 : TypeFacts.collation(type), null, null, null,
                null};
    }
}
