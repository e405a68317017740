package io.pgsight.sql.pgcatalog;

import io.pgsight.sql.catalog.Catalog;
import io.pgsight.sql.catalog.Column;
import io.pgsight.sql.catalog.Table;

import java.util.ArrayList;
import java.util.List;

/** pg_attrdef: column defaults; adbin holds the text pg_get_expr prints, kept with the column when it was defined. */
final class PgAttrdef extends SystemRelation {
    PgAttrdef() {
        super("pg_catalog", "pg_attrdef", 2604, "oid oid", "adrelid oid", "adnum int2", "adbin pg_node_tree");
    }

    @Override
    public List<Object[]> rows(CatalogContext ctx) {
        Catalog c = ctx.catalog();
        List<Object[]> out = new ArrayList<>();
        for (Table t : c.relations()) {
            for (Column col : t.columns()) {
                if (col.defaultSql() != null && !col.dropped()) {
                    out.add(new Object[] {ctx.oids().oid("def:" + t.oid() + ":" + col.attnum()), t.oid(),
                            (short) col.attnum(), col.defaultSql()});
                }
            }
        }
        return out;
    }
}
