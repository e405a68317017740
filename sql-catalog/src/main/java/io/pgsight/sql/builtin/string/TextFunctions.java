package io.pgsight.sql.builtin.string;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.builtin.CatalogWriter;
import io.pgsight.sql.builtin.types.ValueText;
import io.pgsight.sql.spi.Volatility;

import java.nio.charset.StandardCharsets;

/**
 * The string functions of the PostgreSQL manual (9.4) over text: lengths, substrings, case, trimming,
 * padding, repeat, reverse, concat, position, split_part, replace, translate, chr/ascii, to_hex.
 * Lengths and positions count characters (code points), not UTF-16 units.
 */
public final class TextFunctions {
    /** The argument type that marks a VARIADIC "any" last parameter (see package docs). */
    public static final String VARIADIC_ANY = "variadic any";

    private TextFunctions() {
    }

    static String s(Object o) {
        return (String) o;
    }

    static int i(Object o) {
        return ((Number) o).intValue();
    }

    static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** The substring of code points [from, to) clamped to the string. */
    static String codePoints(String s, long from, long to) {
        int n = length(s);
        long a = Math.max(0, Math.min(from, n));
        long b = Math.max(a, Math.min(to, n));
        return s.substring(s.offsetByCodePoints(0, (int) a), s.offsetByCodePoints(0, (int) b));
    }

    /** SQL substring(s, start [, count]) with 1-based start that may lie before the string. */
    static String substring(String s, int start, Integer count) {
        if (count != null && count < 0) {
            throw new SqlException("22011", "negative substring length not allowed");
        }
        long from = (long) start - 1;
        long to = count == null ? Long.MAX_VALUE : from + count;
        return codePoints(s, from, to);
    }

    public static void register(CatalogWriter w) {
        for (String name : new String[] {"length", "char_length", "character_length"}) {
            w.fn(name, "int4", (ctx, a) -> length(s(a[0])), "text");
        }
        w.fn("octet_length", "int4", (ctx, a) -> s(a[0]).getBytes(StandardCharsets.UTF_8).length, "text");
        w.fn("bit_length", "int4", (ctx, a) -> 8 * s(a[0]).getBytes(StandardCharsets.UTF_8).length, "text");
        w.fn("substr", "text", (ctx, a) -> substring(s(a[0]), i(a[1]), null), "text", "int4");
        w.fn("substr", "text", (ctx, a) -> substring(s(a[0]), i(a[1]), i(a[2])), "text", "int4", "int4");
        w.fn("substring", "text", (ctx, a) -> substring(s(a[0]), i(a[1]), null), "text", "int4");
        w.fn("substring", "text", (ctx, a) -> substring(s(a[0]), i(a[1]), i(a[2])), "text", "int4", "int4");
        w.fn("substring", "text", (ctx, a) -> RegexFunctions.substringMatch(s(a[0]), s(a[1])), "text", "text");
        w.fn("position", "int4", (ctx, a) -> position(s(a[0]), s(a[1])), "text", "text");
        w.fn("strpos", "int4", (ctx, a) -> position(s(a[0]), s(a[1])), "text", "text");
        w.fn("replace", "text", (ctx, a) -> s(a[1]).isEmpty() ? s(a[0]) : s(a[0]).replace(s(a[1]), s(a[2])),
                "text", "text", "text");
        w.fn("upper", "text", (ctx, a) -> mapCodePoints(s(a[0]), true), "text");
        w.fn("lower", "text", (ctx, a) -> mapCodePoints(s(a[0]), false), "text");
        w.fn("initcap", "text", (ctx, a) -> initcap(s(a[0])), "text");
        w.fn("btrim", "text", (ctx, a) -> trim(s(a[0]), " ", true, true), "text");
        w.fn("btrim", "text", (ctx, a) -> trim(s(a[0]), s(a[1]), true, true), "text", "text");
        w.fn("ltrim", "text", (ctx, a) -> trim(s(a[0]), " ", true, false), "text");
        w.fn("ltrim", "text", (ctx, a) -> trim(s(a[0]), s(a[1]), true, false), "text", "text");
        w.fn("rtrim", "text", (ctx, a) -> trim(s(a[0]), " ", false, true), "text");
        w.fn("rtrim", "text", (ctx, a) -> trim(s(a[0]), s(a[1]), false, true), "text", "text");
        w.fn("lpad", "text", (ctx, a) -> pad(s(a[0]), i(a[1]), " ", true), "text", "int4");
        w.fn("lpad", "text", (ctx, a) -> pad(s(a[0]), i(a[1]), s(a[2]), true), "text", "int4", "text");
        w.fn("rpad", "text", (ctx, a) -> pad(s(a[0]), i(a[1]), " ", false), "text", "int4");
        w.fn("rpad", "text", (ctx, a) -> pad(s(a[0]), i(a[1]), s(a[2]), false), "text", "int4", "text");
        w.fn("left", "text", (ctx, a) -> {
            int n = i(a[1]);
            return n >= 0 ? codePoints(s(a[0]), 0, n) : codePoints(s(a[0]), 0, length(s(a[0])) + (long) n);
        }, "text", "int4");
        w.fn("right", "text", (ctx, a) -> {
            int n = i(a[1]);
            int len = length(s(a[0]));
            return n >= 0 ? codePoints(s(a[0]), (long) len - n, len) : codePoints(s(a[0]), -(long) n, len);
        }, "text", "int4");
        w.fn("repeat", "text", (ctx, a) -> {
            int n = i(a[1]);
            if (n <= 0) {
                return "";
            }
            if ((long) s(a[0]).length() * n > 268_435_455L) {
                throw new SqlException("54000", "requested length too large");
            }
            return s(a[0]).repeat(n);
        }, "text", "int4");
        w.fn("reverse", "text", (ctx, a) -> new StringBuilder(s(a[0])).reverse().toString(), "text");
        w.fn("split_part", "text", (ctx, a) -> splitPart(s(a[0]), s(a[1]), i(a[2])), "text", "text", "int4");
        w.fn("translate", "text", (ctx, a) -> translate(s(a[0]), s(a[1]), s(a[2])), "text", "text", "text");
        w.fn("chr", "text", (ctx, a) -> chr(i(a[0])), "int4");
        w.fn("ascii", "int4", (ctx, a) -> s(a[0]).isEmpty() ? 0 : s(a[0]).codePointAt(0), "text");
        w.fn("starts_with", "bool", (ctx, a) -> s(a[0]).startsWith(s(a[1])), "text", "text");
        w.fn("to_hex", "text", (ctx, a) -> Integer.toHexString(i(a[0])), "int4");
        w.fn("to_hex", "text", (ctx, a) -> Long.toHexString((Long) a[0]), "int8");
        w.fn("concat", "text", false, Volatility.STABLE, (ctx, a) -> {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < a.length; k++) {
                if (a[k] != null) {
                    sb.append(ValueText.ofArgument(ctx, k, a[k]));
                }
            }
            return sb.toString();
        }, VARIADIC_ANY);
        w.fn("concat_ws", "text", false, Volatility.STABLE, (ctx, a) -> {
            if (a[0] == null) {
                return null;
            }
            StringBuilder sb = new StringBuilder();
            boolean first = true;
            for (int k = 1; k < a.length; k++) {
                if (a[k] != null) {
                    if (!first) {
                        sb.append(s(a[0]));
                    }
                    sb.append(ValueText.ofArgument(ctx, k, a[k]));
                    first = false;
                }
            }
            return sb.toString();
        }, "text", VARIADIC_ANY);
    }

    /**
     * upper/lower one code point at a time, as PostgreSQL's towupper/towlower on a UTF-8 database
     * (so ß stays ß, unlike String.toUpperCase's full case mapping).
     */
    static String mapCodePoints(String s, boolean upper) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> sb.appendCodePoint(upper ? Character.toUpperCase(cp) : Character.toLowerCase(cp)));
        return sb.toString();
    }

    static int position(String haystack, String needle) {
        int idx = haystack.indexOf(needle);
        return idx < 0 ? 0 : haystack.codePointCount(0, idx) + 1;
    }

    static String initcap(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean inWord = false;
        for (int k = 0; k < s.length(); ) {
            int cp = s.codePointAt(k);
            if (Character.isLetterOrDigit(cp)) {
                sb.appendCodePoint(inWord ? Character.toLowerCase(cp) : Character.toUpperCase(cp));
                inWord = true;
            } else {
                sb.appendCodePoint(cp);
                inWord = false;
            }
            k += Character.charCount(cp);
        }
        return sb.toString();
    }

    static String trim(String s, String chars, boolean leading, boolean trailing) {
        int start = 0;
        int end = s.length();
        while (leading && start < end && chars.indexOf(s.codePointAt(start)) >= 0) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (trailing && end > start && chars.indexOf(s.codePointBefore(end)) >= 0) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    static String pad(String s, int len, String fill, boolean left) {
        if (len <= 0) {
            return "";
        }
        int n = length(s);
        if (n >= len) {
            return codePoints(s, 0, len);
        }
        if (fill.isEmpty()) {
            return s;
        }
        StringBuilder padding = new StringBuilder();
        int fillLen = length(fill);
        for (int k = 0; k < len - n; k++) {
            padding.appendCodePoint(fill.codePointAt(fill.offsetByCodePoints(0, k % fillLen)));
        }
        return left ? padding + s : s + padding;
    }

    static String splitPart(String s, String delimiter, int field) {
        if (field == 0) {
            throw new SqlException("22023", "field position must not be zero");
        }
        if (delimiter.isEmpty()) {
            return (field == 1 || field == -1) ? s : "";
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        int from = 0;
        while (true) {
            int idx = s.indexOf(delimiter, from);
            if (idx < 0) {
                parts.add(s.substring(from));
                break;
            }
            parts.add(s.substring(from, idx));
            from = idx + delimiter.length();
        }
        if (s.isEmpty()) {
            return "";
        }
        int index = field > 0 ? field - 1 : parts.size() + field;
        return index >= 0 && index < parts.size() ? parts.get(index) : "";
    }

    static String translate(String s, String from, String to) {
        int[] f = from.codePoints().toArray();
        int[] t = to.codePoints().toArray();
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> {
            for (int k = 0; k < f.length; k++) {
                if (f[k] == cp) {
                    if (k < t.length) {
                        sb.appendCodePoint(t[k]);
                    }
                    return;
                }
            }
            sb.appendCodePoint(cp);
        });
        return sb.toString();
    }

    static String chr(int code) {
        if (code == 0) {
            throw new SqlException("54000", "null character not permitted");
        }
        if (code < 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
            throw new SqlException("54000", "requested character too large for encoding: " + code);
        }
        return new String(Character.toChars(code));
    }
}
