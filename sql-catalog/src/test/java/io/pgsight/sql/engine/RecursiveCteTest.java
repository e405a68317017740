package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineSession;
import io.pgsight.sql.api.SqlException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** WITH RECURSIVE as PostgreSQL 15 evaluates and rejects it (outputs checked against a real server). */
class RecursiveCteTest extends EngineTestSupport {
    @Test
    void iteratesUntilTheRecursiveTermIsEmpty() {
        EngineSession s = open();
        assertEquals(List.of(List.of("5050", "100")),
                rows(s, "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM t WHERE n < 100) "
                        + "SELECT sum(n), count(*) FROM t"));
        assertEquals("0,1,1,2,3,5,8,13,21,34,55,89,144,233,377,610,987,1597",
                one(s, "WITH RECURSIVE fib(a, b) AS (SELECT 0::numeric, 1::numeric UNION ALL "
                        + "SELECT b, a + b FROM fib WHERE a < 1000) SELECT string_agg(a::text, ',') FROM fib"));
        assertEquals(List.of(List.of("1"), List.of("2"), List.of("3")),
                rows(s, "WITH RECURSIVE t(n) AS (VALUES (1) UNION ALL SELECT n+1 FROM t WHERE n < 3) SELECT * FROM t"));
    }

    @Test
    void unionStopsWhenNoNewRowsAppear() {
        EngineSession s = open();
        assertEquals(List.of(List.of("1"), List.of("2"), List.of("3")),
                rows(s, "WITH RECURSIVE t(n) AS (SELECT 1 UNION SELECT (n % 3) + 1 FROM t) SELECT * FROM t ORDER BY n"));
    }

    @Test
    void walksATreeStoredInATable() {
        EngineSession s = open();
        run(s, "CREATE TABLE emp (id int PRIMARY KEY, boss int, name text)");
        run(s, "INSERT INTO emp VALUES (1, NULL, 'ceo'), (2, 1, 'cto'), (3, 2, 'dev'), (4, 2, 'ops'), (5, 1, 'cfo')");
        assertEquals(List.of(List.of("ceo", "0"), List.of("cfo", "1"), List.of("cto", "1"), List.of("dev", "2"),
                        List.of("ops", "2")),
                rows(s, "WITH RECURSIVE chain AS (SELECT id, name, 0 AS depth FROM emp WHERE boss IS NULL "
                        + "UNION ALL SELECT e.id, e.name, c.depth + 1 FROM emp e JOIN chain c ON e.boss = c.id) "
                        + "SELECT name, depth FROM chain ORDER BY depth, name"));
    }

    @Test
    void withoutASelfReferenceItIsAnOrdinaryUnion() {
        EngineSession s = open();
        assertEquals(List.of(List.of("1"), List.of("2")),
                rows(s, "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT 2) SELECT * FROM t"));
    }

    @Test
    void shapeErrorsAsPostgreSql() {
        EngineSession s = open();
        assertError(s, "WITH RECURSIVE t(n) AS (SELECT n FROM t) SELECT * FROM t", "42P19",
                "recursive query \"t\" does not have the form non-recursive-term UNION [ALL] recursive-term");
        assertError(s, "WITH RECURSIVE t(n) AS (SELECT n FROM t UNION ALL SELECT 1) SELECT * FROM t", "42P19",
                "recursive reference to query \"t\" must not appear within its non-recursive term");
        assertError(s, "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM t, t t2 WHERE t.n < 3) SELECT * FROM t",
                "42P19", "recursive reference to query \"t\" must not appear more than once");
        SqlException sub = assertError(s, "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM r WHERE n IN "
                + "(SELECT n FROM r)) SELECT * FROM r", "42P19", "recursive reference to query \"r\" must not appear within a subquery");
        assertEquals(88, sub.position()); // the reference inside the subquery, as PostgreSQL points
        assertEquals(List.of(List.of("1"), List.of("2"), List.of("3")), rows(s, "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL "
                + "SELECT n+1 FROM (SELECT n FROM r) s WHERE n < 3) SELECT * FROM r"));
        assertError(s, "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM t WHERE n < 3 ORDER BY 1) SELECT * FROM t",
                "0A000", "ORDER BY in a recursive query is not implemented");
        SqlException type = assertError(s,
                "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n+0.5 FROM t WHERE n < 3) SELECT * FROM t", "42804",
                "recursive query \"t\" column 1 has type integer in non-recursive term but type numeric overall");
        assertEquals(32, type.position());
        SqlException plain = assertError(s, "WITH t(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM t WHERE n < 3) SELECT * FROM t",
                "42P01", "relation \"t\" does not exist");
        assertEquals("Use WITH RECURSIVE, or re-order the WITH items to remove forward references.", plain.hint());
        assertEquals("1", one(s, "SELECT 1"));
    }
}
