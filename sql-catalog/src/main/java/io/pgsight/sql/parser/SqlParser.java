package io.pgsight.sql.parser;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.ast.Command;
import io.pgsight.sql.ast.Expr;
import io.pgsight.sql.ast.Statement;
import io.pgsight.sql.ast.TypeName;

import java.util.ArrayList;
import java.util.List;

/**
 * Entry point: parses a (multi-statement) query string into {@link Statement}s. Empty statements
 * ({@code ;;}, comments only) are skipped, so an all-empty string yields an empty list (the caller then answers
 * EmptyQueryResponse). The whole string is parsed before anything runs, as in PostgreSQL: a syntax error in any
 * statement fails the whole string.
 *
 * <p>Errors are {@link SqlException}s with SQLSTATE 42601 and PostgreSQL's messages ({@code syntax error at or near
 * "x"}, {@code syntax error at end of input}, {@code unterminated quoted string at or near "'abc"}, ...), positioned
 * at 1-based characters of the given string. Thread-safe: no shared state.
 */
public final class SqlParser {
    private SqlParser() {
    }

    /** Parses every statement of {@code sql}; locations are 1-based character positions in {@code sql}. */
    public static List<Statement> parse(String sql) {
        return parse(sql, 0);
    }

    /**
     * Parses {@code sql} as a fragment of a larger string that starts at 1-based character position
     * {@code positionOffset + 1} of it: every location (and error position) is shifted by {@code positionOffset}.
     * Used for function bodies whose errors PostgreSQL reports against the CREATE FUNCTION text.
     */
    public static List<Statement> parse(String sql, int positionOffset) {
        SourceText source = new SourceText(sql, positionOffset);
        TokenStream tokens = new TokenStream(new Lexer(source));
        StatementParser parser = new StatementParser(source, tokens);
        List<Statement> out = new ArrayList<>();
        try {
            while (true) {
                while (tokens.peek().is(TokenKind.SEMICOLON)) {
                    tokens.next();
                }
                Token first = tokens.peek();
                if (first.is(TokenKind.EOF)) {
                    return out;
                }
                Command command = parser.statement();
                Token last = tokens.previous();
                Token after = tokens.peek();
                if (!after.is(TokenKind.SEMICOLON) && !after.is(TokenKind.EOF)) {
                    throw source.syntaxError(after);
                }
                int end = last == null ? first.end() : last.end();
                out.add(new Statement(command, first.start(), end, sql.substring(first.start(), end),
                        source.position(first.start())));
            }
        } catch (StackOverflowError e) {
            throw stackDepthExceeded();
        }
    }

    /** Parses exactly one expression (e.g. a PL/pgSQL expression fragment); trailing tokens are an error. */
    public static Expr parseExpression(String sql, int positionOffset) {
        SourceText source = new SourceText(sql, positionOffset);
        TokenStream tokens = new TokenStream(new Lexer(source));
        StatementParser parser = new StatementParser(source, tokens);
        try {
            Expr e = parser.expr();
            if (!tokens.peek().is(TokenKind.EOF)) {
                throw source.syntaxError(tokens.peek());
            }
            return e;
        } catch (StackOverflowError e) {
            throw stackDepthExceeded();
        }
    }

    /** Parses a type name such as {@code vector(3)} or {@code double precision[]} (casts given as text). */
    public static TypeName parseTypeName(String text) {
        return parseTypeName(text, 0);
    }

    /** {@link #parseTypeName(String)} with positions shifted by {@code positionOffset}. */
    public static TypeName parseTypeName(String text, int positionOffset) {
        SourceText source = new SourceText(text, positionOffset);
        TokenStream tokens = new TokenStream(new Lexer(source));
        StatementParser parser = new StatementParser(source, tokens);
        TypeName t = parser.typeName();
        if (!tokens.peek().is(TokenKind.EOF)) {
            throw source.syntaxError(tokens.peek());
        }
        return t;
    }

    /**
     * The 1-based position (in the string the literal was parsed from) of the first character of a string
     * literal's contents, when those contents appear verbatim in the source (dollar quotes, or plain quotes
     * without doubled quotes); -1 otherwise. Lets callers map errors inside function bodies back to the CREATE
     * FUNCTION / DO text, as PostgreSQL does.
     */
    public static int contentPosition(String sql, Expr.StringLiteral literal, int positionOffset) {
        int index = charIndexOfPosition(sql, literal.location() - positionOffset);
        if (index < 0 || index >= sql.length()) {
            return -1;
        }
        char c = sql.charAt(index);
        int contentStart;
        if (c == '$') {
            int close = sql.indexOf('$', index + 1);
            if (close < 0) {
                return -1;
            }
            contentStart = close + 1;
        } else if (c == '\'') {
            contentStart = index + 1;
        } else {
            return -1;
        }
        if (!sql.startsWith(literal.value(), contentStart)) {
            return -1;
        }
        return sql.codePointCount(0, contentStart) + 1 + positionOffset;
    }

    private static int charIndexOfPosition(String sql, int position) {
        if (position < 1) {
            return -1;
        }
        try {
            return sql.offsetByCodePoints(0, position - 1);
        } catch (IndexOutOfBoundsException e) {
            return -1;
        }
    }

    private static SqlException stackDepthExceeded() {
        return new SqlException("ERROR", "54001", "stack depth limit exceeded", null,
                "Increase the configuration parameter \"max_stack_depth\" (currently 2048kB), after ensuring the"
                        + " platform's stack depth limit is adequate.", 0, null);
    }
}
