package io.pgsight.sql.builtin.types;

import java.util.Locale;
import java.util.Map;

/**
 * SQL spellings of built-in types and format_type's display names. {@link #typname} maps what a user
 * writes ({@code integer}, {@code double precision}, {@code int[]}) to a typname ({@code int4},
 * {@code _int4}); {@link #display} is format_type's name ({@code character varying(60)}).
 */
public final class TypeNames {
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("int", "int4"), Map.entry("integer", "int4"), Map.entry("smallint", "int2"),
            Map.entry("bigint", "int8"), Map.entry("real", "float4"), Map.entry("float", "float8"),
            Map.entry("double precision", "float8"), Map.entry("boolean", "bool"), Map.entry("decimal", "numeric"),
            Map.entry("character varying", "varchar"), Map.entry("char varying", "varchar"),
            Map.entry("character", "bpchar"), Map.entry("char", "bpchar"), Map.entry("\"char\"", "char"),
            Map.entry("timestamp without time zone", "timestamp"), Map.entry("timestamp with time zone", "timestamptz"),
            Map.entry("time without time zone", "time"), Map.entry("\"any\"", "any"),
            Map.entry("bit varying", "varbit"));

    private static final Map<String, String> DISPLAY = Map.ofEntries(
            Map.entry("bool", "boolean"), Map.entry("int2", "smallint"), Map.entry("int4", "integer"),
            Map.entry("int8", "bigint"), Map.entry("float4", "real"), Map.entry("float8", "double precision"),
            Map.entry("varchar", "character varying"), Map.entry("bpchar", "character"),
            Map.entry("timestamp", "timestamp without time zone"), Map.entry("timestamptz", "timestamp with time zone"),
            Map.entry("time", "time without time zone"), Map.entry("char", "\"char\""), Map.entry("any", "\"any\""),
            Map.entry("varbit", "bit varying"));

    private TypeNames() {
    }

    /** The typname for a written type name; array spellings {@code x[]} become {@code _x}. */
    public static String typname(String written) {
        String s = written.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (s.endsWith("[]")) {
            return "_" + typname(s.substring(0, s.length() - 2));
        }
        if (s.startsWith("pg_catalog.")) {
            s = s.substring("pg_catalog.".length());
        }
        return ALIASES.getOrDefault(s, s);
    }

    /** format_type(type, typmod) for a built-in typname; {@code typmodText} is typmodOut's result. */
    public static String display(String typname, String typmodText) {
        if (typname.startsWith("_")) {
            return display(typname.substring(1), typmodText) + "[]";
        }
        if (typname.equals("bpchar") && typmodText.isEmpty()) {
            return "bpchar";
        }
        String base = DISPLAY.getOrDefault(typname, typname);
        if (typmodText.isEmpty()) {
            return base;
        }
        return switch (typname) {
            case "timestamp" -> "timestamp" + typmodText + " without time zone";
            case "timestamptz" -> "timestamp" + typmodText + " with time zone";
            case "time" -> "time" + typmodText + " without time zone";
            default -> base + typmodText;
        };
    }
}
