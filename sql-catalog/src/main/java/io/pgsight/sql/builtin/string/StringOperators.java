package io.pgsight.sql.builtin.string;

import io.pgsight.sql.builtin.CatalogWriter;
import io.pgsight.sql.builtin.ComparisonFamily;
import io.pgsight.sql.builtin.types.TextType;
import io.pgsight.sql.builtin.types.ValueOrder;
import io.pgsight.sql.builtin.types.ValueText;

import static io.pgsight.sql.spi.CastContext.ASSIGNMENT;
import static io.pgsight.sql.spi.CastContext.IMPLICIT;

/**
 * Operators and casts of the string types: comparisons (C collation) for text, bpchar (trailing
 * blanks ignored), name and "char"; || (textcat, anytextcat, textanycat); LIKE ~~ and ILIKE ~~*;
 * POSIX regex ~ ~*; ^@ (starts_with); and the casts among text, varchar, bpchar, name and "char".
 * varchar has no operators of its own: it is binary-coercible to text, as in PostgreSQL.
 */
public final class StringOperators {
    private StringOperators() {
    }

    private static String s(Object o) {
        return (String) o;
    }

    public static void register(CatalogWriter w) {
        ComparisonFamily.register(w, "text", "text", ValueOrder::compare,
                "texteq", "textne", "text_lt", "text_le", "text_gt", "text_ge", "bttextcmp");
        ComparisonFamily.register(w, "bpchar", "bpchar", (a, b) -> ValueOrder.compareBpchar(s(a), s(b)),
                ComparisonFamily.names("bpchar", "bpcharcmp"));
        ComparisonFamily.register(w, "name", "name", ValueOrder::compare, ComparisonFamily.names("name", "btnamecmp"));
        ComparisonFamily.register(w, "name", "text", ValueOrder::compare,
                "nameeqtext", "namenetext", "namelttext", "nameletext", "namegttext", "namegetext", "btnametextcmp");
        ComparisonFamily.register(w, "text", "name", ValueOrder::compare,
                "texteqname", "textnename", "textltname", "textlename", "textgtname", "textgename", "bttextnamecmp");
        ComparisonFamily.register(w, "char", "char", ValueOrder::compare, ComparisonFamily.names("char", "btcharcmp"));

        w.op("||", "text", "text", "textcat", "text", (ctx, a) -> concat(s(a[0]), s(a[1])));
        w.op("||", "anynonarray", "text", "anytextcat", "text",
                (ctx, a) -> concat(ValueText.castArgumentToText(ctx, 0, a[0]), s(a[1])));
        w.op("||", "text", "anynonarray", "textanycat", "text",
                (ctx, a) -> concat(s(a[0]), ValueText.castArgumentToText(ctx, 1, a[1])));

        w.op("~~", "text", "text", "textlike", "bool", (ctx, a) -> PatternMatching.like(s(a[0]), s(a[1]), false));
        w.op("!~~", "text", "text", "textnlike", "bool", (ctx, a) -> !PatternMatching.like(s(a[0]), s(a[1]), false));
        w.op("~~*", "text", "text", "texticlike", "bool", (ctx, a) -> PatternMatching.like(s(a[0]), s(a[1]), true));
        w.op("!~~*", "text", "text", "texticnlike", "bool", (ctx, a) -> !PatternMatching.like(s(a[0]), s(a[1]), true));
        w.fn("like", "bool", (ctx, a) -> PatternMatching.like(s(a[0]), s(a[1]), false), "text", "text");
        w.fn("like_escape", "text", (ctx, a) -> likeEscape(s(a[0]), s(a[1])), "text", "text");
        w.op("~", "text", "text", "textregexeq", "bool", (ctx, a) -> regexFind(s(a[0]), s(a[1]), ""));
        w.op("!~", "text", "text", "textregexne", "bool", (ctx, a) -> !regexFind(s(a[0]), s(a[1]), ""));
        w.op("~*", "text", "text", "texticregexeq", "bool", (ctx, a) -> regexFind(s(a[0]), s(a[1]), "i"));
        w.op("!~*", "text", "text", "texticregexne", "bool", (ctx, a) -> !regexFind(s(a[0]), s(a[1]), "i"));
        w.op("^@", "text", "text", "text_starts_with", "bool", (ctx, a) -> s(a[0]).startsWith(s(a[1])));

        w.binaryCast("text", "varchar", IMPLICIT);
        w.binaryCast("varchar", "text", IMPLICIT);
        w.binaryCast("text", "bpchar", IMPLICIT);
        w.binaryCast("varchar", "bpchar", IMPLICIT);
        w.cast("bpchar", "text", IMPLICIT, "text", (ctx, v, typmod, explicit) -> ValueOrder.stripTrailingSpaces(s(v)));
        w.cast("bpchar", "varchar", IMPLICIT, "text", (ctx, v, typmod, explicit) -> ValueOrder.stripTrailingSpaces(s(v)));
        w.cast("name", "text", IMPLICIT, "text", (ctx, v, typmod, explicit) -> v);
        w.cast("name", "varchar", ASSIGNMENT, "varchar", (ctx, v, typmod, explicit) -> v);
        w.cast("name", "bpchar", ASSIGNMENT, "bpchar", (ctx, v, typmod, explicit) -> v);
        w.cast("text", "name", IMPLICIT, "name", (ctx, v, typmod, explicit) -> TextType.truncateName(s(v)));
        w.cast("varchar", "name", IMPLICIT, "name", (ctx, v, typmod, explicit) -> TextType.truncateName(s(v)));
        w.cast("bpchar", "name", IMPLICIT, "name",
                (ctx, v, typmod, explicit) -> TextType.truncateName(ValueOrder.stripTrailingSpaces(s(v))));
        w.cast("char", "text", IMPLICIT, "text", (ctx, v, typmod, explicit) -> v);
        // text(boolean) spells the words out, unlike boolout's t/f
        w.cast("bool", "text", ASSIGNMENT, "text", (ctx, v, typmod, explicit) -> ValueText.boolText((Boolean) v));
        w.cast("bool", "varchar", ASSIGNMENT, "text", (ctx, v, typmod, explicit) -> ValueText.boolText((Boolean) v));
        w.cast("bool", "bpchar", ASSIGNMENT, "text", (ctx, v, typmod, explicit) -> ValueText.boolText((Boolean) v));
        w.cast("char", "bpchar", ASSIGNMENT, "bpchar", (ctx, v, typmod, explicit) -> v);
        w.cast("char", "varchar", ASSIGNMENT, "text", (ctx, v, typmod, explicit) -> v);
        w.cast("text", "char", ASSIGNMENT, "char", (ctx, v, typmod, explicit) -> firstChar(s(v)));
        w.cast("bpchar", "char", ASSIGNMENT, "char", (ctx, v, typmod, explicit) -> firstChar(s(v)));
        w.cast("varchar", "char", ASSIGNMENT, "char", (ctx, v, typmod, explicit) -> firstChar(s(v)));
    }

    private static String firstChar(String s) {
        return s.isEmpty() ? "" : s.substring(0, s.offsetByCodePoints(0, 1));
    }

    static boolean regexFind(String text, String pattern, String flags) {
        return PatternMatching.regex(pattern, flags).matcher(text).find();
    }

    /** like_escape(pattern, escape): rewrites the pattern to use backslash as its escape. */
    static String likeEscape(String pattern, String escape) {
        if (escape.codePointCount(0, escape.length()) > 1) {
            throw new io.pgsight.sql.api.SqlException("22019", "invalid escape string")
                    .withHint("Escape string must be empty or one character.");
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (!escape.isEmpty() && c == escape.charAt(0)) {
                if (i + 1 < pattern.length()) {
                    sb.append('\\').append(pattern.charAt(++i));
                }
            } else if (c == '\\') {
                sb.append("\\\\");
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** text || text, refused as PostgreSQL's palloc does when the result would reach 1 GB (counting one byte a character). */
    private static String concat(String x, String y) {
        io.pgsight.sql.exec.StatementMemory.checkAllocation((long) x.length() + y.length() + 4);
        return x + y;
    }
}
