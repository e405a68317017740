package io.pgsight.sql.format;

import io.pgsight.sql.api.SqlException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PostgreSQL's text functions, counting characters as code points (not UTF-16 units) and comparing text by
 * code point (the C / C.UTF-8 collation). Null handling is the caller's: these take non-null strings unless a
 * parameter says otherwise (concat, concat_ws, format arguments, quote_nullable).
 */
public final class StringFunctions {
    private static final Set<String> QUOTE_KEYWORDS = Set.of(
            // reserved
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case", "cast",
            "check", "collate", "column", "constraint", "create", "current_catalog", "current_date", "current_role",
            "current_time", "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do",
            "else", "end", "except", "false", "fetch", "for", "foreign", "from", "grant", "group", "having", "in",
            "initially", "intersect", "into", "lateral", "leading", "limit", "localtime", "localtimestamp", "not",
            "null", "offset", "on", "only", "or", "order", "placing", "primary", "references", "returning", "select",
            "session_user", "some", "symmetric", "table", "then", "to", "trailing", "true", "union", "unique", "user",
            "using", "variadic", "when", "where", "window", "with",
            // type_func_name
            "authorization", "binary", "collation", "concurrently", "cross", "current_schema", "freeze", "full",
            "ilike", "inner", "is", "isnull", "join", "left", "like", "natural", "notnull", "outer", "overlaps",
            "right", "similar", "tablesample", "verbose",
            // col_name
            "between", "bigint", "bit", "boolean", "char", "character", "coalesce", "dec", "decimal", "exists",
            "extract", "float", "greatest", "grouping", "inout", "int", "integer", "interval", "least", "national",
            "nchar", "none", "normalize", "nullif", "numeric", "out", "overlay", "position", "precision", "real",
            "row", "setof", "smallint", "substring", "time", "timestamp", "treat", "trim", "values", "varchar",
            "xmlattributes", "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse",
            "xmlpi", "xmlroot", "xmlserialize", "xmltable");

    private StringFunctions() {
    }

    // ---------------------------------------------------------------- lengths and comparison

    public static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    public static int octetLength(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    public static int bitLength(String s) {
        return octetLength(s) * 8;
    }

    /** Text comparison in code point order (what the C.UTF-8 collation does). */
    public static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
                    return Integer.compare(a.codePointAt(i), b.codePointAt(i));
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    // ---------------------------------------------------------------- substrings

    /** substr(s, start): from the 1-based start to the end. */
    public static String substr(String s, int start) {
        int from = Math.max(start, 1) - 1;
        int len = length(s);
        if (from >= len) {
            return "";
        }
        return s.substring(s.offsetByCodePoints(0, from));
    }

    /** substr(s, start, count): positions before 1 use up the count; a negative count is an error. */
    public static String substr(String s, int start, int count) {
        if (count < 0) {
            throw new SqlException(PgErrors.SUBSTRING_ERROR, "negative substring length not allowed");
        }
        long end = (long) start + count;
        long from = Math.max(start, 1);
        int len = length(s);
        long to = Math.min(end, (long) len + 1);
        if (to <= from) {
            return "";
        }
        int b = s.offsetByCodePoints(0, (int) from - 1);
        int e = s.offsetByCodePoints(b, (int) (to - from));
        return s.substring(b, e);
    }

    /** position(sub IN s) / strpos(s, sub): 1-based character position, 0 if absent. */
    public static int position(String s, String sub) {
        int i = s.indexOf(sub);
        return i < 0 ? 0 : s.codePointCount(0, i) + 1;
    }

    public static String left(String s, int n) {
        int len = length(s);
        int keep = n >= 0 ? Math.min(n, len) : Math.max(len + n, 0);
        return s.substring(0, s.offsetByCodePoints(0, keep));
    }

    public static String right(String s, int n) {
        int len = length(s);
        int keep = n >= 0 ? Math.min(n, len) : Math.max(len + n, 0);
        return s.substring(s.offsetByCodePoints(0, len - keep));
    }

    public static boolean startsWith(String s, String prefix) {
        return s.startsWith(prefix);
    }

    // ---------------------------------------------------------------- transformations

    public static String upper(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> sb.appendCodePoint(Character.toUpperCase(c)));
        return sb.toString();
    }

    public static String lower(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> sb.appendCodePoint(Character.toLowerCase(c)));
        return sb.toString();
    }

    /** initcap: first letter of each alphanumeric run upper case, the rest lower case. */
    public static String initcap(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean wasAlnum = false;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            sb.appendCodePoint(wasAlnum ? Character.toLowerCase(c) : Character.toUpperCase(c));
            wasAlnum = Character.isLetterOrDigit(c);
        }
        return sb.toString();
    }

    public static String replace(String s, String from, String to) {
        return from.isEmpty() ? s : s.replace(from, to);
    }

    public static String repeat(String s, int n) {
        if (n <= 0 || s.isEmpty()) {
            return "";
        }
        long total = (long) s.length() * n;
        if (total > (1L << 30) - 1) {
            throw new SqlException(PgErrors.PROGRAM_LIMIT_EXCEEDED, "requested length too large");
        }
        return s.repeat(n);
    }

    public static String reverse(String s) {
        return new StringBuilder(s).reverse().toString();
    }

    /** translate(s, from, to): characters of from become the character at the same place in to, or vanish. */
    public static String translate(String s, String from, String to) {
        int[] f = from.codePoints().toArray();
        int[] t = to.codePoints().toArray();
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            for (int i = 0; i < f.length; i++) {
                if (f[i] == c) {
                    if (i < t.length) {
                        sb.appendCodePoint(t[i]);
                    }
                    return;
                }
            }
            sb.appendCodePoint(c);
        });
        return sb.toString();
    }

    public static String lpad(String s, int len, String fill) {
        return pad(s, len, fill, true);
    }

    public static String rpad(String s, int len, String fill) {
        return pad(s, len, fill, false);
    }

    private static String pad(String s, int len, String fill, boolean left) {
        if (len <= 0) {
            return "";
        }
        int have = length(s);
        if (have >= len || fill.isEmpty()) {
            return have >= len ? s.substring(0, s.offsetByCodePoints(0, len)) : s;
        }
        int[] f = fill.codePoints().toArray();
        StringBuilder padding = new StringBuilder();
        for (int i = 0; i < len - have; i++) {
            padding.appendCodePoint(f[i % f.length]);
        }
        return left ? padding + s : s + padding;
    }

    /** btrim / trim(BOTH): removes leading and trailing characters in chars. */
    public static String btrim(String s, String chars) {
        return rtrim(ltrim(s, chars), chars);
    }

    public static String ltrim(String s, String chars) {
        int i = 0;
        while (i < s.length()) {
            int c = s.codePointAt(i);
            if (chars.indexOf(c) < 0) {
                break;
            }
            i += Character.charCount(c);
        }
        return s.substring(i);
    }

    public static String rtrim(String s, String chars) {
        int i = s.length();
        while (i > 0) {
            int c = s.codePointBefore(i);
            if (chars.indexOf(c) < 0) {
                break;
            }
            i -= Character.charCount(c);
        }
        return s.substring(0, i);
    }

    /** split_part(s, delimiter, n): n counts from the end when negative; zero is an error. */
    public static String splitPart(String s, String delimiter, int n) {
        if (n == 0) {
            throw new SqlException(PgErrors.INVALID_PARAMETER_VALUE, "field position must not be zero");
        }
        if (delimiter.isEmpty()) {
            return n == 1 || n == -1 ? s : "";
        }
        if (s.isEmpty()) {
            return "";
        }
        List<String> parts = splitLiteral(s, delimiter);
        int index = n > 0 ? n - 1 : parts.size() + n;
        return index >= 0 && index < parts.size() ? parts.get(index) : "";
    }

    private static List<String> splitLiteral(String s, String delimiter) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        while (true) {
            int i = s.indexOf(delimiter, from);
            if (i < 0) {
                parts.add(s.substring(from));
                return parts;
            }
            parts.add(s.substring(from, i));
            from = i + delimiter.length();
        }
    }

    /**
     * string_to_array(s, delimiter [, nullString]): a null delimiter splits into characters, an empty one gives
     * the whole string; an empty input gives an empty array; elements equal to nullString become null.
     */
    public static String[] stringToArray(String s, String delimiter, String nullString) {
        if (s.isEmpty()) {
            return new String[0];
        }
        List<String> parts;
        if (delimiter == null) {
            parts = new ArrayList<>();
            s.codePoints().forEach(c -> parts.add(new String(Character.toChars(c))));
        } else if (delimiter.isEmpty()) {
            parts = List.of(s);
        } else {
            parts = splitLiteral(s, delimiter);
        }
        String[] out = parts.toArray(new String[0]);
        if (nullString != null) {
            for (int i = 0; i < out.length; i++) {
                if (out[i].equals(nullString)) {
                    out[i] = null;
                }
            }
        }
        return out;
    }

    /** array_to_string(elements as text, delimiter [, nullString]): nulls are skipped unless nullString given. */
    public static String arrayToString(Iterable<String> elements, String delimiter, String nullString) {
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (String e : elements) {
            String v = e != null ? e : nullString;
            if (v == null) {
                continue;
            }
            if (!first) {
                sb.append(delimiter);
            }
            sb.append(v);
            first = false;
        }
        return sb.toString();
    }

    /** concat(...): null arguments are skipped. */
    public static String concat(Iterable<String> args) {
        StringBuilder sb = new StringBuilder();
        for (String a : args) {
            if (a != null) {
                sb.append(a);
            }
        }
        return sb.toString();
    }

    /** concat_ws(sep, ...): null arguments skipped; a null separator gives null. */
    public static String concatWs(String separator, Iterable<String> args) {
        if (separator == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (String a : args) {
            if (a == null) {
                continue;
            }
            if (!first) {
                sb.append(separator);
            }
            sb.append(a);
            first = false;
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- characters

    public static int ascii(String s) {
        return s.isEmpty() ? 0 : s.codePointAt(0);
    }

    public static String chr(int code) {
        long c = code & 0xFFFFFFFFL;
        if (c == 0) {
            throw new SqlException(PgErrors.PROGRAM_LIMIT_EXCEEDED, "null character not permitted");
        }
        if (c > 0x10FFFF) {
            throw new SqlException(PgErrors.PROGRAM_LIMIT_EXCEEDED, "requested character too large for encoding: " + c);
        }
        if (c >= 0xD800 && c <= 0xDFFF) {
            throw new SqlException(PgErrors.PROGRAM_LIMIT_EXCEEDED, "requested character not valid for encoding: " + c);
        }
        return new String(Character.toChars((int) c));
    }

    public static String toHex(int v) {
        return Integer.toHexString(v);
    }

    public static String toHex(long v) {
        return Long.toHexString(v);
    }

    public static String md5(String s) {
        return ByteaFunctions.md5Hex(s.getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- quoting

    /** quote_ident: double-quotes unless a plain lower-case identifier that is not a keyword. */
    public static String quoteIdent(String s) {
        boolean safe = !s.isEmpty() && (isLowerAlpha(s.charAt(0)) || s.charAt(0) == '_');
        for (int i = 0; safe && i < s.length(); i++) {
            char c = s.charAt(i);
            safe = isLowerAlpha(c) || (c >= '0' && c <= '9') || c == '_';
        }
        if (safe && !QUOTE_KEYWORDS.contains(s)) {
            return s;
        }
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static boolean isLowerAlpha(char c) {
        return c >= 'a' && c <= 'z';
    }

    /** quote_literal: single quotes doubled; with backslashes, an E'' literal with them doubled. */
    public static String quoteLiteral(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        if (s.indexOf('\\') >= 0) {
            sb.append('E');
        }
        sb.append('\'');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '\\') {
                sb.append(c);
            }
            sb.append(c);
        }
        return sb.append('\'').toString();
    }

    public static String quoteNullable(String s) {
        return s == null ? "NULL" : quoteLiteral(s);
    }

    // ---------------------------------------------------------------- format()

    /**
     * format(fmt, args...): %s (null as empty), %I (quote_ident; null is an error), %L (quote_literal, null as
     * NULL), %%, positional %n$, the '-' flag and widths including * and *n$. Arguments are the text forms of
     * the values (null for SQL NULL).
     */
    public static String format(String fmt, List<String> args) {
        StringBuilder out = new StringBuilder();
        int n = fmt.length();
        int nextArg = 0;
        for (int i = 0; i < n; i++) {
            char c = fmt.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (++i >= n) {
                throw unterminated();
            }
            if (fmt.charAt(i) == '%') {
                out.append('%');
                continue;
            }
            // argument position
            int[] num = new int[1];
            int j = readNumber(fmt, i, num);
            int argPos = -1;
            if (j > i && j < n && fmt.charAt(j) == '$') {
                argPos = num[0];
                i = j + 1;
                if (argPos == 0) {
                    throw argumentZero();
                }
            }
            boolean leftAlign = false;
            while (i < n && fmt.charAt(i) == '-') {
                leftAlign = true;
                i++;
            }
            int width = 0;
            if (i < n && fmt.charAt(i) == '*') {
                i++;
                int widthArg;
                j = readNumber(fmt, i, num);
                if (j > i && j < n && fmt.charAt(j) == '$') {
                    widthArg = num[0];
                    if (widthArg == 0) {
                        throw argumentZero();
                    }
                    i = j + 1;
                    nextArg = widthArg;
                } else {
                    widthArg = ++nextArg;
                }
                if (widthArg > args.size()) {
                    throw tooFew();
                }
                String w = args.get(widthArg - 1);
                width = w == null ? 0 : IntegerFormat.int4In(w);
                if (width < 0) {
                    leftAlign = true;
                    width = width == Integer.MIN_VALUE ? Integer.MAX_VALUE : -width;
                }
            } else {
                j = readNumber(fmt, i, num);
                if (j > i) {
                    width = num[0];
                    i = j;
                }
            }
            if (i >= n) {
                throw unterminated();
            }
            char type = fmt.charAt(i);
            if (type != 's' && type != 'I' && type != 'L') {
                throw new SqlException(PgErrors.INVALID_PARAMETER_VALUE,
                        "unrecognized format() type specifier \"" + type + "\"")
                        .withHint("For a single \"%\" use \"%%\".");
            }
            int arg = argPos > 0 ? argPos : ++nextArg;
            if (argPos > 0) {
                nextArg = argPos;
            }
            if (arg > args.size()) {
                throw tooFew();
            }
            String value = args.get(arg - 1);
            String text;
            switch (type) {
                case 'I':
                    if (value == null) {
                        throw new SqlException("22004", "null values cannot be formatted as an SQL identifier");
                    }
                    text = quoteIdent(value);
                    break;
                case 'L':
                    text = quoteNullable(value);
                    break;
                default:
                    text = value == null ? "" : value;
            }
            int padding = width - length(text);
            if (padding > 0 && !leftAlign) {
                out.append(" ".repeat(padding));
            }
            out.append(text);
            if (padding > 0 && leftAlign) {
                out.append(" ".repeat(padding));
            }
        }
        return out.toString();
    }

    private static int readNumber(String s, int from, int[] out) {
        int i = from;
        long v = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            v = v * 10 + (s.charAt(i) - '0');
            if (v > Integer.MAX_VALUE) {
                throw new SqlException(PgErrors.INVALID_PARAMETER_VALUE, "number is out of range");
            }
            i++;
        }
        out[0] = (int) v;
        return i;
    }

    private static SqlException unterminated() {
        return new SqlException(PgErrors.INVALID_PARAMETER_VALUE, "unterminated format() type specifier")
                .withHint("For a single \"%\" use \"%%\".");
    }

    private static SqlException tooFew() {
        return new SqlException(PgErrors.INVALID_PARAMETER_VALUE, "too few arguments for format()");
    }

    private static SqlException argumentZero() {
        return new SqlException(PgErrors.INVALID_PARAMETER_VALUE,
                "format specifies argument 0, but arguments are numbered from 1");
    }

    /** downcase_identifier: only ASCII A-Z are folded (the database encoding is UTF-8). */
    public static String foldIdentifier(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return sb.toString();
    }
}
