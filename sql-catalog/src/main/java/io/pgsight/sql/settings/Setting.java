package io.pgsight.sql.settings;

import java.util.List;

/**
 * A setting's definition: canonical name (as SHOW titles it), kind, default (normalised text),
 * bounds, allowed enum values, whether the client is told of changes (ParameterStatus) and whether
 * users may change it at all.
 */
public record Setting(String name, SettingKind kind, String defaultValue, double min, double max,
                      List<String> enumValues, boolean reported, boolean userSettable, String description) {
    public Setting {
        enumValues = List.copyOf(enumValues);
    }

    static Setting of(String name, SettingKind kind, String def) {
        return new Setting(name, kind, def, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, List.of(), false, true,
                null);
    }

    Setting asReported() {
        return new Setting(name, kind, defaultValue, min, max, enumValues, true, userSettable, description);
    }

    Setting readOnly() {
        return new Setting(name, kind, defaultValue, min, max, enumValues, reported, false, description);
    }

    Setting range(double lo, double hi) {
        return new Setting(name, kind, defaultValue, lo, hi, enumValues, reported, userSettable, description);
    }

    Setting values(String... vals) {
        return new Setting(name, kind, defaultValue, min, max, List.of(vals), reported, userSettable, description);
    }

    Setting withDefault(String d) {
        return new Setting(name, kind, d, min, max, enumValues, reported, userSettable, description);
    }
}
