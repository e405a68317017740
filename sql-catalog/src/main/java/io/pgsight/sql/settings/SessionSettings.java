package io.pgsight.sql.settings;

import io.pgsight.sql.api.SqlException;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * One session's setting values. SET inside a transaction is undone by ROLLBACK; SET LOCAL lasts until
 * the transaction ends. Unknown dotted names are kept as placeholder strings, like PostgreSQL.
 */
public final class SessionSettings {
    private final SettingCatalog catalog;
    private final Map<String, String> values = new HashMap<>();
    private final Map<String, String> placeholderNames = new HashMap<>();
    private Map<String, String> atTxnStart;
    private Map<String, String> beforeLocal;
    private final BiConsumer<String, String> reportedChanged;
    /** Bumped whenever a value may have changed: plans cached under one value are replanned after. */
    private long generation;

    public SessionSettings(SettingCatalog catalog, BiConsumer<String, String> reportedChanged) {
        this.catalog = catalog;
        this.reportedChanged = reportedChanged;
    }

    /** See {@link #generation}: equal values mean no setting changed in between. */
    public long generation() {
        return generation;
    }

    public SettingCatalog catalog() {
        return catalog;
    }

    /** SHOW's value, or null if the name is unknown (and no placeholder was set). */
    public String get(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        Setting s = catalog.find(key);
        String v = values.get(key);
        if (v != null) {
            return v;
        }
        return s == null ? null : s.defaultValue();
    }

    /** SHOW's value or 42704. */
    public String show(String name) {
        String v = get(name);
        if (v == null) {
            throw unrecognized(name);
        }
        return v;
    }

    /** The name SHOW titles its column with. */
    public String canonicalName(String name) {
        Setting s = catalog.find(name);
        if (s != null) {
            return s.name();
        }
        return placeholderNames.getOrDefault(name.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
    }

    public static SqlException unrecognized(String name) {
        return new SqlException("42704", "unrecognized configuration parameter \"" + name + "\"");
    }

    /** SET (local = SET LOCAL); value null = DEFAULT. {@code inTxnBlock} decides whether to remember undo state. */
    public void set(String name, String value, boolean local, boolean inTxnBlock) {
        String key = name.toLowerCase(Locale.ROOT);
        Setting s = catalog.find(key);
        String normalized;
        if (s == null) {
            if (!key.contains(".")) {
                throw unrecognized(name);
            }
            if (key.startsWith(".") || key.endsWith(".")) {
                throw new SqlException("42602", "invalid configuration parameter name \"" + name + "\"");
            }
            normalized = value == null ? null : value;
            placeholderNames.put(key, key);
        } else {
            if (!s.userSettable()) {
                throw new SqlException("55P02", "parameter \"" + s.name() + "\" cannot be changed");
            }
            normalized = value == null ? null : SettingValues.normalize(s, value);
        }
        if (inTxnBlock && atTxnStart == null) {
            atTxnStart = new HashMap<>(values);
        }
        if (local) {
            if (!inTxnBlock) {
                return; // SET LOCAL outside a block has no effect (PostgreSQL warns)
            }
            if (beforeLocal == null) {
                beforeLocal = new HashMap<>(values);
            }
        }
        String old = get(key);
        generation++;
        if (normalized == null) {
            values.remove(key);
        } else {
            values.put(key, normalized);
        }
        notifyIfReported(key, old);
    }

    public void resetAll() {
        Map<String, String> old = new HashMap<>(values);
        generation++;
        values.clear();
        old.forEach((k, v) -> notifyIfReported(k, v));
    }

    /** Sets a value without validation hooks (start-up options). */
    public void setInitial(String name, String value) {
        Setting s = catalog.find(name);
        String key = name.toLowerCase(Locale.ROOT);
        generation++;
        values.put(key, s == null ? value : SettingValues.normalize(s, value));
    }

    public void endTransaction(boolean commit) {
        if (atTxnStart == null && beforeLocal == null) {
            return; // nothing was SET in this transaction: nothing to undo (the common, per-statement case)
        }
        generation++;
        Map<String, String> before = new HashMap<>(values);
        if (!commit && atTxnStart != null) {
            values.clear();
            values.putAll(atTxnStart);
        } else if (beforeLocal != null) {
            // SET LOCAL values end with the transaction; plain SETs made after them persist only if not local
            values.clear();
            values.putAll(beforeLocal);
        }
        atTxnStart = null;
        beforeLocal = null;
        before.forEach((k, v) -> notifyIfReported(k, v));
        values.forEach((k, v) -> {
            if (!before.containsKey(k)) {
                notifyIfReported(k, null);
            }
        });
    }

    private void notifyIfReported(String key, String old) {
        Setting s = catalog.find(key);
        if (s != null && s.reported()) {
            String now = get(key);
            if (!now.equals(old)) {
                reportedChanged.accept(s.name(), now);
            }
        }
    }

    public boolean bool(String name) {
        return "on".equals(get(name));
    }
}
