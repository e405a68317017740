package io.pgsight.sql.catalog;

import io.pgsight.sql.api.SqlException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A session's {@code search_path} as PostgreSQL reads it: a comma-separated list of schema names
 * (double-quoted ones keep their case, {@code "$user"} stands for a schema named like the session
 * user). Unqualified relation names are looked up in {@code pg_catalog} first unless the list
 * names it elsewhere, then in the listed schemas that exist; objects are created in the first
 * listed schema that exists.
 *
 * @param names the listed schema names, {@code $user} already replaced by the user's name
 */
public record SearchPath(List<String> names) {
    private static final Map<String, SearchPath> PARSED = new ConcurrentHashMap<>();

    /** PostgreSQL's default, {@code "$user", public}, for the user {@code postgres}. */
    public static final SearchPath DEFAULT = of("\"$user\", public", "postgres");

    public SearchPath {
        names = List.copyOf(names);
    }

    /** The path a {@code search_path} setting names for {@code user}. */
    public static SearchPath of(String setting, String user) {
        String key = user + '\0' + setting;
        SearchPath p = PARSED.get(key);
        if (p == null) {
            p = new SearchPath(parse(setting == null ? "" : setting, user));
            if (PARSED.size() < 1024) {
                PARSED.put(key, p);
            }
        }
        return p;
    }

    /** The path of a session's current {@code search_path} and {@code session_authorization}. */
    public static SearchPath of(io.pgsight.sql.settings.SessionSettings settings) {
        return of(settings.get("search_path"), settings.get("session_authorization"));
    }

    /** The schemas searched, in order: pg_catalog first when not listed, then the existing listed ones. */
    public List<String> searched(Catalog catalog) {
        List<String> out = new ArrayList<>(names.size() + 1);
        if (!names.contains("pg_catalog")) {
            out.add("pg_catalog");
        }
        for (String n : names) {
            if (catalog.schemaExists(n) && !out.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }

    /** The listed schemas that exist, in order (current_schemas(false)). */
    public List<String> existing(Catalog catalog) {
        List<String> out = new ArrayList<>(names.size());
        for (String n : names) {
            if (catalog.schemaExists(n) && !out.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }

    /** The schema unqualified CREATE statements put their object in: the first listed one that exists. */
    public String creationSchema(Catalog catalog) {
        for (String n : names) {
            if (catalog.schemaExists(n)) {
                return n;
            }
        }
        throw new SqlException("3F000", "no schema has been selected to create in");
    }

    /** Splits the setting like PostgreSQL's SplitIdentifierString (comma-separated, quotes keep case). */
    static List<String> parse(String setting, String user) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = setting.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(setting.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            String name;
            if (setting.charAt(i) == '"') {
                StringBuilder b = new StringBuilder();
                i++;
                while (i < n) {
                    char c = setting.charAt(i++);
                    if (c == '"') {
                        if (i < n && setting.charAt(i) == '"') {
                            b.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        b.append(c);
                    }
                }
                name = b.toString();
                if (name.equals("$user")) {
                    name = user;
                }
            } else {
                int start = i;
                while (i < n && setting.charAt(i) != ',') {
                    i++;
                }
                name = setting.substring(start, i).trim().toLowerCase(Locale.ROOT);
                if (name.equals("$user")) {
                    name = user;
                }
            }
            while (i < n && setting.charAt(i) != ',') {
                i++;
            }
            i++;
            if (name != null && !name.isEmpty()) {
                out.add(name);
            }
        }
        return out;
    }
}
