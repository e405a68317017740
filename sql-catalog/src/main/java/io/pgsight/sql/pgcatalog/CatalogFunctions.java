package io.pgsight.sql.pgcatalog;

import io.pgsight.sql.catalog.Catalog;
import io.pgsight.sql.catalog.SearchPath;
import io.pgsight.sql.catalog.CatalogRegistrar;
import io.pgsight.sql.catalog.FunctionEntry;
import io.pgsight.sql.catalog.OperatorEntry;
import io.pgsight.sql.catalog.Sequence;
import io.pgsight.sql.catalog.Table;
import io.pgsight.sql.exec.ExecContext;
import io.pgsight.sql.spi.CastContext;
import io.pgsight.sql.spi.CastDef;
import io.pgsight.sql.spi.FunctionContext;
import io.pgsight.sql.spi.FunctionDef;
import io.pgsight.sql.spi.PgArray;
import io.pgsight.sql.spi.PgType;
import io.pgsight.sql.spi.ScalarFunction;
import io.pgsight.sql.spi.Volatility;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The catalog functions psql and JDBC drivers call (visibility tests, format_type, pg_get_*def,
 * descriptions, privileges, sizes, current_schemas) and the catalog-bound reg* types.
 */
public final class CatalogFunctions {
    private static final Object DESCRIPTIONS = new Object();
    private static final Object FUNCTIONS = new Object();

    private CatalogFunctions() {
    }

    private static CatalogContext cc(FunctionContext c) {
        return new CatalogContext((ExecContext) c);
    }

    private static Catalog cat(FunctionContext c) {
        return ((ExecContext) c).catalog();
    }

    private static void fn(CatalogRegistrar r, String name, List<String> args, String ret, ScalarFunction body) {
        r.function(new FunctionDef(name, args, ret, true, Volatility.STABLE, false, body, List.of(), null));
    }

    private static void lenient(CatalogRegistrar r, String name, List<String> args, String ret, ScalarFunction body) {
        r.function(new FunctionDef(name, args, ret, false, Volatility.STABLE, false, body, List.of(), null));
    }

    /** Registers into a new database's pg_catalog (after the built-in types exist). */
    public static void register(CatalogRegistrar r, Catalog catalog) {
        if (!r.hasType("text") || !r.hasType("oid")) {
            return;
        }
        registerTypes(r, catalog);
        registerVisibility(r);
        registerDescriptions(r);
        registerDefinitions(r);
        registerPrivilegesAndSizes(r);
        registerInformationSchema(catalog);
    }

    /** information_schema's helper functions (callers qualify them with the schema). */
    private static void registerInformationSchema(Catalog catalog) {
        CatalogRegistrar info = new CatalogRegistrar(catalog, "information_schema", "pg_catalog", null);
        // information_schema._pg_expandarray: each element with its 1-based position (JDBC's key columns)
        for (String[] t : new String[][] {{"int2vector", "int2"}, {"oidvector", "oid"}, {"int2[]", "int2"},
                {"int4[]", "int4"}, {"oid[]", "oid"}}) {
            info.function(new FunctionDef("_pg_expandarray", List.of(t[0]), "record", true, Volatility.IMMUTABLE, true,
                    (io.pgsight.sql.spi.SetReturningFunction) (ctx, a) -> {
                        PgArray arr = (PgArray) a[0];
                        List<Object> rows = new ArrayList<>();
                        for (int i = 0; i < arr.length(); i++) {
                            rows.add(new Object[] {arr.get(i), i + 1});
                        }
                        return rows.iterator();
                    }, List.of("x:" + t[1], "n:int4"), null));
        }
    }

    private static void registerTypes(CatalogRegistrar r, Catalog c) {
        r.type(VectorOfIdsType.int2vector());
        r.type(VectorOfIdsType.oidvector());
        r.cast(new CastDef("int2vector", "int2[]", CastContext.IMPLICIT, null, (ctx, v, typmod, explicit) -> v));
        r.cast(new CastDef("oidvector", "oid[]", CastContext.IMPLICIT, null, (ctx, v, typmod, explicit) -> v));
        r.type(new RegType("regclass", 2205, 2210, c, ObjectNames.Kind.RELATION));
        r.type(new RegType("regtype", 2206, 2211, c, ObjectNames.Kind.TYPE));
        r.type(new RegType("regproc", 24, 1008, c, ObjectNames.Kind.FUNCTION));
        r.type(new RegType("regprocedure", 2202, 2207, c, ObjectNames.Kind.FUNCTION_SIGNATURE));
        r.type(new RegType("regoper", 2203, 2208, c, ObjectNames.Kind.OPERATOR));
        r.type(new RegType("regoperator", 2204, 2209, c, ObjectNames.Kind.OPERATOR_SIGNATURE));
        r.type(new RegType("regnamespace", 4089, 4090, c, ObjectNames.Kind.NAMESPACE));
        r.type(new RegType("regrole", 4096, 4097, c, ObjectNames.Kind.ROLE));
        for (String t : List.of("regoper", "regoperator", "regrole")) {
            r.cast(new CastDef("oid", t, CastContext.IMPLICIT, null, (ctx, v, typmod, explicit) -> v));
            r.cast(new CastDef(t, "oid", CastContext.IMPLICIT, null, (ctx, v, typmod, explicit) -> v));
        }
        for (String t : List.of("regclass", "regtype", "regproc", "regprocedure", "regoper", "regoperator", "regnamespace",
                "regrole")) {
            r.cast(new CastDef("text", t, CastContext.EXPLICIT, t + "in",
                    (ctx, v, typmod, explicit) -> c.typeByName(t).input((String) v, -1)));
            // I/O conversion casts: explicit or in assignment only, like PostgreSQL's CoerceViaIO to text
            r.cast(new CastDef(t, "text", CastContext.ASSIGNMENT, "text",
                    (ctx, v, typmod, explicit) -> c.typeByName(t).output(v)));
        }
    }

    private static boolean onSearchPath(FunctionContext ctx, int namespace) {
        Catalog c = cat(ctx);
        if (namespace == CatalogContext.PG_CATALOG) {
            return true;
        }
        for (String s : searchPath(ctx).searched(c)) {
            if (c.schemaOid(s) == namespace) {
                return true;
            }
        }
        return false;
    }

    static SearchPath searchPath(FunctionContext ctx) {
        return SearchPath.of(ctx.setting("search_path"), ctx.setting("session_authorization"));
    }

    /** A relation is visible when an unqualified lookup of its name along the search path finds it. */
    private static boolean relationVisible(FunctionContext ctx, String schema, String name) {
        if (schema.equals("pg_catalog")) {
            return true;
        }
        if (SystemRelations.find("pg_catalog", name) != null) {
            return false;
        }
        Catalog c = cat(ctx);
        for (String s : searchPath(ctx).searched(c)) {
            if (s.equals(schema)) {
                return true;
            }
            if (c.relationNameTaken(s, name)) {
                return false;
            }
        }
        return false;
    }

    private static void registerVisibility(CatalogRegistrar r) {
        fn(r, "pg_table_is_visible", List.of("oid"), "bool", (ctx, a) -> {
            String[] sn = ObjectNames.relationSchemaAndName(cat(ctx), (Integer) a[0]);
            if (sn == null) {
                return null;
            }
            return relationVisible(ctx, sn[0], sn[1]);
        });
        fn(r, "pg_type_is_visible", List.of("oid"), "bool", (ctx, a) -> {
            PgType t = cat(ctx).typeByOid((Integer) a[0]);
            if (t == null) {
                return BuiltinReference.get().types().containsKey((Integer) a[0]) ? true : null;
            }
            return onSearchPath(ctx, cc(ctx).typeNamespace(t));
        });
        fn(r, "pg_function_is_visible", List.of("oid"), "bool", (ctx, a) -> {
            Catalog c = cat(ctx);
            FunctionEntry f = function(ctx, (Integer) a[0]);
            if (f != null) {
                return onSearchPath(ctx, c.schemaOid(f.schema()));
            }
            return c.allAggregates().stream().anyMatch(x -> x.oid() == (Integer) a[0]) ? true : null;
        });
        fn(r, "pg_operator_is_visible", List.of("oid"), "bool", (ctx, a) -> {
            Catalog c = cat(ctx);
            for (OperatorEntry o : c.allOperators()) {
                if (o.oid() == (Integer) a[0]) {
                    return onSearchPath(ctx, c.schemaOid(o.schema()));
                }
            }
            return BuiltinReference.get().isOperator((Integer) a[0]) ? true : null;
        });
        for (String n : List.of("pg_opclass_is_visible", "pg_opfamily_is_visible", "pg_collation_is_visible",
                "pg_conversion_is_visible", "pg_ts_config_is_visible", "pg_ts_dict_is_visible",
                "pg_ts_parser_is_visible", "pg_ts_template_is_visible", "pg_statistics_obj_is_visible")) {
            fn(r, n, List.of("oid"), "bool", (ctx, a) -> true);
        }
        fn(r, "pg_is_other_temp_schema", List.of("oid"), "bool", (ctx, a) -> false);
        fn(r, "pg_my_temp_schema", List.of(), "oid", (ctx, a) -> 0);
        fn(r, "current_schemas", List.of("bool"), "name[]", (ctx, a) -> {
            SearchPath path = searchPath(ctx);
            List<String> s = (Boolean) a[0] ? path.searched(cat(ctx)) : path.existing(cat(ctx));
            return PgArray.of(19, s.toArray());
        });
        fn(r, "pg_get_userbyid", List.of("oid"), "name", (ctx, a) -> {
            String n = Roles.nameOf(cc(ctx), (Integer) a[0]);
            return n != null ? n : "unknown (OID=" + Integer.toUnsignedString((Integer) a[0]) + ")";
        });
        fn(r, "pg_encoding_to_char", List.of("int4"), "name", (ctx, a) -> switch ((Integer) a[0]) {
            case 0 -> "SQL_ASCII";
            case 6 -> "UTF8";
            case 8 -> "LATIN1";
            default -> "";
        });
        fn(r, "pg_char_to_encoding", List.of("name"), "int4", (ctx, a) -> switch (((String) a[0]).toUpperCase()) {
            case "SQL_ASCII" -> 0;
            case "UTF8", "UTF-8" -> 6;
            case "LATIN1" -> 8;
            default -> -1;
        });
    }

    /** Functions by OID, indexed once per statement (psql calls several pg_proc functions per row). */
    @SuppressWarnings("unchecked")
    private static FunctionEntry function(FunctionContext ctx, int oid) {
        Map<Object, Object> cache = ((ExecContext) ctx).initPlanCache();
        Map<Integer, FunctionEntry> byOid = (Map<Integer, FunctionEntry>) cache.computeIfAbsent(FUNCTIONS, k -> {
            Map<Integer, FunctionEntry> m = new java.util.HashMap<>();
            for (FunctionEntry f : cat(ctx).allFunctions()) {
                m.put(f.oid(), f);
            }
            return m;
        });
        return byOid.get(oid);
    }

    /** All pg_description rows, computed once per statement. */
    @SuppressWarnings("unchecked")
    private static List<Object[]> descriptions(FunctionContext ctx) {
        Map<Object, Object> cache = ((ExecContext) ctx).initPlanCache();
        return (List<Object[]>) cache.computeIfAbsent(DESCRIPTIONS, k -> new PgDescription().rows(cc(ctx)));
    }

    private static String description(FunctionContext ctx, int oid, int classOid, int sub) {
        for (Object[] row : descriptions(ctx)) {
            if ((int) row[0] == oid && (int) row[1] == classOid && (int) row[2] == sub) {
                return (String) row[3];
            }
        }
        return null;
    }

    private static int catalogOid(String name) {
        SystemRelation rel = SystemRelations.find("pg_catalog", name);
        return rel == null ? 0 : rel.oid();
    }

    private static void registerDescriptions(CatalogRegistrar r) {
        fn(r, "obj_description", List.of("oid", "name"), "text",
                (ctx, a) -> description(ctx, (Integer) a[0], catalogOid((String) a[1]), 0));
        fn(r, "obj_description", List.of("oid"), "text", (ctx, a) -> {
            for (Object[] row : descriptions(ctx)) {
                if ((int) row[0] == (Integer) a[0] && (int) row[2] == 0) {
                    return row[3];
                }
            }
            return null;
        });
        fn(r, "col_description", List.of("oid", "int4"), "text",
                (ctx, a) -> description(ctx, (Integer) a[0], PgDescription.PG_CLASS, (Integer) a[1]));
        fn(r, "shobj_description", List.of("oid", "name"), "text", (ctx, a) -> null);
    }

    private static void registerDefinitions(CatalogRegistrar r) {
        lenient(r, "format_type", List.of("oid", "int4"), "text", (ctx, a) -> {
            if (a[0] == null) {
                return null;
            }
            Catalog c = cat(ctx);
            PgType t = c.typeByOid((Integer) a[0]);
            if (t == null) {
                String ref = BuiltinReference.get().formatType((Integer) a[0]);
                return ref != null ? ref : "???";
            }
            int typmod = a[1] == null ? -1 : (Integer) a[1];
            return c.formatType(t, typmod);
        });
        fn(r, "pg_get_expr", List.of("text", "oid"), "text", (ctx, a) -> a[0]);
        fn(r, "pg_get_expr", List.of("text", "oid", "bool"), "text", (ctx, a) -> a[0]);
        fn(r, "pg_get_indexdef", List.of("oid"), "text", (ctx, a) -> Definitions.indexDef(cat(ctx), (Integer) a[0], 0));
        fn(r, "pg_get_indexdef", List.of("oid", "int4", "bool"), "text",
                (ctx, a) -> Definitions.indexDef(cat(ctx), (Integer) a[0], (Integer) a[1]));
        fn(r, "pg_get_constraintdef", List.of("oid"), "text", (ctx, a) -> Definitions.constraintDef(cat(ctx), (Integer) a[0]));
        fn(r, "pg_get_constraintdef", List.of("oid", "bool"), "text",
                (ctx, a) -> Definitions.constraintDef(cat(ctx), (Integer) a[0]));
        fn(r, "pg_describe_object", List.of("oid", "oid", "int4"), "text",
                (ctx, a) -> ObjectDescriptions.describe(cc(ctx), (Integer) a[0], (Integer) a[1], (Integer) a[2]));
        fn(r, "pg_get_function_sqlbody", List.of("oid"), "text", (ctx, a) -> null);
        fn(r, "pg_get_statisticsobjdef_columns", List.of("oid"), "text", (ctx, a) -> null);
        fn(r, "pg_get_partkeydef", List.of("oid"), "text", (ctx, a) -> null);
        fn(r, "pg_get_triggerdef", List.of("oid", "bool"), "text", (ctx, a) -> null);
        fn(r, "pg_get_ruledef", List.of("oid", "bool"), "text", (ctx, a) -> null);
        fn(r, "pg_get_viewdef", List.of("oid", "bool"), "text", (ctx, a) -> viewDef(cat(ctx), (Integer) a[0]));
        fn(r, "pg_get_viewdef", List.of("oid"), "text", (ctx, a) -> viewDef(cat(ctx), (Integer) a[0]));
        fn(r, "pg_get_function_arguments", List.of("oid"), "text",
                (ctx, a) -> Definitions.functionArguments(cat(ctx), function(ctx, (Integer) a[0]), (Integer) a[0]));
        fn(r, "pg_get_function_identity_arguments", List.of("oid"), "text",
                (ctx, a) -> Definitions.functionArguments(cat(ctx), function(ctx, (Integer) a[0]), (Integer) a[0],
                        true));
        fn(r, "pg_get_functiondef", List.of("oid"), "text",
                (ctx, a) -> Definitions.functionDef(cat(ctx), function(ctx, (Integer) a[0]), (Integer) a[0]));
        fn(r, "pg_get_function_result", List.of("oid"), "text",
                (ctx, a) -> Definitions.functionResult(cat(ctx), function(ctx, (Integer) a[0]), (Integer) a[0]));
        fn(r, "pg_get_serial_sequence", List.of("text", "text"), "text", (ctx, a) -> serialSequence(cat(ctx), searchPath(ctx), a));
        // no partitioning here: every relation is its own (only) ancestor and root
        r.function(new FunctionDef("pg_partition_ancestors", List.of("regclass"), "regclass", true, Volatility.STABLE,
                true, (io.pgsight.sql.spi.SetReturningFunction) (ctx, a) -> List.<Object>of(a[0]).iterator(), List.of(),
                null));
        fn(r, "pg_partition_root", List.of("regclass"), "regclass", (ctx, a) -> a[0]);
        fn(r, "pg_relation_is_publishable", List.of("regclass"), "bool", (ctx, a) -> {
            String[] sn = ObjectNames.relationSchemaAndName(cat(ctx), (Integer) a[0]);
            return sn != null && !sn[0].equals("pg_catalog") && !sn[0].equals("information_schema")
                    && cat(ctx).relationByOid((Integer) a[0]) != null;
        });
    }

    private static String viewDef(Catalog c, int oid) {
        Table t = c.relationByOid(oid);
        return t == null || t.viewSql() == null ? null : " " + t.viewSql() + ";";
    }

    private static String serialSequence(Catalog c, SearchPath path, Object[] a) {
        List<String> parts = ObjectNames.splitName((String) a[0]);
        Table t = c.relation(parts.size() > 1 ? parts.get(0) : null, parts.get(parts.size() - 1), path);
        if (t == null) {
            throw new io.pgsight.sql.api.SqlException("42P01", "relation \"" + a[0] + "\" does not exist");
        }
        var col = t.column((String) a[1]);
        if (col == null) {
            throw new io.pgsight.sql.api.SqlException("42703", "column \"" + a[1] + "\" of relation \"" + t.name()
                    + "\" does not exist");
        }
        String d = col.defaultSql();
        if (d != null && d.startsWith("nextval('")) {
            String seq = d.substring(9, d.indexOf('\'', 9));
            Sequence s = c.sequence(t.schema(), seq);
            if (s != null) {
                return ObjectNames.quoteIdent(s.schema()) + "." + ObjectNames.quoteIdent(s.name());
            }
        }
        return null;
    }

    private static void registerPrivilegesAndSizes(CatalogRegistrar r) {
        for (String n : List.of("has_table_privilege", "has_schema_privilege", "has_database_privilege",
                "has_function_privilege", "has_sequence_privilege", "has_type_privilege", "has_any_column_privilege",
                "has_language_privilege", "has_tablespace_privilege", "has_foreign_data_wrapper_privilege",
                "has_server_privilege")) {
            for (String obj : List.of("text", "oid")) {
                fn(r, n, List.of(obj, "text"), "bool", (ctx, a) -> true);
                fn(r, n, List.of("name", obj, "text"), "bool", (ctx, a) -> true);
                fn(r, n, List.of("oid", obj, "text"), "bool", (ctx, a) -> true);
            }
        }
        fn(r, "has_column_privilege", List.of("text", "text", "text"), "bool", (ctx, a) -> true);
        fn(r, "has_column_privilege", List.of("oid", "int2", "text"), "bool", (ctx, a) -> true);
        fn(r, "has_column_privilege", List.of("oid", "text", "text"), "bool", (ctx, a) -> true);
        fn(r, "pg_has_role", List.of("name", "text"), "bool", (ctx, a) -> true);
        fn(r, "pg_has_role", List.of("name", "name", "text"), "bool", (ctx, a) -> true);
        fn(r, "pg_has_role", List.of("oid", "text"), "bool", (ctx, a) -> true);
        for (String n : List.of("pg_relation_size", "pg_table_size", "pg_total_relation_size", "pg_indexes_size")) {
            fn(r, n, List.of("regclass"), "int8", (ctx, a) -> relationSize(cat(ctx), (Integer) a[0], n));
        }
        fn(r, "pg_database_size", List.of("name"), "int8", (ctx, a) -> 8_000_000L);
        fn(r, "pg_database_size", List.of("oid"), "int8", (ctx, a) -> 8_000_000L);
        fn(r, "pg_tablespace_location", List.of("oid"), "text", (ctx, a) -> "");
    }

    /**
     * Sizes as PostgreSQL's 8 kB pages would count them: rows times a per-row estimate from the column
     * widths, rounded up to whole pages (an empty table is 0 bytes, like a fresh heap).
     */
    private static long relationSize(Catalog c, int oid, String which) {
        Table t = c.relationByOid(oid);
        if (t == null) {
            for (Table owner : c.relations()) {
                for (var i : owner.indexes()) {
                    if (i.oid() == oid) {
                        // an index: its metapage plus pages for ~32-byte entries
                        return (1 + (owner.storage().versionCount() * 32 + 8191) / 8192) * 8192L;
                    }
                }
            }
            return 0L;
        }
        long rows = t.storage().versionCount();
        long width = 24;
        for (var col : t.liveColumns()) {
            width += col.type().length() > 0 ? col.type().length() : 32;
        }
        long heap = rows == 0 ? 0 : ((rows * width + 8191) / 8192) * 8192;
        long indexes = t.indexes().size() * (rows == 0 ? 8192L : ((rows * 32 + 8191) / 8192 + 1) * 8192);
        return switch (which) {
            case "pg_indexes_size" -> indexes;
            case "pg_total_relation_size" -> heap + indexes;
            default -> heap;
        };
    }
}
