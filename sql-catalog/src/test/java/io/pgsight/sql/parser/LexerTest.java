package io.pgsight.sql.parser;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** PostgreSQL's lexical rules. */
class LexerTest {
    static List<String> tokens(String sql) {
        Lexer lexer = new Lexer(new SourceText(sql, 0));
        List<String> out = new ArrayList<>();
        for (Token t = lexer.next(); t.kind() != TokenKind.EOF; t = lexer.next()) {
            out.add(t.kind() + ":" + t.value());
        }
        return out;
    }

    @Test
    void identifiersFoldUnlessQuoted() {
        assertEquals(List.of("IDENT:mytable", "QUOTED_IDENT:MyTable", "QUOTED_IDENT:a\"b", "IDENT:图片相似距离"),
                tokens("MyTable \"MyTable\" \"a\"\"b\" 图片相似距离"));
    }

    @Test
    void longIdentifiersAreTruncatedTo63Bytes() {
        String name = "a".repeat(70);
        assertEquals(List.of("IDENT:" + "a".repeat(63)), tokens(name));
    }

    @Test
    void numbers() {
        assertEquals(List.of("INTEGER:42", "NUMERIC:3.14", "NUMERIC:.5", "NUMERIC:5.", "NUMERIC:1e10",
                "NUMERIC:2.5E-2", "INTEGER:1", "DOT_DOT:..", "INTEGER:10"), tokens("42 3.14 .5 5. 1e10 2.5E-2 1..10"));
    }

    @Test
    void strings() {
        assertEquals(List.of("STRING:O'Reilly"), tokens("'O''Reilly'"));
        assertEquals(List.of("STRING:ab"), tokens("'a'\n  'b'"));
        assertEquals(List.of("STRING:ab"), tokens("'a' -- comment\n'b'"));
        assertEquals(List.of("STRING:a", "STRING:b"), tokens("'a' 'b'"));
        assertEquals(List.of("STRING:tab\there"), tokens("E'tab\\there'"));
        assertEquals(List.of("STRING:\\000a\\001"), tokens("E'\\\\000a\\\\001'"));
        assertEquals(List.of("STRING:it's"), tokens("e'it\\'s'"));
        assertEquals(List.of("STRING:é"), tokens("E'\\xC3\\xA9'"));
        assertEquals(List.of("STRING:é"), tokens("E'\\u00e9'"));
        assertEquals(List.of("STRING:\\x0102ff"), tokens("'\\x0102ff'"));
        assertEquals(List.of("STRING:dollar 'quoted'"), tokens("$$dollar 'quoted'$$"));
        assertEquals(List.of("STRING:a $$ b"), tokens("$fn$a $$ b$fn$"));
        assertEquals(List.of("STRING:data"), tokens("U&'d\\0061t\\+000061'"));
        assertEquals(List.of("STRING:dat"), tokens("U&'d!0061t' UESCAPE '!'"));
        assertEquals(List.of("BIT_STRING:1010", "HEX_STRING:1F"), tokens("B'1010' X'1F'"));
        assertEquals(List.of("IDENT:nchar", "STRING:x"), tokens("N'x'"));
    }

    @Test
    void parametersAndCasts() {
        assertEquals(List.of("PARAM:1", "TYPECAST:::", "IDENT:int", "OP:+", "PARAM:12"), tokens("$1::int + $12"));
        assertEquals(List.of("IDENT:x", "COLON_EQUALS::=", "INTEGER:1"), tokens("x := 1"));
        assertEquals(List.of("IDENT:a$b"), tokens("a$b"));
    }

    @Test
    void operatorsEndWherePostgresSaysTheyEnd() {
        assertEquals(List.of("OP:<->", "OP:<#>", "OP:<=>", "OP:<+>", "OP:<~>", "OP:<%>"),
                tokens("<-> <#> <=> <+> <~> <%>"));
        assertEquals(List.of("IDENT:x", "OP:=", "OP:-", "INTEGER:1"), tokens("x=-1"));
        assertEquals(List.of("IDENT:x", "OP:<", "OP:-", "INTEGER:1"), tokens("x<-1"));
        assertEquals(List.of("IDENT:x", "OP:@-", "INTEGER:1"), tokens("x@-1"));
        assertEquals(List.of("IDENT:a", "OP:*"), tokens("a*--comment"));
        assertEquals(List.of("IDENT:a", "OP:+", "IDENT:b"), tokens("a+/* c */b"));
        assertEquals(List.of("OP:<>", "OP:<>", "OP:<=", "OP:>=", "OP:=>", "OP:||", "OP:!~~*"),
                tokens("!= <> <= >= => || !~~*"));
    }

    @Test
    void commentsNest() {
        assertEquals(List.of("INTEGER:1", "INTEGER:2"), tokens("1 /* a /* b */ c */ 2 -- tail"));
    }
}
