package io.pgsight.sql.builtin.json;

import io.pgsight.sql.builtin.CatalogWriter;
import io.pgsight.sql.builtin.ComparisonFamily;
import io.pgsight.sql.spi.PgArray;

/**
 * The json and jsonb operators with pg_proc's function names: -> ->> #> #>> on both types; on jsonb
 * also @> <@ ? ?| ?& || - #- and the btree comparisons (jsonb_cmp's order). Hash joins and grouping use
 * JsonbValue's equals/hashCode (numerically equal numbers hash alike); jsonb_hash itself is not offered,
 * as its values would differ from PostgreSQL's.
 */
public final class JsonOperators {
    private JsonOperators() {
    }

    static JsonbValue jb(Object v) {
        return (JsonbValue) v;
    }

    public static void register(CatalogWriter w) {
        w.op("->", "jsonb", "text", "jsonb_object_field", "jsonb", (c, a) -> JsonbPaths.field(jb(a[0]), (String) a[1]));
        w.op("->", "jsonb", "int4", "jsonb_array_element", "jsonb", (c, a) -> JsonbPaths.element(jb(a[0]), (Integer) a[1]));
        w.op("->>", "jsonb", "text", "jsonb_object_field_text", "text",
                (c, a) -> JsonbPaths.text(JsonbPaths.field(jb(a[0]), (String) a[1])));
        w.op("->>", "jsonb", "int4", "jsonb_array_element_text", "text",
                (c, a) -> JsonbPaths.text(JsonbPaths.element(jb(a[0]), (Integer) a[1])));
        w.op("#>", "jsonb", "_text", "jsonb_extract_path_op", "jsonb", (c, a) -> JsonbPaths.path(jb(a[0]), (PgArray) a[1]));
        w.op("#>>", "jsonb", "_text", "jsonb_extract_path_text_op", "text",
                (c, a) -> JsonbPaths.text(JsonbPaths.path(jb(a[0]), (PgArray) a[1])));

        w.op("->", "json", "text", "json_object_field", "json",
                (c, a) -> JsonText.pickSource((String) a[0], v -> JsonText.field(v, (String) a[1])));
        w.op("->", "json", "int4", "json_array_element", "json",
                (c, a) -> JsonText.pickSource((String) a[0], v -> JsonText.element(v, (Integer) a[1])));
        w.op("->>", "json", "text", "json_object_field_text", "text",
                (c, a) -> JsonText.pickText((String) a[0], v -> JsonText.field(v, (String) a[1])));
        w.op("->>", "json", "int4", "json_array_element_text", "text",
                (c, a) -> JsonText.pickText((String) a[0], v -> JsonText.element(v, (Integer) a[1])));
        w.op("#>", "json", "_text", "json_extract_path_op", "json",
                (c, a) -> JsonText.pickSource((String) a[0], v -> JsonText.path(v, (PgArray) a[1])));
        w.op("#>>", "json", "_text", "json_extract_path_text_op", "text",
                (c, a) -> JsonText.pickText((String) a[0], v -> JsonText.path(v, (PgArray) a[1])));

        w.op("@>", "jsonb", "jsonb", "jsonb_contains", "bool", (c, a) -> JsonbContainment.contains(jb(a[0]), jb(a[1])));
        w.op("<@", "jsonb", "jsonb", "jsonb_contained", "bool", (c, a) -> JsonbContainment.contains(jb(a[1]), jb(a[0])));
        w.op("?", "jsonb", "text", "jsonb_exists", "bool", (c, a) -> JsonbContainment.exists(jb(a[0]), (String) a[1]));
        w.op("?|", "jsonb", "_text", "jsonb_exists_any", "bool",
                (c, a) -> JsonbContainment.existsAny(jb(a[0]), (PgArray) a[1]));
        w.op("?&", "jsonb", "_text", "jsonb_exists_all", "bool",
                (c, a) -> JsonbContainment.existsAll(jb(a[0]), (PgArray) a[1]));
        w.op("||", "jsonb", "jsonb", "jsonb_concat", "jsonb", (c, a) -> JsonbEdits.concat(jb(a[0]), jb(a[1])));
        w.op("-", "jsonb", "text", "jsonb_delete", "jsonb", (c, a) -> JsonbEdits.deleteKey(jb(a[0]), (String) a[1]));
        w.op("-", "jsonb", "int4", "jsonb_delete", "jsonb", (c, a) -> JsonbEdits.deleteIndex(jb(a[0]), (Integer) a[1]));
        w.op("-", "jsonb", "_text", "jsonb_delete", "jsonb", (c, a) -> JsonbEdits.deleteKeys(jb(a[0]), (PgArray) a[1]));
        w.op("#-", "jsonb", "_text", "jsonb_delete_path", "jsonb",
                (c, a) -> JsonbEdits.deletePath(jb(a[0]), (PgArray) a[1]));

        ComparisonFamily.register(w, "jsonb", "jsonb", (x, y) -> jb(x).compareTo(jb(y)),
                ComparisonFamily.names("jsonb_", "jsonb_cmp"));
    }
}
