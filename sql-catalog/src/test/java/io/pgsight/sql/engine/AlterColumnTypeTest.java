package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineConfig;
import io.pgsight.sql.api.EngineSession;
import io.pgsight.sql.api.SqlException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** ALTER COLUMN ... TYPE rewrites the table; a rollback brings the old one back, a restart replays a committed one. */
class AlterColumnTypeTest extends EngineTestSupport {
    private static final String TYPES = "SELECT string_agg(attname || ' ' || format_type(atttypid, atttypmod), ', ' ORDER BY attnum) "
            + "FROM pg_attribute WHERE attrelid = 'ct'::regclass AND attnum > 0 AND NOT attisdropped";

    private static EngineSession withTable(EngineSession s) {
        run(s, "CREATE TABLE ct (id int PRIMARY KEY, v text, n int DEFAULT 3)");
        run(s, "INSERT INTO ct VALUES (1, '10', 1), (2, '20', 2)");
        return s;
    }

    @Test
    void convertsWithAssignmentCastsOrUsingAndSaysWhatPostgresSays() {
        EngineSession s = withTable(open());
        SqlException e = assertError(s, "ALTER TABLE ct ALTER COLUMN v TYPE int", "42804",
                "column \"v\" cannot be cast automatically to type integer");
        assertEquals("You might need to specify \"USING v::integer\".", e.hint());
        run(s, "ALTER TABLE ct ALTER COLUMN v TYPE int USING v::int");
        run(s, "ALTER TABLE ct ALTER COLUMN n TYPE bigint");
        assertEquals("id integer, v integer, n bigint", one(s, TYPES));
        assertEquals("30", one(s, "SELECT sum(v) FROM ct"));
        run(s, "INSERT INTO ct (id, v) VALUES (3, 30)");
        assertEquals("3", one(s, "SELECT n FROM ct WHERE id = 3"));
        assertError(s, "INSERT INTO ct VALUES (1, 0, 0)", "23505", "duplicate key value violates unique constraint \"ct_pkey\"");
        assertError(s, "ALTER TABLE ct ALTER COLUMN v TYPE date USING 'x'", "22007", "invalid input syntax for type date: \"x\"");
    }

    @Test
    void rollbackBringsBackTypesValuesAndIndexes() {
        EngineSession s = withTable(open());
        run(s, "BEGIN");
        run(s, "INSERT INTO ct VALUES (5, '50', 5)");
        run(s, "ALTER TABLE ct ALTER COLUMN id TYPE text");
        run(s, "ALTER TABLE ct ALTER COLUMN n TYPE bigint");
        assertEquals(List.of(List.of("text", "bigint", "5", "50")),
                rows(s, "SELECT pg_typeof(id), pg_typeof(n), id, v FROM ct WHERE id = '5'"));
        run(s, "ROLLBACK");
        assertEquals("id integer, v text, n integer", one(s, TYPES));
        assertEquals(List.of(List.of("1", "10"), List.of("2", "20")), rows(s, "SELECT id, v FROM ct ORDER BY id"));
        assertEquals("20", one(s, "SELECT v FROM ct WHERE id = 2"));
    }

    @Test
    void aRestartReplaysTheCommittedRewriteWithTheTransactionsOwnRowChanges(@TempDir Path dir) {
        EngineImpl e = new EngineImpl(new EngineConfig(Map.of(), dir.toString()));
        EngineSession s = withTable(e.openSession("postgres", "postgres", Map.of(), null));
        run(s, "BEGIN");
        run(s, "INSERT INTO ct VALUES (3, '30', 3)");
        run(s, "DELETE FROM ct WHERE id = 1");
        run(s, "ALTER TABLE ct ALTER COLUMN v TYPE int USING v::int");
        run(s, "UPDATE ct SET v = v + 1 WHERE id = 2");
        run(s, "COMMIT");
        run(s, "BEGIN");
        run(s, "ALTER TABLE ct ALTER COLUMN v TYPE text");
        run(s, "ROLLBACK");
        List<List<String>> expected = List.of(List.of("2", "21"), List.of("3", "30"));
        assertEquals(expected, rows(s, "SELECT id, v FROM ct ORDER BY id"));
        e.crashForTests();
        EngineImpl r = new EngineImpl(new EngineConfig(Map.of(), dir.toString()));
        EngineSession t = r.openSession("postgres", "postgres", Map.of(), null);
        assertEquals(expected, rows(t, "SELECT id, v FROM ct ORDER BY id"));
        assertEquals("id integer, v integer, n integer", one(t, TYPES));
        assertEquals("51", one(t, "SELECT sum(v) FROM ct"));
        r.close();
    }
}
