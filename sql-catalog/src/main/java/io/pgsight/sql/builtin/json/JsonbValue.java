package io.pgsight.sql.builtin.json;

import io.pgsight.sql.builtin.types.NumericType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * A jsonb value in PostgreSQL's normalized form: objects keep one pair per key (the last one written)
 * sorted by key length then bytes, numbers are numeric. Equality, hashing and {@link #compareTo} follow
 * jsonb's btree rules (jsonb_cmp), so ORDER BY, DISTINCT and GROUP BY agree with PostgreSQL.
 */
public sealed interface JsonbValue extends Comparable<JsonbValue> {
    JNull NULL = new JNull();
    JBool TRUE = new JBool(true);
    JBool FALSE = new JBool(false);

    /** json_typeof's name for the value. */
    String typeName();

    /** Rank of the kind in jsonb's ordering of mixed kinds (null < string < number < boolean < array < object). */
    int rank();

    default boolean isScalar() {
        return !(this instanceof JArray) && !(this instanceof JObject);
    }

    @Override
    default int compareTo(JsonbValue other) {
        return JsonbOrder.compareTop(this, other);
    }

    record JNull() implements JsonbValue {
        public String typeName() {
            return "null";
        }

        public int rank() {
            return 0;
        }

        @Override
        public String toString() {
            return JsonbOutput.text(this);
        }
    }

    record JString(String value) implements JsonbValue {
        public String typeName() {
            return "string";
        }

        public int rank() {
            return 1;
        }

        @Override
        public String toString() {
            return JsonbOutput.text(this);
        }
    }

    /** A number; equal when numerically equal (1.0 = 1), as numeric's comparison says. */
    record JNumber(BigDecimal value) implements JsonbValue {
        public JNumber {
            value = NumericType.normalize(value);
        }

        public String typeName() {
            return "number";
        }

        public int rank() {
            return 2;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof JNumber n && n.value.compareTo(value) == 0;
        }

        @Override
        public int hashCode() {
            return value.signum() == 0 ? 0 : value.stripTrailingZeros().hashCode();
        }

        @Override
        public String toString() {
            return JsonbOutput.text(this);
        }
    }

    record JBool(boolean value) implements JsonbValue {
        public String typeName() {
            return "boolean";
        }

        public int rank() {
            return 3;
        }

        @Override
        public String toString() {
            return JsonbOutput.text(this);
        }
    }

    record JArray(List<JsonbValue> elements) implements JsonbValue {
        public JArray {
            elements = List.copyOf(elements);
        }

        public String typeName() {
            return "array";
        }

        public int rank() {
            return 4;
        }

        @Override
        public String toString() {
            return JsonbOutput.text(this);
        }
    }

    record Member(String key, JsonbValue value) {
    }

    /** An object with members in jsonb's key order, one per key. Build through {@link #of}. */
    record JObject(List<Member> members) implements JsonbValue {
        public JObject {
            members = List.copyOf(members);
        }

        /** Normalizes members written in input order: the last pair of a key wins, keys sorted. */
        public static JObject of(List<Member> written) {
            List<Member> sorted = new ArrayList<>(written);
            // stable sort keeps input order among equal keys; then the last of each run wins
            sorted.sort(Comparator.comparing(Member::key, JsonbValue::compareKeys));
            List<Member> out = new ArrayList<>(sorted.size());
            for (int i = 0; i < sorted.size(); i++) {
                if (i + 1 < sorted.size() && sorted.get(i + 1).key().equals(sorted.get(i).key())) {
                    continue;
                }
                out.add(sorted.get(i));
            }
            return new JObject(out);
        }

        public static JObject empty() {
            return new JObject(Collections.emptyList());
        }

        /** The value of {@code key}, or null when absent. */
        public JsonbValue get(String key) {
            int lo = 0;
            int hi = members.size() - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int c = compareKeys(members.get(mid).key(), key);
                if (c == 0) {
                    return members.get(mid).value();
                }
                if (c < 0) {
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return null;
        }

        public String typeName() {
            return "object";
        }

        public int rank() {
            return 5;
        }

        @Override
        public String toString() {
            return JsonbOutput.text(this);
        }
    }

    /**
     * jsonb's storage order of object keys: shorter UTF-8 first, then bytewise, which for UTF-8 is
     * code point order (so no byte arrays are made).
     */
    static int compareKeys(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        int la = utf8Length(a);
        int lb = utf8Length(b);
        if (la != lb) {
            return Integer.compare(la, lb);
        }
        return io.pgsight.sql.builtin.types.ValueOrder.compareText(a, b);
    }

    private static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
