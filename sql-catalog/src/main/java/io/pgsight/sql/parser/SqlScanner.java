package io.pgsight.sql.parser;

import io.pgsight.sql.api.SqlException;

/**
 * PostgreSQL's lexer as a public token source, for languages embedded in SQL strings (PL/pgSQL): tokens on demand
 * with PostgreSQL's lexical rules and errors, positions mapped like {@link SqlParser#parse(String, int)}.
 */
public final class SqlScanner {
    private final SourceText source;
    private final Lexer lexer;

    /**
     * @param text           the text to scan
     * @param positionOffset added to every reported 1-based position (the text's offset in a larger string)
     */
    public SqlScanner(String text, int positionOffset) {
        this.source = new SourceText(text, positionOffset);
        this.lexer = new Lexer(source);
    }

    /** The next token; at the end, an EOF token (repeatedly). */
    public Token next() {
        return lexer.next();
    }

    /** The 1-based (offset) character position of a char index of the text. */
    public int position(int charIndex) {
        return source.position(charIndex);
    }

    public String text() {
        return source.text();
    }

    /** {@code syntax error at or near "tok"} or {@code syntax error at end of input}, positioned at the token. */
    public SqlException syntaxError(Token t) {
        return source.syntaxError(t);
    }

    /** {@code <message> at or near "tok"} / {@code at end of input}, SQLSTATE 42601. */
    public SqlException error(String message, Token t) {
        return source.error(message, t);
    }
}
