package io.pgsight.sql.parser;

import io.pgsight.sql.api.SqlException;

/**
 * The text being parsed, with conversion from Java char indexes to PostgreSQL's 1-based character positions
 * (code points, shifted by a base offset when the text is a fragment of a larger string).
 */
final class SourceText {
    private final String text;
    private final boolean hasSurrogates;
    private final int positionBase;

    SourceText(String text, int positionBase) {
        this.text = text;
        this.positionBase = positionBase;
        boolean s = false;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                s = true;
                break;
            }
        }
        this.hasSurrogates = s;
    }

    String text() {
        return text;
    }

    int length() {
        return text.length();
    }

    /** 1-based character position of the char at {@code index}, plus the base offset. */
    int position(int index) {
        int cp = hasSurrogates ? text.codePointCount(0, Math.min(index, text.length())) : index;
        return cp + 1 + positionBase;
    }

    /** {@code syntax error at or near "tok"} / {@code syntax error at end of input} at the token. */
    SqlException syntaxError(Token t) {
        return error("syntax error", t);
    }

    /** {@code <message> at or near "tok"} / {@code <message> at end of input} at the token, SQLSTATE 42601. */
    SqlException error(String message, Token t) {
        if (t.kind() == TokenKind.EOF) {
            return new SqlException("ERROR", "42601", message + " at end of input", null, null, position(t.start()),
                    null);
        }
        return errorNear(message, t.start(), t.end());
    }

    /** {@code <message> at or near "<text[start,end)>"} at {@code start}, SQLSTATE 42601. */
    SqlException errorNear(String message, int start, int end) {
        String near = text.substring(start, Math.min(end, text.length()));
        return new SqlException("ERROR", "42601", message + " at or near \"" + near + "\"", null, null,
                position(start), null);
    }

    /** A plain 42601 error with a position (no "at or near"). */
    SqlException errorAt(String message, int index) {
        return new SqlException("ERROR", "42601", message, null, null, position(index), null);
    }
}
