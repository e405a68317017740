package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * json/NAME.sql (test resources) through a session, printed as {@code psql -a -q} prints it, against
 * json/NAME.out, which was recorded from PostgreSQL 15 ({@code psql -X -a -q -f NAME.sql} in a fresh
 * database). json.sql covers json/jsonb input errors, operators, ordering, casts, builders, aggregates,
 * the processing functions and a LangChain-style table with gin indexes; jsonpath.sql the jsonpath
 * type (normalized output, syntax errors), the path language in lax and strict mode, the
 * jsonb_path_* functions, @? and @@, and LangChain PGVector's metadata filters.
 */
class JsonScriptTest extends EngineTestSupport {
    @ParameterizedTest
    @ValueSource(strings = {"json", "jsonpath"})
    void matchesPostgres(String name) throws IOException {
        String script = resource("json/" + name + ".sql");
        String expected = resource("json/" + name + ".out");
        String actual;
        try (EngineSession s = open()) {
            actual = new PsqlScriptRunner(s, name + ".sql", notices).run(script);
        }
        Path outDir = Path.of("target", "compat");
        Files.createDirectories(outDir);
        Files.writeString(outDir.resolve(name + ".out"), actual);
        assertEquals(expected, actual, name + ".sql output differs from PostgreSQL's; see target/compat/" + name + ".out");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = JsonScriptTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
