package io.pgsight.sql.pgcatalog;

import io.pgsight.sql.catalog.AccessMethodEntry;
import io.pgsight.sql.catalog.AggregateEntry;
import io.pgsight.sql.catalog.Catalog;
import io.pgsight.sql.catalog.Column;
import io.pgsight.sql.catalog.ExtensionEntry;
import io.pgsight.sql.catalog.FunctionEntry;
import io.pgsight.sql.catalog.IndexEntry;
import io.pgsight.sql.catalog.OperatorEntry;
import io.pgsight.sql.catalog.Sequence;
import io.pgsight.sql.catalog.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * pg_description: comments of extensions, types, functions, operators, access methods (from their
 * registrations) and of objects named in COMMENT ON.
 */
final class PgDescription extends SystemRelation {
    static final int PG_CLASS = 1259;
    static final int PG_TYPE = 1247;
    static final int PG_PROC = 1255;
    static final int PG_OPERATOR = 2617;
    static final int PG_EXTENSION = 3079;
    static final int PG_AM = 2601;
    static final int PG_NAMESPACE = 2615;
    static final int PG_LANGUAGE = 2612;

    PgDescription() {
        super("pg_catalog", "pg_description", 2609, "objoid oid", "classoid oid", "objsubid int4", "description text");
    }

    @Override
    public List<Object[]> rows(CatalogContext ctx) {
        Catalog c = ctx.catalog();
        List<Object[]> out = new ArrayList<>();
        add(out, PgExtension.PLPGSQL_OID, PG_EXTENSION, 0, "PL/pgSQL procedural language");
        add(out, PgProc.LANG_PLPGSQL, PG_LANGUAGE, 0, "PL/pgSQL procedural language");
        add(out, PgProc.LANG_INTERNAL, PG_LANGUAGE, 0, "built-in functions");
        add(out, PgProc.LANG_C, PG_LANGUAGE, 0, "dynamically-loaded C functions");
        add(out, PgProc.LANG_SQL, PG_LANGUAGE, 0, "SQL-language functions");
        add(out, c.schemaOid("public"), PG_NAMESPACE, 0, "standard public schema");
        for (ExtensionEntry e : c.extensions()) {
            add(out, e.oid(), PG_EXTENSION, 0, e.comment());
        }
        for (FunctionEntry f : c.allFunctions()) {
            add(out, f.oid(), PG_PROC, 0, f.comment());
        }
        for (AggregateEntry a : c.allAggregates()) {
            add(out, a.oid(), PG_PROC, 0, a.comment());
        }
        BuiltinReference ref = BuiltinReference.get();
        List<OperatorEntry> ops = c.allOperators();
        for (OperatorEntry o : ops) {
            String text = o.comment();
            if (text == null && o.extension() == null) {
                BuiltinReference.RefOperator r = ref.operator(o.symbol(), o.left() == null ? 0 : o.left().oid(), o.right().oid());
                text = r == null ? null : ref.description(r.oid(), PG_OPERATOR);
            }
            add(out, o.oid(), PG_OPERATOR, 0, text);
        }
        for (BuiltinReference.RefOperator r : ref.operators()) {
            if (!PgOperator.implemented(ops, r)) {
                add(out, r.oid(), PG_OPERATOR, 0, ref.description(r.oid(), PG_OPERATOR));
            }
        }
        for (BuiltinReference.RefType t : ref.types().values()) {
            if (c.comment("type:" + t.oid()) == null) {
                add(out, t.oid(), PG_TYPE, 0, ref.description(t.oid(), PG_TYPE));
            }
        }
        for (AccessMethodEntry am : c.allAccessMethods()) {
            add(out, am.oid(), PG_AM, 0, am.comment());
        }
        for (Map.Entry<String, String> e : c.allComments().entrySet()) {
            commentOn(ctx, out, e.getKey(), e.getValue());
        }
        return out;
    }

    private static void add(List<Object[]> out, int oid, int classOid, int sub, String text) {
        if (text != null) {
            out.add(new Object[] {oid, classOid, sub, text});
        }
    }

    /** Resolves a {@code KIND:name} comment key to the object's OID. */
    private static void commentOn(CatalogContext ctx, List<Object[]> out, String key, String text) {
        Catalog c = ctx.catalog();
        int colon = key.indexOf(':');
        String kind = key.substring(0, colon);
        String name = key.substring(colon + 1);
        String[] parts = name.split("\\.");
        switch (kind) {
            case "type" -> add(out, Integer.parseInt(name), PG_TYPE, 0, text);
            case "function" -> add(out, Integer.parseInt(name), PG_PROC, 0, text);
            case "TABLE", "VIEW", "MATERIALIZED_VIEW" -> {
                Table t = relation(c, parts);
                if (t != null) {
                    add(out, t.oid(), PG_CLASS, 0, text);
                }
            }
            case "COLUMN" -> {
                if (parts.length >= 2) {
                    Table t = relation(c, java.util.Arrays.copyOf(parts, parts.length - 1));
                    Column col = t == null ? null : t.column(parts[parts.length - 1]);
                    if (col != null) {
                        add(out, t.oid(), PG_CLASS, col.attnum(), text);
                    }
                }
            }
            case "INDEX" -> {
                IndexEntry i = c.indexByName(parts.length > 1 ? parts[parts.length - 2] : null, parts[parts.length - 1]);
                if (i != null) {
                    add(out, i.oid(), PG_CLASS, 0, text);
                }
            }
            case "SEQUENCE" -> {
                Sequence s = c.sequence(parts.length > 1 ? parts[parts.length - 2] : null, parts[parts.length - 1]);
                if (s != null) {
                    add(out, s.oid(), PG_CLASS, 0, text);
                }
            }
            case "SCHEMA" -> {
                int oid = c.schemaOid(name);
                if (oid != 0) {
                    add(out, oid, PG_NAMESPACE, 0, text);
                }
            }
            case "EXTENSION" -> {
                ExtensionEntry e = c.extension(name);
                if (e != null) {
                    out.removeIf(r -> (int) r[0] == e.oid() && (int) r[1] == PG_EXTENSION);
                    add(out, e.oid(), PG_EXTENSION, 0, text);
                }
            }
            default -> {
            }
        }
    }

    private static Table relation(Catalog c, String[] parts) {
        return parts.length == 1 ? c.relation(null, parts[0]) : c.relation(parts[parts.length - 2], parts[parts.length - 1]);
    }
}
