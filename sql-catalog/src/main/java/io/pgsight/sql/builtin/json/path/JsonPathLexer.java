package io.pgsight.sql.builtin.json.path;

import io.pgsight.sql.api.SqlException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splits jsonpath text into tokens as PostgreSQL's jsonpath scanner does. */
final class JsonPathLexer {
    enum Kind { PUNCT, IDENT, STRING, VARIABLE, NUMBER, END }

    /**
     * A token. {@code near} is the text an error "at or near" it names (empty: "at end"), which for an
     * identifier is what follows it, as in PostgreSQL's scanner.
     */
    record Token(Kind kind, String text, String near, BigDecimal number) {
        boolean is(String punct) {
            return kind == Kind.PUNCT && text.equals(punct);
        }

        /** Whether this is the (case-insensitive) keyword {@code word}. */
        boolean isKeyword(String word) {
            return kind == Kind.IDENT && text.toLowerCase(Locale.ROOT).equals(word);
        }
    }

    private static final String SPECIAL = "?%$.[]{}()|&!=<>@#,*:-+/\\\" \t\n\r\f";
    private static final Set<String> TWO_CHAR = Set.of("==", "!=", "<>", "<=", ">=", "&&", "||", "**");

    private final String s;
    private int pos;

    private JsonPathLexer(String s) {
        this.s = s;
    }

    /**
     * The tokens, read as the parser asks for them: a lexical error (trailing junk, a bad escape)
     * surfaces only when the parser gets that far, as with PostgreSQL's scanner.
     */
    static final class Stream {
        private final JsonPathLexer lexer;
        private final List<Token> read = new ArrayList<>();

        Stream(String text) {
            lexer = new JsonPathLexer(text);
        }

        Token get(int i) {
            while (read.size() <= i) {
                Token last = read.isEmpty() ? null : read.get(read.size() - 1);
                read.add(last != null && last.kind() == Kind.END ? last : lexer.next());
            }
            return read.get(i);
        }
    }

    static SqlException syntaxError(String message, String near) {
        return new SqlException("42601", message + (near.isEmpty() ? " at end of jsonpath input"
                : " at or near \"" + near + "\" of jsonpath input"));
    }

    private static boolean special(char c) {
        return SPECIAL.indexOf(c) >= 0;
    }

    private static boolean blank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private Token next() {
        while (true) {
            while (pos < s.length() && blank(s.charAt(pos))) {
                pos++;
            }
            if (!s.startsWith("/*", pos)) {
                break;
            }
            int end = s.indexOf("*/", pos + 2);
            if (end < 0) {
                throw syntaxError("unexpected end of comment", "");
            }
            pos = end + 2;
        }
        if (pos >= s.length()) {
            return new Token(Kind.END, "", "", null);
        }
        char c = s.charAt(pos);
        if (digit(c) || (c == '.' && pos + 1 < s.length() && digit(s.charAt(pos + 1)))) {
            return number();
        }
        if (c == '"') {
            pos++;
            String v = string();
            return new Token(Kind.STRING, v, "\"", null);
        }
        if (c == '$' && pos + 1 < s.length() && (s.charAt(pos + 1) == '"' || !special(s.charAt(pos + 1)))) {
            pos++;
            if (s.charAt(pos) == '"') {
                pos++;
                String v = string();
                return new Token(Kind.VARIABLE, v, "\"", null);
            }
            int start = pos - 1;
            String name = identifierText();
            return new Token(Kind.VARIABLE, name, s.substring(start, pos), null);
        }
        if (special(c) && c != '\\') {
            if (pos + 1 < s.length() && TWO_CHAR.contains(s.substring(pos, pos + 2))) {
                String t = s.substring(pos, pos + 2);
                pos += 2;
                return new Token(Kind.PUNCT, t, t, null);
            }
            pos++;
            return new Token(Kind.PUNCT, String.valueOf(c), String.valueOf(c), null);
        }
        String word = identifierText();
        return new Token(Kind.IDENT, word, nearAfterIdentifier(), null);
    }

    /** A run of ordinary characters and backslash escapes, decoded. */
    private String identifierText() {
        StringBuilder sb = new StringBuilder();
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (s.startsWith("/*", pos)) {
                // PostgreSQL's scanner reads a comment inside a word, then starts the word anew
                // ('$.ab/*c*/de' is $."de")
                int end = s.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw syntaxError("unexpected end of comment", "");
                }
                pos = end + 2;
                sb.setLength(0);
            } else if (c == '\\') {
                pos++;
                escape(sb);
            } else if (!special(c)) {
                sb.append(c);
                pos++;
            } else {
                break;
            }
        }
        return sb.toString();
    }

    /** What an error at an identifier names: the blanks after it, else nothing ("at end"), as PostgreSQL's scanner leaves it. */
    private String nearAfterIdentifier() {
        int end = pos;
        while (end < s.length() && blank(s.charAt(end))) {
            end++;
        }
        return s.substring(pos, end);
    }

    /**
     * A token starting with a digit (or a dot and a digit). Like PostgreSQL's flex scanner this takes
     * the longest match among a number, a number with one junk character after it (an error) and a
     * run of ordinary characters (an identifier, digits included), the number rules winning ties.
     */
    private Token number() {
        int start = pos;
        int end = numericEnd(start);
        int identEnd = start;
        while (identEnd < s.length() && !special(s.charAt(identEnd))) {
            identEnd++;
        }
        boolean junk = end < s.length() && !special(s.charAt(end));
        int numberMatch = end - start + (junk ? 1 : 0);
        if (identEnd - start > numberMatch) {
            String word = identifierText();
            return new Token(Kind.IDENT, word, nearAfterIdentifier(), null);
        }
        if (junk) {
            throw syntaxError("trailing junk after numeric literal", s.substring(start, end + 1));
        }
        pos = end;
        String text = s.substring(start, end);
        BigDecimal v = new BigDecimal(text.startsWith(".") ? "0" + text : text);
        if (v.scale() < 0) {
            v = v.setScale(0);
        }
        return new Token(Kind.NUMBER, text, text, v);
    }

    /** Where the longest numeric literal from {@code i} ends: 0 or [1-9][0-9]*, then .[0-9]*, then e[+-]digits. */
    private int numericEnd(int i) {
        if (i < s.length() && s.charAt(i) == '0') {
            i++;
        } else {
            while (i < s.length() && digit(s.charAt(i))) {
                i++;
            }
        }
        if (i < s.length() && s.charAt(i) == '.') {
            i++;
            while (i < s.length() && digit(s.charAt(i))) {
                i++;
            }
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < s.length() && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                j++;
            }
            if (j < s.length() && digit(s.charAt(j))) {
                while (j < s.length() && digit(s.charAt(j))) {
                    j++;
                }
                i = j;
            }
        }
        return i;
    }

    /** The rest of a double-quoted string after its opening quote, escapes decoded. */
    private String string() {
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= s.length()) {
                throw syntaxError("unexpected end of quoted string", "");
            }
            char c = s.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= s.length()) {
                throw syntaxError("unexpected end of quoted string", "");
            }
            escape(sb);
        }
    }

    /** Decodes the escape after a backslash (already consumed) into {@code sb}. */
    private void escape(StringBuilder sb) {
        int start = pos - 1;
        if (pos >= s.length()) {
            sb.append('\\');
            return;
        }
        char e = s.charAt(pos++);
        switch (e) {
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            case 't' -> sb.append('\t');
            case 'v' -> sb.append('\u000b');
            case 'x' -> {
                int v = hex(2, 2);
                if (v < 0) {
                    throw syntaxError("invalid hex character sequence", s.substring(start, pos));
                }
                sb.append((char) v);
            }
            case 'u' -> {
                int cp;
                if (pos < s.length() && s.charAt(pos) == '{') {
                    pos++;
                    cp = hex(1, 6);
                    if (cp < 0 || pos >= s.length() || s.charAt(pos) != '}') {
                        throw syntaxError("invalid unicode sequence", s.substring(start, pos));
                    }
                    pos++;
                } else {
                    cp = hex(4, 4);
                    if (cp < 0) {
                        throw syntaxError("invalid unicode sequence", s.substring(start, pos));
                    }
                }
                unicode(sb, cp);
            }
            default -> sb.append(e);
        }
    }

    private void unicode(StringBuilder sb, int cp) {
        if (cp == 0) {
            throw new SqlException("22P05", "unsupported Unicode escape sequence")
                    .withDetail("\\u0000 cannot be converted to text.");
        }
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            int low = -1;
            if (s.startsWith("\\u", pos)) {
                pos += 2;
                low = hex(4, 4);
            }
            if (low < 0xDC00 || low > 0xDFFF) {
                throw surrogateError();
            }
            sb.appendCodePoint(Character.toCodePoint((char) cp, (char) low));
            return;
        }
        if (cp >= 0xDC00 && cp <= 0xDFFF) {
            throw surrogateError();
        }
        sb.appendCodePoint(cp);
    }

    private static SqlException surrogateError() {
        return new SqlException("42601", "invalid input syntax for type jsonpath")
                .withDetail("Unicode low surrogate must follow a high surrogate.");
    }

    private int hex(int min, int max) {
        int start = pos;
        while (pos < s.length() && pos - start < max && Character.digit(s.charAt(pos), 16) >= 0) {
            pos++;
        }
        if (pos - start < min) {
            return -1;
        }
        return Integer.parseInt(s.substring(start, pos), 16);
    }
}
