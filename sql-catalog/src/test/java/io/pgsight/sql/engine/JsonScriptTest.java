package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineSession;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * json/json.sql (test resources) through a session, printed as {@code psql -a -q} prints it, against
 * json/json.out, which was recorded from PostgreSQL 15 ({@code psql -X -a -q -f json.sql} in a fresh
 * database). Covers json/jsonb input errors, operators, ordering, casts, builders, aggregates, the
 * processing functions and a LangChain-style table with gin indexes.
 */
class JsonScriptTest extends EngineTestSupport {
    @Test
    void matchesPostgres() throws IOException {
        String script = resource("json/json.sql");
        String expected = resource("json/json.out");
        String actual;
        try (EngineSession s = open()) {
            actual = new PsqlScriptRunner(s, "json.sql", notices).run(script);
        }
        Path outDir = Path.of("target", "compat");
        Files.createDirectories(outDir);
        Files.writeString(outDir.resolve("json.out"), actual);
        assertEquals(expected, actual, "json.sql output differs from PostgreSQL's; see target/compat/json.out");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = JsonScriptTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
