package io.pgsight.sql.builtin.json;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.builtin.CatalogWriter;
import io.pgsight.sql.builtin.json.JsonbValue.JArray;
import io.pgsight.sql.builtin.json.JsonbValue.JObject;
import io.pgsight.sql.builtin.json.JsonbValue.JString;
import io.pgsight.sql.builtin.json.JsonbValue.Member;
import io.pgsight.sql.builtin.string.TextFunctions;
import io.pgsight.sql.builtin.types.ValueText;
import io.pgsight.sql.spi.FunctionContext;
import io.pgsight.sql.spi.PgArray;
import io.pgsight.sql.spi.PgType;
import io.pgsight.sql.spi.Volatility;

import java.util.ArrayList;
import java.util.List;

/**
 * Building json and jsonb from SQL values: to_json(b), array_to_json, json(b)_build_object,
 * json(b)_build_array, json(b)_object. json results are spaced as PostgreSQL writes them
 * ({@code {"a" : 1, "b" : 2}}, arrays from array_to_json without spaces).
 */
public final class JsonBuild {
    private JsonBuild() {
    }

    public static void register(CatalogWriter w) {
        w.fn("to_json", "json", (c, a) -> ToJson.json(c, ToJson.typeOf(c, 0, a[0]), a[0]), "anyelement");
        w.fn("to_jsonb", "jsonb", (c, a) -> ToJson.jsonb(c, ToJson.typeOf(c, 0, a[0]), a[0]), "anyelement");
        w.fn("array_to_json", "json", (c, a) -> ToJson.json(c, null, a[0]), "anyarray");
        w.fn("array_to_json", "json", (c, a) -> (Boolean) a[1] ? prettyArray(c, (PgArray) a[0])
                : ToJson.json(c, null, a[0]), "anyarray", "bool");
        w.fn("row_to_json", "json", (c, a) -> rowToJson(c, a[0], false), "record");
        w.fn("row_to_json", "json", (c, a) -> rowToJson(c, a[0], (Boolean) a[1]), "record", "bool");
        String any = TextFunctions.VARIADIC_ANY;
        w.fn("json_build_object", "json", false, Volatility.STABLE, (c, a) -> buildObject(c, a, false), any);
        w.fn("jsonb_build_object", "jsonb", false, Volatility.STABLE, (c, a) -> buildObject(c, a, true), any);
        w.fn("json_build_array", "json", false, Volatility.STABLE, (c, a) -> {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < a.length; i++) {
                sb.append(i > 0 ? ", " : "");
                ToJson.appendJson(sb, c, ToJson.typeOf(c, i, a[i]), a[i]);
            }
            return sb.append(']').toString();
        }, any);
        w.fn("jsonb_build_array", "jsonb", false, Volatility.STABLE, (c, a) -> {
            List<JsonbValue> out = new ArrayList<>(a.length);
            for (int i = 0; i < a.length; i++) {
                out.add(ToJson.jsonb(c, ToJson.typeOf(c, i, a[i]), a[i]));
            }
            return new JArray(out);
        }, any);
        w.fn("json_object", "json", (c, a) -> objectJson(pairs((PgArray) a[0])), "_text");
        w.fn("json_object", "json", (c, a) -> objectJson(pairs((PgArray) a[0], (PgArray) a[1])), "_text", "_text");
        w.fn("jsonb_object", "jsonb", (c, a) -> objectJsonb(pairs((PgArray) a[0])), "_text");
        w.fn("jsonb_object", "jsonb", (c, a) -> objectJsonb(pairs((PgArray) a[0], (PgArray) a[1])), "_text", "_text");
    }

    private static String rowToJson(FunctionContext c, Object row, boolean pretty) {
        PgType t = c.argumentPgType(0);
        if (!(row instanceof Object[] fields) || t == null || t.fieldNames() == null) {
            throw new SqlException("0A000", "row_to_json needs a row whose fields are known");
        }
        StringBuilder sb = new StringBuilder();
        ToJson.appendRow(sb, c, t, fields, pretty ? ",\n " : ",");
        return sb.toString();
    }

    /** array_to_json(a, true): a line feed after each top-level element's comma. */
    private static String prettyArray(FunctionContext c, PgArray a) {
        if (a.dimensionCount() == 0) {
            return "[]";
        }
        int outer = a.dimension(0);
        int per = a.length() / Math.max(outer, 1);
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < outer; i++) {
            sb.append(i > 0 ? ",\n " : "");
            if (a.dimensionCount() == 1) {
                ToJson.appendJson(sb, c, ValueText.elementType(a), a.get(i));
            } else {
                int[] dims = java.util.Arrays.copyOfRange(a.dimensions(), 1, a.dimensionCount());
                int[] lower = java.util.Arrays.copyOfRange(a.lowerBounds(), 1, a.dimensionCount());
                Object[] part = java.util.Arrays.copyOfRange(a.toArray(), i * per, (i + 1) * per);
                ToJson.appendJson(sb, c, null, new PgArray(a.elementTypeOid(), dims, lower, part));
            }
        }
        return sb.append(']').toString();
    }

    private static Object buildObject(FunctionContext c, Object[] a, boolean binary) {
        String fn = binary ? "jsonb_build_object" : "json_build_object";
        if (a.length % 2 != 0) {
            throw new SqlException("22023", "argument list must have even number of elements")
                    .withHint("The arguments of " + fn + "() must consist of alternating keys and values.");
        }
        StringBuilder sb = new StringBuilder("{");
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < a.length; i += 2) {
            String key = keyText(c, i, a[i]);
            PgType vt = ToJson.typeOf(c, i + 1, a[i + 1]);
            if (binary) {
                members.add(new Member(key, ToJson.jsonb(c, vt, a[i + 1])));
            } else {
                sb.append(i > 0 ? ", " : "");
                JsonbOutput.quote(sb, key);
                sb.append(" : ");
                ToJson.appendJson(sb, c, vt, a[i + 1]);
            }
        }
        return binary ? JObject.of(members) : sb.append('}').toString();
    }

    /** A key's text: any scalar's output; arrays, records and json refused as PostgreSQL does. */
    static String keyText(FunctionContext c, int index, Object key) {
        if (key == null) {
            throw new SqlException("22004", "argument " + (index + 1) + ": key must not be null");
        }
        PgType t = ToJson.typeOf(c, index, key);
        if (key instanceof PgArray || key instanceof Object[] || key instanceof JsonbValue
                || (t != null && t.name().equals("json"))) {
            throw new SqlException("22023", "key value must be scalar, not array, composite, or json");
        }
        if (key instanceof Boolean b) {
            return ValueText.boolText(b);
        }
        return t == null ? ValueText.of(c, key) : t.output(key, c);
    }

    private static List<String[]> pairs(PgArray a) {
        List<String[]> out = new ArrayList<>();
        if (a.dimensionCount() == 0) {
            return out;
        }
        if (a.dimensionCount() == 1) {
            if (a.length() % 2 != 0) {
                throw new SqlException("2202E", "array must have even number of elements");
            }
        } else if (a.dimensionCount() == 2) {
            if (a.dimension(1) != 2) {
                throw new SqlException("2202E", "array must have two columns");
            }
        } else {
            throw new SqlException("2202E", "wrong number of array subscripts");
        }
        for (int i = 0; i < a.length(); i += 2) {
            out.add(new String[] {key(a.get(i)), (String) a.get(i + 1)});
        }
        return out;
    }

    private static List<String[]> pairs(PgArray keys, PgArray values) {
        if (keys.dimensionCount() > 1 || values.dimensionCount() > 1) {
            throw new SqlException("2202E", "wrong number of array subscripts");
        }
        if (keys.length() != values.length()) {
            throw new SqlException("2202E", "mismatched array dimensions");
        }
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < keys.length(); i++) {
            out.add(new String[] {key(keys.get(i)), (String) values.get(i)});
        }
        return out;
    }

    private static String key(Object k) {
        if (k == null) {
            throw new SqlException("22004", "null value not allowed for object key");
        }
        return (String) k;
    }

    private static String objectJson(List<String[]> pairs) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < pairs.size(); i++) {
            sb.append(i > 0 ? ", " : "");
            JsonbOutput.quote(sb, pairs.get(i)[0]);
            sb.append(" : ");
            if (pairs.get(i)[1] == null) {
                sb.append("null");
            } else {
                JsonbOutput.quote(sb, pairs.get(i)[1]);
            }
        }
        return sb.append('}').toString();
    }

    private static JsonbValue objectJsonb(List<String[]> pairs) {
        List<Member> members = new ArrayList<>();
        for (String[] p : pairs) {
            members.add(new Member(p[0], p[1] == null ? JsonbValue.NULL : new JString(p[1])));
        }
        return JObject.of(members);
    }
}
