package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineSession;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DROP inside a transaction block is gone for the block and back, with every row, when it rolls back (PostgreSQL 15). */
class TransactionalDropTest extends EngineTestSupport {
    private EngineSession withTable() {
        EngineSession s = open();
        run(s, "CREATE TABLE d1 (id serial PRIMARY KEY, v text)");
        run(s, "CREATE INDEX d1_v ON d1 (v)");
        run(s, "INSERT INTO d1 (v) SELECT 'v' || g FROM generate_series(1, 100) g");
        run(s, "CREATE VIEW d1v AS SELECT id FROM d1 WHERE id <= 3");
        run(s, "CREATE SEQUENCE dseq START 10");
        run(s, "CREATE FUNCTION dfn(int) RETURNS int AS 'select $1 + 1' LANGUAGE sql");
        return s;
    }

    @Test
    void rollbackBringsBackTablesWithRowsIndexesAndTheirSequence() {
        EngineSession s = withTable();
        run(s, "BEGIN");
        run(s, "DROP TABLE d1 CASCADE");
        assertError(s, "SELECT count(*) FROM d1", "42P01", "relation \"d1\" does not exist");
        run(s, "ROLLBACK");
        assertEquals("100", one(s, "SELECT count(*) FROM d1"));
        assertEquals("v42", one(s, "SELECT v FROM d1 WHERE id = 42"));
        assertEquals(List.of(List.of("1"), List.of("2"), List.of("3")), rows(s, "SELECT * FROM d1v ORDER BY 1"));
        assertEquals("101", one(s, "SELECT nextval('d1_id_seq')"));
        String plan = String.join("\n", rows(s, "EXPLAIN (COSTS OFF) SELECT id FROM d1 WHERE v = 'v7'").stream()
                .map(r -> r.get(0)).toList());
        assertTrue(plan.contains("d1_v"), plan);
        assertEquals("7", one(s, "SELECT id FROM d1 WHERE v = 'v7'"));
        assertError(s, "INSERT INTO d1 VALUES (5, 'dup')", "23505", "duplicate key value violates unique constraint \"d1_pkey\"");
    }

    @Test
    void everyKindOfDropIsTakenBack() {
        EngineSession s = withTable();
        run(s, "CREATE SCHEMA ds");
        run(s, "CREATE TABLE ds.inner1 (a int)");
        run(s, "INSERT INTO ds.inner1 VALUES (1), (2)");
        run(s, "BEGIN");
        run(s, "DROP INDEX d1_v");
        run(s, "DROP VIEW d1v");
        run(s, "DROP SEQUENCE dseq");
        run(s, "DROP FUNCTION dfn(int)");
        run(s, "DROP SCHEMA ds CASCADE");
        assertEquals("0", one(s, "SELECT count(*) FROM pg_class WHERE relname IN ('d1_v', 'd1v', 'dseq', 'inner1')"));
        error(s, "SELECT dfn(1)");
        run(s, "ROLLBACK");
        assertEquals("4", one(s, "SELECT count(*) FROM pg_class WHERE relname IN ('d1_v', 'd1v', 'dseq', 'inner1')"));
        assertEquals("2", one(s, "SELECT dfn(1)"));
        assertEquals("10", one(s, "SELECT nextval('dseq')"));
        assertEquals("2", one(s, "SELECT count(*) FROM ds.inner1"));
    }

    @Test
    void savepointsFailedBlocksAndDisconnects() {
        EngineSession s = withTable();
        run(s, "BEGIN");
        run(s, "SAVEPOINT a");
        run(s, "DROP TABLE d1 CASCADE");
        run(s, "ROLLBACK TO a");
        assertEquals("100", one(s, "SELECT count(*) FROM d1"));
        run(s, "DROP VIEW d1v");
        run(s, "SAVEPOINT b");
        run(s, "DELETE FROM d1 WHERE id > 50");
        run(s, "RELEASE b");
        run(s, "COMMIT");
        assertEquals("50", one(s, "SELECT count(*) FROM d1"));
        assertEquals("0", one(s, "SELECT count(*) FROM pg_class WHERE relname = 'd1v'"));

        run(s, "BEGIN");
        run(s, "DROP TABLE d1");
        error(s, "SELECT 1/0");
        run(s, "COMMIT"); // of a failed block: a rollback
        assertEquals("50", one(s, "SELECT count(*) FROM d1"));

        run(s, "BEGIN");
        run(s, "DROP TABLE d1");
        s.close();
        assertEquals("50", one(open(), "SELECT count(*) FROM d1"));
    }

    @Test
    void commitMakesTheDropPermanentAndTheNameFree() {
        EngineSession s = withTable();
        run(s, "BEGIN");
        run(s, "DROP TABLE d1 CASCADE");
        run(s, "CREATE TABLE d1 (other int)");
        run(s, "COMMIT");
        assertEquals(List.of(List.of("other")),
                rows(s, "SELECT attname FROM pg_attribute WHERE attrelid = 'd1'::regclass AND attnum > 0"));
        assertEquals("0", one(s, "SELECT count(*) FROM d1"));
    }

    @Test
    void aFailingStatementLeavesNothingOfItself() {
        EngineSession s = withTable();
        assertError(s, "DROP TABLE d1, nosuch CASCADE", "42P01", "table \"nosuch\" does not exist");
        assertEquals("100", one(s, "SELECT count(*) FROM d1"));
    }

    @Test
    void vectorIndexStillAnswersNearestNeighbourQueriesAfterARolledBackDrop() {
        EngineSession s = open();
        run(s, "CREATE EXTENSION vector");
        run(s, "CREATE TABLE items (id int PRIMARY KEY, e vector(3))");
        run(s, "INSERT INTO items SELECT g, ARRAY[g, g * 2, 100 - g]::vector FROM generate_series(1, 300) g");
        run(s, "CREATE INDEX items_hnsw ON items USING hnsw (e vector_l2_ops)");
        run(s, "CREATE INDEX items_ivf ON items USING ivfflat (e vector_l2_ops) WITH (lists = 4)");
        String knn = "SELECT id FROM items ORDER BY e <-> '[10, 20, 90.1]' LIMIT 3";
        run(s, "SET enable_seqscan = off");
        List<List<String>> before = rows(s, knn);
        assertEquals(List.of(List.of("10"), List.of("9"), List.of("11")), before);
        run(s, "BEGIN");
        run(s, "DROP TABLE items");
        run(s, "ROLLBACK");
        String plan = String.join("\n", rows(s, "EXPLAIN (COSTS OFF) " + knn).stream().map(r -> r.get(0)).toList());
        assertTrue(plan.contains("Index Scan using items_"), plan);
        assertEquals(before, rows(s, knn));
        run(s, "BEGIN");
        run(s, "DROP INDEX items_hnsw");
        run(s, "ROLLBACK");
        run(s, "INSERT INTO items VALUES (1000, '[10, 20, 90.5]')");
        assertEquals("1000", one(s, "SELECT id FROM items ORDER BY e <-> '[10, 20, 90.4]' LIMIT 1"));
    }
}
