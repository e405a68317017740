package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineSession;
import io.pgsight.sql.api.SqlException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Resolution errors with PostgreSQL's SQLSTATE, text, hint and 1-based position. */
class TypeResolutionErrorsTest extends EngineTestSupport {
    private static final String OP_HINT =
            "No operator matches the given name and argument types. You might need to add explicit type casts.";

    @Test
    void operatorAndFunctionErrors() {
        try (EngineSession s = open()) {
            SqlException e = assertError(s, "SELECT 1 <-> 'a'::text", "42883", "operator does not exist: integer <-> text");
            assertEquals(OP_HINT, e.hint());
            assertEquals(10, e.position());
            e = assertError(s, "SELECT nosuchfunc(1)", "42883", "function nosuchfunc(integer) does not exist");
            assertEquals(8, e.position());
            assertEquals("No function matches the given name and argument types. You might need to add explicit type casts.",
                    e.hint());
        }
    }

    @Test
    void nameErrors() {
        try (EngineSession s = open()) {
            run(s, "CREATE TABLE t (id int, y text)");
            run(s, "CREATE TABLE u (id int)");
            assertEquals(8, assertError(s, "SELECT x FROM t", "42703", "column \"x\" does not exist").position());
            assertEquals(8, assertError(s, "SELECT t.x FROM t", "42703", "column t.x does not exist").position());
            assertEquals(15, assertError(s, "SELECT * FROM nosuch", "42P01", "relation \"nosuch\" does not exist").position());
            assertEquals(8, assertError(s, "SELECT id FROM t, u", "42702", "column reference \"id\" is ambiguous").position());
            assertError(s, "CREATE TABLE t (z int)", "42P07", "relation \"t\" already exists");
            assertError(s, "SELEC 1", "42601", "syntax error at or near \"SELEC\"");
        }
    }

    @Test
    void literalCoercionErrorsPointAtTheLiteral() {
        try (EngineSession s = open()) {
            run(s, "CREATE TABLE t (id int, v varchar(2), d numeric(4,2))");
            assertEquals(28, assertError(s, "SELECT * FROM t WHERE id = 'one'", "22P02",
                    "invalid input syntax for type integer: \"one\"").position());
            SqlException e = assertError(s, "INSERT INTO t (id) VALUES ('x'::text)", "42804",
                    "column \"id\" is of type integer but expression is of type text");
            assertEquals("You will need to rewrite or cast the expression.", e.hint());
            assertError(s, "INSERT INTO t (v) VALUES ('abc')", "22001", "value too long for type character varying(2)");
            assertError(s, "INSERT INTO t (d) VALUES (123.456)", "22003", "numeric field overflow");
            run(s, "INSERT INTO t (d) VALUES (1.235)");
            assertEquals("1.24", one(s, "SELECT d FROM t"));
        }
    }

    @Test
    void resultColumnNamesFollowPostgres() {
        try (EngineSession s = open()) {
            CollectingSink r = run(s, "SELECT 1, 'a'::text, 2::int, count(*), CASE WHEN true THEN 1 END, coalesce(1, 2), "
                    + "ARRAY[1], (SELECT 1 AS inner_name), 3 AS named");
            assertEquals(List.of("?column?", "text", "int4", "count", "case", "coalesce", "array", "inner_name", "named"),
                    r.columns.stream().map(c -> c.name()).toList());
            assertEquals(List.of(23, 25, 23, 20, 23, 23, 1007, 23, 23), r.columns.stream().map(c -> c.typeOid()).toList());
        }
    }

    @Test
    void parameterTypesAreInferredFromContext() {
        try (EngineSession s = open()) {
            run(s, "CREATE TABLE t (id int, name text)");
            var p = s.prepare("SELECT name FROM t WHERE id = $1 AND name <> $2", new int[0]);
            assertEquals(List.of(23, 25), java.util.Arrays.stream(p.parameterTypes()).boxed().toList());
            var ins = s.prepare("INSERT INTO t VALUES ($1, $2)", new int[] {0, 0});
            var bound = s.bind(ins, List.of("5".getBytes(), "five".getBytes()), new short[0], new short[0]);
            assertEquals("INSERT 0 1", bound.execute(0, new CollectingSink()));
            var q = s.prepare("SELECT name FROM t WHERE id = $1", new int[] {23});
            CollectingSink out = new CollectingSink();
            var b2 = s.bind(q, List.of("5".getBytes()), new short[0], new short[0]);
            assertEquals("SELECT 1", b2.execute(0, out));
            assertEquals(List.of(List.of("five")), out.rows);
            s.sync();
        }
    }
}
