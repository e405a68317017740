package io.pgsight.sql.builtin.json;

import io.pgsight.sql.builtin.json.JsonbValue.JArray;
import io.pgsight.sql.builtin.json.JsonbValue.JNumber;
import io.pgsight.sql.builtin.json.JsonbValue.JString;
import io.pgsight.sql.builtin.types.BuiltinTypes;
import io.pgsight.sql.builtin.types.PseudoType;
import io.pgsight.sql.builtin.types.ValueText;
import io.pgsight.sql.spi.FunctionContext;
import io.pgsight.sql.spi.PgArray;
import io.pgsight.sql.spi.PgType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL values as JSON, by the category of their type as datum_to_json and datum_to_jsonb classify it:
 * booleans and numbers bare (NaN and infinities quoted), date/timestamp/timestamptz in ISO 8601 with a
 * {@code T}, json verbatim, jsonb as itself, arrays as JSON arrays (json without spaces, as
 * array_to_json), anything else as a quoted string of its text output.
 */
public final class ToJson {
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    private static final Pattern ISO_TIMESTAMP = Pattern.compile(
            "(\\d{4,}-\\d\\d-\\d\\d) (\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?)([+-]\\d\\d)?(:\\d\\d)?(:\\d\\d)?( BC)?");

    private ToJson() {
    }

    /** The type of a value: the argument's resolved type when known, else the built-in type of its class. */
    public static PgType typeOf(FunctionContext ctx, int index, Object value) {
        PgType full = ctx == null ? null : ctx.argumentPgType(index);
        if (full != null && full.fieldNames() != null) {
            return full;
        }
        String name = ctx == null ? null : ctx.argumentType(index);
        PgType t = name == null ? null : BuiltinTypes.byName(name);
        if (t == null || t instanceof PseudoType) {
            if (value instanceof JsonbValue) {
                return BuiltinTypes.byName("jsonb");
            }
            t = ValueText.typeOf(value);
        }
        return t;
    }

    /** The json text of a value of type {@code type} (null type: judged by its Java class). */
    public static String json(FunctionContext ctx, PgType type, Object value) {
        StringBuilder sb = new StringBuilder();
        appendJson(sb, ctx, type, value);
        return sb.toString();
    }

    public static void appendJson(StringBuilder sb, FunctionContext ctx, PgType type, Object value) {
        if (value == null) {
            sb.append("null");
            return;
        }
        if (value instanceof JsonbValue v) {
            sb.append(JsonbOutput.text(v));
            return;
        }
        if (value instanceof PgArray a) {
            appendArray(sb, ctx, a, 0, new int[] {0});
            return;
        }
        if (value instanceof Object[] row && type != null && type.fieldNames() != null) {
            appendRow(sb, ctx, type, row, ",");
            return;
        }
        String name = type == null ? "" : type.name();
        if (name.equals("json")) {
            sb.append((String) value);
            return;
        }
        if (value instanceof Boolean b) {
            sb.append(b ? "true" : "false");
            return;
        }
        String text = text(ctx, type, value);
        if (isNumberType(name, value)) {
            if (JSON_NUMBER.matcher(text).matches()) {
                sb.append(text);
            } else {
                JsonbOutput.quote(sb, text);
            }
            return;
        }
        if (name.equals("date") || name.equals("timestamp") || name.equals("timestamptz")) {
            text = isoDateTime(text);
        }
        JsonbOutput.quote(sb, text);
    }

    /** row_to_json: {@code {"f1":1,"f2":"a"}}; {@code separator} is ",\n " when pretty. */
    public static void appendRow(StringBuilder sb, FunctionContext ctx, PgType type, Object[] row, String separator) {
        List<String> names = type.fieldNames();
        List<PgType> types = type.fieldTypes();
        sb.append('{');
        for (int i = 0; i < row.length && i < names.size(); i++) {
            if (i > 0) {
                sb.append(separator);
            }
            JsonbOutput.quote(sb, names.get(i));
            sb.append(':');
            appendJson(sb, ctx, types == null ? null : types.get(i), row[i]);
        }
        sb.append('}');
    }

    private static void appendArray(StringBuilder sb, FunctionContext ctx, PgArray a, int dim, int[] next) {
        PgType elementType = BuiltinTypes.byOid(a.elementTypeOid());
        if (a.dimensionCount() == 0) {
            sb.append("[]");
            return;
        }
        sb.append('[');
        int n = a.dimension(dim);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            if (dim + 1 < a.dimensionCount()) {
                appendArray(sb, ctx, a, dim + 1, next);
            } else {
                appendJson(sb, ctx, elementType, a.get(next[0]++));
            }
        }
        sb.append(']');
    }

    /** The jsonb value of a value of type {@code type}. */
    public static JsonbValue jsonb(FunctionContext ctx, PgType type, Object value) {
        if (value == null) {
            return JsonbValue.NULL;
        }
        if (value instanceof JsonbValue v) {
            return v;
        }
        if (value instanceof PgArray a) {
            if (a.dimensionCount() == 0) {
                return new JArray(List.of());
            }
            return jsonbArray(ctx, a, 0, new int[] {0});
        }
        if (value instanceof Object[] row && type != null && type.fieldNames() != null) {
            List<JsonbValue.Member> members = new ArrayList<>(row.length);
            for (int i = 0; i < row.length && i < type.fieldNames().size(); i++) {
                PgType ft = type.fieldTypes() == null ? null : type.fieldTypes().get(i);
                members.add(new JsonbValue.Member(type.fieldNames().get(i), jsonb(ctx, ft, row[i])));
            }
            return JsonbValue.JObject.of(members);
        }
        String name = type == null ? "" : type.name();
        if (name.equals("json")) {
            return JsonParser.parseJsonb((String) value);
        }
        if (value instanceof Boolean b) {
            return b ? JsonbValue.TRUE : JsonbValue.FALSE;
        }
        String text = text(ctx, type, value);
        if (isNumberType(name, value)) {
            if (JSON_NUMBER.matcher(text).matches()) {
                return new JNumber(new BigDecimal(text));
            }
            return new JString(text);
        }
        if (name.equals("date") || name.equals("timestamp") || name.equals("timestamptz")) {
            text = isoDateTime(text);
        }
        return new JString(text);
    }

    private static JsonbValue jsonbArray(FunctionContext ctx, PgArray a, int dim, int[] next) {
        PgType elementType = BuiltinTypes.byOid(a.elementTypeOid());
        int n = a.dimension(dim);
        List<JsonbValue> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (dim + 1 < a.dimensionCount()) {
                out.add(jsonbArray(ctx, a, dim + 1, next));
            } else {
                out.add(jsonb(ctx, elementType, a.get(next[0]++)));
            }
        }
        return new JArray(out);
    }

    private static boolean isNumberType(String name, Object value) {
        return switch (name) {
            case "int2", "int4", "int8", "float4", "float8", "numeric" -> true; // not oid: json quotes it
            case "" -> value instanceof Number;
            default -> false;
        };
    }

    private static String text(FunctionContext ctx, PgType type, Object value) {
        if (type != null && !(type instanceof PseudoType)) {
            return type.output(value, ctx);
        }
        return ValueText.of(ctx, value);
    }

    /** ISO output as JSON's XSD form: {@code 2024-01-02T03:04:05+00:00}. */
    private static String isoDateTime(String text) {
        Matcher m = ISO_TIMESTAMP.matcher(text);
        if (!m.matches()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(m.group(1)).append('T').append(m.group(2));
        if (m.group(3) != null) {
            sb.append(m.group(3)).append(m.group(4) != null ? m.group(4) : ":00");
            if (m.group(5) != null) {
                sb.append(m.group(5));
            }
        }
        if (m.group(6) != null) {
            sb.append(m.group(6));
        }
        return sb.toString();
    }
}
