package io.pgsight.sql.builtin.json;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.builtin.json.JsonbValue.JArray;
import io.pgsight.sql.builtin.json.JsonbValue.JObject;
import io.pgsight.sql.builtin.json.JsonbValue.JString;
import io.pgsight.sql.spi.PgArray;

/** Navigation in jsonb values: field, element (negative from the end) and text[] path lookups. */
public final class JsonbPaths {
    private JsonbPaths() {
    }

    public static JsonbValue field(JsonbValue v, String key) {
        return v instanceof JObject o ? o.get(key) : null;
    }

    /** -> int: a top-level scalar counts as the one-element array jsonb stores it as. */
    public static JsonbValue element(JsonbValue v, int index) {
        if (v.isScalar()) {
            return index == 0 || index == -1 ? v : null;
        }
        return arrayElement(v, index);
    }

    private static JsonbValue arrayElement(JsonbValue v, int index) {
        if (!(v instanceof JArray a)) {
            return null;
        }
        int n = a.elements().size();
        int i = index < 0 ? n + index : index;
        return i < 0 || i >= n ? null : a.elements().get(i);
    }

    /** #>: null when a step is missing, a path element is null, or a scalar is stepped into. */
    public static JsonbValue path(JsonbValue v, PgArray path) {
        JsonbValue cur = v;
        for (int i = 0; i < path.length(); i++) {
            Object step = path.get(i);
            if (step == null) {
                return null;
            }
            String s = (String) step;
            if (cur instanceof JObject o) {
                cur = o.get(s);
            } else if (cur instanceof JArray) {
                Integer idx = parseIndex(s);
                if (idx == null) {
                    return null;
                }
                cur = arrayElement(cur, idx);
            } else {
                return null;
            }
            if (cur == null) {
                return null;
            }
        }
        return cur;
    }

    /** ->> text: a string's own text, SQL NULL for json null, else the jsonb text. */
    public static String text(JsonbValue v) {
        if (v == null || v instanceof JsonbValue.JNull) {
            return null;
        }
        return v instanceof JString s ? s.value() : JsonbOutput.text(v);
    }

    /** An array subscript as strtol reads a path element: optional sign and digits only, else null. */
    public static Integer parseIndex(String s) {
        String t = s.strip();
        if (!t.matches("[+-]?[0-9]+")) {
            return null;
        }
        try {
            return Integer.parseInt(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The subscript at path position {@code position} (1-based) for an edit, or 22P02 as PostgreSQL. */
    static int requireIndex(String s, int position) {
        Integer i = parseIndex(s);
        if (i == null) {
            throw new SqlException("22P02", "path element at position " + position + " is not an integer: \"" + s + "\"");
        }
        return i;
    }
}
