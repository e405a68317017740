package io.pgsight.sql.builtin.json;

import io.pgsight.sql.builtin.json.JsonbValue.JArray;
import io.pgsight.sql.builtin.json.JsonbValue.JObject;
import io.pgsight.sql.builtin.json.JsonbValue.JString;
import io.pgsight.sql.builtin.json.JsonbValue.Member;
import io.pgsight.sql.spi.PgArray;

/**
 * jsonb's @> and ? family. Containment as JsonbDeepContains: an object contains another when every key
 * of the other is there with a contained value (scalars equal, containers of the same kind contained);
 * an array contains another when each scalar of the other equals one of its scalars and each container
 * is contained in one of its containers; a top-level array also contains a bare scalar it holds.
 */
public final class JsonbContainment {
    private JsonbContainment() {
    }

    public static boolean contains(JsonbValue a, JsonbValue b) {
        if (a instanceof JArray x && b.isScalar()) {
            return x.elements().stream().anyMatch(e -> e.isScalar() && e.equals(b));
        }
        return deep(a, b);
    }

    private static boolean deep(JsonbValue a, JsonbValue b) {
        if (a instanceof JObject x) {
            if (!(b instanceof JObject y) || y.members().size() > x.members().size()) {
                return false;
            }
            for (Member m : y.members()) {
                JsonbValue mine = x.get(m.key());
                if (mine == null) {
                    return false;
                }
                if (m.value().isScalar()) {
                    if (!mine.equals(m.value())) {
                        return false;
                    }
                } else if (mine.getClass() != m.value().getClass() || !deep(mine, m.value())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof JArray x) {
            if (!(b instanceof JArray y)) {
                return false;
            }
            for (JsonbValue want : y.elements()) {
                boolean found = false;
                for (JsonbValue have : x.elements()) {
                    if (want.isScalar() ? have.isScalar() && have.equals(want)
                            : have.getClass() == want.getClass() && deep(have, want)) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        }
        return b.isScalar() && a.equals(b);
    }

    /** ?: a key of an object, a string element of an array, or the string itself. */
    public static boolean exists(JsonbValue v, String key) {
        if (v instanceof JObject o) {
            return o.get(key) != null;
        }
        if (v instanceof JArray a) {
            return a.elements().stream().anyMatch(e -> e instanceof JString s && s.value().equals(key));
        }
        return v instanceof JString s && s.value().equals(key);
    }

    public static boolean existsAny(JsonbValue v, PgArray keys) {
        for (int i = 0; i < keys.length(); i++) {
            if (keys.get(i) != null && exists(v, (String) keys.get(i))) {
                return true;
            }
        }
        return false;
    }

    public static boolean existsAll(JsonbValue v, PgArray keys) {
        for (int i = 0; i < keys.length(); i++) {
            if (keys.get(i) != null && !exists(v, (String) keys.get(i))) {
                return false;
            }
        }
        return true;
    }
}
