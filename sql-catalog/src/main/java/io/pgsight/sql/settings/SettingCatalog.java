package io.pgsight.sql.settings;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.spi.SettingDef;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every known setting definition: the server's own plus those extensions register (hnsw.ef_search).
 * Names are looked up case-insensitively, like PostgreSQL's GUCs. Shared by all sessions.
 */
public final class SettingCatalog {
    private final Map<String, Setting> byName = new ConcurrentHashMap<>();

    public SettingCatalog(Map<String, String> configured) {
        for (Setting s : BuiltinSettings.all()) {
            byName.put(s.name().toLowerCase(Locale.ROOT), s);
        }
        configured.forEach((k, v) -> {
            Setting s = find(k);
            if (s != null) {
                byName.put(s.name().toLowerCase(Locale.ROOT), s.withDefault(SettingValues.normalize(s, v)));
            } else {
                byName.put(k.toLowerCase(Locale.ROOT), Setting.of(k.toLowerCase(Locale.ROOT), SettingKind.STRING, v));
            }
        });
    }

    public Setting find(String name) {
        return byName.get(name.toLowerCase(Locale.ROOT));
    }

    public List<Setting> all() {
        return List.copyOf(byName.values());
    }

    /** Registers an extension's setting (idempotent: a second CREATE EXTENSION in another database reuses it). */
    public void register(SettingDef def) {
        SettingKind kind = switch (def.kind()) {
            case BOOL -> SettingKind.BOOL;
            case INTEGER -> SettingKind.INTEGER;
            case REAL -> SettingKind.REAL;
            case ENUM -> SettingKind.ENUM;
            case STRING -> SettingKind.STRING;
        };
        Setting s = new Setting(def.name(), kind, def.defaultValue(), def.min(), def.max(), def.enumValues(), false,
                true, def.description());
        String key = def.name().toLowerCase(Locale.ROOT);
        Setting before = byName.get(key);
        if (before != null) {
            // Like PostgreSQL's placeholders: a value configured at server start (--set hnsw.ef_search=100) or by
            // an earlier registration stays the default; an invalid one gives way to the extension's own default.
            try {
                s = s.withDefault(SettingValues.normalize(s, before.defaultValue()));
            } catch (SqlException invalid) {
                // keep def.defaultValue()
            }
        }
        byName.put(key, s);
    }
}
