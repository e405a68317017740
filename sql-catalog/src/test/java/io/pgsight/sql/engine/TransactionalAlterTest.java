package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineSession;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** ALTER TABLE inside a transaction block is taken back on rollback, every subform, as in PostgreSQL 15. */
class TransactionalAlterTest extends EngineTestSupport {
    private static final String COLUMNS = "SELECT string_agg(attname || ':' || attnotnull || ':' || coalesce(pg_get_expr(d.adbin, d.adrelid), ''), ',' ORDER BY attnum) "
            + "FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
            + "WHERE attrelid = 't'::regclass AND attnum > 0 AND NOT attisdropped";

    private EngineSession withTable() {
        EngineSession s = open();
        run(s, "CREATE TABLE t (id int, v text)");
        run(s, "INSERT INTO t VALUES (1, 'a'), (2, 'b'), (2, 'c')");
        return s;
    }

    @Test
    void everySubformIsUndone() {
        EngineSession s = withTable();
        String before = one(s, COLUMNS);
        run(s, "BEGIN");
        run(s, "ALTER TABLE t ADD COLUMN w int DEFAULT 7");
        run(s, "ALTER TABLE t DROP COLUMN v");
        run(s, "ALTER TABLE t RENAME COLUMN id TO ident");
        run(s, "ALTER TABLE t ALTER COLUMN ident SET DEFAULT 5");
        run(s, "ALTER TABLE t ALTER COLUMN ident SET NOT NULL");
        run(s, "ALTER TABLE t ADD CONSTRAINT t_w_check CHECK (w > 0)");
        run(s, "ALTER TABLE t RENAME TO t2");
        assertEquals(List.of(List.of("1", "7"), List.of("2", "7"), List.of("2", "7")), rows(s, "SELECT * FROM t2 ORDER BY 1"));
        run(s, "ROLLBACK");
        assertEquals(before, one(s, COLUMNS));
        assertEquals(List.of(List.of("1", "a"), List.of("2", "b"), List.of("2", "c")), rows(s, "SELECT * FROM t ORDER BY 2"));
        assertEquals("0", one(s, "SELECT count(*) FROM pg_class WHERE relname = 't2'"));
        assertEquals("0", one(s, "SELECT count(*) FROM pg_constraint WHERE conname = 't_w_check'"));
        run(s, "INSERT INTO t VALUES (NULL, 'n')"); // NOT NULL went with the rollback
    }

    @Test
    void aFailedAddConstraintAndARolledBackOneLeaveNoIndex() {
        EngineSession s = withTable();
        assertError(s, "ALTER TABLE t ADD PRIMARY KEY (id)", "23505", "could not create unique index \"t_pkey\"");
        run(s, "BEGIN");
        run(s, "ALTER TABLE t ADD CONSTRAINT t_v_key UNIQUE (v)");
        run(s, "ROLLBACK");
        assertEquals("0", one(s, "SELECT count(*) FROM pg_class WHERE relname IN ('t_pkey', 't_v_key')"));
        run(s, "INSERT INTO t VALUES (3, 'a')");
    }

    @Test
    void committedAlterStays() {
        EngineSession s = withTable();
        run(s, "BEGIN");
        run(s, "ALTER TABLE t ADD COLUMN w int DEFAULT 7");
        run(s, "ALTER TABLE t RENAME TO t2");
        run(s, "COMMIT");
        assertEquals("21", one(s, "SELECT sum(w) FROM t2"));
    }
}
