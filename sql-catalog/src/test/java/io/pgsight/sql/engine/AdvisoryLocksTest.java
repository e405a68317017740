package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineSession;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Advisory locks between sessions (LangChain's PGVector starts with pg_advisory_xact_lock): transaction
 * locks last until commit, session locks until unlock or disconnect, shared locks coexist, a session
 * never waits for itself. Values as PostgreSQL 15 returns them.
 */
class AdvisoryLocksTest extends EngineTestSupport {
    @Test
    void locksConflictAcrossSessionsOnly() throws Exception {
        try (EngineSession a = open(); EngineSession b = open()) {
            run(a, "BEGIN");
            run(a, "SELECT pg_advisory_xact_lock(1573678846307946496)");
            assertEquals("t", one(a, "SELECT pg_try_advisory_xact_lock(1573678846307946496)"));
            assertEquals("f", one(b, "SELECT pg_try_advisory_lock(1573678846307946496)"));
            CompletableFuture<String> waiter = CompletableFuture.supplyAsync(
                    () -> one(b, "SELECT 'got it' FROM (SELECT pg_advisory_xact_lock(1573678846307946496)) s"));
            Thread.sleep(150);
            assertFalse(waiter.isDone(), "b must wait while a's transaction holds the lock");
            run(a, "COMMIT");
            assertEquals("got it", waiter.get(10, TimeUnit.SECONDS));

            assertEquals("t", one(a, "SELECT pg_try_advisory_lock_shared(1, 2)"));
            assertEquals("t", one(b, "SELECT pg_try_advisory_lock_shared(1, 2)"));
            assertEquals("f", one(b, "SELECT pg_try_advisory_lock(1, 2)"));
            assertEquals("t", one(a, "SELECT pg_advisory_unlock_shared(1, 2)"));
            assertEquals("t", one(b, "SELECT pg_try_advisory_lock(1, 2)"));
            assertEquals("f", one(a, "SELECT pg_try_advisory_lock(1, 2)"));
        }
        try (EngineSession c = open()) {
            // b disconnected: its session locks are gone
            assertEquals("t", one(c, "SELECT pg_try_advisory_lock(1, 2)"));
            assertEquals("f", one(c, "SELECT pg_advisory_unlock(99)"));
            assertEquals("you don't own a lock of type ExclusiveLock", notices.get(notices.size() - 1).getMessage());
        }
    }
}
