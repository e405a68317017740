package io.pgsight.sql.builtin.json;

import io.pgsight.sql.builtin.json.JsonbValue.JArray;
import io.pgsight.sql.builtin.json.JsonbValue.JBool;
import io.pgsight.sql.builtin.json.JsonbValue.JNumber;
import io.pgsight.sql.builtin.json.JsonbValue.JObject;
import io.pgsight.sql.builtin.json.JsonbValue.JString;
import io.pgsight.sql.builtin.json.JsonbValue.Member;

/** jsonb_out's text ({@code {"a": 1, "b": [1, 2]}}) and jsonb_pretty's indented form; json string quoting. */
public final class JsonbOutput {
    private JsonbOutput() {
    }

    public static String text(JsonbValue v) {
        StringBuilder sb = new StringBuilder();
        write(sb, v);
        return sb.toString();
    }

    private static void write(StringBuilder sb, JsonbValue v) {
        if (v instanceof JArray a) {
            sb.append('[');
            for (int i = 0; i < a.elements().size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                write(sb, a.elements().get(i));
            }
            sb.append(']');
        } else if (v instanceof JObject o) {
            sb.append('{');
            for (int i = 0; i < o.members().size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                Member m = o.members().get(i);
                quote(sb, m.key());
                sb.append(": ");
                write(sb, m.value());
            }
            sb.append('}');
        } else {
            scalar(sb, v);
        }
    }

    static void scalar(StringBuilder sb, JsonbValue v) {
        if (v instanceof JString s) {
            quote(sb, s.value());
        } else if (v instanceof JNumber n) {
            sb.append(n.value().toPlainString());
        } else if (v instanceof JBool b) {
            sb.append(b.value() ? "true" : "false");
        } else {
            sb.append("null");
        }
    }

    /** jsonb_pretty: four spaces per level, empty containers still open a line. */
    public static String pretty(JsonbValue v) {
        StringBuilder sb = new StringBuilder();
        pretty(sb, v, 0);
        return sb.toString();
    }

    private static void pretty(StringBuilder sb, JsonbValue v, int level) {
        if (v instanceof JArray a) {
            sb.append('[');
            for (int i = 0; i < a.elements().size(); i++) {
                sb.append(i > 0 ? ",\n" : "\n");
                indent(sb, level + 1);
                pretty(sb, a.elements().get(i), level + 1);
            }
            sb.append('\n');
            indent(sb, level);
            sb.append(']');
        } else if (v instanceof JObject o) {
            sb.append('{');
            for (int i = 0; i < o.members().size(); i++) {
                sb.append(i > 0 ? ",\n" : "\n");
                indent(sb, level + 1);
                quote(sb, o.members().get(i).key());
                sb.append(": ");
                pretty(sb, o.members().get(i).value(), level + 1);
            }
            sb.append('\n');
            indent(sb, level);
            sb.append('}');
        } else {
            scalar(sb, v);
        }
    }

    private static void indent(StringBuilder sb, int level) {
        sb.append("    ".repeat(level));
    }

    /** escape_json: a quoted JSON string. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        quote(sb, s);
        return sb.toString();
    }

    public static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
