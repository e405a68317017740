package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineSession;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A PL/pgSQL BEGIN ... EXCEPTION block is a subtransaction: the DDL it ran before raising is taken back. */
class ExceptionBlockDdlTest extends EngineTestSupport {
    @Test
    void ddlBeforeTheRaiseIsTakenBackAndDdlAfterTheHandlerStays() {
        EngineSession s = open();
        run(s, "CREATE TABLE keep1 (a int)");
        run(s, "INSERT INTO keep1 VALUES (1), (2)");
        run(s, "DO $$ BEGIN "
                + "BEGIN CREATE TABLE x1 (a int); DROP TABLE keep1; TRUNCATE x1; ALTER TABLE x1 ADD COLUMN b int; "
                + "RAISE EXCEPTION 'boom'; "
                + "EXCEPTION WHEN others THEN RAISE NOTICE 'caught'; END; "
                + "CREATE TABLE x2 (a int); END $$");
        assertEquals("caught", notices.get(notices.size() - 1).getMessage());
        assertEquals("2", one(s, "SELECT count(*) FROM keep1"));
        assertEquals("0", one(s, "SELECT count(*) FROM pg_class WHERE relname = 'x1'"));
        assertEquals("1", one(s, "SELECT count(*) FROM pg_class WHERE relname = 'x2'"));
    }

    @Test
    void aDoBlockThatFailsTakesBackItsDdl() {
        EngineSession s = open();
        run(s, "CREATE TABLE keep1 (a int)");
        run(s, "INSERT INTO keep1 VALUES (1)");
        error(s, "DO $$ BEGIN CREATE TABLE x3 (a int); DROP TABLE keep1; RAISE EXCEPTION 'boom'; END $$");
        assertEquals("1", one(s, "SELECT count(*) FROM keep1"));
        assertEquals("0", one(s, "SELECT count(*) FROM pg_class WHERE relname = 'x3'"));
    }

    @Test
    void aHandledBlockInsideATransactionBlockKeepsWhatCameBefore() {
        EngineSession s = open();
        run(s, "BEGIN");
        run(s, "CREATE TABLE outer1 (a int)");
        run(s, "DO $$ BEGIN DROP TABLE outer1; RAISE EXCEPTION 'x'; EXCEPTION WHEN others THEN NULL; END $$");
        run(s, "INSERT INTO outer1 VALUES (1)");
        run(s, "COMMIT");
        assertEquals("1", one(s, "SELECT count(*) FROM outer1"));
    }
}
