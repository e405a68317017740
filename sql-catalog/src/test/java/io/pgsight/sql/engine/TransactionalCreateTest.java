package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineSession;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What CREATE statements make inside a transaction block goes away when the block or savepoint rolls back. */
class TransactionalCreateTest extends EngineTestSupport {
    private static final String OBJECTS = "SELECT (SELECT count(*) FROM pg_class WHERE relname IN ('tx1', 'tx1_v_idx', "
            + "'tx1_id_seq', 'txv', 'inner1')) + (SELECT count(*) FROM pg_proc WHERE proname = 'txf') "
            + "+ (SELECT count(*) FROM pg_namespace WHERE nspname = 'txs')";

    @Test
    void rollbackTakesBackEveryKindOfCreatedObject() {
        EngineSession s = open();
        run(s, "BEGIN");
        run(s, "CREATE TABLE tx1 (id serial PRIMARY KEY, v text)");
        run(s, "CREATE INDEX ON tx1 (v)");
        run(s, "INSERT INTO tx1 (v) VALUES ('a')");
        run(s, "CREATE VIEW txv AS SELECT * FROM tx1");
        run(s, "CREATE FUNCTION txf(int) RETURNS int AS 'select $1' LANGUAGE sql");
        run(s, "CREATE SCHEMA txs");
        run(s, "CREATE TABLE txs.inner1 (a int)");
        assertEquals("7", one(s, OBJECTS));
        notices.clear();
        run(s, "ROLLBACK");
        assertEquals("0", one(s, OBJECTS));
        assertEquals(List.of(), notices, "a rollback prints no DROP notices");
        assertError(s, "SELECT * FROM tx1", "42P01", "relation \"tx1\" does not exist");
        run(s, "CREATE TABLE tx1 (id int)"); // the name is free again
    }

    @Test
    void savepointsAndFailedBlocks() {
        EngineSession s = open();
        run(s, "BEGIN");
        run(s, "CREATE TABLE keep1 (a int)");
        run(s, "SAVEPOINT s1");
        run(s, "CREATE TABLE gone1 (a int)");
        run(s, "ROLLBACK TO s1");
        run(s, "SAVEPOINT s2");
        run(s, "CREATE TABLE keep2 (a int)");
        run(s, "RELEASE s2");
        run(s, "COMMIT");
        assertEquals(List.of(List.of("keep1"), List.of("keep2")),
                rows(s, "SELECT relname FROM pg_class WHERE relname IN ('keep1', 'gone1', 'keep2') ORDER BY 1"));
        run(s, "BEGIN");
        run(s, "CREATE TABLE bad (a int)");
        error(s, "SELECT 1/0");
        run(s, "COMMIT"); // of a failed block: a rollback
        assertEquals("0", one(s, "SELECT count(*) FROM pg_class WHERE relname = 'bad'"));
        run(s, "CREATE TABLE pre (a int)");
        run(s, "BEGIN");
        run(s, "CREATE INDEX pre_a ON pre (a)");
        run(s, "ROLLBACK");
        assertEquals(List.of(List.of("pre")), rows(s, "SELECT relname FROM pg_class WHERE relname IN ('pre', 'pre_a')"));
    }

    @Test
    void disconnectRollsBackToo() {
        EngineSession s = open();
        run(s, "BEGIN");
        run(s, "CREATE TABLE left_open (a int)");
        s.close();
        assertEquals("0", one(open(), "SELECT count(*) FROM pg_class WHERE relname = 'left_open'"));
    }

    @Test
    void durableBlocksAndOtherSessionsDdlDoNotDeadlockAndRestartAgrees(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        EngineImpl e = new EngineImpl(new io.pgsight.sql.api.EngineConfig(java.util.Map.of(), dir.toString()));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<?> inBlock = pool.submit(() -> {
                EngineSession a = e.openSession("postgres", "postgres", java.util.Map.of(), null);
                for (int i = 0; i < 40; i++) {
                    run(a, "BEGIN");
                    run(a, "CREATE TABLE a" + i + " (x int)");
                    run(a, i % 2 == 0 ? "ROLLBACK" : "COMMIT");
                }
                a.close();
            });
            java.util.concurrent.Future<?> outside = pool.submit(() -> {
                EngineSession b = e.openSession("postgres", "postgres", java.util.Map.of(), null);
                for (int i = 0; i < 40; i++) {
                    run(b, "CREATE TABLE b" + i + " (x int)");
                    run(b, "DROP TABLE b" + i);
                }
                b.close();
            });
            inBlock.get(60, java.util.concurrent.TimeUnit.SECONDS);
            outside.get(60, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        String count = "SELECT count(*) FROM pg_class WHERE relname ~ '^[ab][0-9]+$'";
        assertEquals("20", one(e.openSession("postgres", "postgres", java.util.Map.of(), null), count));
        e.crashForTests();
        EngineImpl restarted = new EngineImpl(new io.pgsight.sql.api.EngineConfig(java.util.Map.of(), dir.toString()));
        assertEquals("20", one(restarted.openSession("postgres", "postgres", java.util.Map.of(), null), count));
        restarted.close();
    }
}
