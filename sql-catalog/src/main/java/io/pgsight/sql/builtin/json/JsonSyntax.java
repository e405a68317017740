package io.pgsight.sql.builtin.json;

import java.util.List;

/**
 * A parsed json text as written: every value with its span in the source (json's operators return
 * sub-values verbatim), object members in input order with duplicates kept. Strings carry their
 * de-escaped text; numbers their literal.
 */
public record JsonSyntax(Kind kind, int start, int end, String text, List<String> keys, List<JsonSyntax> children) {
    public enum Kind { OBJECT, ARRAY, STRING, NUMBER, TRUE, FALSE, NULL }

    /** The value's source text. */
    public String source(String json) {
        return json.substring(start, end);
    }

    public String typeName() {
        return switch (kind) {
            case OBJECT -> "object";
            case ARRAY -> "array";
            case STRING -> "string";
            case NUMBER -> "number";
            case TRUE, FALSE -> "boolean";
            case NULL -> "null";
        };
    }
}
