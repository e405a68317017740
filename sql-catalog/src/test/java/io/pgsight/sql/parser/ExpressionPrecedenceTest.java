package io.pgsight.sql.parser;

import io.pgsight.sql.api.SqlException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Tree shapes follow PostgreSQL 15's operator precedence table. */
class ExpressionPrecedenceTest {
    static String shape(String expr) {
        return AstText.of(SqlParser.parseExpression(expr, 0));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = ";;", quoteCharacter = '`', textBlock = """
            a + b * c ;; (a + (b * c))
            a * b + c ;; ((a * b) + c)
            a - b - c ;; ((a - b) - c)
            2 ^ 3 ^ 2 ;; ((2 ^ 3) ^ 2)
            -2 ^ 2 ;; (-2 ^ 2)
            - x ^ 2 ;; ((- x) ^ 2)
            -x::int ;; (- (x::pg_catalog.int4))
            a * b % c ;; ((a * b) % c)
            embedding <-> '[3,1,2]' < 5 ;; ((embedding <-> '[3,1,2]') < 5)
            a <-> b + c ;; (a <-> (b + c))
            a + b <-> c ;; ((a + b) <-> c)
            a || b || c ;; ((a || b) || c)
            a || b <=> c ;; ((a || b) <=> c)
            a <#> b <+> c ;; ((a <#> b) <+> c)
            a <~> b = c <%> d ;; ((a <~> b) = (c <%> d))
            a @> b AND c && d ;; ((a @> b) AND (c && d))
            ~ a + b ;; (~ (a + b))
            ~ a || b ;; ((~ a) || b)
            a != b ;; (a <> b)
            a = b IS NULL ;; ((a = b) IS NULL)
            a IS NULL = b ;; ((a IS NULL) = b)
            NOT a = b AND c ;; ((NOT (a = b)) AND c)
            NOT a AND b OR c AND d ;; (((NOT a) AND b) OR (c AND d))
            a OR b OR c ;; (a OR b OR c)
            a AND b AND c ;; (a AND b AND c)
            a BETWEEN 1 AND 2 AND c ;; ((a BETWEEN 1 AND 2) AND c)
            a NOT BETWEEN SYMMETRIC 2 AND 1 ;; (a NOT BETWEEN SYMMETRIC 2 AND 1)
            a BETWEEN 1 AND 2 = true ;; ((a BETWEEN 1 AND 2) = TRUE)
            a + 1 BETWEEN b AND c + 1 ;; ((a + 1) BETWEEN b AND (c + 1))
            a LIKE 'x%' ESCAPE '!' ;; (a LIKE 'x%' ESCAPE '!')
            a NOT ILIKE b || c ;; (a NOT ILIKE (b || c))
            a SIMILAR TO 'x' OR b ;; ((a SIMILAR 'x') OR b)
            a NOT IN (1, 2) AND b IN (3) ;; ((a NOT IN (1, 2)) AND (b IN (3)))
            a = ANY(b) ;; (a = ANY(b))
            a < ALL(ARRAY[1, 2]) ;; (a < ALL(ARRAY[1, 2]))
            a LIKE ANY(p) ;; (a ~~ ANY(p))
            a IS DISTINCT FROM b = c ;; (a IS DISTINCT FROM (b = c))
            a IS NOT DISTINCT FROM b ;; (a IS NOT DISTINCT FROM b)
            a IS NOT TRUE ;; (a IS_NOT_TRUE)
            a ISNULL OR b NOTNULL ;; ((a IS NULL) OR (b IS NOT NULL))
            x::int + 1 ;; ((x::pg_catalog.int4) + 1)
            x::vector(3) <-> y ;; ((x::vector(3)) <-> y)
            '{1}'::int[]::vector ;; (('{1}'::pg_catalog.int4[])::vector)
            c.relname OPERATOR(pg_catalog.~) '^(items)$' COLLATE pg_catalog.default ;; (c.relname OPERATOR(pg_catalog.~) ('^(items)$' COLLATE pg_catalog.default))
            a OPERATOR(+) b * c ;; (a + (b * c))
            a OPERATOR(+) b + c ;; (a + (b + c))
            ts AT TIME ZONE 'UTC' + i ;; (pg_catalog.timezone('UTC', ts) + i)
            a COLLATE "C" < b ;; ((a COLLATE C) < b)
            (a + b) * c ;; ((a + b) * c)
            (ARRAY[5, 6, 7])[2] ;; (ARRAY[5, 6, 7])[2]
            (ARRAY[5, 6, 7])[2:3] ;; (ARRAY[5, 6, 7])[2:3]
            a[1][2:] ;; (a)[1][2:]
            (t).f ;; (t).f
            x = - 1 ;; (x = -1)
            x=-1 ;; (x = -1)
            1 - -1 ;; (1 - -1)
            """)
    void precedence(String expr, String expected) {
        assertEquals(expected.strip(), shape(expr));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = ";;", quoteCharacter = '`', textBlock = """
            a < b < c ;; 7 ;; syntax error at or near "<"
            a = b = c ;; 7 ;; syntax error at or near "="
            a IS NULL IS NULL ;; 11 ;; syntax error at or near "IS"
            a LIKE b LIKE c ;; 10 ;; syntax error at or near "LIKE"
            2 + 3 ! ;; 8 ;; syntax error at end of input
            a + ;; 4 ;; syntax error at end of input
            f(a, ;; 5 ;; syntax error at end of input
            ARRAY[1, 2][1] ;; 12 ;; syntax error at or near "["
            """)
    void nonAssociativeAndIncomplete(String expr, int position, String message) {
        SqlException e = assertThrows(SqlException.class, () -> SqlParser.parseExpression(expr, 0));
        assertEquals(message.strip(), e.getMessage());
        assertEquals(position, e.position());
        assertEquals("42601", e.sqlState());
    }
}
