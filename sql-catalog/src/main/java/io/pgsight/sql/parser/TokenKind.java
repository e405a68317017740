package io.pgsight.sql.parser;

/** Lexical token kinds, following PostgreSQL's scanner (scan.l). */
public enum TokenKind {
    /** An unquoted word: identifier or keyword; the value is lower-cased (and truncated to 63 bytes). */
    IDENT,
    /** A "quoted identifier" (or U&"..."); value is verbatim. */
    QUOTED_IDENT,
    /** A string constant ('..', E'..', U&'..', $$..$$); value has escapes processed. */
    STRING,
    /** B'0101'; value holds the digits. */
    BIT_STRING,
    /** X'1f'; value holds the digits. */
    HEX_STRING,
    /** Digits only. */
    INTEGER,
    /** A number with a point or exponent. */
    NUMERIC,
    /** $n. */
    PARAM,
    /** An operator of symbol characters; value is its name ({@code !=} is {@code <>}). */
    OP,
    LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, SEMICOLON, COLON, DOT,
    /** {@code ::}. */
    TYPECAST,
    /** {@code ..}. */
    DOT_DOT,
    /** {@code :=}. */
    COLON_EQUALS,
    EOF
}
