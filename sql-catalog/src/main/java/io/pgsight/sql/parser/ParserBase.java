package io.pgsight.sql.parser;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.ast.Identifier;
import io.pgsight.sql.ast.QualifiedName;

import java.util.ArrayList;
import java.util.List;

/** Token-level helpers shared by the recursive-descent parsers. */
abstract class ParserBase {
    final SourceText source;
    final TokenStream tokens;

    ParserBase(SourceText source, TokenStream tokens) {
        this.source = source;
        this.tokens = tokens;
    }

    Token peek() {
        return tokens.peek();
    }

    Token peek(int k) {
        return tokens.peek(k);
    }

    Token next() {
        return tokens.next();
    }

    int loc(Token t) {
        return source.position(t.start());
    }

    /** PostgreSQL's generic error for the current token. */
    SqlException syntaxError() {
        return source.syntaxError(peek());
    }

    SqlException syntaxError(Token t) {
        return source.syntaxError(t);
    }

    boolean atWord(String w) {
        return peek().isWord(w);
    }

    boolean atWord(int k, String w) {
        return peek(k).isWord(w);
    }

    boolean at(TokenKind k) {
        return peek().kind() == k;
    }

    boolean atOp(String op) {
        return peek().isOp(op);
    }

    boolean acceptWord(String w) {
        if (atWord(w)) {
            next();
            return true;
        }
        return false;
    }

    /** Accepts a sequence of words only if all are present. */
    boolean acceptWords(String... ws) {
        for (int i = 0; i < ws.length; i++) {
            if (!atWord(i, ws[i])) {
                return false;
            }
        }
        for (int i = 0; i < ws.length; i++) {
            next();
        }
        return true;
    }

    boolean accept(TokenKind k) {
        if (at(k)) {
            next();
            return true;
        }
        return false;
    }

    boolean acceptOp(String op) {
        if (atOp(op)) {
            next();
            return true;
        }
        return false;
    }

    Token expectWord(String w) {
        if (!atWord(w)) {
            throw syntaxError();
        }
        return next();
    }

    Token expect(TokenKind k) {
        if (!at(k)) {
            throw syntaxError();
        }
        return next();
    }

    Token expectOp(String op) {
        if (!atOp(op)) {
            throw syntaxError();
        }
        return next();
    }

    // ------------------------------------------------------------------ names

    /** ColId: identifier, unreserved keyword or column-name keyword. */
    Identifier colId() {
        Token t = peek();
        if (!Keywords.isColId(t)) {
            throw syntaxError();
        }
        next();
        return new Identifier(t.value(), loc(t));
    }

    /** ColLabel: any identifier or keyword. */
    Identifier colLabel() {
        Token t = peek();
        if (!Keywords.isColLabel(t)) {
            throw syntaxError();
        }
        next();
        return new Identifier(t.value(), loc(t));
    }

    /** NonReservedWord: identifier, unreserved, column-name or type/function-name keyword. */
    Identifier nonReservedWord() {
        Token t = peek();
        if (!isNonReservedWord(t)) {
            throw syntaxError();
        }
        next();
        return new Identifier(t.value(), loc(t));
    }

    static boolean isNonReservedWord(Token t) {
        return t.kind() == TokenKind.QUOTED_IDENT
                || (t.kind() == TokenKind.IDENT && Keywords.category(t.value()) != Keywords.Category.RESERVED);
    }

    /** any_name / qualified_name: ColId { '.' ColLabel }. */
    QualifiedName qualifiedName() {
        Token first = peek();
        Identifier id = colId();
        List<String> parts = new ArrayList<>();
        parts.add(id.name());
        while (at(TokenKind.DOT)) {
            next();
            parts.add(colLabel().name());
        }
        return new QualifiedName(parts, loc(first));
    }

    List<Identifier> parenthesizedNameList() {
        expect(TokenKind.LPAREN);
        List<Identifier> names = new ArrayList<>();
        do {
            names.add(colId());
        } while (accept(TokenKind.COMMA));
        expect(TokenKind.RPAREN);
        return names;
    }

    /** A string constant's value (Sconst). */
    String stringConstant() {
        Token t = peek();
        if (t.kind() != TokenKind.STRING) {
            throw syntaxError();
        }
        next();
        return t.value();
    }

    /** Iconst: an unsigned integer literal that fits in int4. */
    int integerConstant() {
        Token t = peek();
        if (t.kind() != TokenKind.INTEGER) {
            throw syntaxError();
        }
        next();
        try {
            return Integer.parseInt(t.value());
        } catch (NumberFormatException e) {
            throw syntaxError(t);
        }
    }
}
