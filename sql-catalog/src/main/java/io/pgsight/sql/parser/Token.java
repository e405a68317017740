package io.pgsight.sql.parser;

/**
 * One lexical token.
 *
 * @param kind  what it is
 * @param value its processed value: folded identifier, string contents, operator name, number text
 * @param start 0-based char index of its first character in the source
 * @param end   0-based char index just past its last character
 */
public record Token(TokenKind kind, String value, int start, int end) {
    public boolean is(TokenKind k) {
        return kind == k;
    }

    /** True for an unquoted word equal to the given lower-case keyword. */
    public boolean isWord(String keyword) {
        return kind == TokenKind.IDENT && value.equals(keyword);
    }

    public boolean isOp(String symbol) {
        return kind == TokenKind.OP && value.equals(symbol);
    }
}
