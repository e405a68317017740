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
 * json/jsonb through the engine beyond what json.sql shows: values survive a restart of a durable engine
 * (rows are written with the types' binary forms), a gin index on jsonb is kept across it, and a varchar
 * column takes a unique btree index as LangChain creates one. Expected values as PostgreSQL 15 prints them.
 */
class JsonbEngineTest extends EngineTestSupport {
    @Test
    void jsonValuesSurviveRestart(@TempDir Path dir) {
        String select = "SELECT id, j, k, a FROM jsonb_docs ORDER BY id";
        List<List<String>> expected = List.of(
                List.of("1", "{\"a\": [1, 2.50], \"bb\": null}", "{\"bb\":null, \"a\" : [1, 2.50]}", "{\"{\\\"x\\\": 1}\",[]}"),
                List.of("2", "\"t\\u0001\"", "\"\\u0000\"", "{NULL}"));
        EngineImpl first = new EngineImpl(new EngineConfig(Map.of(), dir.toString()));
        try (EngineSession s = first.openSession("postgres", "postgres", Map.of(), null)) {
            run(s, "CREATE TABLE jsonb_docs (id varchar PRIMARY KEY, j jsonb, k json, a jsonb[])");
            run(s, "CREATE UNIQUE INDEX jsonb_docs_id ON jsonb_docs (id)");
            run(s, "CREATE INDEX jsonb_docs_gin ON jsonb_docs USING gin (j jsonb_path_ops)");
            run(s, "INSERT INTO jsonb_docs VALUES ('1', '{\"bb\":null, \"a\" : [1, 2.50]}', "
                    + "'{\"bb\":null, \"a\" : [1, 2.50]}', ARRAY['{\"x\":1}'::jsonb, '[]']), "
                    + "('2', '\"t\\u0001\"', '\"\\u0000\"', ARRAY[NULL::jsonb])");
            assertEquals(expected, rows(s, select));
        }
        first.close();
        EngineImpl second = new EngineImpl(new EngineConfig(Map.of(), dir.toString()));
        try (EngineSession s = second.openSession("postgres", "postgres", Map.of(), null)) {
            assertEquals(expected, rows(s, select));
            assertEquals("1", one(s, "SELECT id FROM jsonb_docs WHERE j @> '{\"a\": [2.5]}'"));
            assertEquals(List.of(List.of("jsonb_docs_gin"), List.of("jsonb_docs_id"), List.of("jsonb_docs_pkey")),
                    rows(s, "SELECT indexname FROM pg_indexes WHERE tablename = 'jsonb_docs' ORDER BY 1"));
        }
        second.close();
    }

    @Test
    void ginOptionsAreCheckedAsPostgres() {
        try (EngineSession s = open()) {
            run(s, "CREATE TABLE jsonb_g (j jsonb, n int)");
            run(s, "CREATE INDEX ON jsonb_g USING gin (j) WITH (fastupdate = off, gin_pending_list_limit = 128)");
            assertError(s, "CREATE INDEX ON jsonb_g USING gin (j) WITH (gin_pending_list_limit = 10)", "22023",
                    "value 10 out of bounds for option \"gin_pending_list_limit\"");
            assertError(s, "CREATE INDEX ON jsonb_g USING gin (j) WITH (foo = 1)", "22023", "unrecognized parameter \"foo\"");
            assertError(s, "CREATE INDEX ON jsonb_g USING gin (n)", "42704",
                    "data type integer has no default operator class for access method \"gin\"");
        }
    }
}
