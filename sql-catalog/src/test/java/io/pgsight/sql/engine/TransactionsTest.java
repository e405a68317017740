package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineSession;
import io.pgsight.sql.api.SqlException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Visibility between sessions, rollback, savepoints, aborted blocks, statement atomicity, row locks. */
class TransactionsTest extends EngineTestSupport {

    @Test
    void uncommittedRowsAreInvisibleToOthersUntilCommit() {
        try (EngineSession a = open(); EngineSession b = open()) {
            run(a, "CREATE TABLE t (id int PRIMARY KEY, v text)");
            run(a, "BEGIN");
            run(a, "INSERT INTO t VALUES (1, 'one')");
            assertEquals('T', a.transactionStatus());
            assertEquals("1", one(a, "SELECT count(*) FROM t"));
            assertEquals("0", one(b, "SELECT count(*) FROM t"));
            run(a, "COMMIT");
            assertEquals("1", one(b, "SELECT count(*) FROM t"));
        }
    }

    @Test
    void rollbackUndoesEverything() {
        try (EngineSession s = open()) {
            run(s, "CREATE TABLE t (id int PRIMARY KEY, v text)");
            run(s, "INSERT INTO t VALUES (1, 'a')");
            run(s, "BEGIN");
            run(s, "UPDATE t SET v = 'changed'");
            run(s, "DELETE FROM t WHERE id = 1");
            run(s, "INSERT INTO t VALUES (2, 'b')");
            run(s, "ROLLBACK");
            assertEquals(List.of(List.of("1", "a")), rows(s, "SELECT * FROM t"));
            // the key freed by the rolled-back insert is usable again
            run(s, "INSERT INTO t VALUES (2, 'again')");
        }
    }

    @Test
    void failedStatementAbortsBlockUntilRollback() {
        try (EngineSession s = open()) {
            run(s, "BEGIN");
            assertEquals("22012", error(s, "SELECT 1 / 0").sqlState());
            assertEquals('E', s.transactionStatus());
            assertError(s, "SELECT 1", "25P02",
                    "current transaction is aborted, commands ignored until end of transaction block");
            assertEquals("ROLLBACK", run(s, "ROLLBACK").lastTag());
            assertEquals('I', s.transactionStatus());
            assertEquals("1", one(s, "SELECT 1"));
        }
    }

    @Test
    void commitOfFailedBlockReportsRollback() {
        try (EngineSession s = open()) {
            run(s, "CREATE TABLE t (id int)");
            run(s, "BEGIN");
            run(s, "INSERT INTO t VALUES (1)");
            error(s, "SELECT nosuch FROM t");
            assertEquals("ROLLBACK", run(s, "COMMIT").lastTag());
            assertEquals("0", one(s, "SELECT count(*) FROM t"));
        }
    }

    @Test
    void savepointsUndoOnlyTheirPart() {
        try (EngineSession s = open()) {
            run(s, "CREATE TABLE t (name text UNIQUE)");
            run(s, "BEGIN");
            run(s, "INSERT INTO t VALUES ('kept')");
            run(s, "SAVEPOINT sp");
            run(s, "INSERT INTO t VALUES ('dropped')");
            assertEquals("23505", error(s, "INSERT INTO t VALUES ('kept')").sqlState());
            run(s, "ROLLBACK TO SAVEPOINT sp");
            run(s, "SAVEPOINT sp2");
            run(s, "INSERT INTO t VALUES ('released')");
            run(s, "RELEASE SAVEPOINT sp2");
            run(s, "COMMIT");
            assertEquals(List.of(List.of("kept"), List.of("released")), rows(s, "SELECT name FROM t ORDER BY name"));
            assertEquals("3B001", error(s, "BEGIN; ROLLBACK TO nosuch").sqlState());
            run(s, "ROLLBACK");
        }
    }

    @Test
    void multiRowInsertIsAtomic() {
        try (EngineSession s = open()) {
            run(s, "CREATE TABLE t (id int PRIMARY KEY)");
            SqlException e = error(s, "INSERT INTO t VALUES (1), (2), (1)");
            assertEquals("23505", e.sqlState());
            assertEquals("Key (id)=(1) already exists.", e.detail());
            assertEquals("0", one(s, "SELECT count(*) FROM t"));
        }
    }

    @Test
    void constraintViolationsCarryPostgresMessages() {
        try (EngineSession s = open()) {
            run(s, "CREATE TABLE p (id int PRIMARY KEY)");
            run(s, "CREATE TABLE c (id serial, p_id int REFERENCES p(id), qty int CHECK (qty > 0), label varchar(3) NOT NULL)");
            run(s, "INSERT INTO p VALUES (1)");
            SqlException fk = assertError(s, "INSERT INTO c (p_id, qty, label) VALUES (9, 1, 'x')", "23503",
                    "insert or update on table \"c\" violates foreign key constraint \"c_p_id_fkey\"");
            assertEquals("Key (p_id)=(9) is not present in table \"p\".", fk.detail());
            SqlException ck = assertError(s, "INSERT INTO c (p_id, qty, label) VALUES (1, 0, 'x')", "23514",
                    "new row for relation \"c\" violates check constraint \"c_qty_check\"");
            assertEquals("Failing row contains (2, 1, 0, x).", ck.detail());
            assertError(s, "INSERT INTO c (p_id, qty) VALUES (1, 1)", "23502",
                    "null value in column \"label\" of relation \"c\" violates not-null constraint");
            assertError(s, "INSERT INTO c (p_id, qty, label) VALUES (1, 1, 'long')", "22001",
                    "value too long for type character varying(3)");
            run(s, "INSERT INTO c (p_id, qty, label) VALUES (1, 1, 'ok')");
            SqlException del = assertError(s, "DELETE FROM p", "23503",
                    "update or delete on table \"p\" violates foreign key constraint \"c_p_id_fkey\" on table \"c\"");
            assertEquals("Key (id)=(1) is still referenced from table \"c\".", del.detail());
        }
    }

    @Test
    void secondWriterWaitsForTheFirst() throws Exception {
        try (EngineSession a = open(); EngineSession b = open()) {
            run(a, "CREATE TABLE t (id int PRIMARY KEY, n int)");
            run(a, "INSERT INTO t VALUES (1, 0)");
            run(a, "BEGIN");
            run(a, "UPDATE t SET n = n + 1 WHERE id = 1");
            CompletableFuture<String> other = CompletableFuture.supplyAsync(
                    () -> run(b, "UPDATE t SET n = n + 10 WHERE id = 1").lastTag());
            Thread.sleep(200);
            assertFalse(other.isDone(), "the second writer must wait for the row lock");
            run(a, "COMMIT");
            assertEquals("UPDATE 1", other.get(5, TimeUnit.SECONDS));
            assertEquals("11", one(a, "SELECT n FROM t"));
        }
    }

    @Test
    void concurrentInsertsOfOneKeyConflict() throws Exception {
        try (EngineSession a = open(); EngineSession b = open()) {
            run(a, "CREATE TABLE t (id int PRIMARY KEY)");
            run(a, "BEGIN");
            run(a, "INSERT INTO t VALUES (7)");
            CompletableFuture<String> other = CompletableFuture.supplyAsync(() -> {
                try {
                    return run(b, "INSERT INTO t VALUES (7)").lastTag();
                } catch (SqlException e) {
                    return e.sqlState();
                }
            });
            Thread.sleep(200);
            assertFalse(other.isDone());
            run(a, "COMMIT");
            assertEquals("23505", other.get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void cancelAndStatementTimeout() throws Exception {
        try (EngineSession s = open()) {
            CompletableFuture<SqlException> f = CompletableFuture.supplyAsync(() -> {
                try {
                    run(s, "SELECT pg_sleep(10)");
                    return null;
                } catch (SqlException e) {
                    return e;
                }
            });
            Thread.sleep(100);
            s.cancel();
            SqlException e = f.get(5, TimeUnit.SECONDS);
            assertEquals("57014", e.sqlState());
            assertEquals("canceling statement due to user request", e.getMessage());
            run(s, "SET statement_timeout = 50");
            assertError(s, "SELECT pg_sleep(5)", "57014", "canceling statement due to statement timeout");
            run(s, "SET statement_timeout = 0");
            assertTrue(one(s, "SELECT 1").equals("1"));
        }
    }
}
