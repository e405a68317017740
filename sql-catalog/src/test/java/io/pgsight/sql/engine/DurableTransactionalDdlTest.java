package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineConfig;
import io.pgsight.sql.api.EngineSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Transactional DDL on a data directory: a restart (clean or after a crash) replays exactly the committed
 * DDL; a rolled-back or still open block's DROP/TRUNCATE/ALTER never reaches the log, and a checkpoint
 * taken while one is open does not copy its uncommitted catalog.
 */
class DurableTransactionalDdlTest {
    private static EngineImpl start(Path dir) {
        return new EngineImpl(new EngineConfig(Map.of(), dir.toString()));
    }

    private static EngineSession open(EngineImpl e) {
        return e.openSession("postgres", "postgres", Map.of(), null);
    }

    private static void exec(EngineSession s, String... sql) {
        for (String q : sql) {
            EngineTestSupport.run(s, q);
        }
    }

    private static String one(EngineSession s, String sql) {
        return EngineTestSupport.one(s, sql);
    }

    private static void setUp(EngineSession s) {
        exec(s, "CREATE TABLE a (id serial PRIMARY KEY, v text)",
                "INSERT INTO a (v) SELECT 'a' || g FROM generate_series(1, 20) g",
                "CREATE TABLE b (x int)", "INSERT INTO b VALUES (1), (2), (3)",
                "CREATE TABLE c (y int)", "INSERT INTO c VALUES (10)", "CREATE TABLE other (n int)");
    }

    private static final String SHAPE = "SELECT (SELECT count(*) FROM a) || '/' || (SELECT count(*) FROM b) || '/' "
            + "|| (SELECT string_agg(relname, ',' ORDER BY relname) FROM pg_class WHERE relname IN ('a', 'b', 'c', 'c2')) || '/' "
            + "|| (SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute WHERE attrelid = 'a'::regclass AND attnum > 0 "
            + "AND NOT attisdropped)";

    @Test
    void rolledBackAndOpenBlocksLeaveNothingAfterCrashOrCheckpoint(@TempDir Path dir) {
        EngineImpl e = start(dir);
        EngineSession s = open(e);
        setUp(s);
        String committed = one(s, SHAPE);
        assertEquals("20/3/a,b,c/id,v", committed);
        exec(s, "BEGIN", "DROP TABLE b", "TRUNCATE a RESTART IDENTITY", "ALTER TABLE a ADD COLUMN w int",
                "ALTER TABLE c RENAME TO c2", "ROLLBACK");
        EngineSession open = open(e);
        exec(open, "BEGIN", "DROP TABLE b", "TRUNCATE a", "ALTER TABLE a DROP COLUMN v", "ALTER TABLE c RENAME TO c2");
        exec(s, "INSERT INTO other VALUES (1)"); // another table's row commits while the block is open
        e.store().checkpoint(); // waits for the open block: nothing uncommitted is copied
        e.crashForTests();

        EngineImpl r = start(dir);
        EngineSession t = open(r);
        assertEquals("20/3/a,b,c/id,v", one(t, SHAPE));
        assertEquals("1", one(t, "SELECT count(*) FROM other"));
        long next = Long.parseLong(one(t, "SELECT nextval('a_id_seq')")); // the rolled-back RESTART IDENTITY is not replayed
        assertEquals(true, next > 20 && next <= 20 + 33, "a_id_seq resumed at " + next);
        r.close(); // clean: a checkpoint
        EngineImpl again = start(dir);
        assertEquals("20/3/a,b,c/id,v", one(open(again), SHAPE));
        again.close();
    }

    @Test
    void committedBlocksAreReplayedInOrderWithTheirSequences(@TempDir Path dir) {
        EngineImpl e = start(dir);
        EngineSession s = open(e);
        setUp(s);
        exec(s, "BEGIN", "INSERT INTO b VALUES (4)", "DROP TABLE b", "CREATE TABLE b (z text)", "INSERT INTO b VALUES ('new')",
                "TRUNCATE a RESTART IDENTITY", "INSERT INTO a (v) VALUES ('x'), ('y')",
                "ALTER TABLE a ADD COLUMN w int DEFAULT 5", "ALTER TABLE c RENAME TO c2",
                "CREATE TABLE d (id serial, note text)", "INSERT INTO d (note) VALUES ('d1'), ('d2')", "COMMIT");
        String committed = one(s, SHAPE);
        assertEquals("2/1/a,b,c2/id,v,w", committed);
        for (boolean crash : new boolean[] {true, false}) {
            if (crash) {
                e.crashForTests();
            } else {
                e.close();
            }
            e = start(dir);
            EngineSession t = open(e);
            assertEquals(committed, one(t, SHAPE));
            assertEquals("new", one(t, "SELECT z FROM b"));
            assertEquals("10", one(t, "SELECT sum(w) FROM a"));
            assertEquals(List.of(List.of("10")), EngineTestSupport.rows(t, "SELECT y FROM c2"));
            // the sequences a restart resumes never hand out a value the committed rows already have
            long nextA = Long.parseLong(one(t, "SELECT nextval('a_id_seq')"));
            long nextD = Long.parseLong(one(t, "SELECT nextval('d_id_seq')"));
            assertEquals(true, nextA > 2 && nextA < 40, "a_id_seq resumed at " + nextA);
            assertEquals(true, nextD > 2 && nextD < 40, "d_id_seq resumed at " + nextD);
            exec(t, "SELECT setval('a_id_seq', 2)", "SELECT setval('d_id_seq', 2)");
        }
        e.close();
    }

    @Test
    void rowsWrittenBeforeAnotherBlocksTruncateAreLoggedOnceThatBlockRollsBack(@TempDir Path dir) throws Exception {
        EngineImpl e = start(dir);
        EngineSession s = open(e);
        setUp(s);
        EngineSession writer = open(e);
        exec(writer, "BEGIN", "INSERT INTO b VALUES (4), (5)");
        exec(s, "BEGIN", "TRUNCATE b");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<?> commit = pool.submit(() -> exec(writer, "COMMIT"));
            Thread.sleep(300);
            assertEquals(false, commit.isDone(), "the commit waits: which rows to log depends on the TRUNCATE's outcome");
            exec(s, "ROLLBACK");
            commit.get(10, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals("5", one(s, "SELECT count(*) FROM b"));
        e.crashForTests();
        EngineImpl r = start(dir);
        assertEquals("5", one(open(r), "SELECT count(*) FROM b"));
        r.close();
    }

    @Test
    void aBlockThatDropsWhatItCreatedAndACommitAfterACheckpointWait(@TempDir Path dir) {
        EngineImpl e = start(dir);
        EngineSession s = open(e);
        setUp(s);
        EngineSession other = open(e);
        exec(other, "BEGIN", "DROP TABLE c");
        e.store().checkpoint();
        exec(other, "COMMIT");
        e.store().checkpoint(); // no block open now: this one is written
        exec(s, "BEGIN", "CREATE TABLE tmp1 (a int)", "INSERT INTO tmp1 VALUES (1)", "DROP TABLE tmp1", "COMMIT");
        e.crashForTests();
        EngineImpl r = start(dir);
        EngineSession t = open(r);
        assertEquals("20/3/a,b/id,v", one(t, SHAPE));
        assertEquals("0", one(t, "SELECT count(*) FROM pg_class WHERE relname = 'tmp1'"));
        r.close();
    }
}
