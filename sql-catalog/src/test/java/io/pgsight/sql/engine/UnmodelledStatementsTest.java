package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineSession;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Triggers and rules would silently not fire, so creating one is refused (0A000) and the session
 * goes on; statements whose no-op changes nothing a query sees (GRANT) keep their command tag.
 */
class UnmodelledStatementsTest extends EngineTestSupport {
    @Test
    void triggersAndRulesAreRefusedGrantsAccepted() {
        try (EngineSession s = open()) {
            run(s, "CREATE TABLE tt(a int)");
            run(s, "CREATE FUNCTION tf() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.a := 5; RETURN NEW; END $$");
            assertEquals("pgsight runs no triggers; compute the column in the INSERT or UPDATE itself.",
                    assertError(s, "CREATE TRIGGER t1 BEFORE INSERT ON tt FOR EACH ROW EXECUTE FUNCTION tf()", "0A000",
                            "CREATE TRIGGER is not supported").hint());
            assertError(s, "create or replace trigger t1 before insert on tt for each row execute function tf()",
                    "0A000", "CREATE TRIGGER is not supported");
            assertError(s, "CREATE CONSTRAINT TRIGGER t2 AFTER INSERT ON tt FOR EACH ROW EXECUTE FUNCTION tf()",
                    "0A000", "CREATE CONSTRAINT TRIGGER is not supported");
            assertError(s, "CREATE RULE r1 AS ON INSERT TO tt DO INSTEAD NOTHING", "0A000",
                    "CREATE RULE is not supported");
            assertEquals(java.util.List.of("GRANT"), run(s, "GRANT SELECT ON tt TO public").tags);
            run(s, "INSERT INTO tt VALUES (1)");
            assertEquals("1", one(s, "SELECT a FROM tt"));
        }
    }
}
