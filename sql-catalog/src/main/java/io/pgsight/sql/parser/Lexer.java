package io.pgsight.sql.parser;

import io.pgsight.sql.api.SqlException;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * PostgreSQL's lexical rules (scan.l, standard_conforming_strings on): identifiers with case folding, quoted
 * identifiers, all string constant forms, numbers, parameters, operators with PostgreSQL's rule for where a
 * multi-character operator ends, and comments. Produces one token per {@link #next()} call; errors carry
 * PostgreSQL's messages and positions.
 */
final class Lexer {
    private static final int NAMEDATALEN = 64;

    private final SourceText source;
    private final String s;
    private int pos;

    Lexer(SourceText source) {
        this(source, 0);
    }

    Lexer(SourceText source, int startIndex) {
        this.source = source;
        this.s = source.text();
        this.pos = startIndex;
    }

    /** The char index the next token scan starts at. */
    int position() {
        return pos;
    }

    Token next() {
        skipWhitespaceAndComments();
        int start = pos;
        if (pos >= s.length()) {
            return new Token(TokenKind.EOF, "", s.length(), s.length());
        }
        char c = s.charAt(pos);
        char c1 = pos + 1 < s.length() ? s.charAt(pos + 1) : 0;
        switch (c) {
            case '\'':
                return standardString(start, start);
            case '"':
                return quotedIdentifier(start, start);
            case '$':
                return dollar(start);
            case '(':
                return single(TokenKind.LPAREN, start);
            case ')':
                return single(TokenKind.RPAREN, start);
            case '[':
                return single(TokenKind.LBRACKET, start);
            case ']':
                return single(TokenKind.RBRACKET, start);
            case ',':
                return single(TokenKind.COMMA, start);
            case ';':
                return single(TokenKind.SEMICOLON, start);
            case ':':
                if (c1 == ':') {
                    pos += 2;
                    return new Token(TokenKind.TYPECAST, "::", start, pos);
                }
                if (c1 == '=') {
                    pos += 2;
                    return new Token(TokenKind.COLON_EQUALS, ":=", start, pos);
                }
                return single(TokenKind.COLON, start);
            case '.':
                if (c1 == '.') {
                    pos += 2;
                    return new Token(TokenKind.DOT_DOT, "..", start, pos);
                }
                if (isDigit(c1)) {
                    return number(start);
                }
                return single(TokenKind.DOT, start);
            default:
                break;
        }
        if (isDigit(c)) {
            return number(start);
        }
        if ((c == 'e' || c == 'E') && c1 == '\'') {
            pos++;
            return escapeString(start);
        }
        if ((c == 'b' || c == 'B') && c1 == '\'') {
            pos++;
            return bitString(start, TokenKind.BIT_STRING, "unterminated bit string literal");
        }
        if ((c == 'x' || c == 'X') && c1 == '\'') {
            pos++;
            return bitString(start, TokenKind.HEX_STRING, "unterminated hexadecimal string literal");
        }
        if ((c == 'n' || c == 'N') && c1 == '\'') {
            // N'...' is the national character type applied to a string, as in PostgreSQL
            pos++;
            return new Token(TokenKind.IDENT, "nchar", start, pos);
        }
        if ((c == 'u' || c == 'U') && c1 == '&' && pos + 2 < s.length()
                && (s.charAt(pos + 2) == '\'' || s.charAt(pos + 2) == '"')) {
            return unicodeQuoted(start);
        }
        if (isIdentStart(c)) {
            return identifier(start);
        }
        if (isOpChar(c)) {
            return operator(start);
        }
        // any other character: PostgreSQL returns it as a one-character token, which the grammar rejects
        pos += Character.charCount(s.codePointAt(pos));
        return new Token(TokenKind.OP, s.substring(start, pos), start, pos);
    }

    private Token single(TokenKind kind, int start) {
        pos++;
        return new Token(kind, s.substring(start, pos), start, pos);
    }

    // ------------------------------------------------------------------ whitespace

    private void skipWhitespaceAndComments() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (isSpace(c)) {
                pos++;
            } else if (c == '-' && pos + 1 < s.length() && s.charAt(pos + 1) == '-') {
                while (pos < s.length() && s.charAt(pos) != '\n' && s.charAt(pos) != '\r') {
                    pos++;
                }
            } else if (c == '/' && pos + 1 < s.length() && s.charAt(pos + 1) == '*') {
                skipBlockComment();
            } else {
                return;
            }
        }
    }

    private void skipBlockComment() {
        int start = pos;
        int depth = 0;
        while (pos < s.length()) {
            if (s.startsWith("/*", pos)) {
                depth++;
                pos += 2;
            } else if (s.startsWith("*/", pos)) {
                depth--;
                pos += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                pos++;
            }
        }
        throw source.errorNear("unterminated /* comment", start, s.length());
    }

    /**
     * After a closing quote: PostgreSQL joins the next quoted segment when only whitespace containing a newline
     * (and -- comments) separates them. Returns true, with pos just past the opening quote of the next segment,
     * when that happens; otherwise leaves pos unchanged.
     */
    private boolean continuesOnNextLine() {
        int p = pos;
        boolean newline = false;
        while (p < s.length()) {
            char c = s.charAt(p);
            if (c == '\n' || c == '\r') {
                newline = true;
                p++;
            } else if (c == ' ' || c == '\t' || c == '\f') {
                p++;
            } else if (c == '-' && p + 1 < s.length() && s.charAt(p + 1) == '-') {
                while (p < s.length() && s.charAt(p) != '\n' && s.charAt(p) != '\r') {
                    p++;
                }
            } else {
                break;
            }
        }
        if (newline && p < s.length() && s.charAt(p) == '\'') {
            pos = p + 1;
            return true;
        }
        return false;
    }

    // ------------------------------------------------------------------ strings

    /** '...' with '' for a quote; pos is at the opening quote. */
    private Token standardString(int tokenStart, int quoteAt) {
        pos = quoteAt + 1;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= s.length()) {
                throw source.errorNear("unterminated quoted string", tokenStart, s.length());
            }
            char c = s.charAt(pos);
            if (c == '\'') {
                if (pos + 1 < s.length() && s.charAt(pos + 1) == '\'') {
                    sb.append('\'');
                    pos += 2;
                    continue;
                }
                pos++;
                if (continuesOnNextLine()) {
                    continue;
                }
                return new Token(TokenKind.STRING, sb.toString(), tokenStart, pos);
            }
            sb.append(c);
            pos++;
        }
    }

    /** E'...' with backslash escapes; pos is at the opening quote. */
    private Token escapeString(int tokenStart) {
        pos++;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean sawHighBitEscape = false;
        int pendingHighSurrogate = -1;
        int pendingAt = -1;
        while (true) {
            if (pos >= s.length()) {
                throw source.errorNear("unterminated quoted string", tokenStart, s.length());
            }
            char c = s.charAt(pos);
            if (pendingHighSurrogate >= 0 && !(c == '\\' && pos + 1 < s.length()
                    && (s.charAt(pos + 1) == 'u' || s.charAt(pos + 1) == 'U'))) {
                throw unicodeError("invalid Unicode surrogate pair", pendingAt, null);
            }
            if (c == '\'') {
                if (pos + 1 < s.length() && s.charAt(pos + 1) == '\'') {
                    bytes.write('\'');
                    pos += 2;
                    continue;
                }
                pos++;
                if (continuesOnNextLine()) {
                    continue;
                }
                break;
            }
            if (c != '\\') {
                int cp = s.codePointAt(pos);
                writeUtf8(bytes, cp);
                pos += Character.charCount(cp);
                continue;
            }
            int escAt = pos;
            pos++;
            if (pos >= s.length()) {
                throw source.errorNear("unterminated quoted string", tokenStart, s.length());
            }
            char e = s.charAt(pos);
            switch (e) {
                case 'b' -> {
                    bytes.write('\b');
                    pos++;
                }
                case 'f' -> {
                    bytes.write('\f');
                    pos++;
                }
                case 'n' -> {
                    bytes.write('\n');
                    pos++;
                }
                case 'r' -> {
                    bytes.write('\r');
                    pos++;
                }
                case 't' -> {
                    bytes.write('\t');
                    pos++;
                }
                case 'u', 'U' -> {
                    int digits = e == 'u' ? 4 : 8;
                    int cp = 0;
                    for (int i = 1; i <= digits; i++) {
                        if (pos + i >= s.length() || Character.digit(s.charAt(pos + i), 16) < 0) {
                            throw unicodeError("invalid Unicode escape", escAt,
                                    "Unicode escapes must be \\uXXXX or \\UXXXXXXXX.");
                        }
                        cp = cp * 16 + Character.digit(s.charAt(pos + i), 16);
                    }
                    pos += digits + 1;
                    if (pendingHighSurrogate >= 0) {
                        if (cp < 0xDC00 || cp > 0xDFFF) {
                            throw unicodeError("invalid Unicode surrogate pair", escAt, null);
                        }
                        cp = Character.toCodePoint((char) pendingHighSurrogate, (char) cp);
                        pendingHighSurrogate = -1;
                        writeUtf8(bytes, cp);
                    } else if (cp >= 0xD800 && cp <= 0xDBFF) {
                        pendingHighSurrogate = cp;
                        pendingAt = escAt;
                    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                        throw unicodeError("invalid Unicode surrogate pair", escAt, null);
                    } else if (cp == 0 || cp > 0x10FFFF) {
                        throw unicodeError("invalid Unicode escape value", escAt, null);
                    } else {
                        writeUtf8(bytes, cp);
                    }
                }
                case 'x' -> {
                    int v = 0;
                    int n = 0;
                    while (n < 2 && pos + 1 + n < s.length() && Character.digit(s.charAt(pos + 1 + n), 16) >= 0) {
                        v = v * 16 + Character.digit(s.charAt(pos + 1 + n), 16);
                        n++;
                    }
                    if (n == 0) {
                        bytes.write('x');
                        pos++;
                    } else {
                        bytes.write(v);
                        pos += 1 + n;
                        sawHighBitEscape |= v >= 0x80 || v == 0;
                    }
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int v = 0;
                        int n = 0;
                        while (n < 3 && pos + n < s.length() && s.charAt(pos + n) >= '0' && s.charAt(pos + n) <= '7') {
                            v = v * 8 + (s.charAt(pos + n) - '0');
                            n++;
                        }
                        bytes.write(v & 0xFF);
                        pos += n;
                        sawHighBitEscape |= (v & 0xFF) >= 0x80 || (v & 0xFF) == 0;
                    } else {
                        int cp = s.codePointAt(pos);
                        writeUtf8(bytes, cp);
                        pos += Character.charCount(cp);
                    }
                }
            }
        }
        byte[] b = bytes.toByteArray();
        String value = sawHighBitEscape ? decodeUtf8Strict(b) : new String(b, StandardCharsets.UTF_8);
        return new Token(TokenKind.STRING, value, tokenStart, pos);
    }

    private static void writeUtf8(ByteArrayOutputStream out, int cp) {
        byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
    }

    private static String decodeUtf8Strict(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                throw new SqlException("22021", "invalid byte sequence for encoding \"UTF8\": 0x00");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            // report the first offending bytes the way PostgreSQL's pg_verify_mbstr does
            int i = firstInvalidUtf8(b);
            StringBuilder hex = new StringBuilder();
            for (int k = i; k < Math.min(b.length, i + 2); k++) {
                hex.append(String.format("0x%02x", b[k] & 0xFF));
                if (k + 1 < Math.min(b.length, i + 2)) {
                    hex.append(' ');
                }
            }
            throw new SqlException("22021", "invalid byte sequence for encoding \"UTF8\": " + hex);
        }
    }

    private static int firstInvalidUtf8(byte[] b) {
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xFF;
            int len = c < 0x80 ? 1 : (c >= 0xC2 && c < 0xE0) ? 2 : (c >= 0xE0 && c < 0xF0) ? 3
                    : (c >= 0xF0 && c < 0xF5) ? 4 : -1;
            if (len < 0 || i + len > b.length) {
                return i;
            }
            String piece = new String(b, i, len, StandardCharsets.UTF_8);
            if (piece.contains("\uFFFD")) {
                return i;
            }
            i += len;
        }
        return 0;
    }

    private SqlException unicodeError(String message, int at, String hint) {
        SqlException e = new SqlException("ERROR", "22025", message, null, hint, source.position(at), null);
        return e;
    }

    /** B'..' or X'..'; pos is at the opening quote. */
    private Token bitString(int tokenStart, TokenKind kind, String unterminated) {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= s.length()) {
                throw source.errorNear(unterminated, tokenStart, s.length());
            }
            char c = s.charAt(pos);
            if (c == '\'') {
                pos++;
                if (continuesOnNextLine()) {
                    continue;
                }
                return new Token(kind, sb.toString(), tokenStart, pos);
            }
            sb.append(c);
            pos++;
        }
    }

    /** "..." with "" for a quote; pos is at the opening quote. */
    private Token quotedIdentifier(int tokenStart, int quoteAt) {
        pos = quoteAt + 1;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= s.length()) {
                throw source.errorNear("unterminated quoted identifier", tokenStart, s.length());
            }
            char c = s.charAt(pos);
            if (c == '"') {
                if (pos + 1 < s.length() && s.charAt(pos + 1) == '"') {
                    sb.append('"');
                    pos += 2;
                    continue;
                }
                pos++;
                if (sb.length() == 0) {
                    throw source.errorNear("zero-length delimited identifier", tokenStart, pos);
                }
                return new Token(TokenKind.QUOTED_IDENT, truncate(sb.toString()), tokenStart, pos);
            }
            sb.append(c);
            pos++;
        }
    }

    /** U&'..' or U&"..", with an optional UESCAPE 'c' after it. */
    private Token unicodeQuoted(int tokenStart) {
        boolean ident = s.charAt(tokenStart + 2) == '"';
        Token raw = ident ? quotedIdentifier(tokenStart, tokenStart + 2) : standardString(tokenStart, tokenStart + 2);
        char escape = '\\';
        int save = pos;
        Token after = next();
        if (after.isWord("uescape")) {
            Token esc = next();
            if (esc.kind() != TokenKind.STRING || esc.value().length() != 1 || isInvalidUescape(esc.value().charAt(0))) {
                throw source.errorNear("invalid Unicode escape character", esc.start(), esc.end());
            }
            escape = esc.value().charAt(0);
        } else {
            pos = save;
        }
        String value = decodeUnicodeEscapes(raw.value(), escape, tokenStart);
        if (ident && value.isEmpty()) {
            throw source.errorNear("zero-length delimited identifier", tokenStart, raw.end());
        }
        return new Token(ident ? TokenKind.QUOTED_IDENT : TokenKind.STRING, ident ? truncate(value) : value,
                tokenStart, pos);
    }

    private static boolean isInvalidUescape(char c) {
        return Character.isWhitespace(c) || Character.digit(c, 16) >= 0 || c == '+' || c == '\'' || c == '"';
    }

    private String decodeUnicodeEscapes(String raw, char escape, int tokenStart) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        int pendingHigh = -1;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c != escape) {
                if (pendingHigh >= 0) {
                    throw unicodeError("invalid Unicode surrogate pair", tokenStart, null);
                }
                sb.append(c);
                i++;
                continue;
            }
            if (i + 1 < raw.length() && raw.charAt(i + 1) == escape) {
                sb.append(escape);
                i += 2;
                continue;
            }
            int digits;
            int from;
            if (i + 1 < raw.length() && raw.charAt(i + 1) == '+') {
                digits = 6;
                from = i + 2;
            } else {
                digits = 4;
                from = i + 1;
            }
            int cp = 0;
            for (int k = 0; k < digits; k++) {
                if (from + k >= raw.length() || Character.digit(raw.charAt(from + k), 16) < 0) {
                    throw unicodeError("invalid Unicode escape", tokenStart,
                            "Unicode escapes must be \\XXXX or \\+XXXXXX.");
                }
                cp = cp * 16 + Character.digit(raw.charAt(from + k), 16);
            }
            i = from + digits;
            if (pendingHigh >= 0) {
                if (cp < 0xDC00 || cp > 0xDFFF) {
                    throw unicodeError("invalid Unicode surrogate pair", tokenStart, null);
                }
                sb.appendCodePoint(Character.toCodePoint((char) pendingHigh, (char) cp));
                pendingHigh = -1;
            } else if (cp >= 0xD800 && cp <= 0xDBFF) {
                pendingHigh = cp;
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                throw unicodeError("invalid Unicode surrogate pair", tokenStart, null);
            } else if (cp == 0 || cp > 0x10FFFF) {
                throw unicodeError("invalid Unicode escape value", tokenStart, null);
            } else {
                sb.appendCodePoint(cp);
            }
        }
        if (pendingHigh >= 0) {
            throw unicodeError("invalid Unicode surrogate pair", tokenStart, null);
        }
        return sb.toString();
    }

    /** $n, $tag$...$tag$, or a lone $ (which the grammar rejects). */
    private Token dollar(int start) {
        int p = pos + 1;
        if (p < s.length() && isDigit(s.charAt(p))) {
            while (p < s.length() && isDigit(s.charAt(p))) {
                p++;
            }
            if (p < s.length() && isIdentStart(s.charAt(p))) {
                throw source.errorNear("trailing junk after parameter", start, identifierEnd(p));
            }
            pos = p;
            String digits = s.substring(start + 1, p);
            return new Token(TokenKind.PARAM, digits, start, p);
        }
        // dollar-quote tag: $[A-Za-z_\x80-][A-Za-z0-9_\x80-]*$ or $$
        int q = p;
        if (q < s.length() && isIdentStart(s.charAt(q))) {
            q++;
            while (q < s.length() && isDollarTagCont(s.charAt(q))) {
                q++;
            }
        }
        if (q < s.length() && s.charAt(q) == '$') {
            String tag = s.substring(start, q + 1);
            int bodyStart = q + 1;
            int close = s.indexOf(tag, bodyStart);
            if (close < 0) {
                throw source.errorNear("unterminated dollar-quoted string", start, s.length());
            }
            pos = close + tag.length();
            return new Token(TokenKind.STRING, s.substring(bodyStart, close), start, pos);
        }
        pos = start + 1;
        return new Token(TokenKind.OP, "$", start, pos);
    }

    // ------------------------------------------------------------------ words and numbers

    private Token identifier(int start) {
        int p = pos;
        while (p < s.length() && isIdentCont(s.charAt(p))) {
            p++;
        }
        pos = p;
        String raw = s.substring(start, p);
        return new Token(TokenKind.IDENT, truncate(downcase(raw)), start, p);
    }

    private Token number(int start) {
        int p = pos;
        while (p < s.length() && isDigit(s.charAt(p))) {
            p++;
        }
        boolean decimal = false;
        if (p < s.length() && s.charAt(p) == '.') {
            if (p + 1 < s.length() && s.charAt(p + 1) == '.') {
                // "1..10": an integer followed by ..
                return finishNumber(start, p, TokenKind.INTEGER);
            }
            decimal = true;
            p++;
            while (p < s.length() && isDigit(s.charAt(p))) {
                p++;
            }
        }
        if (p < s.length() && (s.charAt(p) == 'e' || s.charAt(p) == 'E')) {
            int q = p + 1;
            if (q < s.length() && (s.charAt(q) == '+' || s.charAt(q) == '-')) {
                q++;
                if (q >= s.length() || !isDigit(s.charAt(q))) {
                    throw source.errorNear("trailing junk after numeric literal", start, q);
                }
            }
            if (q < s.length() && isDigit(s.charAt(q))) {
                while (q < s.length() && isDigit(s.charAt(q))) {
                    q++;
                }
                return finishNumber(start, q, TokenKind.NUMERIC);
            }
            // 1e without digits: the number followed by an identifier
            throw source.errorNear("trailing junk after numeric literal", start, identifierEnd(p));
        }
        return finishNumber(start, p, decimal ? TokenKind.NUMERIC : TokenKind.INTEGER);
    }

    private Token finishNumber(int start, int end, TokenKind kind) {
        if (end < s.length() && isIdentStart(s.charAt(end))) {
            throw source.errorNear("trailing junk after numeric literal", start, identifierEnd(end));
        }
        pos = end;
        return new Token(kind, s.substring(start, end), start, end);
    }

    /** The end of the identifier starting at {@code from} (PostgreSQL's {number}{identifier} junk rules). */
    private int identifierEnd(int from) {
        int p = from;
        while (p < s.length() && isIdentCont(s.charAt(p))) {
            p++;
        }
        return p;
    }

    private Token operator(int start) {
        int p = pos;
        while (p < s.length() && isOpChar(s.charAt(p))) {
            // a comment start ends the operator
            if ((s.charAt(p) == '-' && p + 1 < s.length() && s.charAt(p + 1) == '-' && p > start)
                    || (s.charAt(p) == '/' && p + 1 < s.length() && s.charAt(p + 1) == '*' && p > start)) {
                break;
            }
            p++;
        }
        int n = p - start;
        if (n > 1 && (s.charAt(start + n - 1) == '+' || s.charAt(start + n - 1) == '-')) {
            boolean qualifying = false;
            for (int i = start; i < start + n - 1; i++) {
                if ("~!@#^&|`?%".indexOf(s.charAt(i)) >= 0) {
                    qualifying = true;
                    break;
                }
            }
            if (!qualifying) {
                do {
                    n--;
                } while (n > 1 && (s.charAt(start + n - 1) == '+' || s.charAt(start + n - 1) == '-'));
            }
        }
        pos = start + n;
        String op = s.substring(start, pos);
        if (op.equals("!=")) {
            op = "<>";
        }
        return new Token(TokenKind.OP, op, start, pos);
    }

    // ------------------------------------------------------------------ character classes

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    static boolean isIdentCont(char c) {
        return isIdentStart(c) || isDigit(c) || c == '$';
    }

    private static boolean isDollarTagCont(char c) {
        return isIdentStart(c) || isDigit(c);
    }

    static boolean isOpChar(char c) {
        return "~!@#^&|`?+-*/%<>=".indexOf(c) >= 0;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    /** ASCII-only lower-casing, as PostgreSQL does for multibyte encodings. */
    static String downcase(String raw) {
        StringBuilder sb = null;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (sb == null) {
                    sb = new StringBuilder(raw);
                }
                sb.setCharAt(i, (char) (c + ('a' - 'A')));
            }
        }
        return sb == null ? raw : sb.toString();
    }

    /** Truncates to NAMEDATALEN-1 bytes of UTF-8 without splitting a character. */
    static String truncate(String ident) {
        if (ident.length() < NAMEDATALEN / 4) {
            return ident;
        }
        byte[] b = ident.getBytes(StandardCharsets.UTF_8);
        if (b.length < NAMEDATALEN) {
            return ident;
        }
        int bytes = 0;
        int i = 0;
        while (i < ident.length()) {
            int cp = ident.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + len > NAMEDATALEN - 1) {
                break;
            }
            bytes += len;
            i += Character.charCount(cp);
        }
        return ident.substring(0, i);
    }
}
