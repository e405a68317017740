package io.pgsight.sql.pgcatalog;

import io.pgsight.sql.settings.Setting;
import io.pgsight.sql.settings.SessionSettings;

import java.util.ArrayList;
import java.util.List;

/** pg_settings: every known setting with the session's current value. */
final class PgSettings {
    private PgSettings() {
    }

    static SystemRelation relation() {
        return new ComputedRelation("pg_catalog", "pg_settings", 12_100, ctx -> {
            SessionSettings s = ctx.exec().session().settings();
            List<Object[]> out = new ArrayList<>();
            for (Setting def : s.catalog().all()) {
                String vartype = switch (def.kind().name()) {
                    case "BOOL" -> "bool";
                    case "INTEGER", "TIME_MS", "MEMORY_KB" -> "integer";
                    case "REAL" -> "real";
                    case "ENUM" -> "enum";
                    default -> "string";
                };
                boolean numeric = vartype.equals("integer") || vartype.equals("real");
                out.add(new Object[] {def.name(), s.get(def.name()), null, "Customized Options", def.description(), null,
                        def.userSettable() ? "user" : "internal", vartype, "default",
                        numeric && !Double.isInfinite(def.min()) ? trim(def.min()) : null,
                        numeric && !Double.isInfinite(def.max()) ? trim(def.max()) : null,
                        def.enumValues().isEmpty() ? null : CatalogContext.textArray(def.enumValues()), def.defaultValue(),
                        s.get(def.name()), null, null, false});
            }
            java.util.Set<String> known = new java.util.HashSet<>();
            for (Object[] r : out) {
                known.add((String) r[0]);
            }
            for (String[] fixed : PRESET) {
                if (!known.contains(fixed[0])) {
                    out.add(new Object[] {fixed[0], fixed[1], null, "Preset Options", fixed[2], null, "internal",
                            fixed[3], "default", null, null, null, fixed[1], fixed[1], null, null, false});
                }
            }
            return out;
        }, "name text", "setting text", "unit text", "category text", "short_desc text", "extra_desc text",
                "context text", "vartype text", "source text", "min_val text", "max_val text", "enumvals text[]",
                "boot_val text", "reset_val text", "sourcefile text", "sourceline int4", "pending_restart bool");
    }

    /** Read-only values fixed at build or initdb time (name, value, description, vartype), as a PostgreSQL 15 build has them. */
    private static final String[][] PRESET = {
        {"block_size", "8192", "Shows the size of a disk block.", "integer"},
        {"data_checksums", "off", "Shows whether data checksums are turned on for this cluster.", "bool"},
        {"integer_datetimes", "on", "Shows whether datetimes are integer based.", "bool"},
        {"lc_collate", "C.UTF-8", "Shows the collation order locale.", "string"},
        {"lc_ctype", "C.UTF-8", "Shows the character classification and case conversion locale.", "string"},
        {"max_function_args", "100", "Shows the maximum number of function arguments.", "integer"},
        {"max_identifier_length", "63", "Shows the maximum identifier length.", "integer"},
        {"max_index_keys", "32", "Shows the maximum number of index keys.", "integer"},
        {"segment_size", "131072", "Shows the number of pages per disk file.", "integer"},
        {"server_encoding", "UTF8", "Shows the server (database) character set encoding.", "string"},
        {"wal_block_size", "8192", "Shows the block size in the write ahead log.", "integer"},
    };

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
