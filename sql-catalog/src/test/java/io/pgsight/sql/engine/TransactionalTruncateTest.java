package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineSession;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** TRUNCATE inside a transaction block: rows, index entries and a RESTART IDENTITY come back on rollback. */
class TransactionalTruncateTest extends EngineTestSupport {
    @Test
    void rollbackBringsBackRowsIndexesAndTheSequence() {
        EngineSession s = open();
        run(s, "CREATE TABLE t (id serial PRIMARY KEY, v text UNIQUE)");
        run(s, "INSERT INTO t (v) VALUES ('a'), ('b')");
        run(s, "BEGIN");
        run(s, "TRUNCATE t RESTART IDENTITY");
        run(s, "INSERT INTO t (v) VALUES ('c')");
        assertEquals(List.of(List.of("1", "c")), rows(s, "SELECT * FROM t"));
        run(s, "ROLLBACK");
        assertEquals(List.of(List.of("1", "a"), List.of("2", "b")), rows(s, "SELECT * FROM t ORDER BY id"));
        assertEquals("3", one(s, "SELECT nextval('t_id_seq')")); // as PostgreSQL: the restart is undone
        assertEquals("2", one(s, "SELECT id FROM t WHERE v = 'b'"));
        assertError(s, "INSERT INTO t (v) VALUES ('a')", "23505", "duplicate key value violates unique constraint \"t_v_key\"");
    }

    @Test
    void commitEmptiesTheTableAndItsIndexes() {
        EngineSession s = open();
        run(s, "CREATE TABLE t (id int PRIMARY KEY)");
        run(s, "INSERT INTO t SELECT generate_series(1, 50)");
        run(s, "BEGIN");
        run(s, "INSERT INTO t VALUES (51)");
        run(s, "TRUNCATE t");
        run(s, "INSERT INTO t VALUES (7)");
        run(s, "COMMIT");
        assertEquals(List.of(List.of("7")), rows(s, "SELECT * FROM t"));
        run(s, "INSERT INTO t VALUES (8), (51)"); // no stale index entries left behind
        assertEquals("3", one(s, "SELECT count(*) FROM t"));
    }

    @Test
    void savepointRollbackKeepsWhatCameBefore() {
        EngineSession s = open();
        run(s, "CREATE TABLE t (a int)");
        run(s, "INSERT INTO t VALUES (1), (2)");
        run(s, "BEGIN");
        run(s, "INSERT INTO t VALUES (3)");
        run(s, "SAVEPOINT p");
        run(s, "TRUNCATE t");
        run(s, "ROLLBACK TO p");
        run(s, "COMMIT");
        assertEquals("3", one(s, "SELECT count(*) FROM t"));
    }

    @Test
    void vectorIndexesComeBackOnRollbackAndStartEmptyOnCommit() {
        EngineSession s = open();
        run(s, "CREATE EXTENSION vector");
        run(s, "CREATE TABLE items (id int, e vector(3))");
        run(s, "INSERT INTO items SELECT g, ARRAY[g, g, g]::vector FROM generate_series(1, 200) g");
        run(s, "CREATE INDEX ON items USING hnsw (e vector_l2_ops)");
        run(s, "SET enable_seqscan = off");
        String knn = "SELECT id FROM items ORDER BY e <-> '[50, 50, 50.2]' LIMIT 2";
        run(s, "BEGIN");
        run(s, "TRUNCATE items");
        assertEquals(List.of(), rows(s, knn));
        run(s, "ROLLBACK");
        assertEquals(List.of(List.of("50"), List.of("51")), rows(s, knn));
        run(s, "TRUNCATE items"); // the new, empty index is built for vector(3) too
        run(s, "INSERT INTO items VALUES (7, '[50, 50, 50]')");
        assertEquals(List.of(List.of("7")), rows(s, knn));
    }
}
