package io.pgsight.sql.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * Tokens on demand with unlimited lookahead and backtracking. Lexing is lazy, so a lexical error after a syntax
 * error is never reported first (PostgreSQL's grammar stops at the first error too).
 */
final class TokenStream {
    private final Lexer lexer;
    private final List<Token> tokens = new ArrayList<>();
    private int index;

    TokenStream(Lexer lexer) {
        this.lexer = lexer;
    }

    Token peek() {
        return peek(0);
    }

    Token peek(int ahead) {
        while (tokens.size() <= index + ahead) {
            if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).kind() == TokenKind.EOF) {
                return tokens.get(tokens.size() - 1);
            }
            tokens.add(lexer.next());
        }
        return tokens.get(index + ahead);
    }

    Token next() {
        Token t = peek();
        if (t.kind() != TokenKind.EOF) {
            index++;
        }
        return t;
    }

    /** The most recently consumed token, or null at the start. */
    Token previous() {
        return index == 0 ? null : tokens.get(index - 1);
    }

    int mark() {
        return index;
    }

    void reset(int mark) {
        index = mark;
    }
}
