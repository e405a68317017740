package io.pgsight.sql.pgcatalog;

import io.pgsight.sql.catalog.Catalog;
import io.pgsight.sql.catalog.IndexEntry;
import io.pgsight.sql.catalog.Sequence;
import io.pgsight.sql.catalog.Table;

import java.util.ArrayList;
import java.util.List;

/** The system views pg_tables, pg_views, pg_indexes and pg_sequences (OIDs as in PostgreSQL 15's initdb). */
final class CatalogViews {
    private CatalogViews() {
    }

    static SystemRelation pgTables() {
        return new ComputedRelation("pg_catalog", "pg_tables", 12_004, ctx -> {
            List<Object[]> out = new ArrayList<>();
            for (Table t : ctx.catalog().relations()) {
                if (t.kind() == Table.Kind.TABLE) {
                    out.add(new Object[] {t.schema(), t.name(), CatalogContext.SUPERUSER, null, !t.indexes().isEmpty(),
                            false, false, false});
                }
            }
            for (SystemRelation r : SystemRelations.all()) {
                out.add(new Object[] {r.schema(), r.name(), CatalogContext.SUPERUSER, null, false, false, false, false});
            }
            return out;
        }, "schemaname name", "tablename name", "tableowner name", "tablespace name", "hasindexes bool",
                "hasrules bool", "hastriggers bool", "rowsecurity bool");
    }

    static SystemRelation pgViews() {
        return new ComputedRelation("pg_catalog", "pg_views", 12_000 + 8, ctx -> {
            List<Object[]> out = new ArrayList<>();
            for (Table t : ctx.catalog().relations()) {
                if (t.kind() == Table.Kind.VIEW) {
                    out.add(new Object[] {t.schema(), t.name(), CatalogContext.SUPERUSER, " " + t.viewSql() + ";"});
                }
            }
            return out;
        }, "schemaname name", "viewname name", "viewowner name", "definition text");
    }

    static SystemRelation pgIndexes() {
        return new ComputedRelation("pg_catalog", "pg_indexes", 12_000 + 12, ctx -> {
            Catalog c = ctx.catalog();
            List<Object[]> out = new ArrayList<>();
            for (Table t : c.relations()) {
                for (IndexEntry i : t.indexes()) {
                    out.add(new Object[] {t.schema(), t.name(), i.name(), null, Definitions.indexDef(c, i.oid(), 0)});
                }
            }
            return out;
        }, "schemaname name", "tablename name", "indexname name", "tablespace name", "indexdef text");
    }

    static SystemRelation pgSequences() {
        return new ComputedRelation("pg_catalog", "pg_sequences", 12_000 + 16, ctx -> {
            List<Object[]> out = new ArrayList<>();
            for (Sequence s : ctx.catalog().allSequences()) {
                io.pgsight.sql.spi.PgType t = ctx.catalog().typeByName(s.dataType());
                out.add(new Object[] {s.schema(), s.name(), CatalogContext.SUPERUSER, t == null ? 20 : t.oid()});
            }
            return out;
        }, "schemaname name", "sequencename name", "sequenceowner name", "data_type regtype");
    }
}
