package io.pgsight.sql.builtin.json;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.builtin.CatalogWriter;
import io.pgsight.sql.builtin.json.JsonSyntax.Kind;
import io.pgsight.sql.builtin.json.JsonbValue.JArray;
import io.pgsight.sql.builtin.json.JsonbValue.JObject;
import io.pgsight.sql.spi.FunctionDef;
import io.pgsight.sql.spi.PgArray;
import io.pgsight.sql.spi.SetReturningFunction;
import io.pgsight.sql.spi.Volatility;

import java.util.ArrayList;
import java.util.List;

import static io.pgsight.sql.builtin.json.JsonOperators.jb;

/**
 * json/jsonb processing functions: *_array_length, *_typeof, *_each(_text), *_object_keys,
 * *_array_elements(_text), *_extract_path(_text), jsonb_set, jsonb_insert, *_strip_nulls, jsonb_pretty,
 * (jsonb_exists*, jsonb_contains and jsonb_contained come with their operators).
 */
public final class JsonFunctions {
    private JsonFunctions() {
    }

    public static void register(CatalogWriter w) {
        w.fn("jsonb_array_length", "int4", (c, a) -> {
            if (!(jb(a[0]) instanceof JArray arr)) {
                throw new SqlException("22023", jb(a[0]).isScalar() ? "cannot get array length of a scalar"
                        : "cannot get array length of a non-array");
            }
            return arr.elements().size();
        }, "jsonb");
        w.fn("json_array_length", "int4", (c, a) -> {
            JsonSyntax s = JsonText.parse((String) a[0]);
            if (s.kind() != Kind.ARRAY) {
                throw new SqlException("22023", s.kind() == Kind.OBJECT ? "cannot get array length of a non-array"
                        : "cannot get array length of a scalar");
            }
            return s.children().size();
        }, "json");
        w.fn("jsonb_typeof", "text", (c, a) -> jb(a[0]).typeName(), "jsonb");
        w.fn("json_typeof", "text", (c, a) -> JsonText.parse((String) a[0]).typeName(), "json");

        record2(w, "jsonb_each", "jsonb", "value:jsonb", (c, a) -> {
            JObject o = object(jb(a[0]), "jsonb_each");
            return o.members().stream().map(m -> (Object) new Object[] {m.key(), m.value()}).iterator();
        });
        record2(w, "jsonb_each_text", "jsonb", "value:text", (c, a) -> {
            JObject o = object(jb(a[0]), "jsonb_each_text");
            return o.members().stream().map(m -> (Object) new Object[] {m.key(), JsonbPaths.text(m.value())}).iterator();
        });
        record2(w, "json_each", "json", "value:json", (c, a) -> {
            String j = (String) a[0];
            JsonSyntax s = jsonObject(j, "json_each");
            List<Object> rows = new ArrayList<>();
            for (int i = 0; i < s.keys().size(); i++) {
                rows.add(new Object[] {s.keys().get(i), s.children().get(i).source(j)});
            }
            return rows.iterator();
        });
        record2(w, "json_each_text", "json", "value:text", (c, a) -> {
            String j = (String) a[0];
            JsonSyntax s = jsonObject(j, "json_each_text");
            List<Object> rows = new ArrayList<>();
            for (int i = 0; i < s.keys().size(); i++) {
                rows.add(new Object[] {s.keys().get(i), JsonText.text(j, s.children().get(i))});
            }
            return rows.iterator();
        });
        w.srf("jsonb_object_keys", "text", (c, a) -> {
            JsonbValue v = jb(a[0]);
            if (!(v instanceof JObject o)) {
                throw new SqlException("22023", "cannot call jsonb_object_keys on " + (v.isScalar() ? "a scalar" : "an array"));
            }
            return o.members().stream().map(m -> (Object) m.key()).iterator();
        }, "jsonb");
        w.srf("json_object_keys", "text", (c, a) -> {
            JsonSyntax s = JsonText.parse((String) a[0]);
            if (s.kind() != Kind.OBJECT) {
                throw new SqlException("22023", "cannot call json_object_keys on "
                        + (s.kind() == Kind.ARRAY ? "an array" : "a scalar"));
            }
            return new ArrayList<Object>(s.keys()).iterator();
        }, "json");
        valueSrf(w, "jsonb_array_elements", "jsonb",
                (c, a) -> new ArrayList<Object>(array(jb(a[0])).elements()).iterator(), "jsonb");
        valueSrf(w, "jsonb_array_elements_text", "text",
                (c, a) -> array(jb(a[0])).elements().stream().map(e -> (Object) JsonbPaths.text(e)).iterator(), "jsonb");
        valueSrf(w, "json_array_elements", "json", (c, a) -> {
            String j = (String) a[0];
            return jsonArray(j).children().stream().map(e -> (Object) e.source(j)).iterator();
        }, "json");
        valueSrf(w, "json_array_elements_text", "text", (c, a) -> {
            String j = (String) a[0];
            return jsonArray(j).children().stream().map(e -> (Object) JsonText.text(j, e)).iterator();
        }, "json");

        w.fn("jsonb_extract_path", "jsonb", (c, a) -> JsonbPaths.path(jb(a[0]), (PgArray) a[1]), "jsonb", "variadic _text");
        w.fn("jsonb_extract_path_text", "text", (c, a) -> JsonbPaths.text(JsonbPaths.path(jb(a[0]), (PgArray) a[1])),
                "jsonb", "variadic _text");
        w.fn("json_extract_path", "json",
                (c, a) -> JsonText.pickSource((String) a[0], v -> JsonText.path(v, (PgArray) a[1])), "json", "variadic _text");
        w.fn("json_extract_path_text", "text",
                (c, a) -> JsonText.pickText((String) a[0], v -> JsonText.path(v, (PgArray) a[1])), "json", "variadic _text");

        w.fn("jsonb_set", "jsonb", (c, a) -> JsonbEdits.set(jb(a[0]), (PgArray) a[1], jb(a[2]), true),
                "jsonb", "_text", "jsonb");
        w.fn("jsonb_set", "jsonb", (c, a) -> JsonbEdits.set(jb(a[0]), (PgArray) a[1], jb(a[2]), (Boolean) a[3]),
                "jsonb", "_text", "jsonb", "bool");
        w.fn("jsonb_insert", "jsonb", (c, a) -> JsonbEdits.insert(jb(a[0]), (PgArray) a[1], jb(a[2]), false),
                "jsonb", "_text", "jsonb");
        w.fn("jsonb_insert", "jsonb", (c, a) -> JsonbEdits.insert(jb(a[0]), (PgArray) a[1], jb(a[2]), (Boolean) a[3]),
                "jsonb", "_text", "jsonb", "bool");
        w.fn("jsonb_strip_nulls", "jsonb", (c, a) -> JsonbEdits.stripNulls(jb(a[0])), "jsonb");
        w.fn("json_strip_nulls", "json", (c, a) -> {
            String j = (String) a[0];
            return JsonText.stripNulls(j, JsonText.parse(j));
        }, "json");
        w.fn("jsonb_pretty", "text", (c, a) -> JsonbOutput.pretty(jb(a[0])), "jsonb");
    }

    /** A set of values whose single OUT column is named "value". */
    private static void valueSrf(CatalogWriter w, String name, String type, SetReturningFunction body, String argType) {
        w.function(new FunctionDef(name, List.of(argType), type, true, Volatility.IMMUTABLE, true, body,
                List.of("value:" + type), null));
    }

    private static void record2(CatalogWriter w, String name, String argType, String valueColumn,
                                SetReturningFunction body) {
        w.function(new FunctionDef(name, List.of(argType), "record", true, Volatility.IMMUTABLE, true, body,
                List.of("key:text", valueColumn), null));
    }

    private static JObject object(JsonbValue v, String fn) {
        if (v instanceof JObject o) {
            return o;
        }
        throw new SqlException("22023", "cannot call " + fn + " on a non-object");
    }

    private static JArray array(JsonbValue v) {
        if (v instanceof JArray a) {
            return a;
        }
        throw new SqlException("22023", v instanceof JObject ? "cannot extract elements from an object"
                : "cannot extract elements from a scalar");
    }

    private static JsonSyntax jsonObject(String j, String fn) {
        JsonSyntax s = JsonText.parse(j);
        if (s.kind() != Kind.OBJECT) {
            throw new SqlException("22023", "cannot call " + fn + " on a non-object");
        }
        return s;
    }

    private static JsonSyntax jsonArray(String j) {
        JsonSyntax s = JsonText.parse(j);
        if (s.kind() != Kind.ARRAY) {
            throw new SqlException("22023", s.kind() == Kind.OBJECT ? "cannot extract elements from an object"
                    : "cannot extract elements from a scalar");
        }
        return s;
    }
}
