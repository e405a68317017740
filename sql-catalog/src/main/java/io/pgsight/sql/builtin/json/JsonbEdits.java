package io.pgsight.sql.builtin.json;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.builtin.json.JsonbValue.JArray;
import io.pgsight.sql.builtin.json.JsonbValue.JNull;
import io.pgsight.sql.builtin.json.JsonbValue.JObject;
import io.pgsight.sql.builtin.json.JsonbValue.JString;
import io.pgsight.sql.builtin.json.JsonbValue.Member;
import io.pgsight.sql.spi.PgArray;

import java.util.ArrayList;
import java.util.List;

/** jsonb values made from others: ||, the - and #- deletions, jsonb_set, jsonb_insert, jsonb_strip_nulls. */
public final class JsonbEdits {
    private JsonbEdits() {
    }

    /** ||: objects merge (right wins); otherwise both sides as arrays (a scalar or object is one element). */
    public static JsonbValue concat(JsonbValue a, JsonbValue b) {
        if (a instanceof JObject x && b instanceof JObject y) {
            List<Member> all = new ArrayList<>(x.members());
            all.addAll(y.members());
            return JObject.of(all);
        }
        List<JsonbValue> out = new ArrayList<>(elementsOf(a));
        out.addAll(elementsOf(b));
        return new JArray(out);
    }

    private static List<JsonbValue> elementsOf(JsonbValue v) {
        return v instanceof JArray a ? a.elements() : List.of(v);
    }

    private static SqlException scalarDelete() {
        return new SqlException("22023", "cannot delete from scalar");
    }

    /** - text: drops the key from an object, matching string elements from an array. */
    public static JsonbValue deleteKey(JsonbValue v, String key) {
        if (v instanceof JObject o) {
            return new JObject(o.members().stream().filter(m -> !m.key().equals(key)).toList());
        }
        if (v instanceof JArray a) {
            return new JArray(a.elements().stream()
                    .filter(e -> !(e instanceof JString s && s.value().equals(key))).toList());
        }
        throw scalarDelete();
    }

    public static JsonbValue deleteKeys(JsonbValue v, PgArray keys) {
        if (v.isScalar()) {
            throw scalarDelete();
        }
        JsonbValue out = v;
        for (int i = 0; i < keys.length(); i++) {
            if (keys.get(i) != null) {
                out = deleteKey(out, (String) keys.get(i));
            }
        }
        return out;
    }

    /** - int: drops an array element (negative counts from the end). */
    public static JsonbValue deleteIndex(JsonbValue v, int index) {
        if (v instanceof JObject) {
            throw new SqlException("22023", "cannot delete from object using integer index");
        }
        if (!(v instanceof JArray a)) {
            throw scalarDelete();
        }
        int n = a.elements().size();
        int i = index < 0 ? n + index : index;
        if (i < 0 || i >= n) {
            return v;
        }
        List<JsonbValue> out = new ArrayList<>(a.elements());
        out.remove(i);
        return new JArray(out);
    }

    /** #-: drops what the path names, if it is there. */
    public static JsonbValue deletePath(JsonbValue v, PgArray path) {
        if (v.isScalar()) {
            throw new SqlException("22023", "cannot delete path in scalar");
        }
        List<String> steps = steps(path);
        if (steps.isEmpty()) {
            return v;
        }
        return edit(v, steps, 0, null, Mode.DELETE);
    }

    public static JsonbValue set(JsonbValue v, PgArray path, JsonbValue newValue, boolean createMissing) {
        if (v.isScalar()) {
            throw new SqlException("22023", "cannot set path in scalar");
        }
        List<String> steps = steps(path);
        if (steps.isEmpty()) {
            return v;
        }
        return edit(v, steps, 0, newValue, createMissing ? Mode.SET_CREATE : Mode.SET);
    }

    public static JsonbValue insert(JsonbValue v, PgArray path, JsonbValue newValue, boolean after) {
        if (v.isScalar()) {
            throw new SqlException("22023", "cannot set path in scalar");
        }
        List<String> steps = steps(path);
        if (steps.isEmpty()) {
            return v;
        }
        return edit(v, steps, 0, newValue, after ? Mode.INSERT_AFTER : Mode.INSERT_BEFORE);
    }

    private enum Mode { DELETE, SET, SET_CREATE, INSERT_BEFORE, INSERT_AFTER }

    private static List<String> steps(PgArray path) {
        List<String> steps = new ArrayList<>(path.length());
        for (int i = 0; i < path.length(); i++) {
            if (path.get(i) == null) {
                throw new SqlException("22004", "path element at position " + (i + 1) + " is null");
            }
            steps.add((String) path.get(i));
        }
        return steps;
    }

    private static JsonbValue edit(JsonbValue v, List<String> steps, int level, JsonbValue newValue, Mode mode) {
        boolean last = level == steps.size() - 1;
        String step = steps.get(level);
        if (v instanceof JObject o) {
            List<Member> out = new ArrayList<>(o.members().size() + 1);
            boolean found = false;
            for (Member m : o.members()) {
                if (!m.key().equals(step)) {
                    out.add(m);
                    continue;
                }
                found = true;
                if (last) {
                    if (mode == Mode.INSERT_BEFORE || mode == Mode.INSERT_AFTER) {
                        throw new SqlException("22023", "cannot replace existing key")
                                .withHint("Try using the function jsonb_set to replace key value.");
                    }
                    if (mode != Mode.DELETE) {
                        out.add(new Member(step, newValue));
                    }
                } else {
                    out.add(new Member(step, descend(m.value(), steps, level, newValue, mode)));
                }
            }
            if (!found && last && mode != Mode.DELETE && mode != Mode.SET) {
                out.add(new Member(step, newValue));
            }
            return JObject.of(out);
        }
        JArray a = (JArray) v;
        int n = a.elements().size();
        int idx = JsonbPaths.requireIndex(step, level + 1);
        List<JsonbValue> out = new ArrayList<>(a.elements());
        if (idx < 0) {
            idx = -idx > n ? Integer.MIN_VALUE : n + idx;
        }
        if (idx != Integer.MIN_VALUE && idx < n) {
            if (!last) {
                out.set(idx, descend(out.get(idx), steps, level, newValue, mode));
                return new JArray(out);
            }
            switch (mode) {
                case DELETE -> out.remove(idx);
                case SET, SET_CREATE -> out.set(idx, newValue);
                case INSERT_BEFORE -> out.add(idx, newValue);
                case INSERT_AFTER -> out.add(idx + 1, newValue);
            }
            return new JArray(out);
        }
        if (last && mode != Mode.DELETE && mode != Mode.SET) {
            if (idx == Integer.MIN_VALUE) {
                out.add(0, newValue);
            } else {
                out.add(newValue);
            }
        }
        return new JArray(out);
    }

    private static JsonbValue descend(JsonbValue child, List<String> steps, int level, JsonbValue newValue, Mode mode) {
        return child.isScalar() ? child : edit(child, steps, level + 1, newValue, mode);
    }

    /** jsonb_strip_nulls: object members whose value is null go, at every depth; array nulls stay. */
    public static JsonbValue stripNulls(JsonbValue v) {
        if (v instanceof JObject o) {
            List<Member> out = new ArrayList<>();
            for (Member m : o.members()) {
                if (!(m.value() instanceof JNull)) {
                    out.add(new Member(m.key(), stripNulls(m.value())));
                }
            }
            return new JObject(out);
        }
        if (v instanceof JArray a) {
            return new JArray(a.elements().stream().map(JsonbEdits::stripNulls).toList());
        }
        return v;
    }
}
