package io.pgsight.sql.engine;

import io.pgsight.sql.catalog.Catalog;
import io.pgsight.sql.settings.SessionSettings;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A session's recently prepared statements by text and declared parameter types. Drivers that send
 * Parse before every execution (pgjdbc's unnamed statements before its prepare threshold, most other
 * drivers always) then skip parsing and analysis, and share the earlier statement's cached plan. An
 * entry is used only while the schema and the session's settings are as they were when it was made.
 */
final class PreparedStatementCache {
    private static final int ENTRIES = 64;
    /** Statements with inline data (a vector literal) are rarely repeated: not worth keeping. */
    private static final int MAX_SQL_LENGTH = 4096;

    private record Entry(CommandRunner.Prepared prepared, long schemaGeneration, long settingsGeneration) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > ENTRIES;
        }
    };

    /** The cache key, or null when the statement is not cached. */
    static String key(String sql, int[] parameterTypes) {
        if (sql.length() > MAX_SQL_LENGTH) {
            return null;
        }
        return parameterTypes == null || parameterTypes.length == 0 ? sql : sql + '\0' + Arrays.toString(parameterTypes);
    }

    CommandRunner.Prepared get(String key, SessionSettings settings) {
        Entry e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (e.schemaGeneration() != Catalog.schemaGeneration() || e.settingsGeneration() != settings.generation()) {
            entries.remove(key);
            return null;
        }
        return e.prepared();
    }

    /** Remembers {@code prepared}, made when the generations were the given ones. */
    void put(String key, CommandRunner.Prepared prepared, long schemaGeneration, long settingsGeneration) {
        entries.put(key, new Entry(prepared, schemaGeneration, settingsGeneration));
    }

    void clear() {
        entries.clear();
    }
}
