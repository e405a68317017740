package io.pgsight.sql.parser;

import io.pgsight.sql.api.SqlException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Messages and 1-based character positions of syntax and lexical errors, as PostgreSQL 15 reports them. */
class SyntaxErrorTest {
    static SqlException error(String sql) {
        return assertThrows(SqlException.class, () -> SqlParser.parse(sql));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = ";;", quoteCharacter = '`', textBlock = """
            SELEC 1;;                          1 ;; syntax error at or near "SELEC"
            `SELECT * FROM book WHERE;` ;;      25 ;; syntax error at or near ";"
            SELECT * FROM;;                    14 ;; syntax error at end of input
            SELECT 1; SELEC 2;;                11 ;; syntax error at or near "SELEC"
            SELECT 1 day;;                     10 ;; syntax error at or near "day"
            SELECT 'a' 'b';;                   12 ;; syntax error at or near "'b'"
            SELECT 1 2;;                       10 ;; syntax error at or near "2"
            SELECT (1;;                        10 ;; syntax error at end of input
            SELECT f(1 2);;                    12 ;; syntax error at or near "2"
            SELECT left FROM t;;               13 ;; syntax error at or near "FROM"
            SELECT a FROM t WHERE;;            22 ;; syntax error at end of input
            CREATE TABLE t (a int,);;          23 ;; syntax error at or near ")"
            INSERT INTO t VALUES (1,;;         25 ;; syntax error at end of input
            SELECT 'abc;;                      8 ;; unterminated quoted string at or near "'abc"
            SELECT E'abc;;                     8 ;; unterminated quoted string at or near "E'abc"
            SELECT $$abc;;                     8 ;; unterminated dollar-quoted string at or near "$$abc"
            SELECT $x$abc$$;;                  8 ;; unterminated dollar-quoted string at or near "$x$abc$$"
            SELECT 1 /* abc;;                  10 ;; unterminated /* comment at or near "/* abc"
            SELECT B'101;;                     8 ;; unterminated bit string literal at or near "B'101"
            SELECT X'1f;;                      8 ;; unterminated hexadecimal string literal at or near "X'1f"
            SELECT 123abc;;                    8 ;; trailing junk after numeric literal at or near "123abc"
            SELECT 1.5e;;                      8 ;; trailing junk after numeric literal at or near "1.5e"
            SELECT 1e+;;                       8 ;; trailing junk after numeric literal at or near "1e+"
            SELECT $1a;;                       8 ;; trailing junk after parameter at or near "$1a"
            SELECT 'é' || ñ FROM;;             21 ;; syntax error at end of input
            SELECT '图片' ||;;                 15 ;; syntax error at end of input
            """)
    void positions(String sql, int position, String message) {
        SqlException e = error(sql);
        assertEquals(message.strip(), e.getMessage());
        assertEquals(position, e.position());
        assertEquals("42601", e.sqlState());
    }

    @Test
    void quotedIdentifierErrors() {
        SqlException e = error("SELECT \"abc");
        assertEquals("unterminated quoted identifier at or near \"\"abc\"", e.getMessage());
        assertEquals(8, e.position());
        e = error("SELECT \"\" FROM t");
        assertEquals("zero-length delimited identifier at or near \"\"\"\"", e.getMessage());
        assertEquals(8, e.position());
    }

    @Test
    void positionCountsCodePointsNotUtf16Units() {
        // U+1F600 is two UTF-16 units but one character
        SqlException e = error("SELECT '\uD83D\uDE00' FROM;");
        assertEquals(16, e.position());
    }

    @Test
    void fragmentOffsetShiftsPositions() {
        SqlException e = assertThrows(SqlException.class, () -> SqlParser.parse("SELEC 1", 100));
        assertEquals(101, e.position());
    }

    @Test
    void subqueryInFromNeedsAlias() {
        SqlException e = error("SELECT * FROM (SELECT 1)");
        assertEquals("subquery in FROM must have an alias", e.getMessage());
        assertEquals(15, e.position());
        assertEquals("For example, FROM (SELECT ...) [AS] foo.", e.hint());
    }

    @Test
    void clauseErrorsLikePostgres() {
        SqlException e = error("SELECT * FROM (VALUES (1))");
        assertEquals("VALUES in FROM must have an alias", e.getMessage());
        assertEquals("For example, FROM (VALUES ...) [AS] foo.", e.hint());
        e = error("SELECT 1 LIMIT 1, 2");
        assertEquals("LIMIT #,# syntax is not supported", e.getMessage());
        assertEquals(10, e.position());
        e = error("(SELECT 1 ORDER BY 1) ORDER BY 1");
        assertEquals("multiple ORDER BY clauses not allowed", e.getMessage());
        assertEquals(23, e.position());
    }

    @Test
    void deepNestingIsAnErrorNotACrash() {
        String sql = "SELECT " + "(".repeat(20000) + "1" + ")".repeat(20000);
        SqlException e = error(sql);
        assertEquals("54001", e.sqlState());
    }

    @Test
    void invalidUnicodeEscape() {
        SqlException e = error("SELECT E'\\u12'");
        assertEquals("invalid Unicode escape", e.getMessage());
        assertEquals("Unicode escapes must be \\uXXXX or \\UXXXXXXXX.", e.hint());
    }

    @Test
    void nulByteEscapeIsRejected() {
        SqlException e = error("SELECT E'a\\000b'");
        assertEquals("invalid byte sequence for encoding \"UTF8\": 0x00", e.getMessage());
        assertEquals("22021", e.sqlState());
    }
}
