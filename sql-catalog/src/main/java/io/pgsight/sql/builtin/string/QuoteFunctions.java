package io.pgsight.sql.builtin.string;

import io.pgsight.sql.builtin.CatalogWriter;
import io.pgsight.sql.builtin.types.ValueText;
import io.pgsight.sql.spi.Volatility;

import java.util.Set;

/** quote_ident, quote_literal, quote_nullable: SQL quoting as ruleutils.c and quote.c do it. */
public final class QuoteFunctions {
    /** Keywords that quote_ident must quote (PostgreSQL's reserved and type/function-name keywords). */
    private static final Set<String> KEYWORDS = Set.of("all", "analyse", "analyze", "and", "any", "array", "as",
            "asc", "asymmetric", "authorization", "between", "bigint", "binary", "bit", "boolean", "both", "case",
            "cast", "char", "character", "check", "coalesce", "collate", "collation", "column", "concurrently",
            "constraint", "create", "cross", "current_catalog", "current_date", "current_role", "current_schema",
            "current_time", "current_timestamp", "current_user", "dec", "decimal", "default", "deferrable", "desc",
            "distinct", "do", "else", "end", "except", "exists", "extract", "false", "fetch", "float", "for",
            "foreign", "freeze", "from", "full", "grant", "greatest", "group", "grouping", "having", "ilike", "in",
            "initially", "inner", "inout", "int", "integer", "intersect", "interval", "into", "is", "isnull", "join",
            "lateral", "leading", "least", "left", "like", "limit", "localtime", "localtimestamp", "national",
            "natural", "nchar", "none", "normalize", "not", "notnull", "null", "nullif", "numeric", "offset", "on",
            "only", "or", "order", "out", "outer", "overlaps", "overlay", "placing", "position", "precision",
            "primary", "real", "references", "returning", "right", "row", "select", "session_user", "setof",
            "similar", "smallint", "some", "substring", "symmetric", "table", "tablesample", "then", "time",
            "timestamp", "to", "trailing", "treat", "trim", "true", "union", "unique", "user", "using", "values",
            "varchar", "variadic", "verbose", "when", "where", "window", "with", "xmlattributes", "xmlconcat",
            "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot",
            "xmlserialize", "xmltable");

    private QuoteFunctions() {
    }

    public static void register(CatalogWriter w) {
        w.fn("quote_ident", "text", (ctx, a) -> quoteIdent((String) a[0]), "text");
        w.fn("quote_literal", "text", (ctx, a) -> quoteLiteral((String) a[0]), "text");
        w.fn("quote_literal", "text", false, Volatility.STABLE,
                (ctx, a) -> a[0] == null ? null : quoteLiteral(ValueText.ofArgument(ctx, 0, a[0])), "anyelement");
        w.fn("quote_nullable", "text", false, Volatility.IMMUTABLE,
                (ctx, a) -> a[0] == null ? "NULL" : quoteLiteral((String) a[0]), "text");
        w.fn("quote_nullable", "text", false, Volatility.STABLE,
                (ctx, a) -> a[0] == null ? "NULL" : quoteLiteral(ValueText.ofArgument(ctx, 0, a[0])), "anyelement");
    }

    public static String quoteIdent(String ident) {
        boolean safe = !ident.isEmpty() && (Character.isLowerCase(ident.charAt(0)) && ident.charAt(0) < 128
                || ident.charAt(0) == '_');
        for (int k = 0; k < ident.length() && safe; k++) {
            char c = ident.charAt(k);
            safe = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        }
        if (safe && !KEYWORDS.contains(ident)) {
            return ident;
        }
        return "\"" + ident.replace("\"", "\"\"") + "\"";
    }

    public static String quoteLiteral(String s) {
        StringBuilder sb = new StringBuilder();
        if (s.indexOf('\\') >= 0) {
            sb.append('E');
        }
        sb.append('\'');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '\'' || c == '\\') {
                sb.append(c);
            }
            sb.append(c);
        }
        return sb.append('\'').toString();
    }
}
