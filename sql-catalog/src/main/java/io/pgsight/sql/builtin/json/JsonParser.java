package io.pgsight.sql.builtin.json;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.builtin.json.JsonSyntax.Kind;
import io.pgsight.sql.builtin.json.JsonbValue.JArray;
import io.pgsight.sql.builtin.json.JsonbValue.JNumber;
import io.pgsight.sql.builtin.json.JsonbValue.JObject;
import io.pgsight.sql.builtin.json.JsonbValue.JString;
import io.pgsight.sql.builtin.json.JsonbValue.Member;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A recursive-descent JSON parser with PostgreSQL's lexical rules and error reports: 22P02 "invalid input
 * syntax for type json" with the DETAIL json_errdetail gives and the CONTEXT line "JSON data, line N: ..."
 * ending at the offending token. {@code \u0000} is refused (22P05) only where strings are de-escaped for
 * keeps (jsonb, text extraction); json input merely validates it.
 */
public final class JsonParser {
    private enum Tok { LBRACE, RBRACE, LBRACKET, RBRACKET, COMMA, COLON, STRING, NUMBER, TRUE, FALSE, NULL, END }

    private final String in;
    private final boolean refuseNul;
    private int pos;
    private int line = 1;
    private int lineStart;
    private Tok tok;
    private int tokStart;
    private int tokEnd;
    private String tokString;

    private JsonParser(String in, boolean refuseNul) {
        this.in = in;
        this.refuseNul = refuseNul;
    }

    /** Parses json text as written (json's input and its operators). */
    public static JsonSyntax parseSyntax(String text, boolean refuseNul) {
        JsonParser p = new JsonParser(text, refuseNul);
        p.next();
        JsonSyntax v = p.value();
        if (p.tok != Tok.END) {
            throw p.unexpected("Expected end of input, but found \"%s\".");
        }
        return v;
    }

    /**
     * The de-escaped text of the string token at {@code start} of a json document, refusing \u0000 with
     * the context PostgreSQL prints (counted from the document's start).
     */
    public static String decodeString(String json, int start) {
        JsonParser p = new JsonParser(json, true);
        for (int i = 0; i < start; i++) {
            if (json.charAt(i) == '\n') {
                p.line++;
                p.lineStart = i + 1;
            }
        }
        p.pos = start;
        p.next();
        return p.tokString;
    }

    /** Parses and normalizes jsonb input. */
    public static JsonbValue parseJsonb(String text) {
        return toJsonb(parseSyntax(text, true));
    }

    /** The jsonb value of a parsed json text (last duplicate key wins). */
    public static JsonbValue toJsonb(JsonSyntax s) {
        return switch (s.kind()) {
            case NULL -> JsonbValue.NULL;
            case TRUE -> JsonbValue.TRUE;
            case FALSE -> JsonbValue.FALSE;
            case STRING -> new JString(s.text());
            case NUMBER -> new JNumber(new BigDecimal(s.text()));
            case ARRAY -> {
                List<JsonbValue> out = new ArrayList<>(s.children().size());
                for (JsonSyntax c : s.children()) {
                    out.add(toJsonb(c));
                }
                yield new JArray(out);
            }
            case OBJECT -> {
                List<Member> members = new ArrayList<>(s.children().size());
                for (int i = 0; i < s.children().size(); i++) {
                    members.add(new Member(s.keys().get(i), toJsonb(s.children().get(i))));
                }
                yield JObject.of(members);
            }
        };
    }

    private JsonSyntax value() {
        int start = tokStart;
        switch (tok) {
            case LBRACE -> {
                next();
                List<String> keys = new ArrayList<>();
                List<JsonSyntax> values = new ArrayList<>();
                if (tok == Tok.RBRACE) {
                    int end = tokEnd;
                    next();
                    return new JsonSyntax(Kind.OBJECT, start, end, null, keys, values);
                }
                if (tok != Tok.STRING) {
                    throw unexpected("Expected string or \"}\", but found \"%s\".");
                }
                while (true) {
                    keys.add(tokString);
                    next();
                    if (tok != Tok.COLON) {
                        throw unexpected("Expected \":\", but found \"%s\".");
                    }
                    next();
                    values.add(value());
                    if (tok == Tok.RBRACE) {
                        int end = tokEnd;
                        next();
                        return new JsonSyntax(Kind.OBJECT, start, end, null, keys, values);
                    }
                    if (tok != Tok.COMMA) {
                        throw unexpected("Expected \",\" or \"}\", but found \"%s\".");
                    }
                    next();
                    if (tok != Tok.STRING) {
                        throw unexpected("Expected string, but found \"%s\".");
                    }
                }
            }
            case LBRACKET -> {
                next();
                List<JsonSyntax> values = new ArrayList<>();
                if (tok == Tok.RBRACKET) {
                    int end = tokEnd;
                    next();
                    return new JsonSyntax(Kind.ARRAY, start, end, null, List.of(), values);
                }
                if (!startsValue()) {
                    throw unexpected("Expected array element or \"]\", but found \"%s\".");
                }
                while (true) {
                    values.add(value());
                    if (tok == Tok.RBRACKET) {
                        int end = tokEnd;
                        next();
                        return new JsonSyntax(Kind.ARRAY, start, end, null, List.of(), values);
                    }
                    if (tok != Tok.COMMA) {
                        throw unexpected("Expected \",\" or \"]\", but found \"%s\".");
                    }
                    next();
                    if (!startsValue()) {
                        throw unexpected("Expected JSON value, but found \"%s\".");
                    }
                }
            }
            case STRING, NUMBER, TRUE, FALSE, NULL -> {
                Kind k = switch (tok) {
                    case STRING -> Kind.STRING;
                    case NUMBER -> Kind.NUMBER;
                    case TRUE -> Kind.TRUE;
                    case FALSE -> Kind.FALSE;
                    default -> Kind.NULL;
                };
                String text = tok == Tok.STRING ? tokString : in.substring(tokStart, tokEnd);
                int end = tokEnd;
                next();
                return new JsonSyntax(k, start, end, text, List.of(), List.of());
            }
            default -> throw unexpected("Expected JSON value, but found \"%s\".");
        }
    }

    private boolean startsValue() {
        return switch (tok) {
            case LBRACE, LBRACKET, STRING, NUMBER, TRUE, FALSE, NULL -> true;
            default -> false;
        };
    }

    private SqlException unexpected(String detailFormat) {
        if (tok == Tok.END) {
            return syntaxError("The input string ended unexpectedly.");
        }
        return syntaxError(String.format(detailFormat, in.substring(tokStart, tokEnd)));
    }

    private SqlException syntaxError(String detail) {
        return new SqlException("22P02", "invalid input syntax for type json").withDetail(detail)
                .withContext(context());
    }

    /** "JSON data, line N: ..." up to the current token's end, as report_json_context prints it. */
    private String context() {
        int contextEnd = Math.min(tokEnd, in.length());
        int contextStart = Math.min(lineStart, contextEnd);
        while (contextEnd - contextStart >= 50) { // long lines keep their last 49 characters
            contextStart += Character.isHighSurrogate(in.charAt(contextStart)) ? 2 : 1;
        }
        String prefix = contextStart > lineStart ? "..." : "";
        boolean more = tok != Tok.END && contextEnd < in.length() && in.charAt(contextEnd) != '\n'
                && in.charAt(contextEnd) != '\r';
        return "JSON data, line " + line + ": " + prefix + in.substring(contextStart, contextEnd) + (more ? "..." : "");
    }

    private void next() {
        while (pos < in.length()) {
            char c = in.charAt(pos);
            if (c == '\n') {
                line++;
                lineStart = pos + 1;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                break;
            }
            pos++;
        }
        tokStart = pos;
        if (pos >= in.length()) {
            tok = Tok.END;
            tokEnd = pos;
            return;
        }
        char c = in.charAt(pos);
        Tok single = switch (c) {
            case '{' -> Tok.LBRACE;
            case '}' -> Tok.RBRACE;
            case '[' -> Tok.LBRACKET;
            case ']' -> Tok.RBRACKET;
            case ',' -> Tok.COMMA;
            case ':' -> Tok.COLON;
            default -> null;
        };
        if (single != null) {
            tok = single;
            pos++;
            tokEnd = pos;
            return;
        }
        tok = Tok.STRING; // until the token is known, errors print a trailing "..." as for a token
        if (c == '"') {
            lexString();
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            lexNumber();
        } else {
            int p = pos;
            while (p < in.length() && isAlnum(in.charAt(p))) {
                p++;
            }
            if (p == pos) {
                p = pos + Character.charCount(in.codePointAt(pos));
                throw invalidToken(p);
            }
            String word = in.substring(pos, p);
            tok = switch (word) {
                case "true" -> Tok.TRUE;
                case "false" -> Tok.FALSE;
                case "null" -> Tok.NULL;
                default -> throw invalidToken(p);
            };
            pos = p;
            tokEnd = p;
        }
    }

    private static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c >= 0x80;
    }

    private SqlException invalidToken(int end) {
        tokEnd = end;
        tok = Tok.STRING;
        return syntaxError("Token \"" + in.substring(tokStart, end) + "\" is invalid.");
    }

    private void lexNumber() {
        int p = pos;
        boolean ok = true;
        if (in.charAt(p) == '-') {
            p++;
        }
        if (p < in.length() && in.charAt(p) == '0') {
            p++;
        } else if (p < in.length() && isDigit(in.charAt(p))) {
            while (p < in.length() && isDigit(in.charAt(p))) {
                p++;
            }
        } else {
            ok = false;
        }
        if (ok && p < in.length() && in.charAt(p) == '.') {
            p++;
            if (p < in.length() && isDigit(in.charAt(p))) {
                while (p < in.length() && isDigit(in.charAt(p))) {
                    p++;
                }
            } else {
                ok = false;
            }
        }
        if (ok && p < in.length() && (in.charAt(p) == 'e' || in.charAt(p) == 'E')) {
            p++;
            if (p < in.length() && (in.charAt(p) == '+' || in.charAt(p) == '-')) {
                p++;
            }
            if (p < in.length() && isDigit(in.charAt(p))) {
                while (p < in.length() && isDigit(in.charAt(p))) {
                    p++;
                }
            } else {
                ok = false;
            }
        }
        // trailing letters or digits make the whole run one invalid token
        int q = p;
        while (q < in.length() && isAlnum(in.charAt(q))) {
            q++;
        }
        if (!ok || q != p) {
            throw invalidToken(q);
        }
        tok = Tok.NUMBER;
        pos = p;
        tokEnd = p;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void lexString() {
        StringBuilder sb = new StringBuilder();
        int p = pos + 1;
        int highSurrogate = -1;
        while (true) {
            if (p >= in.length()) {
                throw invalidToken(in.length());
            }
            char c = in.charAt(p);
            if (c == '"') {
                break;
            }
            if (c < 0x20) {
                tokEnd = p;
                tok = Tok.STRING;
                throw syntaxError(String.format("Character with value 0x%02x must be escaped.", (int) c));
            }
            if (c != '\\') {
                if (highSurrogate != -1) {
                    tokEnd = p;
                    throw syntaxError("Unicode low surrogate must follow a high surrogate.");
                }
                sb.append(c);
                p++;
                continue;
            }
            p++;
            if (p >= in.length()) {
                throw invalidToken(in.length());
            }
            char e = in.charAt(p);
            if (e == 'u') {
                int cp = 0;
                for (int i = 1; i <= 4; i++) {
                    int at = p + i;
                    if (at >= in.length()) {
                        throw invalidToken(in.length());
                    }
                    int d = Character.digit(in.charAt(at), 16);
                    if (d < 0 || in.charAt(at) > 'f') {
                        tokEnd = at + 1;
                        throw syntaxError("\"\\u\" must be followed by four hexadecimal digits.");
                    }
                    cp = cp * 16 + d;
                }
                p += 5;
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    if (highSurrogate != -1) {
                        tokEnd = p;
                        throw syntaxError("Unicode high surrogate must not follow a high surrogate.");
                    }
                    highSurrogate = cp;
                    continue;
                }
                if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    if (highSurrogate == -1) {
                        tokEnd = p;
                        throw syntaxError("Unicode low surrogate must follow a high surrogate.");
                    }
                    sb.append((char) highSurrogate).append((char) cp);
                    highSurrogate = -1;
                    continue;
                }
                if (highSurrogate != -1) {
                    tokEnd = p;
                    throw syntaxError("Unicode low surrogate must follow a high surrogate.");
                }
                if (cp == 0 && refuseNul) {
                    tokEnd = p;
                    throw new SqlException("22P05", "unsupported Unicode escape sequence")
                            .withDetail("\\u0000 cannot be converted to text.").withContext(context());
                }
                sb.append((char) cp);
                continue;
            }
            if (highSurrogate != -1) {
                tokEnd = p + 1;
                throw syntaxError("Unicode low surrogate must follow a high surrogate.");
            }
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                default -> {
                    int end = p + Character.charCount(in.codePointAt(p));
                    tokEnd = end;
                    tok = Tok.STRING;
                    throw syntaxError("Escape sequence \"\\" + in.substring(p, end) + "\" is invalid.");
                }
            }
            p++;
        }
        if (highSurrogate != -1) {
            tokEnd = p + 1;
            throw syntaxError("Unicode low surrogate must follow a high surrogate.");
        }
        tok = Tok.STRING;
        tokString = sb.toString();
        pos = p + 1;
        tokEnd = pos;
    }
}
