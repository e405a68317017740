package io.pgsight.sql.builtin.json;

import io.pgsight.sql.builtin.json.JsonSyntax.Kind;
import io.pgsight.sql.spi.PgArray;

/**
 * Operations on json (text kept as written): results are slices of the input, so {@code -> 'a'} on
 * {@code {"a" : [1,  2]}} gives {@code [1,  2]}. With duplicate keys the last one counts, as json's
 * field lookup does.
 */
public final class JsonText {
    private JsonText() {
    }

    public static JsonSyntax parse(String json) {
        return JsonParser.parseSyntax(json, false);
    }

    public static JsonSyntax field(JsonSyntax v, String key) {
        if (v.kind() != Kind.OBJECT) {
            return null;
        }
        JsonSyntax found = null;
        for (int i = 0; i < v.keys().size(); i++) {
            if (v.keys().get(i).equals(key)) {
                found = v.children().get(i);
            }
        }
        return found;
    }

    public static JsonSyntax element(JsonSyntax v, int index) {
        if (v.kind() != Kind.ARRAY) {
            return null;
        }
        int n = v.children().size();
        int i = index < 0 ? n + index : index;
        return i < 0 || i >= n ? null : v.children().get(i);
    }

    public static JsonSyntax path(JsonSyntax v, PgArray path) {
        JsonSyntax cur = v;
        for (int i = 0; i < path.length() && cur != null; i++) {
            Object step = path.get(i);
            if (step == null) {
                return null;
            }
            if (cur.kind() == Kind.OBJECT) {
                cur = field(cur, (String) step);
            } else if (cur.kind() == Kind.ARRAY) {
                Integer idx = JsonbPaths.parseIndex((String) step);
                cur = idx == null ? null : element(cur, idx);
            } else {
                return null;
            }
        }
        return cur;
    }

    /** The json text of the sub-value {@code step} picks from the parsed {@code json} (->, #>), or null. */
    public static String pickSource(String json, java.util.function.UnaryOperator<JsonSyntax> step) {
        return source(json, step.apply(parse(json)));
    }

    /** As {@link #text} for the sub-value {@code step} picks from the parsed {@code json} (->>, #>>). */
    public static String pickText(String json, java.util.function.UnaryOperator<JsonSyntax> step) {
        return text(json, step.apply(parse(json)));
    }

    /** The json text of a sub-value, or null. */
    public static String source(String json, JsonSyntax v) {
        return v == null ? null : v.source(json);
    }

    /** ->>: a string's de-escaped text (refusing \u0000 as PostgreSQL does), SQL NULL for null. */
    public static String text(String json, JsonSyntax v) {
        if (v == null || v.kind() == Kind.NULL) {
            return null;
        }
        if (v.kind() == Kind.STRING) {
            return JsonParser.decodeString(json, v.start());
        }
        return v.source(json);
    }

    /** json_strip_nulls: the value rewritten without spaces and without null-valued object members. */
    public static String stripNulls(String json, JsonSyntax v) {
        StringBuilder sb = new StringBuilder();
        strip(sb, json, v);
        return sb.toString();
    }

    private static void strip(StringBuilder sb, String json, JsonSyntax v) {
        if (v.kind() == Kind.OBJECT) {
            sb.append('{');
            boolean first = true;
            for (int i = 0; i < v.keys().size(); i++) {
                if (v.children().get(i).kind() == Kind.NULL) {
                    continue;
                }
                if (!first) {
                    sb.append(',');
                }
                first = false;
                JsonbOutput.quote(sb, v.keys().get(i));
                sb.append(':');
                strip(sb, json, v.children().get(i));
            }
            sb.append('}');
        } else if (v.kind() == Kind.ARRAY) {
            sb.append('[');
            for (int i = 0; i < v.children().size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                strip(sb, json, v.children().get(i));
            }
            sb.append(']');
        } else {
            sb.append(v.source(json));
        }
    }
}
