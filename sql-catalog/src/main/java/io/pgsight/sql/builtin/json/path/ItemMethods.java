package io.pgsight.sql.builtin.json.path;

import io.pgsight.sql.builtin.json.JsonbValue;
import io.pgsight.sql.builtin.json.JsonbValue.JArray;
import io.pgsight.sql.builtin.json.JsonbValue.JNumber;
import io.pgsight.sql.builtin.json.JsonbValue.JObject;
import io.pgsight.sql.builtin.json.JsonbValue.JString;
import io.pgsight.sql.builtin.json.JsonbValue.Member;
import io.pgsight.sql.builtin.json.path.JsonPathEvaluator.Rest;
import io.pgsight.sql.builtin.json.path.JsonPathEvaluator.Status;
import io.pgsight.sql.format.PgNumeric;

import java.math.BigDecimal;
import java.util.List;

/** The item methods .type() .size() .double() .abs() .floor() .ceiling() .keyvalue(). */
final class ItemMethods {
    private ItemMethods() {
    }

    static Status apply(JsonPathEvaluator ev, String name, Rest rest, JsonbValue jb, List<JsonbValue> found,
                        boolean unwrap) {
        switch (name) {
            case "type":
                return ev.continueWith(rest, new JString(ev.isDateTime(jb) ? ev.dateTime(jb).kind().typeName
                        : jb.typeName()), found);
            case "size": {
                int size;
                if (jb instanceof JArray a) {
                    size = a.elements().size();
                } else if (!ev.lax()) {
                    return ev.ignoreStructuralErrors() ? Status.NOT_FOUND
                            : ev.error("22039", "jsonpath item method .size() can only be applied to an array");
                } else {
                    size = 1;
                }
                return ev.continueWith(rest, new JNumber(BigDecimal.valueOf(size)), found);
            }
            default:
                break;
        }
        if (unwrap && jb instanceof JArray a) {
            return ev.unwrap(rest, a, found);
        }
        switch (name) {
            case "double":
                return toDouble(ev, rest, jb, found);
            case "keyvalue":
                return keyValue(ev, rest, jb, found);
            default: {
                if (!(jb instanceof JNumber n)) {
                    return ev.error("22036", "jsonpath item method ." + name + "() can only be applied to a numeric value");
                }
                PgNumeric x = PgNumeric.of(n.value());
                PgNumeric r = name.equals("abs") ? x.abs() : name.equals("floor") ? x.floor() : x.ceil();
                return ev.continueWith(rest, new JNumber(r.bigDecimal()), found);
            }
        }
    }

    private static Status toDouble(JsonPathEvaluator ev, Rest rest, JsonbValue jb, List<JsonbValue> found) {
        if (jb instanceof JNumber n) {
            double d = n.value().doubleValue();
            if (Double.isInfinite(d)) {
                return ev.error("22036", "numeric argument of jsonpath item method .double() is out of range for type double precision");
            }
            return ev.continueWith(rest, jb, found);
        }
        if (jb instanceof JString s && !ev.isDateTime(jb)) {
            double d;
            try {
                d = parseFloat8(s.value());
            } catch (NumberFormatException e) {
                d = Double.NaN;
            }
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return ev.error("22036", "string argument of jsonpath item method .double() is not a valid representation of a double precision number");
            }
            return ev.continueWith(rest, new JNumber(PgNumeric.fromFloat8(d).bigDecimal()), found);
        }
        return ev.error("22036", "jsonpath item method .double() can only be applied to a string or numeric value");
    }

    /** float8in's syntax: optional blanks around a decimal number (no hex, no trailing d/f). */
    private static double parseFloat8(String text) {
        String t = text.strip();
        if (!t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            throw new NumberFormatException(text);
        }
        return Double.parseDouble(t);
    }

    private static Status keyValue(JsonPathEvaluator ev, Rest rest, JsonbValue jb, List<JsonbValue> found) {
        if (!(jb instanceof JObject o)) {
            return ev.error("2203C", "jsonpath item method .keyvalue() can only be applied to an object");
        }
        Status res = Status.NOT_FOUND;
        JNumber id = new JNumber(BigDecimal.valueOf(ev.objectId(o)));
        for (Member m : o.members()) {
            JObject pair = JObject.of(List.of(new Member("key", new JString(m.key())), new Member("value", m.value()),
                    new Member("id", id)));
            Status s = ev.withBase(pair, ev.generateId(), () -> ev.continueWith(rest, pair, found));
            res = s == Status.ERROR ? s : s == Status.OK || res == Status.OK ? Status.OK : s;
            if (ev.stops(res, found)) {
                return res;
            }
        }
        return res;
    }
}
