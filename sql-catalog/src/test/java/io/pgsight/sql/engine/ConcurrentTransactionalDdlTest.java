package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineSession;
import io.pgsight.sql.api.SqlException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Two sessions: a relation another transaction dropped, truncated or altered and has not committed yet is
 * waited on (PostgreSQL's AccessExclusiveLock), so the uncommitted state is never seen or written through.
 */
class ConcurrentTransactionalDdlTest extends EngineTestSupport {
    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private EngineSession withTable() {
        EngineSession s = open();
        run(s, "CREATE TABLE t (id int PRIMARY KEY, v text)");
        run(s, "INSERT INTO t SELECT g, 'v' || g FROM generate_series(1, 100) g");
        return s;
    }

    private static void assertWaiting(Future<?> f) throws InterruptedException {
        Thread.sleep(300);
        assertFalse(f.isDone(), "the other session should wait for the transaction holding the relation");
    }

    private static <T> T result(Future<T> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    @Test
    void readersWaitForADropAndSeeTheOutcome() throws Exception {
        EngineSession a = withTable();
        EngineSession b = open();
        run(a, "BEGIN");
        run(a, "DROP TABLE t");
        Future<String> count = pool.submit(() -> one(b, "SELECT count(*) FROM t"));
        assertWaiting(count);
        run(a, "ROLLBACK");
        assertEquals("100", result(count));

        run(a, "BEGIN");
        run(a, "DROP TABLE t");
        Future<String> again = pool.submit(() -> one(b, "SELECT count(*) FROM t"));
        assertWaiting(again);
        run(a, "COMMIT");
        ExecutionException e = assertThrows(ExecutionException.class, () -> result(again));
        assertEquals("42P01", ((SqlException) e.getCause()).sqlState());
    }

    @Test
    void writersAndDdlWaitForAnAlterOrTruncate() throws Exception {
        EngineSession a = withTable();
        EngineSession b = open();
        run(a, "BEGIN");
        run(a, "ALTER TABLE t ADD COLUMN w int DEFAULT 1");
        Future<?> insert = pool.submit(() -> run(b, "INSERT INTO t VALUES (101, 'x')"));
        assertWaiting(insert);
        run(a, "ROLLBACK");
        result(insert);
        assertEquals("101", one(b, "SELECT count(*) FROM t"));

        run(a, "BEGIN");
        run(a, "TRUNCATE t");
        Future<?> drop = pool.submit(() -> run(b, "DROP TABLE t"));
        assertWaiting(drop);
        run(a, "ROLLBACK");
        result(drop);
        assertEquals("0", one(a, "SELECT count(*) FROM pg_class WHERE relname = 't'"));
    }

    @Test
    void aNameDroppedButNotCommittedIsWaitedOnByCreate() throws Exception {
        EngineSession a = withTable();
        EngineSession b = open();
        run(a, "BEGIN");
        run(a, "DROP TABLE t");
        Future<?> create = pool.submit(() -> run(b, "CREATE TABLE t (other int)"));
        assertWaiting(create);
        run(a, "COMMIT");
        result(create);
        assertEquals("0", one(a, "SELECT count(*) FROM t"));
    }

    @Test
    void aCascadeReachingAnotherBlocksRelationWaitsForIt() throws Exception {
        EngineSession a = open();
        run(a, "CREATE SCHEMA s");
        run(a, "CREATE TABLE s.t1 (x int)");
        run(a, "INSERT INTO s.t1 VALUES (1)");
        EngineSession b = open();
        run(a, "BEGIN");
        run(a, "ALTER TABLE s.t1 ADD COLUMN y int DEFAULT 2");
        Future<?> drop = pool.submit(() -> run(b, "DROP SCHEMA s CASCADE"));
        assertWaiting(drop);
        assertEquals("3", one(a, "SELECT x + y FROM s.t1")); // untouched by the waiting drop
        run(a, "ROLLBACK");
        result(drop);
        assertEquals("0", one(a, "SELECT count(*) FROM pg_namespace WHERE nspname = 's'"));
    }

    @Test
    void ddlIntoASchemaAnotherBlockCreatedWaitsForItsOutcome() throws Exception {
        EngineSession a = open();
        EngineSession b = open();
        run(a, "BEGIN");
        run(a, "CREATE SCHEMA s2");
        Future<?> create = pool.submit(() -> run(b, "CREATE TABLE s2.x (n int)"));
        assertWaiting(create); // else the log could hold the table before the schema it lives in
        run(a, "ROLLBACK");
        ExecutionException e = assertThrows(ExecutionException.class, () -> result(create));
        assertEquals("schema \"s2\" does not exist", e.getCause().getMessage());
    }

    @Test
    void twoBlocksWaitingOnEachOtherGetADeadlockError() throws Exception {
        EngineSession a = withTable();
        run(a, "CREATE TABLE t2 (x int)");
        EngineSession b = open();
        run(a, "BEGIN");
        run(a, "TRUNCATE t");
        run(b, "BEGIN");
        run(b, "TRUNCATE t2");
        Future<String> aWaits = pool.submit(() -> one(a, "SELECT count(*) FROM t2"));
        assertWaiting(aWaits);
        assertError(b, "SELECT count(*) FROM t", "40P01", "deadlock detected");
        run(b, "ROLLBACK");
        assertEquals("0", result(aWaits));
        run(a, "ROLLBACK");
        assertEquals("100", one(b, "SELECT count(*) FROM t"));
    }

    @Test
    void aWaitEndsAtTheStatementTimeout() {
        EngineSession a = withTable();
        EngineSession b = open();
        run(a, "BEGIN");
        run(a, "DROP TABLE t");
        run(b, "SET statement_timeout = 200");
        assertError(b, "SELECT * FROM t", "57014", "canceling statement due to statement timeout");
        run(a, "ROLLBACK");
        assertEquals("100", one(b, "SELECT count(*) FROM t"));
    }
}
