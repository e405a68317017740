package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineSession;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Row constructors, row comparisons and whole-row references; expected texts printed by PostgreSQL 15. */
class RowValuesTest extends EngineTestSupport {
    private EngineSession table() {
        EngineSession s = open();
        run(s, "CREATE TABLE rt (a int PRIMARY KEY, b text, c float8)");
        run(s, "INSERT INTO rt VALUES (1,'x',1.5),(2,'y',null),(3,'has space',2),(4,'',3),(5,null,4)");
        return s;
    }

    @Test
    void rowValuesPrintAsRecordOut() {
        EngineSession s = table();
        assertEquals("(1,a)", one(s, "SELECT ROW(1, 'a')"));
        assertEquals("row", run(s, "SELECT (1, 2)").columns.get(0).name());
        assertEquals(List.of(List.of("(1,x,1.5)"), List.of("(2,y,)"), List.of("(3,\"has space\",2)"),
                List.of("(4,\"\",3)"), List.of("(5,,4)")), rows(s, "SELECT rt FROM rt ORDER BY a"));
        assertEquals("(1,x,1.5)", one(s, "SELECT t FROM rt t WHERE t.a = 1"));
        assertEquals("5", one(s, "SELECT count(rt.*) FROM rt"));
        assertEquals("(1,\"(2,\"\"a b\"\")\",\"{1,2}\")", one(s, "SELECT ROW(1, ROW(2, 'a b'), ARRAY[1,2])"));
        assertEquals("{\"(1,2)\",\"(3,4)\"}", one(s, "SELECT ARRAY[ROW(1,2), ROW(3,4)]"));
    }

    @Test
    void comparisonsGoFieldByFieldWithNullsAsPostgres() {
        EngineSession s = table();
        // (1,null) < (2,null): the first pair already differs, so the nulls are never looked at
        assertEquals(List.of(java.util.Arrays.asList("t", "t", "t", null, "t", "f")),
                rows(s, "SELECT (1,2) = (1,2), (1,2) <> (1,3), (1,2) < (1,3), (1,null) = (1,2), (1,null) < (2,null), "
                        + "(2,null) < (1,5)"));
        assertEquals(List.of(List.of("f", "t", "f", "f")),
                rows(s, "SELECT row(1,2) IS NULL, row(null,null) IS NULL, row(1,null) IS NOT NULL, row(null,null) IS NOT NULL"));
        assertEquals(List.of(List.of("f", "f", "f")), rows(s,
                "SELECT (1,2) IS DISTINCT FROM (1,2), (1,null) IS DISTINCT FROM (1,null), (1,2) IS NOT DISTINCT FROM (1,3)"));
        assertEquals(List.of(List.of("1"), List.of("2")), rows(s, "SELECT a FROM rt WHERE (a, b) IN ((1,'x'),(2,'y')) ORDER BY a"));
        assertEquals(List.of(List.of("3"), List.of("4"), List.of("5")),
                rows(s, "SELECT a FROM rt WHERE (a, b) NOT IN ((1,'x'),(2,'y')) ORDER BY a"));
        assertEquals(List.of(List.of("3"), List.of("4"), List.of("5")), rows(s, "SELECT a FROM rt WHERE (a, c) > (2, 0) ORDER BY a"));
        assertEquals("t", one(s, "SELECT rt = rt FROM rt WHERE a = 1"));
        String plan = String.join("\n", rows(s, "EXPLAIN (COSTS OFF) SELECT * FROM rt WHERE (a, b) = (1, 'x')")
                .stream().map(r -> r.get(0)).toList());
        assertTrue(plan.contains("rt_pkey"), "the row equality reaches the primary key: " + plan);
    }

    @Test
    void rowsAgainstSubqueries() {
        EngineSession s = table();
        // (5,null) = (5,null) is null, so row 5 is not IN its own subquery
        assertEquals(List.of(List.of("4")),
                rows(s, "SELECT a FROM rt WHERE (a, b) IN (SELECT a, b FROM rt WHERE a > 3) ORDER BY a"));
        assertEquals(List.of(List.of("1"), List.of("2"), List.of("3"), List.of("5")),
                rows(s, "SELECT a FROM rt WHERE (a, b) NOT IN (SELECT a, b FROM rt WHERE a > 3 AND b IS NOT NULL) ORDER BY a"));
        assertError(s, "SELECT * FROM rt WHERE (a, b) IN (SELECT a FROM rt)", "42601", "subquery has too few columns");
        assertError(s, "SELECT * FROM rt WHERE a IN (SELECT a, b FROM rt)", "42601", "subquery has too many columns");
    }

    @Test
    void errorsAsPostgres() {
        EngineSession s = table();
        assertError(s, "SELECT (1,2) = (1,2,3)", "42601", "unequal number of entries in row expressions");
        assertError(s, "SELECT (1,2) = 1", "42883", "operator does not exist: record = integer");
        assertError(s, "SELECT '(1,2)'::record", "0A000", "input of anonymous composite types is not implemented");
    }

    @Test
    void recordVariablesDisplayInPlpgsql() {
        EngineSession s = table();
        notices.clear();
        run(s, "DO $$ DECLARE r record; BEGIN SELECT * INTO r FROM rt WHERE a = 1; RAISE NOTICE '%', r; END $$");
        assertEquals("(1,x,1.5)", notices.get(0).getMessage());
    }

    @Test
    void wholeRowOfAScalarFunctionIsItsValue() {
        EngineSession s = open();
        // PostgreSQL 15: a function in FROM returning a base type is its own whole row; composites stay rows
        assertEquals(List.of(List.of("1"), List.of("2")), rows(s, "SELECT g FROM generate_series(1, 2) g"));
        // WITH ORDINALITY: the first column is named after the alias, so g is that column
        assertEquals(List.of(List.of("1"), List.of("2")), rows(s, "SELECT g FROM generate_series(1, 2) WITH ORDINALITY g"));
        assertEquals(List.of(List.of("(1)")), rows(s, "SELECT x FROM (SELECT 1 AS a) x"));
        assertEquals(List.of(List.of("(1,a)"), List.of("(2,b)")),
                rows(s, "SELECT u FROM unnest(ARRAY[1, 2], ARRAY['a', 'b']) u"));
    }
}
