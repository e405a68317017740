package io.pgsight.sql.builtin.string;

import io.pgsight.sql.api.SqlException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * LIKE/ILIKE patterns and POSIX regular expressions turned into java.util.regex patterns (cached):
 * LIKE's % and _ with backslash escape; for regexes, PostgreSQL's ARE spellings that Java lacks
 * ([[:alpha:]] classes, \m \M \y word boundaries) are rewritten.
 */
public final class PatternMatching {
    /** Compiled patterns by flags and source; emptied when it grows past {@link #CACHE_LIMIT}. */
    private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 4096;
    private static final Map<String, String> CLASSES = Map.ofEntries(
            Map.entry("alpha", "\\p{IsAlphabetic}"), Map.entry("digit", "0-9"), Map.entry("alnum", "\\p{IsAlphabetic}0-9"),
            Map.entry("upper", "\\p{IsUppercase}"), Map.entry("lower", "\\p{IsLowercase}"),
            Map.entry("space", "\\s"), Map.entry("punct", "\\p{Punct}"), Map.entry("xdigit", "0-9A-Fa-f"),
            Map.entry("word", "\\w"), Map.entry("blank", " \\t"), Map.entry("cntrl", "\\p{Cntrl}"),
            Map.entry("print", "\\p{Print}"), Map.entry("graph", "\\p{Graph}"));

    private PatternMatching() {
    }

    public static boolean like(String text, String pattern, boolean caseInsensitive) {
        return likePattern(pattern, "\\", caseInsensitive).matcher(text).matches();
    }

    /** LIKE pattern with an escape character ("" for none). */
    public static Pattern likePattern(String pattern, String escape, boolean caseInsensitive) {
        String key = (caseInsensitive ? "L*" : "L ") + escape + "\u0000" + pattern;
        trimCache();
        return CACHE.computeIfAbsent(key, k -> {
            StringBuilder sb = new StringBuilder();
            int esc = escape.isEmpty() ? -1 : escape.codePointAt(0);
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == esc) {
                    if (i + 1 >= pattern.length()) {
                        throw new SqlException("22025", "LIKE pattern must not end with escape character");
                    }
                    sb.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
                } else if (c == '%') {
                    sb.append(".*");
                } else if (c == '_') {
                    sb.append('.');
                } else {
                    sb.append(Pattern.quote(String.valueOf(c)));
                }
            }
            int flags = Pattern.DOTALL | (caseInsensitive ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
            return Pattern.compile(sb.toString(), flags);
        });
    }

    /** A POSIX (ARE) regular expression with optional flags (i, c, n, s, x, g is the caller's). */
    public static Pattern regex(String pattern, String flags) {
        String key = "R" + flags + "\u0000" + pattern;
        trimCache();
        return CACHE.computeIfAbsent(key, k -> {
            int f = 0;
            for (char c : flags.toCharArray()) {
                switch (c) {
                    case 'i' -> f |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                    case 'c', 'g' -> {
                    }
                    case 'n', 'm' -> f |= Pattern.MULTILINE;
                    case 'x' -> f |= Pattern.COMMENTS;
                    case 's' -> f &= ~Pattern.MULTILINE;
                    default -> throw new SqlException("22023", "invalid regular expression option: \"" + c + "\"");
                }
            }
            if (f == 0 || (f & Pattern.MULTILINE) == 0) {
                f |= Pattern.DOTALL;
            }
            try {
                return Pattern.compile(translate(pattern), f);
            } catch (PatternSyntaxException e) {
                throw new SqlException("2201B", "invalid regular expression: " + regerror(e.getDescription()));
            }
        });
    }

    /** PostgreSQL's regerror text for the compile errors Java reports differently. */
    private static String regerror(String javaDescription) {
        if (javaDescription.startsWith("Unclosed group") || javaDescription.startsWith("Unmatched closing ')'")) {
            return "parentheses () not balanced";
        } else if (javaDescription.startsWith("Unclosed character class")) {
            return "brackets [] not balanced";
        } else if (javaDescription.startsWith("Dangling meta character")) {
            return "quantifier operand invalid";
        } else if (javaDescription.startsWith("Illegal repetition range")) {
            return "invalid repetition count(s)";
        } else if (javaDescription.startsWith("Unclosed counted closure")) {
            return "braces {} not balanced";
        } else if (javaDescription.startsWith("Illegal character range")) {
            return "invalid character range";
        } else if (javaDescription.startsWith("Unexpected internal error")
                || javaDescription.startsWith("Illegal/unsupported escape sequence")) {
            // Java's words for a trailing or unknown backslash escape
            return "invalid escape \\ sequence";
        }
        return javaDescription;
    }

    private static void trimCache() {
        if (CACHE.size() > CACHE_LIMIT) {
            CACHE.clear();
        }
    }

    static String translate(String re) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        boolean inBracket = false;
        while (i < re.length()) {
            char c = re.charAt(i);
            if (inBracket) {
                if (c == '[' && re.startsWith("[:", i)) {
                    int end = re.indexOf(":]", i + 2);
                    if (end > 0) {
                        String cls = CLASSES.get(re.substring(i + 2, end));
                        if (cls != null) {
                            sb.append(cls);
                            i = end + 2;
                            continue;
                        }
                    }
                }
                if (c == '[') {
                    sb.append("\\[");
                    i++;
                    continue;
                }
                if (c == ']') {
                    inBracket = false;
                }
                if (c == '\\' && i + 1 < re.length()) {
                    sb.append(c).append(re.charAt(i + 1));
                    i += 2;
                    continue;
                }
                if (c == '&' && i + 1 < re.length() && re.charAt(i + 1) == '&') {
                    sb.append("&\\&"); // Java reads && in a class as intersection
                    i += 2;
                    continue;
                }
                sb.append(c);
                i++;
                continue;
            }
            if (c == '\\' && i + 1 < re.length()) {
                char n = re.charAt(i + 1);
                switch (n) {
                    case 'm' -> sb.append("\\b(?=\\w)");
                    case 'M' -> sb.append("\\b(?<=\\w)");
                    case 'y' -> sb.append("\\b");
                    case 'Y' -> sb.append("\\B");
                    case 'A' -> sb.append("\\A");
                    case 'Z' -> sb.append("\\z");
                    default -> sb.append(c).append(n);
                }
                i += 2;
                continue;
            }
            if (c == '[') {
                inBracket = true;
                sb.append(c);
                i++;
                if (i < re.length() && re.charAt(i) == '^') {
                    sb.append('^');
                    i++;
                }
                if (i < re.length() && re.charAt(i) == ']') {
                    sb.append("\\]");
                    i++;
                }
                continue;
            }
            sb.append(c);
            i++;
        }
        return sb.toString();
    }
}
