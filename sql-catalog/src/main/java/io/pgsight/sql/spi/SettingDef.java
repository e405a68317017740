package io.pgsight.sql.spi;

import java.util.List;

/**
 * A setting (GUC) such as {@code hnsw.ef_search}: type, default, bounds (for INTEGER/REAL), allowed
 * values (for ENUM), description for pg_settings. Invalid values are refused with PostgreSQL's messages.
 */
public record SettingDef(String name, Kind kind, String defaultValue, double min, double max,
                         List<String> enumValues, String description) {
    public enum Kind { BOOL, INTEGER, REAL, ENUM, STRING }

    public SettingDef {
        enumValues = List.copyOf(enumValues);
    }

    public static SettingDef integer(String name, int def, int min, int max, String description) {
        return new SettingDef(name, Kind.INTEGER, Integer.toString(def), min, max, List.of(), description);
    }
}
