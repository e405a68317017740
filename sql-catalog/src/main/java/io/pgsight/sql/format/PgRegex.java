package io.pgsight.sql.format;

import io.pgsight.sql.api.SqlException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * PostgreSQL regular expressions (ARE) approximated with java.util.regex: POSIX bracket classes, \m \M \y \Y
 * \Z, '.' matching newlines and $ anchoring only at the end unless the 'n' flag is given; flags g i c n p w s x
 * q; replacement strings with \1..\9 and \&. Compiled patterns are cached (bounded) across sessions.
 */
public final class PgRegex {
    private static final int CACHE_LIMIT = 512;
    private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

    private PgRegex() {
    }

    /** Parsed flags of regexp_* functions. */
    record Flags(boolean global, int javaFlags, boolean literal) {
    }

    static Flags flags(String flags) {
        boolean global = false;
        boolean ci = false;
        boolean newline = false;
        boolean expanded = false;
        boolean literal = false;
        if (flags != null) {
            for (int i = 0; i < flags.length(); i++) {
                char f = flags.charAt(i);
                switch (f) {
                    case 'g':
                        global = true;
                        break;
                    case 'i':
                        ci = true;
                        break;
                    case 'c':
                        ci = false;
                        break;
                    case 'n':
                    case 'm':
                    case 'p':
                    case 'w':
                        newline = true;
                        break;
                    case 's':
                        newline = false;
                        break;
                    case 'x':
                        expanded = true;
                        break;
                    case 't':
                        expanded = false;
                        break;
                    case 'q':
                        literal = true;
                        break;
                    default:
                        throw new SqlException(PgErrors.INVALID_PARAMETER_VALUE,
                                "invalid regular expression option: \"" + f + "\"");
                }
            }
        }
        int jf = Pattern.UNICODE_CASE;
        if (ci) {
            jf |= Pattern.CASE_INSENSITIVE;
        }
        jf |= newline ? Pattern.MULTILINE : Pattern.DOTALL;
        if (expanded) {
            jf |= Pattern.COMMENTS;
        }
        return new Flags(global, jf, literal);
    }

    /** Compiles a PostgreSQL regular expression with the given Java flags (cached). */
    static Pattern compile(String re, int javaFlags, boolean literal) {
        String key = javaFlags + (literal ? "q" : "r") + re;
        Pattern p = CACHE.get(key);
        if (p != null) {
            return p;
        }
        try {
            String javaRe = literal ? Pattern.quote(re) : translate(re, (javaFlags & Pattern.MULTILINE) != 0);
            p = Pattern.compile(javaRe, javaFlags);
        } catch (PatternSyntaxException e) {
            throw new SqlException(PgErrors.INVALID_REGULAR_EXPRESSION, "invalid regular expression: " + describe(e));
        }
        if (CACHE.size() >= CACHE_LIMIT) {
            CACHE.clear();
        }
        CACHE.put(key, p);
        return p;
    }

    private static String describe(PatternSyntaxException e) {
        String d = e.getDescription();
        if (d.contains("Unclosed group") || d.contains("Unmatched closing ')'")) {
            return "parentheses () not balanced";
        }
        if (d.contains("Unclosed character class")) {
            return "brackets [] not balanced";
        }
        if (d.contains("Dangling meta character")) {
            return "quantifier operand invalid";
        }
        if (d.contains("Illegal repetition") || d.contains("Unclosed counted closure")) {
            return "invalid repetition count(s)";
        }
        return "invalid escape \\ sequence";
    }

    /** ARE to java.util.regex. */
    static String translate(String re, boolean newlineSensitive) {
        StringBuilder sb = new StringBuilder(re.length() + 8);
        int n = re.length();
        boolean inBracket = false;
        for (int i = 0; i < n; i++) {
            char c = re.charAt(i);
            if (inBracket) {
                if (c == '[' && i + 1 < n && re.charAt(i + 1) == ':') {
                    int end = re.indexOf(":]", i + 2);
                    if (end > 0) {
                        sb.append(posixClass(re.substring(i + 2, end)));
                        i = end + 1;
                        continue;
                    }
                }
                if (c == ']') {
                    inBracket = false;
                } else if (c == '[' || (c == '&' && i + 1 < n && re.charAt(i + 1) == '&')) {
                    sb.append('\\');
                } else if (c == '\\' && i + 1 < n) {
                    sb.append(c).append(re.charAt(++i));
                    continue;
                }
                sb.append(c);
                continue;
            }
            switch (c) {
                case '[':
                    inBracket = true;
                    sb.append('[');
                    if (i + 1 < n && re.charAt(i + 1) == '^') {
                        sb.append('^');
                        i++;
                        if (newlineSensitive) {
                            sb.append("\\n");
                        }
                    }
                    if (i + 1 < n && re.charAt(i + 1) == ']') {
                        sb.append("\\]");
                        i++;
                    }
                    break;
                case '$':
                    sb.append(newlineSensitive ? "$" : "(?![\\s\\S])");
                    break;
                case '\\':
                    if (i + 1 >= n) {
                        sb.append("\\\\");
                        break;
                    }
                    char e = re.charAt(++i);
                    switch (e) {
                        case 'm':
                            sb.append("\\b(?=\\w)");
                            break;
                        case 'M':
                            sb.append("\\b(?<=\\w)");
                            break;
                        case 'y':
                            sb.append("\\b");
                            break;
                        case 'Y':
                            sb.append("\\B");
                            break;
                        case 'Z':
                            sb.append("\\z");
                            break;
                        default:
                            sb.append('\\').append(e);
                    }
                    break;
                default:
                    sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String posixClass(String name) {
        switch (name) {
            case "alpha":
                return "\\p{IsAlphabetic}";
            case "digit":
                return "0-9";
            case "alnum":
                return "\\p{IsAlphabetic}\\p{IsDigit}";
            case "upper":
                return "\\p{IsUppercase}";
            case "lower":
                return "\\p{IsLowercase}";
            case "space":
                return "\\s";
            case "blank":
                return " \\t";
            case "punct":
                return "\\p{IsPunctuation}";
            case "xdigit":
                return "0-9A-Fa-f";
            case "word":
                return "\\w";
            case "cntrl":
                return "\\p{Cntrl}";
            case "print":
                return "\\p{Print}";
            case "graph":
                return "\\p{Graph}";
            default:
                throw new SqlException(PgErrors.INVALID_REGULAR_EXPRESSION,
                        "invalid regular expression: invalid character class");
        }
    }

    // ---------------------------------------------------------------- operators

    /** s ~ re (caseInsensitive for ~*). */
    public static boolean matches(String s, String re, boolean caseInsensitive) {
        int f = Pattern.UNICODE_CASE | Pattern.DOTALL | (caseInsensitive ? Pattern.CASE_INSENSITIVE : 0);
        return compile(re, f, false).matcher(s).find();
    }

    /** regexp_like(s, re [, flags]). */
    public static boolean like(String s, String re, String flags) {
        Flags f = flags(flags);
        if (f.global()) {
            throw noGlobal("regexp_like()");
        }
        return compile(re, f.javaFlags(), f.literal()).matcher(s).find();
    }

    private static SqlException noGlobal(String function) {
        return new SqlException(PgErrors.INVALID_PARAMETER_VALUE,
                function + " does not support the \"global\" option");
    }

    // ---------------------------------------------------------------- functions

    /** regexp_replace(s, re, replacement [, flags]): first match unless 'g'. */
    public static String replace(String s, String re, String replacement, String flags) {
        Flags f = flags(flags);
        Matcher m = compile(re, f.javaFlags(), f.literal()).matcher(s);
        StringBuilder sb = new StringBuilder(s.length());
        int last = 0;
        while (m.find()) {
            sb.append(s, last, m.start());
            appendReplacement(sb, m, replacement);
            last = m.end();
            if (!f.global()) {
                break;
            }
        }
        sb.append(s, last, s.length());
        return sb.toString();
    }

    /** regexp_replace(s, re, replacement, start, n [, flags]) (PostgreSQL 15): replace the n-th match (0 = all). */
    public static String replace(String s, String re, String replacement, int start, int nth, String flags) {
        if (start <= 0) {
            throw new SqlException(PgErrors.INVALID_PARAMETER_VALUE, "invalid value for parameter \"start\": " + start);
        }
        if (nth < 0) {
            throw new SqlException(PgErrors.INVALID_PARAMETER_VALUE, "invalid value for parameter \"n\": " + nth);
        }
        Flags f = flags(flags);
        int from = start - 1 >= StringFunctions.length(s) ? s.length() : s.offsetByCodePoints(0, start - 1);
        Matcher m = compile(re, f.javaFlags(), f.literal()).matcher(s);
        StringBuilder sb = new StringBuilder(s.length());
        sb.append(s, 0, from);
        int last = from;
        int count = 0;
        int pos = from;
        while (pos <= s.length() && m.find(pos)) {
            count++;
            if (nth == 0 || count == nth) {
                sb.append(s, last, m.start());
                appendReplacement(sb, m, replacement);
                last = m.end();
                if (nth != 0) {
                    break;
                }
            }
            pos = m.end() == m.start() ? m.end() + 1 : m.end();
        }
        sb.append(s, last, s.length());
        return sb.toString();
    }

    private static void appendReplacement(StringBuilder sb, Matcher m, String replacement) {
        for (int i = 0; i < replacement.length(); i++) {
            char c = replacement.charAt(i);
            if (c == '\\' && i + 1 < replacement.length()) {
                char d = replacement.charAt(i + 1);
                if (d >= '1' && d <= '9') {
                    int g = d - '0';
                    if (g <= m.groupCount() && m.group(g) != null) {
                        sb.append(m.group(g));
                    }
                    i++;
                    continue;
                }
                if (d == '&') {
                    sb.append(m.group());
                    i++;
                    continue;
                }
                if (d == '\\') {
                    sb.append('\\');
                    i++;
                    continue;
                }
            }
            sb.append(c);
        }
    }

    /** regexp_match(s, re [, flags]): the capture groups (or the whole match) of the first match; null if none. */
    public static String[] match(String s, String re, String flags) {
        Flags f = flags(flags);
        if (f.global()) {
            throw noGlobal("regexp_match()").withHint("Use the regexp_matches function instead.");
        }
        Matcher m = compile(re, f.javaFlags(), f.literal()).matcher(s);
        return m.find() ? groups(m) : null;
    }

    /** regexp_matches(s, re [, flags]): one array per match ('g') or for the first match. */
    public static List<String[]> matches(String s, String re, String flags) {
        Flags f = flags(flags);
        Matcher m = compile(re, f.javaFlags(), f.literal()).matcher(s);
        List<String[]> out = new ArrayList<>();
        int pos = 0;
        while (pos <= s.length() && m.find(pos)) {
            out.add(groups(m));
            if (!f.global()) {
                break;
            }
            pos = m.end() == m.start() ? m.end() + 1 : m.end();
        }
        return out;
    }

    private static String[] groups(Matcher m) {
        if (m.groupCount() == 0) {
            return new String[] {m.group()};
        }
        String[] g = new String[m.groupCount()];
        for (int i = 0; i < g.length; i++) {
            g[i] = m.group(i + 1);
        }
        return g;
    }

    /** regexp_split_to_array / regexp_split_to_table: empty matches at the start and end are ignored. */
    public static List<String> split(String s, String re, String flags) {
        Flags f = flags(flags);
        if (f.global()) {
            throw noGlobal("regexp_split_to_table()");
        }
        Matcher m = compile(re, f.javaFlags(), f.literal()).matcher(s);
        List<String> out = new ArrayList<>();
        int len = s.length();
        int last = 0;
        int prevEnd = 0;
        int start = 0;
        while (start <= len && m.find(start)) {
            // degenerate (empty) matches at the ends or right after the previous match do not split
            if (m.start() < len && m.end() > prevEnd) {
                out.add(s.substring(last, m.start()));
                last = m.end();
            }
            prevEnd = m.end();
            start = prevEnd;
            if (m.start() == m.end()) {
                start += start < len ? Character.charCount(s.codePointAt(start)) : 1;
            }
        }
        out.add(s.substring(last));
        return out;
    }

    /** regexp_count(s, re [, start [, flags]]). */
    public static int count(String s, String re, int start, String flags) {
        Flags f = flags(flags);
        if (f.global()) {
            throw noGlobal("regexp_count()");
        }
        if (start <= 0) {
            throw new SqlException(PgErrors.INVALID_PARAMETER_VALUE, "invalid value for parameter \"start\": " + start);
        }
        Matcher m = compile(re, f.javaFlags(), f.literal()).matcher(s);
        int from = start - 1 >= StringFunctions.length(s) ? s.length() : s.offsetByCodePoints(0, start - 1);
        int count = 0;
        int pos = from;
        while (pos <= s.length() && m.find(pos)) {
            count++;
            pos = m.end() == m.start() ? m.end() + 1 : m.end();
        }
        return count;
    }

    /** regexp_substr(s, re [, start [, n [, flags [, subexpr]]]]): null when there is no such match. */
    public static String substr(String s, String re, int start, int nth, String flags, int subexpr) {
        Flags f = flags(flags);
        if (f.global()) {
            throw noGlobal("regexp_substr()");
        }
        if (start <= 0) {
            throw new SqlException(PgErrors.INVALID_PARAMETER_VALUE, "invalid value for parameter \"start\": " + start);
        }
        if (nth <= 0) {
            throw new SqlException(PgErrors.INVALID_PARAMETER_VALUE, "invalid value for parameter \"n\": " + nth);
        }
        Matcher m = compile(re, f.javaFlags(), f.literal()).matcher(s);
        int from = start - 1 >= StringFunctions.length(s) ? s.length() : s.offsetByCodePoints(0, start - 1);
        int count = 0;
        int pos = from;
        while (pos <= s.length() && m.find(pos)) {
            if (++count == nth) {
                if (subexpr > m.groupCount()) {
                    return null;
                }
                return m.group(subexpr);
            }
            pos = m.end() == m.start() ? m.end() + 1 : m.end();
        }
        return null;
    }

    /** SIMILAR TO: pattern converted to an anchored regular expression (similar_to_escape). */
    public static boolean similarTo(String s, String pattern, String escape) {
        return compile(similarToRegex(pattern, escape), Pattern.DOTALL, false).matcher(s).matches();
    }

    static String similarToRegex(String pattern, String escape) {
        char esc;
        if (escape == null) {
            esc = '\\';
        } else if (escape.isEmpty()) {
            esc = 0;
        } else if (escape.length() == 1) {
            esc = escape.charAt(0);
        } else {
            throw new SqlException(PgErrors.INVALID_ESCAPE_SEQUENCE, "invalid escape string")
                    .withHint("Escape string must be empty or one character.");
        }
        StringBuilder sb = new StringBuilder("^(?:");
        boolean inBracket = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (esc != 0 && c == esc) {
                if (i + 1 >= pattern.length()) {
                    throw new SqlException(PgErrors.INVALID_ESCAPE_SEQUENCE,
                            "SIMILAR TO pattern must not end with escape character");
                }
                char d = pattern.charAt(++i);
                sb.append(Character.isLetterOrDigit(d) ? String.valueOf(d) : "\\" + d);
            } else if (inBracket) {
                if (c == ']') {
                    inBracket = false;
                }
                sb.append(c == '\\' ? "\\\\" : String.valueOf(c));
            } else if (c == '[') {
                inBracket = true;
                sb.append(c);
            } else if (c == '%') {
                sb.append(".*");
            } else if (c == '_') {
                sb.append('.');
            } else if (c == '.' || c == '^' || c == '$' || c == '\\') {
                sb.append('\\').append(c);
            } else {
                sb.append(c);
            }
        }
        return sb.append(")$").toString();
    }
}
