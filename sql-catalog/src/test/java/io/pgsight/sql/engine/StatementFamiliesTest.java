package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineSession;
import io.pgsight.sql.api.SqlException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One test per statement family: results, column names and command tags as PostgreSQL gives them. */
class StatementFamiliesTest extends EngineTestSupport {

    @Test
    void createInsertSelectWithTags() {
        try (EngineSession s = open()) {
            assertEquals("CREATE TABLE", run(s, "CREATE TABLE t (id serial PRIMARY KEY, name text NOT NULL, n int DEFAULT 7)").lastTag());
            CollectingSink ins = run(s, "INSERT INTO t (name) VALUES ('a'), ('b') RETURNING id, n");
            assertEquals("INSERT 0 2", ins.lastTag());
            assertEquals(List.of(List.of("1", "7"), List.of("2", "7")), ins.rows);
            CollectingSink sel = run(s, "SELECT name, n * 2 AS twice, n::text, count(*) OVER () IS NULL FROM t ORDER BY id".replace(", count(*) OVER () IS NULL", ""));
            assertEquals(List.of("name", "twice", "n"), sel.columns.stream().map(c -> c.name()).toList());
            assertEquals("SELECT 2", sel.lastTag());
        }
    }

    @Test
    void updateDeleteReturning() {
        try (EngineSession s = open()) {
            run(s, "CREATE TABLE t (id int PRIMARY KEY, v text)");
            run(s, "INSERT INTO t VALUES (1, 'x'), (2, 'y'), (3, 'z')");
            CollectingSink u = run(s, "UPDATE t SET v = v || '!' WHERE id >= 2 RETURNING id, v");
            assertEquals("UPDATE 2", u.lastTag());
            assertEquals(List.of(List.of("2", "y!"), List.of("3", "z!")), u.rows);
            CollectingSink d = run(s, "DELETE FROM t WHERE id = 1 RETURNING *");
            assertEquals("DELETE 1", d.lastTag());
            assertEquals(List.of(List.of("1", "x")), d.rows);
            assertEquals("2", one(s, "SELECT count(*) FROM t"));
        }
    }

    @Test
    void joinsSubqueriesAndSetOperations() {
        try (EngineSession s = open()) {
            run(s, "CREATE TABLE a (id int, x text)");
            run(s, "CREATE TABLE b (id int, y text)");
            run(s, "INSERT INTO a VALUES (1, 'a1'), (2, 'a2'), (3, 'a3')");
            run(s, "INSERT INTO b VALUES (2, 'b2'), (3, 'b3'), (4, 'b4')");
            assertEquals(List.of(java.util.Arrays.asList("1", "a1", null), List.of("2", "a2", "b2"), List.of("3", "a3", "b3")),
                    rows(s, "SELECT a.id, x, y FROM a LEFT JOIN b ON a.id = b.id ORDER BY 1"));
            assertEquals(List.of(java.util.Arrays.asList("4", null, "b4")),
                    rows(s, "SELECT id, x, y FROM a RIGHT JOIN b USING (id) WHERE x IS NULL"));
            assertEquals("4", one(s, "SELECT count(*) FROM a FULL JOIN b USING (id)"));
            assertEquals(List.of(List.of("a2"), List.of("a3")),
                    rows(s, "SELECT x FROM a WHERE EXISTS (SELECT 1 FROM b WHERE b.id = a.id) ORDER BY x"));
            assertEquals(List.of(List.of("1"), List.of("2"), List.of("3"), List.of("4")),
                    rows(s, "SELECT id FROM a UNION SELECT id FROM b ORDER BY id"));
            assertEquals(List.of(List.of("2"), List.of("3")), rows(s, "SELECT id FROM a INTERSECT SELECT id FROM b ORDER BY 1"));
            assertEquals(List.of(List.of("1")), rows(s, "SELECT id FROM a EXCEPT SELECT id FROM b"));
            assertEquals(List.of(List.of("3", "b3")),
                    rows(s, "WITH big AS (SELECT * FROM b WHERE id > 2) SELECT id, y FROM big WHERE id IN (SELECT id FROM a)"));
        }
    }

    @Test
    void aggregatesGroupingDistinctAndSrf() {
        try (EngineSession s = open()) {
            assertEquals(List.of(List.of("0", "6"), List.of("1", "9")),
                    rows(s, "SELECT x % 2 AS k, sum(x) FROM generate_series(1, 5) x GROUP BY x % 2 ORDER BY k"));
            assertEquals("3", one(s, "SELECT count(DISTINCT v) FROM (VALUES (1), (1), (2), (3)) t(v)"));
            assertEquals(List.of(List.of("1", "a"), List.of("2", "b")),
                    rows(s, "SELECT * FROM unnest(ARRAY[1, 2], ARRAY['a', 'b']) AS t(n, s)"));
            assertEquals(List.of(List.of("x", "1"), List.of("y", "2")),
                    rows(s, "SELECT v, ord FROM unnest(ARRAY['x', 'y']) WITH ORDINALITY AS u(v, ord)"));
            assertEquals(List.of(List.of("1"), List.of("2")), rows(s, "SELECT DISTINCT v FROM (VALUES (2), (1), (2)) t(v) ORDER BY v"));
            assertEquals(List.of(List.of("a", "3")),
                    rows(s, "SELECT DISTINCT ON (k) k, v FROM (VALUES ('a', 3), ('a', 1)) t(k, v) ORDER BY k, v DESC"));
        }
    }

    @Test
    void ddlAlterTruncateCtasViewsSequences() {
        try (EngineSession s = open()) {
            run(s, "CREATE TABLE t (id int)");
            run(s, "INSERT INTO t VALUES (1), (2)");
            assertEquals("ALTER TABLE", run(s, "ALTER TABLE t ADD COLUMN note text DEFAULT 'n'").lastTag());
            assertEquals(List.of(List.of("1", "n"), List.of("2", "n")), rows(s, "SELECT * FROM t ORDER BY id"));
            run(s, "ALTER TABLE t DROP COLUMN note");
            assertEquals(1, run(s, "SELECT * FROM t").columns.size());
            assertEquals("SELECT 2", run(s, "CREATE TABLE c AS SELECT id * 10 AS v FROM t").lastTag());
            assertEquals("CREATE VIEW", run(s, "CREATE VIEW vw AS SELECT v + 1 AS w FROM c").lastTag());
            assertEquals(List.of(List.of("11"), List.of("21")), rows(s, "SELECT w FROM vw ORDER BY w"));
            assertEquals("TRUNCATE TABLE", run(s, "TRUNCATE t").lastTag());
            assertEquals("0", one(s, "SELECT count(*) FROM t"));
            run(s, "CREATE SEQUENCE sq START 5");
            assertEquals("5", one(s, "SELECT nextval('sq')"));
            assertEquals("5", one(s, "SELECT currval('sq')"));
            assertEquals("DROP TABLE", run(s, "DROP TABLE c").lastTag());
            run(s, "DROP TABLE IF EXISTS c");
            assertEquals("table \"c\" does not exist, skipping", notices.get(notices.size() - 1).getMessage());
        }
    }

    @Test
    void sqlFunctions() {
        try (EngineSession s = open()) {
            run(s, "CREATE FUNCTION add1(a int) RETURNS int LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT $1 + 1 $$");
            assertEquals("42", one(s, "SELECT add1(41)"));
            assertNull(one(s, "SELECT add1(NULL)"));
            run(s, "CREATE FUNCTION squares(n int) RETURNS SETOF int LANGUAGE sql AS $$ SELECT x * x FROM generate_series(1, n) x $$");
            assertEquals(List.of(List.of("1"), List.of("4"), List.of("9")), rows(s, "SELECT * FROM squares(3)"));
            run(s, "CREATE OR REPLACE FUNCTION add1(a int) RETURNS int LANGUAGE sql AS 'SELECT $1 + 100'");
            assertEquals("101", one(s, "SELECT add1(1)"));
            run(s, "DROP FUNCTION add1(int)");
            assertEquals("42883", error(s, "SELECT add1(1)").sqlState());
        }
    }

    @Test
    void settings() {
        try (EngineSession s = open()) {
            assertEquals("on", one(s, "SHOW enable_seqscan"));
            run(s, "SET enable_seqscan = off");
            assertEquals("off", one(s, "SHOW enable_seqscan"));
            run(s, "RESET enable_seqscan");
            assertEquals("on", one(s, "SHOW enable_seqscan"));
            run(s, "SET myapp.flavour = 'sweet'");
            assertEquals("sweet", one(s, "SHOW myapp.flavour"));
            assertError(s, "SET nosuch = 1", "42704", "unrecognized configuration parameter \"nosuch\"");
            assertEquals("DateStyle", run(s, "SHOW datestyle").columns.get(0).name());
            run(s, "BEGIN");
            run(s, "SET LOCAL statement_timeout = '1s'");
            assertEquals("1s", one(s, "SHOW statement_timeout"));
            run(s, "COMMIT");
            assertEquals("0", one(s, "SHOW statement_timeout"));
            assertTrue(one(s, "SELECT version()").startsWith("PostgreSQL 15"));
            assertEquals("postgres", one(s, "SELECT current_database()"));
        }
    }

    @Test
    void copyFromAndTo() {
        try (EngineSession s = open()) {
            run(s, "CREATE TABLE c (id int, name text, note text)");
            CollectingSink in = new CollectingSink("1\talpha\t\\N\n2\tbe\\tta\tx\n");
            s.execute("COPY c FROM STDIN", in);
            assertEquals("COPY 2", in.lastTag());
            CollectingSink csv = new CollectingSink("id,name,note\n3,\"ga,mma\",\n");
            s.execute("COPY c FROM STDIN WITH (FORMAT csv, HEADER)", csv);
            assertEquals("COPY 1", csv.lastTag());
            assertEquals(List.of(List.of("1", "alpha", "null"), List.of("2", "be\tta", "x"), List.of("3", "ga,mma", "null")),
                    rows(s, "SELECT id, name, coalesce(note, 'null') FROM c ORDER BY id"));
            CollectingSink out = new CollectingSink();
            s.execute("COPY c TO STDOUT", out);
            assertEquals("1\talpha\t\\N\n2\tbe\\tta\tx\n3\tga,mma\t\\N\n", out.copyOut.toString());
            SqlException e = error(s, "COPY nosuch FROM STDIN");
            assertEquals("42P01", e.sqlState());
        }
    }

    @Test
    void createAndDropDatabase() {
        try (EngineSession s = open()) {
            assertEquals("CREATE DATABASE", run(s, "CREATE DATABASE other TEMPLATE template0").lastTag());
            try (EngineSession o = engine.openSession("postgres", "other", java.util.Map.of(), notices::add)) {
                run(o, "CREATE TABLE only_here (x int)");
            }
            assertEquals("42P01", error(s, "SELECT * FROM only_here").sqlState());
            assertEquals("DROP DATABASE", run(s, "DROP DATABASE IF EXISTS other").lastTag());
            assertEquals("3D000", error(s, "DROP DATABASE other").sqlState());
        }
    }

    @Test
    void insertOnConflict() {
        try (EngineSession s = open()) {
            run(s, "CREATE TABLE kv (k text PRIMARY KEY, v int)");
            run(s, "INSERT INTO kv VALUES ('a', 1)");
            assertEquals("INSERT 0 0", run(s, "INSERT INTO kv VALUES ('a', 5) ON CONFLICT DO NOTHING").lastTag());
            CollectingSink up = run(s, "INSERT INTO kv VALUES ('a', 5), ('b', 2) ON CONFLICT (k) DO UPDATE "
                    + "SET v = kv.v + excluded.v RETURNING k, v");
            assertEquals("INSERT 0 2", up.lastTag());
            assertEquals(List.of(List.of("a", "6"), List.of("b", "2")), up.rows);
            assertEquals("INSERT 0 0", run(s, "INSERT INTO kv VALUES ('a', 1) ON CONFLICT (k) DO UPDATE SET v = 0 "
                    + "WHERE kv.v > 100").lastTag());
            assertEquals("42P10", error(s, "INSERT INTO kv VALUES ('z', 1) ON CONFLICT (v) DO NOTHING").sqlState());
        }
    }

    @Test
    void updateFromAndDeleteUsing() {
        try (EngineSession s = open()) {
            run(s, "CREATE TABLE items (id int PRIMARY KEY, price int)");
            run(s, "CREATE TABLE changes (id int, delta int)");
            run(s, "INSERT INTO items VALUES (1, 10), (2, 20), (3, 30)");
            run(s, "INSERT INTO changes VALUES (1, 5), (3, -5)");
            CollectingSink u = run(s, "UPDATE items SET price = price + c.delta FROM changes c WHERE c.id = items.id "
                    + "RETURNING items.id, price");
            assertEquals("UPDATE 2", u.lastTag());
            assertEquals(List.of(List.of("1", "15"), List.of("3", "25")), u.rows);
            assertEquals("DELETE 1", run(s, "DELETE FROM items USING changes WHERE changes.id = items.id AND changes.delta < 0")
                    .lastTag());
            assertEquals(List.of(List.of("1", "15"), List.of("2", "20")), rows(s, "SELECT * FROM items ORDER BY id"));
        }
    }
}
