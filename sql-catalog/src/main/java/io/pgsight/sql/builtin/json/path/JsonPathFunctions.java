package io.pgsight.sql.builtin.json.path;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.builtin.CatalogWriter;
import io.pgsight.sql.builtin.json.JsonbValue;
import io.pgsight.sql.builtin.json.JsonbValue.JArray;
import io.pgsight.sql.builtin.json.JsonbValue.JBool;
import io.pgsight.sql.builtin.json.JsonbValue.JNull;
import io.pgsight.sql.builtin.json.path.JsonPathEvaluator.Status;
import io.pgsight.sql.spi.FunctionDef;
import io.pgsight.sql.spi.ScalarFunction;
import io.pgsight.sql.spi.SetReturningFunction;
import io.pgsight.sql.spi.Volatility;

import io.pgsight.sql.builtin.types.Temporals;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * jsonb_path_exists, _match, _query, _query_array, _query_first (and their _tz twins, whose datetime
 * comparisons may use the session's TimeZone) with optional vars and silent arguments, and the
 * operators @? and @@ (silent). PostgreSQL declares vars and silent with defaults; here each arity is an overload.
 */
public final class JsonPathFunctions {
    private JsonPathFunctions() {
    }

    /** What one function computes from document, path, vars and silent. */
    private interface Body {
        Object apply(JsonbValue doc, JsonPath path, JsonbValue vars, boolean silent, ZoneId zone);
    }

    public static void register(CatalogWriter w) {
        for (String suffix : new String[] {"", "_tz"}) {
            Volatility v = suffix.isEmpty() ? Volatility.IMMUTABLE : Volatility.STABLE;
            boolean tz = !suffix.isEmpty();
            scalar(w, "jsonb_path_exists" + suffix, "bool", v, tz, JsonPathFunctions::exists);
            scalar(w, "jsonb_path_match" + suffix, "bool", v, tz, JsonPathFunctions::match);
            scalar(w, "jsonb_path_query_array" + suffix, "jsonb", v, tz,
                    (d, p, x, s, z) -> new JArray(query(d, p, x, s, z)));
            scalar(w, "jsonb_path_query_first" + suffix, "jsonb", v, tz, (d, p, x, s, z) -> {
                List<JsonbValue> all = query(d, p, x, s, z);
                return all.isEmpty() ? null : all.get(0);
            });
            for (int arity = 2; arity <= 4; arity++) {
                int n = arity;
                SetReturningFunction body = (c, a) -> new ArrayList<Object>(query((JsonbValue) a[0], (JsonPath) a[1],
                        n > 2 ? (JsonbValue) a[2] : JsonbValue.JObject.empty(), n > 3 && (Boolean) a[3],
                        tz ? Temporals.zone(c) : null)).iterator();
                w.function(new FunctionDef("jsonb_path_query" + suffix, args(arity), "jsonb", true, v, true, body,
                        List.of(), null));
            }
        }
        w.op("@?", "jsonb", "jsonpath", "jsonb_path_exists_opr", "bool",
                (c, a) -> exists((JsonbValue) a[0], (JsonPath) a[1], null, true, null));
        w.op("@@", "jsonb", "jsonpath", "jsonb_path_match_opr", "bool",
                (c, a) -> match((JsonbValue) a[0], (JsonPath) a[1], null, true, null));
    }

    private static List<String> args(int arity) {
        return List.of("jsonb", "jsonpath", "jsonb", "bool").subList(0, arity);
    }

    private static void scalar(CatalogWriter w, String name, String returnType, Volatility v, boolean tz, Body body) {
        for (int arity = 2; arity <= 4; arity++) {
            int n = arity;
            ScalarFunction f = (c, a) -> body.apply((JsonbValue) a[0], (JsonPath) a[1],
                    n > 2 ? (JsonbValue) a[2] : JsonbValue.JObject.empty(), n > 3 && (Boolean) a[3],
                    tz ? Temporals.zone(c) : null);
            w.function(new FunctionDef(name, args(arity), returnType, true, v, false, f, List.of(), null));
        }
    }

    private static Object exists(JsonbValue doc, JsonPath path, JsonbValue vars, boolean silent, ZoneId zone) {
        Status s = JsonPathEvaluator.execute(path, doc, vars, silent, null, zone);
        return s == Status.ERROR ? null : s == Status.OK;
    }

    private static Object match(JsonbValue doc, JsonPath path, JsonbValue vars, boolean silent, ZoneId zone) {
        List<JsonbValue> found = new ArrayList<>();
        JsonPathEvaluator.execute(path, doc, vars, silent, found, zone);
        if (found.size() == 1) {
            if (found.get(0) instanceof JBool b) {
                return b.value();
            }
            if (found.get(0) instanceof JNull) {
                return null;
            }
        }
        if (!silent) {
            throw new SqlException("22038", "single boolean result is expected");
        }
        return null;
    }

    private static List<JsonbValue> query(JsonbValue doc, JsonPath path, JsonbValue vars, boolean silent,
                                          ZoneId zone) {
        List<JsonbValue> found = new ArrayList<>();
        JsonPathEvaluator.execute(path, doc, vars, silent, found, zone);
        return found;
    }
}
