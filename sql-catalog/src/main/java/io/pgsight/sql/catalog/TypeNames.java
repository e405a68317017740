package io.pgsight.sql.catalog;

import java.util.Locale;
import java.util.Map;

/** Maps SQL spellings of type names to PostgreSQL's internal names ({@code integer} -> {@code int4}). */
public final class TypeNames {
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("integer", "int4"), Map.entry("int", "int4"), Map.entry("smallint", "int2"),
            Map.entry("bigint", "int8"), Map.entry("real", "float4"), Map.entry("double precision", "float8"),
            Map.entry("float", "float8"), Map.entry("boolean", "bool"), Map.entry("character varying", "varchar"),
            Map.entry("character", "bpchar"), Map.entry("decimal", "numeric"),
            Map.entry("timestamp without time zone", "timestamp"), Map.entry("timestamp with time zone", "timestamptz"),
            Map.entry("time without time zone", "time"), Map.entry("time with time zone", "timetz"),
            Map.entry("bit varying", "varbit"), Map.entry("serial", "int4"), Map.entry("bigserial", "int8"),
            Map.entry("smallserial", "int2"), Map.entry("\"char\"", "char"), Map.entry("serial4", "int4"), Map.entry("serial8", "int8"));

    private TypeNames() {
    }

    /** The internal name of a (non-array) type spelling. */
    public static String canonical(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.startsWith("pg_catalog.")) {
            n = n.substring("pg_catalog.".length());
        }
        return ALIASES.getOrDefault(n, n);
    }

    /** What format_type prints for an internal name (int4 -> integer) without typmod. */
    public static String sqlName(String internal) {
        return switch (internal) {
            case "int4" -> "integer";
            case "int2" -> "smallint";
            case "int8" -> "bigint";
            case "float4" -> "real";
            case "float8" -> "double precision";
            case "bool" -> "boolean";
            case "varchar" -> "character varying";
            case "bpchar" -> "character";
            case "timestamp" -> "timestamp without time zone";
            case "timestamptz" -> "timestamp with time zone";
            case "time" -> "time without time zone";
            case "timetz" -> "time with time zone";
            case "varbit" -> "bit varying";
            case "char" -> "\"char\"";
            default -> internal;
        };
    }
}
