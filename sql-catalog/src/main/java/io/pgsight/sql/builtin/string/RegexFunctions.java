package io.pgsight.sql.builtin.string;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.builtin.CatalogWriter;
import io.pgsight.sql.spi.PgArray;
import io.pgsight.sql.spi.SetReturningFunction;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;

/**
 * POSIX regular-expression functions: regexp_replace, regexp_match, regexp_matches (set-returning),
 * regexp_split_to_array / _to_table, substring(text from pattern), regexp_count, regexp_like.
 */
public final class RegexFunctions {
    static final int TEXT_OID = 25;

    private RegexFunctions() {
    }

    private static String s(Object o) {
        return (String) o;
    }

    public static void register(CatalogWriter w) {
        w.fn("regexp_replace", "text", (ctx, a) -> replace(s(a[0]), s(a[1]), s(a[2]), ""), "text", "text", "text");
        w.fn("regexp_replace", "text", (ctx, a) -> replace(s(a[0]), s(a[1]), s(a[2]), s(a[3])),
                "text", "text", "text", "text");
        w.fn("regexp_match", "_text", (ctx, a) -> match(s(a[0]), s(a[1]), ""), "text", "text");
        w.fn("regexp_match", "_text", (ctx, a) -> match(s(a[0]), s(a[1]), s(a[2])), "text", "text", "text");
        SetReturningFunction matches2 = (ctx, a) -> matches(s(a[0]), s(a[1]), "");
        SetReturningFunction matches3 = (ctx, a) -> matches(s(a[0]), s(a[1]), s(a[2]));
        w.srf("regexp_matches", "_text", matches2, "text", "text");
        w.srf("regexp_matches", "_text", matches3, "text", "text", "text");
        w.fn("regexp_split_to_array", "_text", (ctx, a) -> toArray(split(s(a[0]), s(a[1]), "")), "text", "text");
        w.fn("regexp_split_to_array", "_text", (ctx, a) -> toArray(split(s(a[0]), s(a[1]), s(a[2]))),
                "text", "text", "text");
        SetReturningFunction table2 = (ctx, a) -> new ArrayList<Object>(split(s(a[0]), s(a[1]), "")).iterator();
        SetReturningFunction table3 = (ctx, a) -> new ArrayList<Object>(split(s(a[0]), s(a[1]), s(a[2]))).iterator();
        w.srf("regexp_split_to_table", "text", table2, "text", "text");
        w.srf("regexp_split_to_table", "text", table3, "text", "text", "text");
        w.fn("regexp_count", "int4", (ctx, a) -> {
            Matcher m = PatternMatching.regex(s(a[1]), "").matcher(s(a[0]));
            int n = 0;
            while (m.find()) {
                n++;
            }
            return n;
        }, "text", "text");
        w.fn("regexp_like", "bool", (ctx, a) -> PatternMatching.regex(s(a[1]), "").matcher(s(a[0])).find(),
                "text", "text");
        w.fn("regexp_like", "bool", (ctx, a) -> PatternMatching.regex(s(a[1]), s(a[2])).matcher(s(a[0])).find(),
                "text", "text", "text");
    }

    static PgArray toArray(List<String> parts) {
        return PgArray.of(TEXT_OID, parts.toArray());
    }

    /** regexp_replace: flag g replaces all matches; \1..\9 and \& in the replacement. */
    static String replace(String source, String pattern, String replacement, String flags) {
        Matcher m = PatternMatching.regex(pattern, flags).matcher(source);
        boolean global = flags.indexOf('g') >= 0;
        StringBuilder sb = new StringBuilder();
        int last = 0;
        while (m.find()) {
            sb.append(source, last, m.start());
            appendReplacement(sb, m, replacement);
            last = m.end();
            if (!global) {
                break;
            }
        }
        sb.append(source, last, source.length());
        return sb.toString();
    }

    private static void appendReplacement(StringBuilder sb, Matcher m, String r) {
        for (int k = 0; k < r.length(); k++) {
            char c = r.charAt(k);
            if (c == '\\' && k + 1 < r.length()) {
                char n = r.charAt(k + 1);
                if (n >= '1' && n <= '9') {
                    int g = n - '0';
                    if (g <= m.groupCount() && m.group(g) != null) {
                        sb.append(m.group(g));
                    }
                    k++;
                    continue;
                }
                if (n == '&') {
                    sb.append(m.group());
                    k++;
                    continue;
                }
                if (n == '\\') {
                    sb.append('\\');
                    k++;
                    continue;
                }
            }
            sb.append(c);
        }
    }

    private static PgArray groups(Matcher m) {
        if (m.groupCount() == 0) {
            return PgArray.of(TEXT_OID, m.group());
        }
        Object[] g = new Object[m.groupCount()];
        for (int k = 0; k < g.length; k++) {
            g[k] = m.group(k + 1);
        }
        return PgArray.of(TEXT_OID, g);
    }

    static PgArray match(String source, String pattern, String flags) {
        if (flags.indexOf('g') >= 0) {
            throw new SqlException("22023", "regexp_match() does not support the \"global\" option")
                    .withHint("Use the regexp_matches function instead.");
        }
        Matcher m = PatternMatching.regex(pattern, flags).matcher(source);
        return m.find() ? groups(m) : null;
    }

    static Iterator<Object> matches(String source, String pattern, String flags) {
        Matcher m = PatternMatching.regex(pattern, flags).matcher(source);
        boolean global = flags.indexOf('g') >= 0;
        List<Object> out = new ArrayList<>();
        while (m.find()) {
            out.add(groups(m));
            if (!global) {
                break;
            }
        }
        return out.iterator();
    }

    /** regexp_split: zero-length matches at the ends or right after a match do not split. */
    static List<String> split(String source, String pattern, String flags) {
        if (flags.indexOf('g') >= 0) {
            throw new SqlException("22023", "regexp_split_to_array() does not support the \"global\" option");
        }
        Matcher m = PatternMatching.regex(pattern, flags).matcher(source);
        List<String> parts = new ArrayList<>();
        int start = 0;
        int from = 0;
        int lastEnd = -1;
        int len = source.length();
        while (from <= len && m.find(from)) {
            boolean empty = m.end() == m.start();
            if (empty && (m.start() == 0 || m.start() == len || m.start() == lastEnd)) {
                from = m.start() + 1;
                continue;
            }
            parts.add(source.substring(start, m.start()));
            start = m.end();
            lastEnd = m.end();
            from = empty ? m.end() + 1 : m.end();
        }
        parts.add(source.substring(start));
        return parts;
    }

    /** substring(text from pattern): the first parenthesized group's match, or the whole match. */
    static String substringMatch(String source, String pattern) {
        Matcher m = PatternMatching.regex(pattern, "").matcher(source);
        if (!m.find()) {
            return null;
        }
        return m.groupCount() > 0 ? m.group(1) : m.group();
    }
}
