package io.pgsight.sql.parser;

import java.util.Set;

/**
 * PostgreSQL 15's keyword categories (from its kwlist.h). Unreserved keywords are not listed: they behave as
 * identifiers everywhere this parser does not look for them by name.
 */
final class Keywords {
    private Keywords() {
    }

    enum Category { UNRESERVED, COL_NAME, TYPE_FUNC_NAME, RESERVED }

    private static final Set<String> RESERVED = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case", "cast",
            "check", "collate", "column", "constraint", "create", "current_catalog", "current_date", "current_role",
            "current_time", "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do",
            "else", "end", "except", "false", "fetch", "for", "foreign", "from", "grant", "group", "having", "in",
            "initially", "intersect", "into", "lateral", "leading", "limit", "localtime", "localtimestamp", "not",
            "null", "offset", "on", "only", "or", "order", "placing", "primary", "references", "returning", "select",
            "session_user", "some", "symmetric", "table", "then", "to", "trailing", "true", "union", "unique", "user",
            "using", "variadic", "when", "where", "window", "with");

    private static final Set<String> COL_NAME = Set.of(
            "between", "bigint", "bit", "boolean", "char", "character", "coalesce", "dec", "decimal", "exists",
            "extract", "float", "greatest", "grouping", "inout", "int", "integer", "interval", "least", "national",
            "nchar", "none", "normalize", "nullif", "numeric", "out", "overlay", "position", "precision", "real", "row",
            "setof", "smallint", "substring", "time", "timestamp", "treat", "trim", "values", "varchar",
            "xmlattributes", "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse",
            "xmlpi", "xmlroot", "xmlserialize", "xmltable");

    private static final Set<String> TYPE_FUNC_NAME = Set.of(
            "authorization", "binary", "collation", "concurrently", "cross", "current_schema", "freeze", "full",
            "ilike", "inner", "is", "isnull", "join", "left", "like", "natural", "notnull", "outer", "overlaps",
            "right", "similar", "tablesample", "verbose");

    /** Keywords that may be a column label only after AS (PostgreSQL's AS_LABEL). */
    private static final Set<String> AS_LABEL = Set.of(
            "array", "as", "char", "character", "create", "day", "except", "fetch", "filter", "for", "from", "grant",
            "group", "having", "hour", "intersect", "into", "isnull", "limit", "minute", "month", "notnull", "offset",
            "on", "order", "over", "overlaps", "precision", "returning", "second", "to", "union", "varying", "where",
            "window", "with", "within", "without", "year");

    static Category category(String word) {
        if (RESERVED.contains(word)) {
            return Category.RESERVED;
        }
        if (COL_NAME.contains(word)) {
            return Category.COL_NAME;
        }
        if (TYPE_FUNC_NAME.contains(word)) {
            return Category.TYPE_FUNC_NAME;
        }
        return Category.UNRESERVED;
    }

    static boolean isReserved(String word) {
        return RESERVED.contains(word);
    }

    /** ColId: identifier, unreserved or column-name keyword (tables, columns, aliases). */
    static boolean isColId(Token t) {
        if (t.kind() == TokenKind.QUOTED_IDENT) {
            return true;
        }
        if (t.kind() != TokenKind.IDENT) {
            return false;
        }
        Category c = category(t.value());
        return c == Category.UNRESERVED || c == Category.COL_NAME;
    }

    /** type_function_name: identifier, unreserved or type/function-name keyword. */
    static boolean isTypeFunctionName(Token t) {
        if (t.kind() == TokenKind.QUOTED_IDENT) {
            return true;
        }
        if (t.kind() != TokenKind.IDENT) {
            return false;
        }
        Category c = category(t.value());
        return c == Category.UNRESERVED || c == Category.TYPE_FUNC_NAME;
    }

    /** ColLabel: any identifier or keyword (after AS, after a dot). */
    static boolean isColLabel(Token t) {
        return t.kind() == TokenKind.IDENT || t.kind() == TokenKind.QUOTED_IDENT;
    }

    /** BareColLabel: a column alias written without AS. */
    static boolean isBareColLabel(Token t) {
        if (t.kind() == TokenKind.QUOTED_IDENT) {
            return true;
        }
        return t.kind() == TokenKind.IDENT && !AS_LABEL.contains(t.value());
    }

    /** An unquoted word that is not a keyword at all, or is unreserved. */
    static boolean isUnreservedWord(Token t) {
        return t.kind() == TokenKind.IDENT && category(t.value()) == Category.UNRESERVED;
    }
}
