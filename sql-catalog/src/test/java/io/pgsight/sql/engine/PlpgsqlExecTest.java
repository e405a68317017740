package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineSession;
import io.pgsight.sql.api.SqlException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** PL/pgSQL through a session: control flow, exceptions and subtransactions, RAISE, CONTEXT, FOUND/ROW_COUNT. */
class PlpgsqlExecTest extends EngineTestSupport {
    private List<String> messages() {
        return notices.stream().map(n -> n.severity() + ": " + n.getMessage()).toList();
    }

    private static String fn(String name, String args, String returns, String body) {
        return "CREATE FUNCTION " + name + "(" + args + ") RETURNS " + returns + " LANGUAGE plpgsql AS $$\n" + body
                + "\n$$";
    }

    @Test
    void ifElsifElse() {
        try (EngineSession s = open()) {
            run(s, fn("classify", "v integer", "text", "BEGIN\n  IF v IS NULL THEN\n    RETURN 'null';\n"
                    + "  ELSIF v < 0 THEN\n    RETURN 'negative';\n  ELSE\n    RETURN 'positive';\n  END IF;\nEND;"));
            assertEquals(List.of(List.of("negative"), List.of("positive"), List.of("null")),
                    rows(s, "SELECT classify(v) FROM (VALUES (-5), (7), (NULL)) t(v)"));
        }
    }

    @Test
    void loopsLabelsExitContinue() {
        try (EngineSession s = open()) {
            run(s, fn("loops", "", "text", "DECLARE\n  acc text := '';\n  n int := 0;\nBEGIN\n"
                    + "  FOR i IN REVERSE 10..1 BY 3 LOOP acc := acc || i || ','; END LOOP;\n"
                    + "  <<outer>> LOOP\n    n := n + 1;\n    WHILE true LOOP\n      EXIT outer WHEN n > 3;\n"
                    + "      CONTINUE outer;\n    END LOOP;\n  END LOOP;\n"
                    + "  FOREACH n IN ARRAY ARRAY[7,8] LOOP acc := acc || n; END LOOP;\n"
                    + "  CASE n WHEN 1, 8 THEN acc := acc || ' case8'; ELSE acc := acc || ' else'; END CASE;\n"
                    + "  RETURN acc;\nEND;"));
            assertEquals("10,7,4,1,78 case8", one(s, "SELECT loops()"));
        }
    }

    @Test
    void exceptionBlockRollsBackItsWrites() {
        try (EngineSession s = open()) {
            run(s, "CREATE TABLE t (k int PRIMARY KEY)");
            run(s, "DO $$\nBEGIN\n  INSERT INTO t VALUES (1);\n  BEGIN\n    INSERT INTO t VALUES (2);\n"
                    + "    INSERT INTO t VALUES (1);\n  EXCEPTION WHEN unique_violation THEN\n"
                    + "    RAISE NOTICE 'dup: % %', SQLSTATE, SQLERRM;\n  END;\n"
                    + "  BEGIN PERFORM 1/0; EXCEPTION WHEN SQLSTATE '22012' THEN RAISE NOTICE 'zero'; END;\n"
                    + "  BEGIN PERFORM 1/0; EXCEPTION WHEN others THEN RAISE NOTICE 'others'; END;\nEND\n$$");
            assertEquals(List.of(List.of("1")), rows(s, "SELECT k FROM t ORDER BY k"));
            assertEquals(List.of("NOTICE: dup: 23505 duplicate key value violates unique constraint \"t_pkey\"",
                    "NOTICE: zero", "NOTICE: others"), messages());
        }
    }

    @Test
    void raiseLevelsAndOptions() {
        try (EngineSession s = open()) {
            run(s, "DO $$ BEGIN RAISE NOTICE '% and %% and %', 1.5, NULL; RAISE DEBUG 'hidden'; "
                    + "RAISE WARNING 'w'; RAISE INFO 'i'; END $$");
            assertEquals(List.of("NOTICE: 1.5 and % and <NULL>", "WARNING: w", "INFO: i"), messages());
            SqlException e = error(s, "DO $$ BEGIN RAISE EXCEPTION 'bad %', 42 USING ERRCODE = 'invalid_parameter_value', "
                    + "DETAIL = 'd', HINT = 'h'; END $$");
            assertEquals("22023", e.sqlState());
            assertEquals("bad 42", e.getMessage());
            assertEquals("d", e.detail());
            assertEquals("h", e.hint());
            assertEquals("PL/pgSQL function inline_code_block line 1 at RAISE", e.context());
        }
    }

    @Test
    void contextLines() {
        try (EngineSession s = open()) {
            run(s, fn("f", "x int", "int", "DECLARE y int;\nBEGIN\n  y := 10 / x;\n  RETURN y;\nEND;"));
            SqlException e = error(s, "SELECT f(0)");
            assertEquals("22012", e.sqlState());
            assertEquals("PL/pgSQL function f(integer) line 4 at assignment", e.context());
            e = error(s, "DO $$ BEGIN PERFORM 1 / 0; END $$");
            assertEquals("SQL statement \"SELECT 1 / 0\"\nPL/pgSQL function inline_code_block line 1 at PERFORM",
                    e.context());
            e = error(s, "DO $$ DECLARE x int; BEGIN x := 'abc'; END $$");
            assertEquals("x := 'abc'", e.internalQuery());
            assertEquals(6, e.internalPosition());
            assertEquals(0, e.position());
            run(s, fn("g", "", "int", "BEGIN\n  RETURN f(0);\nEND;"));
            e = error(s, "SELECT g()");
            assertEquals("PL/pgSQL function f(integer) line 4 at assignment\n"
                    + "PL/pgSQL function g() line 3 at RETURN", e.context());
        }
    }

    @Test
    void foundRowCountAndInto() {
        try (EngineSession s = open()) {
            run(s, "CREATE TABLE t (k int, v text)");
            run(s, fn("counts", "", "text", "DECLARE n bigint; r record; x text;\nBEGIN\n"
                    + "  INSERT INTO t SELECT g, 'v' || g FROM generate_series(1, 4) g;\n"
                    + "  GET DIAGNOSTICS n = ROW_COUNT;\n"
                    + "  UPDATE t SET v = 'u' WHERE k = 3 RETURNING v INTO x;\n"
                    + "  SELECT * INTO r FROM t WHERE k = 99;\n"
                    + "  IF NOT FOUND THEN x := x || ' notfound'; END IF;\n"
                    + "  SELECT * INTO STRICT r FROM t WHERE k = 1;\n"
                    + "  IF FOUND THEN x := x || ' found'; END IF;\n"
                    + "  RETURN n || ' ' || x || ' ' || r.v;\nEND;"));
            assertEquals("4 u notfound found v1", one(s, "SELECT counts()"));
            SqlException e = error(s, "DO $$ DECLARE r record; BEGIN SELECT * INTO STRICT r FROM t; END $$");
            assertEquals("P0003", e.sqlState());
        }
    }

    @Test
    void setReturningAndOutParameters() {
        try (EngineSession s = open()) {
            run(s, fn("evens", "n int", "SETOF int", "BEGIN\n  FOR i IN 1..n LOOP\n    IF i % 2 = 0 THEN RETURN NEXT i; "
                    + "END IF;\n  END LOOP;\n  RETURN QUERY SELECT 100;\nEND;"));
            assertEquals(List.of(List.of("2"), List.of("4"), List.of("100")), rows(s, "SELECT * FROM evens(5)"));
            run(s, "CREATE FUNCTION two(OUT a int, OUT b text) LANGUAGE plpgsql AS $$ BEGIN a := 1; b := 'x'; END $$");
            assertEquals(List.of(List.of("1", "x")), rows(s, "SELECT * FROM two()"));
            run(s, "CREATE FUNCTION tab(n int) RETURNS TABLE (k int, sq int) LANGUAGE plpgsql AS $$\n"
                    + "BEGIN FOR i IN 1..n LOOP k := i; sq := i * i; RETURN NEXT; END LOOP; END $$");
            assertEquals(List.of(List.of("1", "1"), List.of("2", "4")), rows(s, "SELECT * FROM tab(2)"));
        }
    }

    @Test
    void dynamicSql() {
        try (EngineSession s = open()) {
            run(s, "CREATE TABLE t (k int)");
            run(s, fn("dyn", "tbl text", "bigint", "DECLARE c bigint;\nBEGIN\n"
                    + "  EXECUTE 'INSERT INTO ' || tbl || ' VALUES ($1), ($2)' USING 5, 6;\n"
                    + "  EXECUTE 'SELECT count(*) FROM ' || tbl || ' WHERE k >= $1' INTO c USING 6;\n  RETURN c;\nEND;"));
            assertEquals("1", one(s, "SELECT dyn('t')"));
        }
    }

    @Test
    void endWithoutReturnAndConstants() {
        try (EngineSession s = open()) {
            run(s, fn("noret", "", "int", "BEGIN\nEND;"));
            SqlException e = error(s, "SELECT noret()");
            assertEquals("2F005", e.sqlState());
            e = error(s, "DO $$ DECLARE c CONSTANT int := 1; BEGIN c := 2; END $$");
            assertEquals("22005", e.sqlState());
            run(s, "CREATE FUNCTION nothing() RETURNS void LANGUAGE plpgsql AS $$ BEGIN END $$");
            assertNull(rows(s, "SELECT nothing()").get(0).get(0));
        }
    }

    @Test
    void sqlFunctionContext() {
        try (EngineSession s = open()) {
            run(s, "CREATE FUNCTION gen(n int) RETURNS int LANGUAGE sql AS $$ SELECT 10 / g FROM generate_series(0, n) g $$");
            SqlException e = error(s, "SELECT gen(2)");
            assertEquals("22012", e.sqlState());
            assertEquals("SQL function \"gen\" statement 1", e.context());
            run(s, "CREATE FUNCTION inl(n int) RETURNS int LANGUAGE sql AS $$ SELECT 10 / n $$");
            e = error(s, "SELECT inl(0)");
            assertNull(e.context());
            run(s, "CREATE FUNCTION viapl(n int) RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN gen(n); END $$");
            e = error(s, "SELECT viapl(1)");
            assertEquals("SQL function \"gen\" statement 1\nPL/pgSQL function viapl(integer) line 1 at RETURN",
                    e.context());
        }
    }
}
