package io.pgsight.sql.builtin.json;

import io.pgsight.sql.builtin.json.JsonbValue.JArray;
import io.pgsight.sql.builtin.json.JsonbValue.JBool;
import io.pgsight.sql.builtin.json.JsonbValue.JNumber;
import io.pgsight.sql.builtin.json.JsonbValue.JObject;
import io.pgsight.sql.builtin.json.JsonbValue.JString;

/**
 * jsonb's btree order (jsonb_cmp). A top-level scalar counts as a one-element array marked raw: against
 * an array, element counts decide first (so {@code []} sorts below every scalar), then a raw scalar
 * sorts below a real array. Objects: more pairs sort higher, then pairs in key order, key then value.
 * Arrays: more elements sort higher, then element by element. Mixed kinds: null < string < number <
 * boolean < array < object. Strings compare by code point (the C collation pgsight uses).
 */
final class JsonbOrder {
    private JsonbOrder() {
    }

    static int compareTop(JsonbValue a, JsonbValue b) {
        boolean rawA = a.isScalar();
        boolean rawB = b.isScalar();
        if (rawA && rawB) {
            return compare(a, b);
        }
        if (a instanceof JObject || b instanceof JObject) {
            if (a instanceof JObject && b instanceof JObject) {
                return compare(a, b);
            }
            return a instanceof JObject ? 1 : -1;
        }
        // both are arrays, raw or real
        int na = rawA ? 1 : ((JArray) a).elements().size();
        int nb = rawB ? 1 : ((JArray) b).elements().size();
        if (na != nb) {
            return na > nb ? 1 : -1;
        }
        if (rawA != rawB) {
            return rawA ? -1 : 1;
        }
        return compare(a, b);
    }

    static int compare(JsonbValue a, JsonbValue b) {
        if (a.rank() != b.rank()) {
            return a.rank() > b.rank() ? 1 : -1;
        }
        if (a instanceof JString x) {
            return io.pgsight.sql.builtin.types.ValueOrder.compareText(x.value(), ((JString) b).value());
        }
        if (a instanceof JNumber x) {
            return x.value().compareTo(((JNumber) b).value());
        }
        if (a instanceof JBool x) {
            return Boolean.compare(x.value(), ((JBool) b).value());
        }
        if (a instanceof JArray x) {
            JArray y = (JArray) b;
            int n = x.elements().size();
            if (n != y.elements().size()) {
                return n > y.elements().size() ? 1 : -1;
            }
            for (int i = 0; i < n; i++) {
                int c = compare(x.elements().get(i), y.elements().get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }
        if (a instanceof JObject x) {
            JObject y = (JObject) b;
            int n = x.members().size();
            if (n != y.members().size()) {
                return n > y.members().size() ? 1 : -1;
            }
            for (int i = 0; i < n; i++) {
                int c = io.pgsight.sql.builtin.types.ValueOrder.compareText(x.members().get(i).key(), y.members().get(i).key());
                if (c != 0) {
                    return c;
                }
                c = compare(x.members().get(i).value(), y.members().get(i).value());
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }
        return 0;
    }
}
