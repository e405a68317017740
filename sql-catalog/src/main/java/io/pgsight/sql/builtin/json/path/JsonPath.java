package io.pgsight.sql.builtin.json.path;

/** A parsed jsonpath value: its mode (lax unless {@code strict}) and expression. */
public record JsonPath(boolean lax, PathItem expression) {
    public static JsonPath parse(String text) {
        return new JsonPathParser(text).parse();
    }

    @Override
    public String toString() {
        return JsonPathPrinter.print(this);
    }
}
