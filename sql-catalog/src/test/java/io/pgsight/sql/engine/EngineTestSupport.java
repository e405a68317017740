package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineConfig;
import io.pgsight.sql.api.EngineSession;
import io.pgsight.sql.api.SqlException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Helpers shared by engine tests: a fresh engine, sessions, one-statement runs. */
abstract class EngineTestSupport {
    final EngineImpl engine = new EngineImpl(EngineConfig.inMemory());
    final List<SqlException> notices = new ArrayList<>();

    EngineSession open() {
        return engine.openSession("postgres", "postgres", Map.of(), notices::add);
    }

    static CollectingSink run(EngineSession s, String sql) {
        CollectingSink sink = new CollectingSink();
        s.execute(sql, sink);
        return sink;
    }

    static List<List<String>> rows(EngineSession s, String sql) {
        return run(s, sql).rows;
    }

    static String one(EngineSession s, String sql) {
        List<List<String>> r = rows(s, sql);
        assertEquals(1, r.size(), "expected one row from " + sql);
        return r.get(0).get(0);
    }

    static SqlException error(EngineSession s, String sql) {
        return assertThrows(SqlException.class, () -> s.execute(sql, new CollectingSink()));
    }

    static SqlException assertError(EngineSession s, String sql, String state, String message) {
        SqlException e = error(s, sql);
        assertEquals(state, e.sqlState(), "SQLSTATE of " + sql + ": " + e.getMessage());
        assertEquals(message, e.getMessage());
        return e;
    }
}
