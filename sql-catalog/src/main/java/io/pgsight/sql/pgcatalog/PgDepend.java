package io.pgsight.sql.pgcatalog;

import io.pgsight.sql.catalog.AccessMethodEntry;
import io.pgsight.sql.catalog.AggregateEntry;
import io.pgsight.sql.catalog.CastEntry;
import io.pgsight.sql.catalog.Catalog;
import io.pgsight.sql.catalog.Column;
import io.pgsight.sql.catalog.ExtensionEntry;
import io.pgsight.sql.catalog.FunctionEntry;
import io.pgsight.sql.catalog.IndexEntry;
import io.pgsight.sql.catalog.OperatorClassEntry;
import io.pgsight.sql.catalog.OperatorEntry;
import io.pgsight.sql.catalog.Sequence;
import io.pgsight.sql.catalog.Table;
import io.pgsight.sql.spi.PgType;

import java.util.ArrayList;
import java.util.List;

/**
 * pg_depend: extension membership ('e'), serial sequences owned by their column ('a') and indexes
 * belonging to their table ('a').
 */
final class PgDepend extends SystemRelation {
    static final int PG_CLASS = 1259;
    static final int PG_TYPE = 1247;
    static final int PG_PROC = 1255;
    static final int PG_OPERATOR = 2617;
    static final int PG_AM = 2601;
    static final int PG_OPCLASS = 2616;
    static final int PG_OPFAMILY = 2753;
    static final int PG_CAST = 2605;
    static final int PG_EXTENSION = 3079;

    PgDepend() {
        super("pg_catalog", "pg_depend", 2608, "classid oid", "objid oid", "objsubid int4", "refclassid oid",
                "refobjid oid", "refobjsubid int4", "deptype char");
    }

    @Override
    public List<Object[]> rows(CatalogContext ctx) {
        Catalog c = ctx.catalog();
        List<Object[]> out = new ArrayList<>();
        for (ExtensionEntry e : c.extensions()) {
            String n = e.name();
            for (PgType t : PgTypeRelation.allTypes(c).values()) {
                PgType elem = c.elementOf(t);
                if (elem == null && n.equals(c.typeExtension(t.oid()))) {
                    member(out, PG_TYPE, t.oid(), e);
                }
            }
            for (FunctionEntry f : c.allFunctions()) {
                if (n.equals(f.extension())) {
                    member(out, PG_PROC, f.oid(), e);
                }
            }
            for (AggregateEntry a : c.allAggregates()) {
                if (n.equals(a.extension())) {
                    member(out, PG_PROC, a.oid(), e);
                }
            }
            for (OperatorEntry o : c.allOperators()) {
                if (n.equals(o.extension())) {
                    member(out, PG_OPERATOR, o.oid(), e);
                }
            }
            for (AccessMethodEntry am : c.allAccessMethods()) {
                if (n.equals(am.extension())) {
                    member(out, PG_AM, am.oid(), e);
                }
            }
            for (OperatorClassEntry oc : c.allOperatorClasses()) {
                if (n.equals(oc.extension())) {
                    member(out, PG_OPCLASS, oc.oid(), e);
                    member(out, PG_OPFAMILY, ctx.oids().oid("opf:" + oc.oid()), e);
                }
            }
            for (CastEntry ce : c.allCasts()) {
                if (n.equals(ce.extension())) {
                    member(out, PG_CAST, ce.oid(), e);
                }
            }
        }
        for (Table t : c.relations()) {
            for (IndexEntry i : t.indexes()) {
                out.add(new Object[] {PG_CLASS, i.oid(), 0, PG_CLASS, t.oid(), 0, "a"});
            }
            for (Column col : t.columns()) {
                String d = col.defaultSql();
                if (d != null && d.startsWith("nextval('") && !col.dropped()) {
                    Sequence s = c.sequence(t.schema(), d.substring(9, d.indexOf('\'', 9)));
                    if (s != null) {
                        out.add(new Object[] {PG_CLASS, s.oid(), 0, PG_CLASS, t.oid(), col.attnum(), "a"});
                    }
                }
            }
        }
        return out;
    }

    private static void member(List<Object[]> out, int classId, int oid, ExtensionEntry e) {
        out.add(new Object[] {classId, oid, 0, PG_EXTENSION, e.oid(), 0, "e"});
    }
}
