package io.pgsight.sql.pgcatalog;

import io.pgsight.sql.catalog.AccessMethodEntry;
import io.pgsight.sql.catalog.AggregateEntry;
import io.pgsight.sql.catalog.CastEntry;
import io.pgsight.sql.catalog.Catalog;
import io.pgsight.sql.catalog.ExtensionEntry;
import io.pgsight.sql.catalog.FunctionEntry;
import io.pgsight.sql.catalog.OperatorClassEntry;
import io.pgsight.sql.catalog.OperatorEntry;
import io.pgsight.sql.catalog.Table;
import io.pgsight.sql.spi.PgType;

import java.util.List;

/** pg_describe_object: "type vector", "function l2_distance(vector,vector)", "operator class x for access method y". */
final class ObjectDescriptions {
    private ObjectDescriptions() {
    }

    static String describe(CatalogContext ctx, int classId, int oid, int subId) {
        Catalog c = ctx.catalog();
        switch (classId) {
            case PgDepend.PG_TYPE -> {
                PgType t = c.typeByOid(oid);
                return t == null ? null : "type " + c.formatType(t);
            }
            case PgDepend.PG_PROC -> {
                for (FunctionEntry f : c.allFunctions()) {
                    if (f.oid() == oid) {
                        return "function " + qualified(f.schema(), f.name()) + "(" + types(c, f.argumentTypes()) + ")";
                    }
                }
                for (AggregateEntry a : c.allAggregates()) {
                    if (a.oid() == oid) {
                        return "function " + qualified(a.schema(), a.name()) + "(" + types(c, a.argumentTypes()) + ")";
                    }
                }
                return null;
            }
            case PgDepend.PG_OPERATOR -> {
                for (OperatorEntry o : c.allOperators()) {
                    if (o.oid() == oid) {
                        return "operator " + o.symbol() + "(" + (o.left() == null ? "NONE" : c.formatType(o.left())) + ","
                                + c.formatType(o.right()) + ")";
                    }
                }
                return null;
            }
            case PgDepend.PG_AM -> {
                for (AccessMethodEntry am : c.allAccessMethods()) {
                    if (am.oid() == oid) {
                        return "access method " + am.name();
                    }
                }
                return null;
            }
            case PgDepend.PG_OPCLASS, PgDepend.PG_OPFAMILY -> {
                for (OperatorClassEntry oc : c.allOperatorClasses()) {
                    boolean family = classId == PgDepend.PG_OPFAMILY;
                    if ((family ? ctx.oids().oid("opf:" + oc.oid()) : oc.oid()) == oid) {
                        return (family ? "operator family " : "operator class ") + oc.name() + " for access method "
                                + oc.accessMethod();
                    }
                }
                return null;
            }
            case PgDepend.PG_CAST -> {
                for (CastEntry ce : c.allCasts()) {
                    if (ce.oid() == oid) {
                        return "cast from " + c.formatType(ce.source()) + " to " + c.formatType(ce.target());
                    }
                }
                return null;
            }
            case PgDepend.PG_EXTENSION -> {
                for (ExtensionEntry e : c.extensions()) {
                    if (e.oid() == oid) {
                        return "extension " + e.name();
                    }
                }
                return null;
            }
            case PgDepend.PG_CLASS -> {
                String[] sn = ObjectNames.relationSchemaAndName(c, oid);
                if (sn == null) {
                    return null;
                }
                Table t = c.relationByOid(oid);
                String kind = t == null ? (c.sequence(sn[0], sn[1]) != null ? "sequence " : "index ")
                        : t.kind() == Table.Kind.VIEW ? "view " : "table ";
                String name = ObjectNames.relationName(c, oid);
                if (subId > 0 && t != null && subId <= t.columns().size()) {
                    return "column " + t.columns().get(subId - 1).name() + " of " + kind + name;
                }
                return kind + name;
            }
            default -> {
                return null;
            }
        }
    }

    private static String qualified(String schema, String name) {
        return schema.equals("public") || schema.equals("pg_catalog") ? name : schema + "." + name;
    }

    private static String types(Catalog c, List<PgType> types) {
        return String.join(",", types.stream().map(c::formatType).toList());
    }
}
