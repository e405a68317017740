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
            return out;
        }, "name text", "setting text", "unit text", "category text", "short_desc text", "extra_desc text",
                "context text", "vartype text", "source text", "min_val text", "max_val text", "enumvals text[]",
                "boot_val text", "reset_val text", "sourcefile text", "sourceline int4", "pending_restart bool");
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
